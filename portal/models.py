"""Producer accounts, the reminders already sent, and every change a producer made."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from catalog_sync.registry.models import Certificate, Producer


class ProducerAccount(models.Model):
    """A person who works for one producer. Several people may work for one producer; never staff."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True,
                                related_name="producer_account")
    producer = models.ForeignKey(Producer, on_delete=models.PROTECT, related_name="accounts")
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    invited_at = models.DateTimeField(_("invited at"))
    activated_at = models.DateTimeField(_("password set at"), null=True, blank=True)
    suspended_at = models.DateTimeField(_("suspended at"), null=True, blank=True)
    # Optional second factor: the TOTP secret, sealed (Fernet), and the last time step accepted (no replay).
    totp_sealed = models.TextField(blank=True, editable=False)
    totp_last_step = models.BigIntegerField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["producer__name", "user__email"]
        verbose_name = _("producer account")

    def __str__(self) -> str:
        return f"{self.user.email} ({self.producer.name})"

    @property
    def suspended(self) -> bool:
        return self.suspended_at is not None

    @property
    def has_second_factor(self) -> bool:
        return bool(self.totp_sealed)


class CertificateReminder(models.Model):
    """A reminder email already sent: ``days_before`` the certificate's last valid day, to its producer."""

    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="+")
    valid_until = models.DateField()  # the last valid day the reminder was about
    days_before = models.PositiveSmallIntegerField()
    sent_on = models.DateField()  # Vietnam local date
    recipients = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["certificate", "valid_until", "days_before"],
                                               name="portal_reminder_once")]
        ordering = ["-sent_on", "certificate_id"]

    def __str__(self) -> str:
        return f"{self.certificate_id}: {self.days_before} days before {self.valid_until:%d/%m/%Y}"


class PortalChange(models.Model):
    """One change a producer made through the portal: who, what, before and after, when."""

    account = models.ForeignKey(ProducerAccount, null=True, on_delete=models.SET_NULL, related_name="changes")
    email = models.EmailField()  # who, kept when the account is gone
    producer = models.ForeignKey(Producer, on_delete=models.PROTECT, related_name="+")
    object_type = models.CharField(max_length=40)  # "variant", "page" (the producer's story)
    object_id = models.CharField(max_length=100)  # Saleor's global id
    object_name = models.CharField(max_length=500)
    field = models.CharField(max_length=40)  # "price", "stock"; "story", "photos", "location", "phone", "email"
    before = models.TextField(blank=True)  # a story is longer than a price: the whole value, before and after
    after = models.TextField(blank=True)
    changed_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-changed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.email}: {self.object_name} {self.field} {self.before} → {self.after}"

    @classmethod
    def by(cls, account: ProducerAccount, *, object_type: str, object_id: str, name: str, field: str,
           before: object, after: object) -> PortalChange:
        """A change the signed-in person made (not saved yet): before and after as the audit keeps them, the
        whole value as text ("" for none)."""
        return cls(account=account, email=account.user.email, producer=account.producer, object_type=object_type,
                   object_id=object_id, object_name=name[:500], field=field, before=_as_text(before),
                   after=_as_text(after))

    @classmethod
    def record(cls, account: ProducerAccount, **change: Any) -> PortalChange:
        """``by`` and saved."""
        made = cls.by(account, **change)
        made.save()
        return made


def _as_text(value: object) -> str:
    return "" if value is None else str(value)


class ProducerOrderLine(models.Model):
    """A line of a placed Saleor order whose product was a producer's when the order reached us.

    Written once per line by the app's order webhook, in the same transaction as the email to the producer's
    people (so each line is told once). It says only which orders to read: the portal reads every order from
    Saleor at the time of the request and shows the lines Saleor then says are the producer's.
    """

    line_id = models.CharField(max_length=100, unique=True)  # Saleor's global id of the order line
    order_id = models.CharField(max_length=100, db_index=True)
    order_number = models.PositiveIntegerField()
    producer_page_slug = models.CharField(max_length=120, db_index=True)  # what the product's ``producer`` referenced
    ordered_at = models.DateTimeField()
    recorded_at = models.DateTimeField(auto_now_add=True)
    recipients = models.TextField(blank=True)  # who was emailed ("" when the producer had nobody yet)

    class Meta:
        ordering = ["-order_number", "line_id"]

    def __str__(self) -> str:
        return f"#{self.order_number} {self.line_id} ({self.producer_page_slug})"


class CancelledServiceLine(models.Model):
    """A tourism-service line its producer cancelled in the portal (a service is used or cancelled, never shipped).

    The web database is where a cancellation lives: Saleor has no cancelled line. Where the order was paid, the
    money owed for the line is Saleor's granted refund (``refund_id``), which staff see in the Dashboard."""

    line_id = models.CharField(max_length=100, unique=True)  # Saleor's global id of the order line
    order_id = models.CharField(max_length=100, db_index=True)
    order_number = models.PositiveIntegerField()
    product_name = models.CharField(max_length=500)
    variant_name = models.CharField(max_length=500, blank=True)
    quantity = models.PositiveIntegerField()  # what was cancelled (what was not used yet)
    amount = models.DecimalField(max_digits=14, decimal_places=2)  # the line's price of that quantity
    currency = models.CharField(max_length=3)
    refund_id = models.CharField(max_length=100, blank=True)  # Saleor's granted refund ("" when nothing was paid)
    refund_amount = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    account = models.ForeignKey(ProducerAccount, null=True, on_delete=models.SET_NULL, related_name="+")
    email = models.EmailField()  # who cancelled, kept when the account is gone
    customer_email = models.EmailField(blank=True)
    customer_told = models.BooleanField(default=False)
    cancelled_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-cancelled_at", "-id"]

    def __str__(self) -> str:
        return f"#{self.order_number} {self.product_name} × {self.quantity} cancelled"

    @property
    def refund_owed(self) -> bool:
        return bool(self.refund_id)


class StaffSecondFactor(models.Model):
    """A staff member's second factor: the same TOTP as producers' (optional; superusers' when required)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True,
                                related_name="staff_second_factor")
    totp_sealed = models.TextField(blank=True, editable=False)
    totp_last_step = models.BigIntegerField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("staff second factor")

    def __str__(self) -> str:
        return str(self.user)

    @property
    def has_second_factor(self) -> bool:
        return bool(self.totp_sealed)
