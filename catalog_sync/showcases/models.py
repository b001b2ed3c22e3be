"""Showcases curated in the web service: their schedule, rule, order and every change made to them.

The showcase itself lives in Saleor (a collection); these rows hold what Saleor cannot: the start and end
(Saleor's listings have start dates only), the rule that picks products, which products staff picked by
hand, and the audit trail. A collection made in Saleor's Dashboard has no row here: it is hand-picked,
without dates, and shown as Saleor publishes it.
"""

from __future__ import annotations

import datetime

from django.db import models


class Showcase(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Bản nháp"
        SCHEDULED = "scheduled", "Đã duyệt đăng"

    saleor_id = models.CharField(max_length=100, unique=True, null=True, blank=True)  # the collection's id
    slug = models.SlugField(max_length=255, unique=True)
    name = models.CharField(max_length=250)
    name_en = models.CharField(max_length=250, blank=True)
    description = models.TextField(blank=True)
    description_en = models.TextField(blank=True)
    starts_at = models.DateTimeField(null=True, blank=True)  # None: as soon as it is published
    ends_at = models.DateTimeField(null=True, blank=True)  # None: no end
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DRAFT)
    # The rule: every product for sale now that meets all the criteria set (none set: no rule).
    min_stars = models.PositiveSmallIntegerField(null=True, blank=True)
    group = models.CharField(max_length=64, blank=True)
    product_set = models.CharField(max_length=64, blank=True)
    province = models.CharField(max_length=64, blank=True)
    published = models.BooleanField(default=False)  # what Saleor was last told
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "id"]
        verbose_name = "trưng bày"
        verbose_name_plural = "trưng bày"

    def __str__(self) -> str:
        return self.name

    @property
    def has_rule(self) -> bool:
        return bool(self.min_stars or self.group or self.product_set or self.province)

    def live_at(self, now: datetime.datetime) -> bool:
        """Whether customers may see it at ``now``: approved, started and not ended."""
        return (self.status == self.Status.SCHEDULED
                and (self.starts_at is None or self.starts_at <= now)
                and (self.ends_at is None or now < self.ends_at))


class ShowcaseItem(models.Model):
    """A product of the showcase, at its place in the order; ``by_hand``: staff picked it (else the rule did)."""

    showcase = models.ForeignKey(Showcase, on_delete=models.CASCADE, related_name="items")
    product_id = models.CharField(max_length=100)  # Saleor's product id
    name = models.CharField(max_length=400)  # as last seen, for the staff page when it is no longer for sale
    position = models.PositiveIntegerField()
    by_hand = models.BooleanField(default=False)

    class Meta:
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["showcase", "product_id"], name="showcase_item_once")]

    def __str__(self) -> str:
        return f"{self.position}. {self.name}"


class ShowcaseChange(models.Model):
    """Who changed what in a showcase, and when (``actor`` is the staff email, or the schedule)."""

    showcase = models.ForeignKey(Showcase, on_delete=models.CASCADE, related_name="changes")
    actor = models.CharField(max_length=254)
    action = models.CharField(max_length=64)
    detail = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor}: {self.action}"
