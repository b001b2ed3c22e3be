"""Turns a parsed recognition list into registry certificates.

``RegistryImporter`` is what the ``registry_import`` command and the staff import
page both hand off to. It works in bulk (a handful of queries per file, not per
row), is idempotent (the same row imported again finds its certificate and keeps
its id) and runs a dry run as the very same work rolled back.
"""

from __future__ import annotations

import datetime
import hashlib
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, BinaryIO

from django.db import transaction
from django.utils import timezone

from catalog_sync.domain.text import match_key
from catalog_sync.domain.validity import last_valid_day
from catalog_sync.importers import AnnexRow, ParsedAnnex, Rejection, Skip, parse_annex

from .ids import id_prefix, reserve_ids
from .models import Certificate, Decision, DecisionLevel, ImportBatch, ImportRow, Producer
from .versioning import bump_registry_version

# A row for a product that already holds a certificate from another decision is a
# renewal when the old certificate is revoked, or ends within this many days of the
# new decision; otherwise it is a duplicate and rejected.
RENEWAL_WINDOW_DAYS = 180

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Accepted:
    row: int
    certificate_id: str
    product_name: str
    producer: str
    stars: int
    created: bool
    supersedes: str | None = None


@dataclass
class ImportResult:
    file: str
    decision_no: str | None
    decision_date: datetime.date | None
    accepted: list[Accepted] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    dry_run: bool = False
    batch_id: int | None = None

    @property
    def created_count(self) -> int:
        return sum(1 for a in self.accepted if a.created)

    def as_json(self) -> dict[str, Any]:
        """The documented ``ocop registry import --json`` object, and nothing more."""
        return {
            "file": self.file,
            "decision_no": self.decision_no,
            "decision_date": self.decision_date.isoformat() if self.decision_date else None,
            "accepted": [
                {
                    "row": a.row,
                    "certificate_id": a.certificate_id,
                    "product_name": a.product_name,
                    "producer": a.producer,
                    "stars": a.stars,
                }
                for a in self.accepted
            ],
            "rejected": [{"row": r.row, "field": r.field, "reason": r.reason} for r in self.rejected],
            "skipped": [{"row": s.row, "reason": s.reason} for s in self.skipped],
        }


def decision_level(issuer: str | None, stars: int, signed_on: datetime.date) -> str:
    """Which level recognised the product, from the issuer's name or else the rules of the day."""
    text = match_key(issuer or "")
    if any(word in text for word in ("bo ", "bnn", "trung uong", "quoc gia")) or text.startswith("bo"):
        return DecisionLevel.CENTRAL
    if "huyen" in text:
        return DecisionLevel.DISTRICT
    if "tinh" in text or "thanh pho" in text:
        return DecisionLevel.PROVINCE
    if not text:
        if stars == 5:
            return DecisionLevel.CENTRAL
        if stars == 4 or signed_on >= datetime.date(2025, 7, 6):
            return DecisionLevel.PROVINCE
        return DecisionLevel.DISTRICT
    return ""


class _DryRunRollback(Exception):
    pass


class RegistryImporter:
    def __init__(self, *, dry_run: bool = False, progress: Progress | None = None, user: Any = None):
        self.dry_run = dry_run
        self.progress = progress
        self.user = user

    def import_file(
        self,
        source: str | os.PathLike[str] | BinaryIO,
        *,
        filename: str | None = None,
        decision_no: str | None = None,
        decision_date: datetime.date | None = None,
        batch: ImportBatch | None = None,
    ) -> ImportResult:
        """Parse and import a file; raises ``AnnexReadError`` when it cannot be read at all.

        ``batch``: a previewed upload being confirmed, recorded in place of a new batch.
        """
        parse_progress = (lambda done, total: self.progress("read", done, total)) if self.progress else None
        parsed = parse_annex(
            source,
            filename=filename,
            decision_no=decision_no,
            decision_date=decision_date,
            progress=parse_progress,
        )
        return self.apply(parsed, file_bytes=_read_bytes(source), batch=batch)

    def apply(
        self, parsed: ParsedAnnex, *, file_bytes: bytes | None = None, batch: ImportBatch | None = None
    ) -> ImportResult:
        result = ImportResult(
            file=parsed.file,
            decision_no=parsed.decision_no,
            decision_date=parsed.decision_date,
            rejected=list(parsed.rejected),
            skipped=list(parsed.skipped),
            dry_run=self.dry_run,
        )
        try:
            with transaction.atomic():
                self._apply_rows(parsed.rows, result)
                if self.dry_run:
                    raise _DryRunRollback
                if any(a.created for a in result.accepted):
                    bump_registry_version()
                result.batch_id = self._record_batch(parsed, result, file_bytes, batch).pk
        except _DryRunRollback:
            pass
        result.rejected.sort(key=lambda r: r.row)
        return result

    # -- the work ------------------------------------------------------------------

    def _apply_rows(self, rows: list[AnnexRow], result: ImportResult) -> None:
        usable = [r for r in rows if r.decision_date is not None]
        decisions = self._decisions(usable)
        producers = self._producers(usable)
        existing, renewed = self._existing_certificates(usable, producers)

        to_create: list[tuple[AnnexRow, Certificate]] = []
        id_needs: Counter[tuple[str, int]] = Counter()
        total = len(rows)
        for done, row in enumerate(rows, start=1):
            if self.progress and (done % 1000 == 0 or done == total):
                self.progress("import", done, total)
            assert row.decision_date is not None  # the parser rejects rows without one
            decision = decisions[(row.decision_no or "", row.decision_date)]
            producer = producers[match_key(row.producer)]
            product_key = match_key(row.product_name)
            same_product = existing.get((product_key, producer.pk), [])

            in_this_decision = next((c for c in same_product if c.decision_id == decision.pk), None)
            if in_this_decision is not None:
                result.accepted.append(self._accepted(row, in_this_decision, created=False))
                continue

            previous = max(same_product, key=lambda c: c.issued_on, default=None)
            supersedes: Certificate | None = None
            if previous is not None:
                problem = self._renewal_problem(previous, decision, renewed)
                if problem:
                    result.rejected.append(Rejection(row=row.row, field="row", reason=problem))
                    continue
                supersedes = previous
                renewed.add(previous.pk)

            certificate = Certificate(
                product_name=row.product_name,
                product_key=product_key,
                producer=producer,
                stars=row.stars,
                score=Decimal(str(row.score)) if row.score is not None else None,
                group=row.group_slug or "",
                product_set=row.set_slug or "",
                province_at_certification=row.province_as_written or "",
                province=row.province_slug or "",
                decision=decision,
                issued_on=row.decision_date,
                valid_until=row.valid_until or last_valid_day(row.decision_date),
                supersedes=supersedes,
            )
            if certificate.valid_until < certificate.issued_on:
                result.rejected.append(
                    Rejection(
                        row=row.row,
                        field="valid_until",
                        reason=(
                            f"last valid day {certificate.valid_until:%d/%m/%Y} is before the "
                            f"decision date {certificate.issued_on:%d/%m/%Y}"
                        ),
                    )
                )
                continue
            id_needs[(id_prefix(row.province_slug), row.decision_date.year)] += 1
            to_create.append((row, certificate))
            existing.setdefault((product_key, producer.pk), []).append(certificate)

        reserved = reserve_ids(id_needs)
        for row, certificate in to_create:
            assert row.decision_date is not None
            certificate.pk = reserved[(id_prefix(row.province_slug), row.decision_date.year)].pop(0)
        Certificate.objects.bulk_create([c for _, c in to_create], batch_size=2000)
        for row, certificate in to_create:
            result.accepted.append(self._accepted(row, certificate, created=True))
        result.accepted.sort(key=lambda a: a.row)

    @staticmethod
    def _renewal_problem(previous: Certificate, decision: Decision, renewed: set[str]) -> str | None:
        describe = (
            f"{previous.pk} under decision {previous.decision.number or '(no number)'} of "
            f"{previous.issued_on:%d/%m/%Y}, valid until {previous.valid_until:%d/%m/%Y}"
        )
        if previous.pk in renewed:
            return f"already renewed: {describe}"
        if decision.signed_on <= previous.issued_on:
            return f"duplicate of certificate {describe}"
        if previous.revoked_on is None and previous.valid_until > decision.signed_on + datetime.timedelta(
            days=RENEWAL_WINDOW_DAYS
        ):
            return f"duplicate of certificate {describe}"
        return None

    @staticmethod
    def _accepted(row: AnnexRow, certificate: Certificate, *, created: bool) -> Accepted:
        return Accepted(
            row=row.row,
            certificate_id=certificate.pk,
            product_name=row.product_name,
            producer=row.producer,
            stars=row.stars,
            created=created,
            supersedes=certificate.supersedes_id,
        )

    def _decisions(self, rows: list[AnnexRow]) -> dict[tuple[str, datetime.date], Decision]:
        wanted: dict[tuple[str, datetime.date], AnnexRow] = {}
        for row in rows:
            assert row.decision_date is not None
            wanted.setdefault((row.decision_no or "", row.decision_date), row)
        found: dict[tuple[str, datetime.date], Decision] = {}
        for key, row in wanted.items():
            decision, _ = Decision.objects.get_or_create(
                number=key[0],
                signed_on=key[1],
                defaults={
                    "issuer": row.issuer or "",
                    "level": decision_level(row.issuer, row.stars, key[1]),
                },
            )
            found[key] = decision
        return found

    def _producers(self, rows: list[AnnexRow]) -> dict[str, Producer]:
        first_by_key: dict[str, AnnexRow] = {}
        for row in rows:
            first_by_key.setdefault(match_key(row.producer), row)
        found = {p.name_key: p for p in Producer.objects.filter(name_key__in=list(first_by_key))}
        missing = [
            Producer(
                name=row.producer,
                name_key=key,
                organisation_type=row.organisation_type,
                province=row.province_slug or "",
                address=row.address or "",
            )
            for key, row in first_by_key.items()
            if key not in found
        ]
        for producer in Producer.objects.bulk_create(missing, batch_size=2000):
            found[producer.name_key] = producer
        return found

    @staticmethod
    def _existing_certificates(
        rows: list[AnnexRow], producers: dict[str, Producer]
    ) -> tuple[dict[tuple[str, int], list[Certificate]], set[str]]:
        """Certificates already held by these products, and the ids already renewed."""
        keys = {match_key(r.product_name) for r in rows}
        producer_ids = {p.pk for p in producers.values()}
        existing: dict[tuple[str, int], list[Certificate]] = {}
        queryset = (
            Certificate.objects.filter(product_key__in=list(keys), producer_id__in=list(producer_ids))
            .select_related("decision")
            .only(
                "id", "product_key", "producer_id", "decision", "issued_on", "valid_until",
                "revoked_on", "supersedes_id",
            )
        )
        superseded = set(
            Certificate.objects.filter(supersedes__product_key__in=list(keys)).values_list(
                "supersedes_id", flat=True
            )
        )
        for certificate in queryset:
            existing.setdefault((certificate.product_key, certificate.producer_id), []).append(certificate)
        return existing, superseded

    def _record_batch(
        self,
        parsed: ParsedAnnex,
        result: ImportResult,
        file_bytes: bytes | None,
        batch: ImportBatch | None,
    ) -> ImportBatch:
        if batch is None:
            batch = ImportBatch(
                file_name=parsed.file,
                file_sha256=hashlib.sha256(file_bytes or b"").hexdigest(),
                created_by=self.user if getattr(self.user, "pk", None) else None,
            )
        batch.file = b""  # committed: the rows are the record, the upload is not kept
        batch.decision_no = parsed.decision_no or ""
        batch.decision_date = parsed.decision_date
        batch.state = ImportBatch.State.COMMITTED
        batch.committed_at = timezone.now()
        summarise(batch, result)
        batch.save()
        record_rows(batch, result)
        return batch


def summarise(batch: ImportBatch, result: ImportResult) -> None:
    batch.accepted_count = len(result.accepted)
    batch.rejected_count = len({r.row for r in result.rejected})
    batch.skipped_count = len(result.skipped)


def record_rows(batch: ImportBatch, result: ImportResult) -> None:
    ImportRow.objects.filter(batch=batch).delete()
    rows = [
        ImportRow(
            batch=batch,
            row=a.row,
            outcome=ImportRow.Outcome.ACCEPTED,
            product_name=a.product_name,
            producer=a.producer,
            stars=a.stars,
            certificate_id=a.certificate_id,
            reason=_accepted_note(a),
        )
        for a in result.accepted
    ]
    rows += [
        ImportRow(batch=batch, row=r.row, outcome=ImportRow.Outcome.REJECTED, field=r.field, reason=r.reason)
        for r in result.rejected
    ]
    rows += [
        ImportRow(batch=batch, row=s.row, outcome=ImportRow.Outcome.SKIPPED, reason=s.reason) for s in result.skipped
    ]
    ImportRow.objects.bulk_create(rows, batch_size=2000)


def _accepted_note(accepted: Accepted) -> str:
    if not accepted.created:
        return "already in the registry"
    if accepted.supersedes:
        return f"renewal of {accepted.supersedes}"
    return "new certificate"


def _read_bytes(source: str | os.PathLike[str] | BinaryIO) -> bytes | None:
    if isinstance(source, (str, os.PathLike)):
        try:
            with open(source, "rb") as handle:
                return handle.read()
        except OSError:
            return None
    return None
