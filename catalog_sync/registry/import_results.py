"""What an import did: the accepted, rejected and skipped rows, as the CLI prints them and as
a batch records them for the staff pages."""

from __future__ import annotations

import datetime
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from catalog_sync.importers import Rejection, Skip

from .bulk import copy_rows
from .models import ImportBatch, ImportRow


@dataclass(frozen=True, slots=True)
class Accepted:
    row: int
    certificate_id: str
    product_name: str
    producer: str
    stars: int
    created: bool
    supersedes: str | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RepeatedRejection:
    """The same rejection on more rows than ``REPEATS_LISTED``: listed for the first rows, counted for all."""

    field: str
    reason: str
    count: int
    first_rows: tuple[int, ...]


# Identical rejections (same field, same reason) listed one by one before being counted instead.
REPEATS_LISTED = 10


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

    def listed_rejections(self) -> tuple[list[Rejection], list[RepeatedRejection]]:
        """The rejections to show one by one (at most REPEATS_LISTED of each identical one, in
        row order) and, for those beyond, a count with the rows that were listed."""
        counts: Counter[tuple[str, str]] = Counter()
        listed: list[Rejection] = []
        first_rows: dict[tuple[str, str], list[int]] = {}
        for rejection in self.rejected:
            key = (rejection.field, rejection.reason)
            counts[key] += 1
            if counts[key] <= REPEATS_LISTED:
                listed.append(rejection)
                first_rows.setdefault(key, []).append(rejection.row)
        repeated = [
            RepeatedRejection(field, reason, count, tuple(first_rows[(field, reason)]))
            for (field, reason), count in counts.items()
            if count > REPEATS_LISTED
        ]
        return listed, repeated

    def as_json(self, *, accepted: bool = True) -> dict[str, Any]:
        """The documented ``ocop registry import --json`` object, and nothing more
        (``accepted=False``: with an empty list of accepted rows)."""
        listed, repeated = self.listed_rejections()
        return {
            "file": self.file,
            "decision_no": self.decision_no,
            "decision_date": self.decision_date.isoformat() if self.decision_date else None,
            "accepted": [_accepted_json(a) for a in self.accepted] if accepted else [],
            "rejected": [{"row": r.row, "field": r.field, "reason": r.reason} for r in listed],
            "skipped": [{"row": s.row, "reason": s.reason} for s in self.skipped],
            "repeated_rejections": [
                {"field": r.field, "reason": r.reason, "count": r.count, "first_rows": list(r.first_rows)}
                for r in repeated
            ],
        }


    def json_chunks(self, size: int = 2000) -> Iterator[str]:
        """``as_json`` as JSON text, piece by piece: a national list's 200,000 accepted rows
        are never all held as objects and one string at once."""
        head = json.dumps(self.as_json(accepted=False), ensure_ascii=False)
        before, _, after = head.partition('"accepted": []')  # quotes inside strings are escaped
        yield before + '"accepted": ['
        for start in range(0, len(self.accepted), size):
            part = [_accepted_json(a) for a in self.accepted[start : start + size]]
            yield ("," if start else "") + json.dumps(part, ensure_ascii=False)[1:-1]
        yield "]" + after


def _accepted_json(accepted: Accepted) -> dict[str, Any]:
    return {
        "row": accepted.row,
        "certificate_id": accepted.certificate_id,
        "product_name": accepted.product_name,
        "producer": accepted.producer,
        "stars": accepted.stars,
    }


def summarise(batch: ImportBatch, result: ImportResult) -> None:
    batch.accepted_count = len(result.accepted)
    batch.rejected_count = len({r.row for r in result.rejected})
    batch.skipped_count = sum(s.rows for s in result.skipped)  # a run of blank rows is one entry


def record_rows(batch: ImportBatch, result: ImportResult) -> None:
    ImportRow.objects.filter(batch=batch).delete()
    accepted, rejected, skipped = ImportRow.Outcome.ACCEPTED, ImportRow.Outcome.REJECTED, ImportRow.Outcome.SKIPPED
    rows: list[tuple[object, ...]] = [
        (batch.pk, a.row, accepted, "", _accepted_note(a), a.product_name, a.producer, a.stars, a.certificate_id)
        for a in result.accepted
    ]
    rows += [(batch.pk, r.row, rejected, r.field, r.reason, "", "", None, "") for r in result.rejected]
    rows += [(batch.pk, s.row, skipped, "", s.reason, "", "", None, "") for s in result.skipped]
    copy_rows(
        ImportRow,
        ("batch", "row", "outcome", "field", "reason", "product_name", "producer", "stars", "certificate_id"),
        rows,
    )


def _accepted_note(accepted: Accepted) -> str:
    if not accepted.created:
        return "already in the registry"  # nothing of this row is stored
    note = f"renewal of {accepted.supersedes}" if accepted.supersedes else "new certificate"
    return "; ".join((note, *accepted.notes))
