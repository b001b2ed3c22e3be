"""Stripe keys per channel, each Saleor transaction's PaymentIntent, and Stripe events already handled.

Models of the ``payments`` app (their tables ``payments_*``): ``catalog_sync.payments.models`` imports them.
"""

from __future__ import annotations

from django.db import models

from catalog_sync.core.secrets import sealed_in


class StripeAccount(models.Model):
    """A channel's Stripe keys. The secret key and the webhook secret are kept sealed (Fernet)."""

    channel_slug = models.SlugField(max_length=100, unique=True)
    publishable_key = models.CharField(max_length=255)
    sealed_secret_key = models.TextField()
    sealed_webhook_secret = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:  # never the secret key
        return f"Stripe for {self.channel_slug} ({self.publishable_key[:12]}…)"

    __repr__ = __str__

    secret_key = sealed_in("sealed_secret_key")
    webhook_secret = sealed_in("sealed_webhook_secret", optional=True)


class Payment(models.Model):
    """One Saleor transaction paid by one PaymentIntent, and what Saleor has been told of it.

    ``status`` is the PaymentIntent's last status seen; once it is ``succeeded`` or ``canceled`` the
    payment is settled and no later or repeated Stripe event changes ``charged_minor``.
    """

    SETTLED = ("succeeded", "canceled")

    saleor_api_url = models.URLField(max_length=500)
    transaction_id = models.CharField(max_length=255, unique=True)
    payment_intent_id = models.CharField(max_length=255, unique=True)
    channel_slug = models.SlugField(max_length=100)
    currency = models.CharField(max_length=3)
    amount_minor = models.BigIntegerField()
    flow = models.CharField(max_length=20, default="CHARGE")  # Saleor's CHARGE or AUTHORIZATION
    status = models.CharField(max_length=40, default="requires_payment_method")
    reported_result = models.CharField(max_length=40, blank=True)
    charged_minor = models.BigIntegerField(default=0)
    authorized_minor = models.BigIntegerField(default=0)
    refunded_minor = models.BigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.payment_intent_id} for {self.transaction_id} ({self.status})"

    @property
    def settled(self) -> bool:
        return self.status in self.SETTLED


class StripeEvent(models.Model):
    """A Stripe event already handled: a redelivery of the same event id changes nothing."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=100)
    payment_intent_id = models.CharField(max_length=255, blank=True)
    received_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.event_id} {self.type}"
