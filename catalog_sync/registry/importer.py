"""Turns a parsed recognition list into registry certificates.

``RegistryImporter`` is what the ``registry_import`` command and the staff import
page both hand off to. It works in bulk (a handful of queries per file, not per
row), is idempotent (the same row imported again finds its certificate and keeps
its id) and runs a dry run as the very same work rolled back.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, BinaryIO

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from catalog_sync.domain.decisions import level_from_issuer
from catalog_sync.domain.limits import DECISION_NUMBER_MAX_LENGTH
from catalog_sync.domain.text import match_key
from catalog_sync.domain.validity import last_valid_day
from catalog_sync.importers import AnnexReadError, AnnexRow, ParsedAnnex, Rejection, parse_annex
from catalog_sync.importers.bounds import FileTooLarge, megabytes

from .bulk import copy_rows
from .ids import id_prefix, reserve_ids
from .import_results import Accepted, ImportResult, record_rows, summarise
from .models import Certificate, Decision, DecisionLevel, ImportBatch, Producer
from .versioning import bump_registry_version

# A row for a product that already holds a certificate from another decision is a
# renewal when the old certificate is revoked, or ends within this many days of the
# new decision; otherwise it is a duplicate and rejected.
RENEWAL_WINDOW_DAYS = 180

__all__ = ["ImportResult", "RegistryImporter", "decision_level", "record_rows", "summarise"]

Progress = Callable[[str, int, int], None]
ProducerKey = tuple[str, str]  # (folded name, current province slug)


def decision_level(issuer: str | None, stars: int, signed_on: datetime.date) -> str:
    """Which level recognised the product, from the issuer's name or else the rules of the day."""
    if issuer and match_key(issuer):
        level = level_from_issuer(issuer)
        return DecisionLevel(level.value) if level is not None else ""
    if stars == 5:
        return DecisionLevel.CENTRAL
    if stars == 4 or signed_on >= datetime.date(2025, 7, 6):
        return DecisionLevel.PROVINCE
    return DecisionLevel.DISTRICT


class _DryRunRollback(Exception):
    pass


@dataclass(slots=True)
class _Held:
    """What the importer needs to know of a certificate a product already holds."""

    id: str
    decision_id: int
    decision_no: str
    issued_on: datetime.date
    valid_until: datetime.date
    revoked_on: datetime.date | None
    supersedes: str | None


_CERTIFICATE_COLUMNS = (
    "id", "product_name", "product_key", "producer", "stars", "score", "group", "product_set",
    "province_at_certification", "province", "decision", "issued_on", "valid_until", "revocation_reason",
    "revocation_decision", "supersedes", "created_at", "updated_at",
)


def _accepted(row: AnnexRow, certificate_id: str, *, created: bool, supersedes: str | None = None) -> Accepted:
    return Accepted(
        row=row.row,
        certificate_id=certificate_id,
        product_name=row.product_name,
        producer=row.producer,
        stars=row.stars,
        created=created,
        supersedes=supersedes,
        notes=row.notes,
    )


def _renewal_problem(previous: _Held, decision: Decision, renewed: set[str]) -> str | None:
    describe = (
        f"{previous.id} under decision {previous.decision_no or '(no number)'} of "
        f"{previous.issued_on:%d/%m/%Y}, valid until {previous.valid_until:%d/%m/%Y}"
    )
    if previous.id in renewed:
        return f"already renewed: {describe}"
    if decision.signed_on <= previous.issued_on:
        return f"duplicate of certificate {describe}"
    renewal_opens = previous.valid_until - datetime.timedelta(days=RENEWAL_WINDOW_DAYS)
    if previous.revoked_on is None and decision.signed_on < renewal_opens:
        return f"duplicate of certificate {describe}"
    return None


class RegistryImporter:
    def __init__(
        self,
        *,
        dry_run: bool = False,
        progress: Progress | None = None,
        user: Any = None,
        max_bytes: int | None = None,
    ):
        self.dry_run = dry_run
        self.progress = progress
        self.user = user
        self.max_bytes = settings.OCOP_IMPORT_MAX_BYTES if max_bytes is None else max_bytes

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
        content = _read_bytes(source, self.max_bytes)  # once: parsed from memory, hashed for the batch record
        if filename is None and isinstance(source, (str, os.PathLike)):
            filename = os.path.basename(source)
        progress = self.progress
        parse_progress = (lambda done, total: progress("read", done, total)) if progress else None
        parsed = parse_annex(
            io.BytesIO(content),
            filename=filename,
            decision_no=decision_no,
            decision_date=decision_date,
            progress=parse_progress,
        )
        return self.apply(parsed, file_bytes=content, batch=batch)

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
        keyed = [
            (row, match_key(row.product_name), (match_key(row.producer), row.province_slug or "")) for row in rows
        ]
        decisions = self._decisions(rows)
        producers = self._producers(keyed)
        existing, renewed = self._existing_certificates(keyed, producers)

        to_create: list[tuple[AnnexRow, _Held, str, int]] = []
        id_needs: Counter[tuple[str, int]] = Counter()
        total = len(keyed)
        for done, (row, product_key, producer_key) in enumerate(keyed, start=1):
            if self.progress and (done % 1000 == 0 or done == total):
                self.progress("import", done, total)
            assert row.decision_date is not None  # the parser rejects rows without one
            decision = decisions[(row.decision_no or "", row.decision_date)]
            producer_id = producers[producer_key]
            held = existing.setdefault((product_key, producer_id), [])

            in_this_decision = next((c for c in held if c.decision_id == decision.pk), None)
            if in_this_decision is not None:
                result.accepted.append(_accepted(row, in_this_decision.id, created=False))
                continue

            previous = max(held, key=lambda c: c.issued_on, default=None)
            if previous is not None:
                problem = _renewal_problem(previous, decision, renewed)
                if problem:
                    result.rejected.append(Rejection(row=row.row, field="row", reason=problem))
                    continue
                renewed.add(previous.id)

            valid_until = row.valid_until or last_valid_day(row.decision_date)
            if valid_until < row.decision_date:
                result.rejected.append(
                    Rejection(
                        row=row.row,
                        field="valid_until",
                        reason=(
                            f"last valid day {valid_until:%d/%m/%Y} is before the "
                            f"decision date {row.decision_date:%d/%m/%Y}"
                        ),
                    )
                )
                continue
            new = _Held(
                id="", decision_id=decision.pk, decision_no=decision.number, issued_on=row.decision_date,
                valid_until=valid_until, revoked_on=None, supersedes=previous.id if previous else None,
            )
            id_needs[(id_prefix(row.province_slug), row.decision_date.year)] += 1
            to_create.append((row, new, product_key, producer_id))
            held.append(new)

        reserved = reserve_ids(id_needs)
        now = timezone.now()
        for row, new, _product_key, _producer_id in to_create:
            assert row.decision_date is not None
            new.id = reserved[(id_prefix(row.province_slug), row.decision_date.year)].pop(0)
            result.accepted.append(_accepted(row, new.id, created=True, supersedes=new.supersedes))
        copy_rows(
            Certificate,
            _CERTIFICATE_COLUMNS,
            (
                (
                    new.id, row.product_name, product_key, producer_id, row.stars,
                    Decimal(str(row.score)) if row.score is not None else None, row.group_slug or "",
                    row.set_slug or "", row.province_as_written or "", row.province_slug or "",
                    new.decision_id, new.issued_on, new.valid_until, "", "", new.supersedes, now, now,
                )
                for row, new, product_key, producer_id in to_create
            ),
        )
        result.accepted.sort(key=lambda a: a.row)

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

    @staticmethod
    def _producers(keyed: list[tuple[AnnexRow, str, ProducerKey]]) -> dict[ProducerKey, int]:
        """Producer ids by (name key, current province), creating those not yet in the registry.

        Names like "HTX Nông nghiệp Tân Phú" recur across provinces: the province tells them apart.
        """
        first_by_key: dict[ProducerKey, AnnexRow] = {}
        for row, _product_key, producer_key in keyed:
            first_by_key.setdefault(producer_key, row)
        names = list({name for name, _province in first_by_key})
        found = {
            (name, province): pk
            for name, province, pk in Producer.objects.filter(name_key__in=names).values_list(
                "name_key", "province", "id"
            )
            if (name, province) in first_by_key
        }
        missing = [
            Producer(
                name=row.producer,
                name_key=key[0],
                organisation_type=row.organisation_type,
                province=key[1],
                address=row.address or "",
            )
            for key, row in first_by_key.items()
            if key not in found
        ]
        for producer in Producer.objects.bulk_create(missing, batch_size=2000):
            found[(producer.name_key, producer.province)] = producer.pk
        return found

    @staticmethod
    def _existing_certificates(
        keyed: list[tuple[AnnexRow, str, ProducerKey]], producers: dict[ProducerKey, int]
    ) -> tuple[dict[tuple[str, int], list[_Held]], set[str]]:
        """Certificates already held by these products, and the ids already renewed."""
        keys = list({product_key for _row, product_key, _producer_key in keyed})
        existing: dict[tuple[str, int], list[_Held]] = {}
        rows = Certificate.objects.filter(product_key__in=keys, producer_id__in=list(set(producers.values())))
        for cid, product_key, producer_id, decision_id, decision_no, issued_on, valid_until, revoked_on, sup in (
            rows.values_list(
                "id", "product_key", "producer_id", "decision_id", "decision__number", "issued_on", "valid_until",
                "revoked_on", "supersedes_id",
            )
        ):
            existing.setdefault((product_key, producer_id), []).append(
                _Held(cid, decision_id, decision_no, issued_on, valid_until, revoked_on, sup)
            )
        renewed = {c.supersedes for held in existing.values() for c in held if c.supersedes}
        return existing, renewed

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
        # rows under a longer number are rejected; the record keeps what fits
        batch.decision_no = (parsed.decision_no or "")[:DECISION_NUMBER_MAX_LENGTH]
        batch.decision_date = parsed.decision_date
        batch.state = ImportBatch.State.COMMITTED
        batch.committed_at = timezone.now()
        summarise(batch, result)
        batch.save()
        record_rows(batch, result)
        return batch


def _read_bytes(source: str | os.PathLike[str] | BinaryIO, limit: int) -> bytes:
    if not isinstance(source, (str, os.PathLike)):
        content = source.read(limit + 1)
    else:
        try:
            with open(source, "rb") as handle:
                size = os.fstat(handle.fileno()).st_size
                content = handle.read(limit + 1) if size <= limit else b""
        except OSError as error:
            raise AnnexReadError(f"cannot open the file: {error.strerror or error}") from None
        if size > limit:
            limits = f"the limit is {megabytes(limit)} (OCOP_IMPORT_MAX_BYTES)"
            raise FileTooLarge(f"the file is {megabytes(size)}; {limits}")
    if len(content) > limit:
        raise FileTooLarge(f"the file is over {megabytes(limit)}, the limit (OCOP_IMPORT_MAX_BYTES)")
    return content
