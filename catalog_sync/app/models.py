"""The app's installation in Saleor and the webhook deliveries already handled."""

from __future__ import annotations

from django.db import models

from catalog_sync.core.secrets import sealed_in


class InstallationQuerySet(models.QuerySet["Installation"]):
    def for_api_url(self, api_url: str) -> Installation | None:
        return self.filter(saleor_api_url=normalise_api_url(api_url)).first()


class Installation(models.Model):
    """One Saleor this app is installed in. The token is kept sealed (encrypted), never in settings."""

    saleor_api_url = models.URLField(unique=True, max_length=500)
    app_id = models.CharField(max_length=100, blank=True)
    sealed_token = models.TextField()
    jwks = models.JSONField(default=dict, blank=True)
    jwks_fetched_at = models.DateTimeField(null=True, blank=True)
    jwks_tried_at = models.DateTimeField(null=True, blank=True)  # the last fetch of the key set, good or failed
    installed_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = InstallationQuerySet.as_manager()

    def __str__(self) -> str:
        return f"{self.saleor_api_url} ({self.app_id or 'app id unknown'})"

    token = sealed_in("sealed_token")


class PendingRegistration(models.Model):
    """``ocop saleor install-app`` is installing (or replacing) the app in this Saleor: until ``open_until``,
    /saleor/register/ may store the token Saleor posts. At any other time registration is refused."""

    saleor_api_url = models.URLField(unique=True, max_length=500)
    open_until = models.DateTimeField()
    replacing_app_id = models.CharField(max_length=100, blank=True)
    opened_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.saleor_api_url} (open until {self.open_until:%Y-%m-%d %H:%M:%S})"


class HandledDelivery(models.Model):
    """A webhook body already accepted: a redelivery or replay of it changes nothing."""

    digest = models.CharField(max_length=64, unique=True)
    event = models.CharField(max_length=80)
    issued_at = models.DateTimeField()
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["issued_at"])]

    def __str__(self) -> str:
        return f"{self.event} {self.issued_at:%Y-%m-%d %H:%M:%S}"


def normalise_api_url(url: str) -> str:
    url = url.strip()
    return url if url.endswith("/") else url + "/"
