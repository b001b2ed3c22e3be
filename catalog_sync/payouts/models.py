"""The payouts ledger (what each producer's order lines earned, derived from Saleor's orders), producers' bank
details and their confirmed changes, and payout runs (one payOS batch each, one transfer per producer).

Amounts are whole đồng (``BigIntegerField``). A ledger entry is never edited: a refund or a return is a
reversing entry of its own. Who a line is for is the page slug its product's ``producer`` referenced
(``ProducerOrderLine`` does the same); the registry producer is found from it (``producers.py``).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from catalog_sync.registry.models import Producer


class Entry(models.Model):
    EARNED = "earned"
    REVERSED = "reversed"

    key = models.CharField(max_length=200, unique=True)  # "earn:<line id>", "reverse:<line id>:<quantity so far>"
    kind = models.CharField(max_length=10, choices=[(EARNED, _("earned")), (REVERSED, _("refunded or returned"))])
    producer_slug = models.CharField(max_length=120)
    channel = models.CharField(max_length=100)
    order_id = models.CharField(max_length=100, db_index=True)
    order_number = models.PositiveIntegerField()
    line_id = models.CharField(max_length=100)
    product = models.CharField(max_length=500)
    quantity = models.IntegerField()  # negative in a reversal
    gross = models.BigIntegerField()  # đồng; negative in a reversal
    commission = models.BigIntegerField()
    net = models.BigIntegerField()  # gross - commission
    commission_percent = models.DecimalField(max_digits=5, decimal_places=2)
    happened_at = models.DateTimeField()
    on = models.DateField()  # the Vietnam date it counts on (a statement's month)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["producer_slug", "on"], name="payouts_entry_slug_on")]
        ordering = ["on", "order_number", "id"]

    def __str__(self) -> str:
        return self.key


class BankAccount(models.Model):
    """A producer's confirmed bank details: where their payouts go."""

    producer = models.OneToOneField(Producer, on_delete=models.PROTECT, primary_key=True, related_name="+")
    bank_bin = models.CharField(_("bank"), max_length=6)
    account_number = models.CharField(_("account number"), max_length=19)
    account_name = models.CharField(_("account name"), max_length=100)
    confirmed_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.bank_bin} {self.account_number} {self.account_name}"


class BankAccountChange(models.Model):
    """A change of bank details asked for in the portal; it takes effect only once confirmed from the email
    sent to the producer's people. Kept for ever (staff see every change)."""

    PENDING, CONFIRMED, SUPERSEDED = "pending", "confirmed", "superseded"

    producer = models.ForeignKey(Producer, on_delete=models.PROTECT, related_name="+")
    bank_bin = models.CharField(max_length=6)
    account_number = models.CharField(max_length=19)
    account_name = models.CharField(max_length=100)
    before = models.CharField(max_length=200, blank=True)  # the details it replaces, as shown to staff
    asked_by = models.EmailField()
    asked_at = models.DateTimeField(auto_now_add=True)
    sent_to = models.TextField(blank=True)
    status = models.CharField(max_length=12, default=PENDING)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-asked_at", "-id"]

    def __str__(self) -> str:
        return f"{self.bank_bin} {self.account_number} {self.account_name} ({self.status})"


class Payout(models.Model):
    """One payout run: one payOS batch payout."""

    PREPARED, SENT, DONE, FAILED = "prepared", "sent", "done", "failed"

    month = models.CharField(max_length=7)  # YYYY-MM: entries through that month's last day
    reference = models.CharField(max_length=40, unique=True)  # the batch's referenceId and idempotency key
    status = models.CharField(max_length=10, default=PREPARED)
    payos_id = models.CharField(max_length=100, blank=True)
    started_by = models.CharField(max_length=254, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    polls = models.PositiveIntegerField(default=0)
    problem = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        # who may run one: Django's default permission payouts.add_payout

    def __str__(self) -> str:
        return self.reference


class Transfer(models.Model):
    """One producer's transfer in a payout. Counts as paid unless it failed."""

    PENDING, PROCESSING, SUCCEEDED, FAILED = "PENDING", "PROCESSING", "SUCCEEDED", "FAILED"

    payout = models.ForeignKey(Payout, on_delete=models.PROTECT, related_name="transfers")
    producer = models.ForeignKey(Producer, on_delete=models.PROTECT, related_name="+")
    reference = models.CharField(max_length=60, unique=True)  # the idempotency key: one per producer and run
    amount = models.BigIntegerField()
    bank_bin = models.CharField(max_length=6)
    account_number = models.CharField(max_length=19)
    account_name = models.CharField(max_length=100)
    status = models.CharField(max_length=12, default=PENDING)
    error = models.CharField(max_length=500, blank=True)
    payos_transfer_id = models.CharField(max_length=100, blank=True)
    on = models.DateField()  # the Vietnam date it was sent (the statement's "paid")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["payout", "producer"], name="payouts_one_transfer_each")]
        ordering = ["payout_id", "id"]

    def __str__(self) -> str:
        return self.reference

    @property
    def counts_as_paid(self) -> bool:
        return self.status != self.FAILED



class StatementSent(models.Model):
    """A monthly statement emailed to a producer's people: once per producer and month."""

    producer = models.ForeignKey(Producer, on_delete=models.PROTECT, related_name="+")
    month = models.CharField(max_length=7)
    sent_to = models.TextField(blank=True)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["producer", "month"], name="payouts_statement_once")]

    def __str__(self) -> str:
        return f"{self.producer_id} {self.month}"
