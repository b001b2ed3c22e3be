"""payOS keys per channel, each Saleor transaction's payment request, the transfers already reported, and
refunds waiting for finance staff.

Models of the ``payments`` app (tables ``payments_payos*``): ``catalog_sync.payments.models`` imports them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from catalog_sync.core.secrets import sealed_in


class PayosAccount(models.Model):
    """A channel's payOS payment channel: client id shown, API key and checksum key sealed (Fernet); and,
    optionally, the payOS payout channel's keys (payOS issues them apart) with which producers are paid."""

    channel_slug = models.SlugField(max_length=100, unique=True)
    client_id = models.CharField(max_length=255)
    sealed_api_key = models.TextField()
    sealed_checksum_key = models.TextField()
    payout_client_id = models.CharField(max_length=255, blank=True, default="")
    sealed_payout_api_key = models.TextField(blank=True, default="")
    sealed_payout_checksum_key = models.TextField(blank=True, default="")
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:  # never a key
        return f"payOS for {self.channel_slug} ({self.client_id})"

    __repr__ = __str__

    api_key = sealed_in("sealed_api_key")
    checksum_key = sealed_in("sealed_checksum_key")
    payout_api_key = sealed_in("sealed_payout_api_key", optional=True)
    payout_checksum_key = sealed_in("sealed_payout_checksum_key", optional=True)

    @property
    def pays_out(self) -> bool:
        """Whether the payout channel's keys are set."""
        return bool(self.payout_client_id and self.sealed_payout_api_key and self.sealed_payout_checksum_key)


class PayosPayment(models.Model):
    """One Saleor transaction paid by one payOS payment request (a VietQR transfer), amounts in whole đồng.

    ``status`` is payOS's (PENDING, UNDERPAID, PAID, EXPIRED, CANCELLED); ``charged`` what Saleor was told
    arrived (the sum of the transfers reported), ``failed`` whether Saleor was told the request ended unpaid.
    """

    OPEN = ("PENDING", "UNDERPAID")

    saleor_api_url = models.URLField(max_length=500)
    transaction_id = models.CharField(max_length=255, unique=True)
    payment_link_id = models.CharField(max_length=255, unique=True)
    order_code = models.BigIntegerField(unique=True)
    channel_slug = models.SlugField(max_length=100)
    amount = models.BigIntegerField()
    description = models.CharField(max_length=25)
    qr_code = models.TextField()
    checkout_url = models.URLField(max_length=500)
    bank_bin = models.CharField(max_length=10)
    account_number = models.CharField(max_length=40)
    account_name = models.CharField(max_length=255)
    expires_at = models.DateTimeField()
    status = models.CharField(max_length=20, default="PENDING")
    charged = models.BigIntegerField(default=0)
    refunded = models.BigIntegerField(default=0)
    failed = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"payOS {self.order_code} for {self.transaction_id} ({self.status})"

    def data(self) -> dict[str, object]:
        """What the storefront gets as ``transactionInitialize``'s ``data`` (no key, nothing private)."""
        return {"qrCode": self.qr_code, "checkoutUrl": self.checkout_url, "bin": self.bank_bin,
                "accountNumber": self.account_number, "accountName": self.account_name, "amount": self.amount,
                "description": self.description, "expiresAt": self.expires_at.isoformat()}


class PayosTransfer(models.Model):
    """A bank transfer payOS reported for a payment request (its webhook, handled once by its bank reference),
    with the sender's account, to which a refund is transferred back."""

    payment = models.ForeignKey(PayosPayment, on_delete=models.PROTECT, related_name="transfers")
    reference = models.CharField(max_length=255)
    amount = models.BigIntegerField()
    counter_bank_id = models.CharField(max_length=20, blank=True)
    counter_bank_name = models.CharField(max_length=255, blank=True)
    counter_account_name = models.CharField(max_length=255, blank=True)
    counter_account_number = models.CharField(max_length=40, blank=True)
    reported = models.BooleanField(default=False)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["payment", "reference"], name="payos_transfer_once")]

    def __str__(self) -> str:
        return f"{self.reference}: {self.amount} đ"


class VietQRRefund(models.Model):
    """A refund Saleor asked for (``REFUND_REQUEST`` pending): a bank transfer back that finance staff make
    by hand and then mark done with the bank's reference (``REFUND_SUCCESS`` reported then)."""

    PENDING, DONE = "pending", "done"

    payment = models.ForeignKey(PayosPayment, on_delete=models.PROTECT, related_name="refunds")
    psp_reference = models.CharField(max_length=255, unique=True)
    amount = models.BigIntegerField()
    status = models.CharField(max_length=10, default=PENDING)
    bank_reference = models.CharField(max_length=100, blank=True)
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        permissions = [("transfer_vietqr_refunds", "Can mark VietQR refunds transferred")]

    def __str__(self) -> str:
        return f"{self.psp_reference}: {self.amount} đ ({self.status})"
