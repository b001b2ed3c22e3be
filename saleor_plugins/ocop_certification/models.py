"""The plugin's own tables in Saleor's database.

- FeedState: the last good copy of the feed (body, ETag, generated_at, and the feed parsed in
  compact form) — a singleton row.
- SyncRun: one row per run, with its status, hold, errors and JSON summary.
- ProductCertification: each OCOP product's certification state as of the last run.
- Withdrawal + WithdrawnListing: each withdrawal with the exact listing state before it, per
  channel, so that a restore puts back exactly that state.
- AuditEntry: every withdrawal and restore (product, certificate, reason, run, time); kept
  when the product is deleted.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce, Length


class FeedState(models.Model):
    SINGLETON_ID = 1

    body = models.BinaryField(null=True, blank=True)
    # The same feed parsed, in compact form (feed_packing.py): a fresh process reads it back
    # without parsing the body. Derived; ignored whenever it does not read back exactly.
    packed = models.BinaryField(null=True, blank=True)
    etag = models.CharField(max_length=1024, blank=True, default="")
    generated_at = models.DateTimeField(null=True, blank=True)
    fetched_at = models.DateTimeField(null=True, blank=True)
    url = models.TextField(blank=True, default="")
    certificate_count = models.IntegerField(default=0)
    next_expiry_scheduled_for = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "last good feed"

    def __str__(self) -> str:
        return f"feed of {self.generated_at} (etag {self.etag or '-'})"

    @classmethod
    def load(cls) -> FeedState:
        """The singleton without its body (megabytes); ``body_size`` tells whether there is one."""
        query = cls.objects.defer("body", "packed").annotate(body_size=Coalesce(Length("body"), 0))
        state = query.filter(pk=cls.SINGLETON_ID).first()
        if state is None:
            cls.objects.bulk_create([cls(pk=cls.SINGLETON_ID)], ignore_conflicts=True)
            state = query.get(pk=cls.SINGLETON_ID)
        return state


class SyncRun(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running"
        DONE = "done"
        HELD = "held"
        DRY_RUN = "dry_run"
        FAILED = "failed"

    trigger = models.CharField(max_length=32, default="command")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.RUNNING)
    dry_run = models.BooleanField(default=False)
    fetched = models.BooleanField(default=False)
    not_modified = models.BooleanField(default=False)
    held = models.BooleanField(default=False)
    hold_reason = models.TextField(blank=True, default="")
    # Product ids a held run would have withdrawn: what --confirm-run approves.
    pending_withdrawals = models.JSONField(default=list, blank=True)
    confirms = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="confirmed_by"
    )
    errors = models.JSONField(default=list, blank=True)
    summary = models.JSONField(default=dict, blank=True)
    feed_generated_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"sync run {self.pk} ({self.status})"


class ProductCertification(models.Model):
    product = models.OneToOneField(
        "product.Product", on_delete=models.CASCADE, related_name="ocop_certification"
    )
    certificate_id = models.CharField(max_length=255, blank=True, default="")  # as linked on the product
    effective_certificate_id = models.CharField(max_length=255, blank=True, default="")  # after renewals
    sellable = models.BooleanField(default=False)
    reason = models.TextField(blank=True, default="")
    stars = models.PositiveSmallIntegerField(null=True, blank=True)
    valid_until = models.DateField(null=True, blank=True)
    checked_at = models.DateTimeField()
    last_run = models.ForeignKey(SyncRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    def __str__(self) -> str:
        return f"product {self.product_id}: {'sellable' if self.sellable else 'not sellable'} ({self.reason})"


class Withdrawal(models.Model):
    product = models.ForeignKey("product.Product", on_delete=models.CASCADE, related_name="ocop_withdrawals")
    certificate_id = models.CharField(max_length=255, blank=True, default="")
    reason = models.TextField()
    run = models.ForeignKey(SyncRun, on_delete=models.PROTECT, related_name="withdrawals")
    withdrawn_at = models.DateTimeField()
    restored_at = models.DateTimeField(null=True, blank=True)
    restored_by = models.ForeignKey(
        SyncRun, null=True, blank=True, on_delete=models.PROTECT, related_name="restorations"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["product"], condition=Q(restored_at__isnull=True), name="ocop_one_open_withdrawal"
            )
        ]

    def __str__(self) -> str:
        return f"withdrawal of product {self.product_id} in run {self.run_id}"


class WithdrawnListing(models.Model):
    """A ProductChannelListing's state before a withdrawal: every field the withdrawal changes."""

    withdrawal = models.ForeignKey(Withdrawal, on_delete=models.CASCADE, related_name="listings")
    channel = models.ForeignKey("channel.Channel", on_delete=models.CASCADE, related_name="+")
    is_published = models.BooleanField()
    published_at = models.DateTimeField(null=True, blank=True)
    available_for_purchase_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["withdrawal", "channel"], name="ocop_withdrawn_listing_once")
        ]

    def __str__(self) -> str:
        return f"listing in channel {self.channel_id} before withdrawal {self.withdrawal_id}"


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        WITHDRAW = "withdraw"
        RESTORE = "restore"

    action = models.CharField(max_length=16, choices=Action.choices)
    product_id = models.IntegerField(db_index=True)
    product_name = models.CharField(max_length=250, blank=True, default="")
    certificate_id = models.CharField(max_length=255, blank=True, default="")
    reason = models.TextField()
    run = models.ForeignKey(SyncRun, on_delete=models.PROTECT, related_name="audit_entries")
    at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.action} product {self.product_id} ({self.reason})"
