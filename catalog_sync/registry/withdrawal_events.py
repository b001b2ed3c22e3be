"""What the certification plugin withdrew and restored, as the app's webhooks carry it: one row per event of the
plugin's audit trail (its id and moment keep each once), with the certificate's province in the registry."""

from __future__ import annotations

import datetime

from django.db import models

from catalog_sync.domain.validity import VIETNAM_TZ
from catalog_sync.domain.withdrawals import reason_vi

from .offices import PROVINCE_CHOICES


class WithdrawalEventQuerySet(models.QuerySet["WithdrawalEvent"]):
    def in_province(self, province: str | None) -> WithdrawalEventQuerySet:
        return self.filter(province=province) if province else self

    def between(self, first: datetime.date, last: datetime.date) -> WithdrawalEventQuerySet:
        """Events on Vietnam-local days ``first`` to ``last``, both included."""
        start = datetime.datetime.combine(first, datetime.time.min, tzinfo=VIETNAM_TZ)
        end = datetime.datetime.combine(last + datetime.timedelta(days=1), datetime.time.min, tzinfo=VIETNAM_TZ)
        return self.filter(at__gte=start, at__lt=end)


class WithdrawalEvent(models.Model):
    class Action(models.TextChoices):
        WITHDRAWN = "withdrawn", "Rút khỏi bán"
        RESTORED = "restored", "Bán lại"

    # The plugin's audit entry id; with ``at``, unique even if Saleor's database is ever started afresh.
    saleor_event_id = models.BigIntegerField()
    product = models.CharField("Sản phẩm (ID Saleor)", max_length=100, db_index=True)
    product_name = models.CharField("Sản phẩm", max_length=250, blank=True)
    certificate_id = models.CharField("Giấy chứng nhận", max_length=255, blank=True, db_index=True)
    # The certificate's current province in the registry when the event arrived ("" when unknown).
    province = models.CharField("Tỉnh, thành phố", max_length=40, blank=True, choices=PROVINCE_CHOICES)
    action = models.CharField("Việc", max_length=10, choices=Action.choices)
    reason = models.TextField("Lý do")
    at = models.DateTimeField("Lúc")
    received_at = models.DateTimeField(auto_now_add=True)

    objects = WithdrawalEventQuerySet.as_manager()

    class Meta:
        verbose_name = "Rút khỏi bán / bán lại"
        verbose_name_plural = "Rút khỏi bán / bán lại"
        constraints = [models.UniqueConstraint(fields=["saleor_event_id", "at"], name="withdrawal_event_once")]
        indexes = [models.Index(fields=["province", "at"], name="withdrawal_event_province_at")]
        ordering = ["-at", "-saleor_event_id"]

    def __str__(self) -> str:
        return f"{self.action} {self.product_name or self.product} ({self.at:%Y-%m-%d %H:%M})"

    @property
    def reason_vi(self) -> str:
        return reason_vi(self.reason)
