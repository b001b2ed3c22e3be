"""Provincial OCOP offices: where each province's weekly digest goes, and which digests went."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models

from catalog_sync.domain.provinces import PROVINCES


def split_emails(value: str) -> list[str]:
    """The addresses in ``value``, one per line or separated by commas or semicolons."""
    return [part.strip() for part in value.replace(";", ",").replace("\n", ",").split(",") if part.strip()]


def validate_emails(value: str) -> None:
    addresses = split_emails(value)
    if not addresses:
        raise ValidationError("Email: cần ít nhất một địa chỉ email.", code="required")
    for address in addresses:
        try:
            validate_email(address)
        except ValidationError:
            raise ValidationError("Email: địa chỉ không hợp lệ: %(address)s", code="invalid",
                                  params={"address": address}) from None


# The 34 current provinces, by name.
PROVINCE_CHOICES: list[tuple[str, str]] = sorted(((p.slug, p.name) for p in PROVINCES), key=lambda c: c[1])


class ProvinceOfficeQuerySet(models.QuerySet["ProvinceOffice"]):
    def active(self) -> ProvinceOfficeQuerySet:
        return self.filter(active=True).order_by("province")


class ProvinceOffice(models.Model):
    """A province's OCOP office (Văn phòng điều phối OCOP), which receives the weekly digest."""

    province = models.CharField("Tỉnh, thành phố", max_length=40, unique=True, choices=PROVINCE_CHOICES)
    emails = models.TextField("Email", validators=[validate_emails],
                              help_text="Một hoặc nhiều địa chỉ, mỗi dòng một địa chỉ hoặc cách nhau bằng dấu phẩy.")
    active = models.BooleanField("Đang nhận bản tin", default=True)

    objects = ProvinceOfficeQuerySet.as_manager()

    class Meta:
        verbose_name = "Văn phòng OCOP tỉnh"
        verbose_name_plural = "Văn phòng OCOP tỉnh"
        ordering = ["province"]

    def __str__(self) -> str:
        return self.get_province_display()

    @property
    def recipients(self) -> list[str]:
        return split_emails(self.emails)


class DigestSent(models.Model):
    """A weekly digest already sent to an office: one per office and ISO week (``2026-W47``, the week reported)."""

    office = models.ForeignKey(ProvinceOffice, on_delete=models.CASCADE, related_name="digests",
                               verbose_name="Văn phòng OCOP tỉnh")
    week = models.CharField("Tuần", max_length=8)
    sent_at = models.DateTimeField("Gửi lúc", auto_now_add=True)
    recipients = models.TextField("Người nhận")
    expiring_count = models.PositiveIntegerField("Sắp hết hạn", default=0)
    withdrawn_count = models.PositiveIntegerField("Đã rút", default=0)

    class Meta:
        verbose_name = "Bản tin tuần đã gửi"
        verbose_name_plural = "Bản tin tuần đã gửi"
        constraints = [models.UniqueConstraint(fields=["office", "week"], name="digest_once_per_office_week")]
        ordering = ["-week", "office"]

    def __str__(self) -> str:
        return f"{self.office} {self.week}"
