"""The OCOP certification registry: certificates as officially recognised.

Query methods are named in business terms (``Certificate.objects.active_on(day)``,
``expiring_within(days)``); the rules themselves live in ``catalog_sync.domain``.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalog_sync.domain.limits import (
    ADDRESS_MAX_LENGTH,
    DECISION_NUMBER_MAX_LENGTH,
    ISSUER_MAX_LENGTH,
    PRODUCER_NAME_MAX_LENGTH,
    PRODUCT_NAME_MAX_LENGTH,
    PROVINCE_AS_WRITTEN_MAX_LENGTH,
)
from catalog_sync.domain.producers import OrganisationType
from catalog_sync.domain.validity import CertificateStatus, status_on, vietnam_today


class Producer(models.Model):
    """A chủ thể: cooperative (HTX), company or registered household."""

    name = models.CharField(_("name"), max_length=PRODUCER_NAME_MAX_LENGTH)
    name_key = models.CharField(max_length=PRODUCER_NAME_MAX_LENGTH, db_index=True, editable=False)
    organisation_type = models.CharField(
        _("organisation type"),
        max_length=20,
        choices=[(t.value, t.value) for t in OrganisationType],
        default=OrganisationType.OTHER.value,
    )
    province = models.CharField(_("province"), max_length=40, blank=True, help_text="current province slug")
    address = models.CharField(_("address"), max_length=ADDRESS_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["name_key", "province"], name="producer_unique_name_in_province")
        ]
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def shares_name(self) -> bool:
        """Another producer of the registry (in another province) has this producer's name key: the two are
        told apart by their province wherever they are named (their pages in the shop, their portals)."""
        known = self.__dict__.get("_shares_name")
        if known is None:
            known = Producer.objects.filter(name_key=self.name_key).exclude(pk=self.pk).exists()
            self.__dict__["_shares_name"] = known
        return bool(known)

    @staticmethod
    def shared_name_keys() -> set[str]:
        """The name keys more than one producer of the registry has."""
        return set(Producer.objects.values("name_key").annotate(n=models.Count("id")).filter(n__gt=1)
                   .values_list("name_key", flat=True))


class DecisionLevel(models.TextChoices):
    DISTRICT = "district", _("District People's Committee")
    PROVINCE = "province", _("Provincial People's Committee")
    CENTRAL = "central", _("Central (Ministry)")


class Decision(models.Model):
    """A recognition decision (e.g. ``2417/QĐ-UBND``) listing many products."""

    number = models.CharField(_("decision number"), max_length=DECISION_NUMBER_MAX_LENGTH)
    signed_on = models.DateField(_("signed on"))
    issuer = models.CharField(_("issuing authority"), max_length=ISSUER_MAX_LENGTH, blank=True)
    level = models.CharField(_("level"), max_length=20, choices=DecisionLevel.choices, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["number", "signed_on"], name="decision_unique_number_date")
        ]
        ordering = ["-signed_on", "number"]

    def __str__(self) -> str:
        return f"{self.number} ({self.signed_on:%d/%m/%Y})"


class CertificateQuerySet(models.QuerySet["Certificate"]):
    def active_on(self, day: datetime.date) -> CertificateQuerySet:
        return self.filter(
            Q(revoked_on__isnull=True) | Q(revoked_on__gt=day),
            issued_on__lte=day,
            valid_until__gte=day,
        )

    def in_catalogue_on(self, day: datetime.date) -> list[tuple[str, Certificate]]:
        """What the shop's catalogue holds on ``day``: per renewal chain, the newest certificate valid that day,
        with the id of the chain's first certificate (the product's stable identity), ordered by that id."""
        supersedes = dict(self.model.objects.filter(supersedes__isnull=False).values_list("id", "supersedes_id"))

        def first_of_chain(certificate_id: str) -> str:
            seen = set()
            while certificate_id in supersedes and certificate_id not in seen:
                seen.add(certificate_id)
                certificate_id = supersedes[certificate_id]
            return certificate_id

        newest: dict[str, Certificate] = {}
        shared = Producer.shared_name_keys()
        for certificate in self.active_on(day).select_related("producer", "decision").order_by("issued_on", "id"):
            certificate.producer.__dict__["_shares_name"] = certificate.producer.name_key in shared
            newest[first_of_chain(certificate.id)] = certificate  # later (newer) ones replace older ones
        return sorted(newest.items())

    def producers_of(self, ids: Iterable[str]) -> dict[str, Producer]:
        """The producer of each of these certificates the registry knows, by certificate id."""
        shared = Producer.shared_name_keys()
        found = {}
        for certificate in self.model.objects.filter(id__in=list(ids)).select_related("producer"):
            certificate.producer.__dict__["_shares_name"] = certificate.producer.name_key in shared
            found[certificate.id] = certificate.producer
        return found

    def expiring_within(self, days: int, today: datetime.date | None = None) -> CertificateQuerySet:
        today = today or vietnam_today()
        return self.active_on(today).filter(valid_until__lte=today + datetime.timedelta(days=days))


class Certificate(models.Model):
    """One product's OCOP certificate. ``id`` is what the QR code on the packaging carries."""

    id = models.CharField(primary_key=True, max_length=20)
    product_name = models.CharField(_("product"), max_length=PRODUCT_NAME_MAX_LENGTH)
    product_key = models.CharField(max_length=PRODUCT_NAME_MAX_LENGTH, editable=False)
    producer = models.ForeignKey(Producer, on_delete=models.PROTECT, related_name="certificates")
    stars = models.PositiveSmallIntegerField(_("stars"))
    score = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    group = models.CharField(_("product group"), max_length=40, blank=True)
    product_set = models.CharField(_("product set"), max_length=60, blank=True)
    province_at_certification = models.CharField(max_length=PROVINCE_AS_WRITTEN_MAX_LENGTH, blank=True)
    province = models.CharField(_("province"), max_length=40, blank=True, help_text="current province slug")
    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="certificates")
    issued_on = models.DateField(_("issued on"))
    valid_until = models.DateField(_("last valid day"))
    # The first day the certificate is no longer valid (it may lie ahead).
    revoked_on = models.DateField(_("revoked from"), null=True, blank=True)
    revocation_reason = models.TextField(blank=True)
    revocation_decision = models.CharField(max_length=DECISION_NUMBER_MAX_LENGTH, blank=True)
    supersedes = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="superseded_by"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(stars__gte=3, stars__lte=5), name="certificate_stars_3_to_5"),
            models.CheckConstraint(
                condition=Q(valid_until__gte=models.F("issued_on")), name="certificate_valid_after_issue"
            ),
            models.UniqueConstraint(
                fields=["decision", "product_key", "producer"], name="certificate_unique_per_decision"
            ),
        ]
        indexes = [models.Index(fields=["product_key", "producer"]), models.Index(fields=["valid_until"])]
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.id} {self.product_name}"

    def status_on(self, day: datetime.date) -> CertificateStatus:
        return status_on(day, issued_on=self.issued_on, valid_until=self.valid_until, revoked_on=self.revoked_on)

    @property
    def status_today(self) -> CertificateStatus:
        return self.status_on(vietnam_today())

    @property
    def in_force_until(self) -> datetime.date:
        """The last day the certificate is valid: its last valid day, or the eve of its revocation."""
        if self.revoked_on is not None and self.revoked_on <= self.valid_until:
            return self.revoked_on - datetime.timedelta(days=1)
        return self.valid_until


class CertificateSequence(models.Model):
    """The last number handed out for ids ``<PROVINCE>-<YEAR>-<NNNN>``."""

    prefix = models.CharField(max_length=4)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["prefix", "year"], name="sequence_unique_prefix_year")]

    def __str__(self) -> str:
        return f"{self.prefix}-{self.year}: {self.last_number}"


class RegistryChange(models.Model):
    """One row, bumped on every write to certificates: the feed's ETag derives from it."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    version = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"registry version {self.version}"


# An upload that is neither confirmed nor discarded within this time is purged, file and rows.
PREVIEW_LIFETIME = datetime.timedelta(days=1)


class ImportBatchQuerySet(models.QuerySet["ImportBatch"]):
    def expired_previews(self, now: datetime.datetime) -> ImportBatchQuerySet:
        """Previews uploaded more than ``PREVIEW_LIFETIME`` before ``now`` and never confirmed."""
        return self.filter(state=ImportBatch.State.PREVIEW, created_at__lt=now - PREVIEW_LIFETIME)

    def purge_expired_previews(self, now: datetime.datetime | None = None) -> int:
        """Delete expired previews with their uploaded files and rows; returns how many."""
        expired = self.expired_previews(now or timezone.now()).only("pk")  # never load the files
        count = expired.count()
        expired.delete()
        return count


class ImportBatch(models.Model):
    class State(models.TextChoices):
        PREVIEW = "preview", _("Preview")
        COMMITTED = "committed", _("Committed")
        DISCARDED = "discarded", _("Discarded")

    file_name = models.CharField(max_length=255)
    file_sha256 = models.CharField(max_length=64)
    file = models.BinaryField(editable=False, help_text="the uploaded file, kept until confirmed")
    decision_no = models.CharField(max_length=DECISION_NUMBER_MAX_LENGTH, blank=True)
    decision_date = models.DateField(null=True, blank=True)
    state = models.CharField(max_length=20, choices=State.choices, default=State.PREVIEW)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    committed_at = models.DateTimeField(null=True, blank=True)
    accepted_count = models.PositiveIntegerField(default=0)
    rejected_count = models.PositiveIntegerField(default=0)
    skipped_count = models.PositiveIntegerField(default=0)

    objects = ImportBatchQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_state_display()})"


class ImportRow(models.Model):
    class Outcome(models.TextChoices):
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")
        SKIPPED = "skipped", _("Skipped")

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="rows")
    row = models.PositiveIntegerField()
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    field = models.CharField(max_length=40, blank=True)
    reason = models.TextField(blank=True)
    product_name = models.CharField(max_length=PRODUCT_NAME_MAX_LENGTH, blank=True)
    producer = models.CharField(max_length=PRODUCER_NAME_MAX_LENGTH, blank=True)
    stars = models.PositiveSmallIntegerField(null=True, blank=True)
    # Plain text, not a foreign key: a preview shows the ids a confirmation would assign.
    certificate_id = models.CharField(max_length=20, blank=True)

    class Meta:
        ordering = ["batch", "row", "id"]
        # The preview and the admin page a batch's rows by outcome, in row order.
        indexes = [models.Index(fields=["batch", "outcome", "row", "id"], name="importrow_batch_outcome_row")]

    def __str__(self) -> str:
        return f"row {self.row}: {self.outcome}"


# Provincial offices and their weekly digests (kept in their own module).
from .offices import DigestSent, ProvinceOffice  # noqa: E402, F401

# What the certification plugin withdrew and restored, carried by the app's webhooks.
from .withdrawal_events import WithdrawalEvent  # noqa: E402, F401
