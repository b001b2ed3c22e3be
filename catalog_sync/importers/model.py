"""What the annex parser returns. Plain data, no database, no Django."""

from dataclasses import dataclass, field
from datetime import date


class AnnexReadError(Exception):
    """The file cannot be read at all: not XLSX/CSV, damaged, empty or without a header row.

    The message says why in plain words, for staff to read.
    """


@dataclass(frozen=True, slots=True)
class AnnexRow:
    """One accepted product row of a recognition list."""

    row: int  # as the spreadsheet shows it (1-based, title rows counted; CSV: physical line)
    product_name: str
    producer: str
    stars: int  # 3..5
    group_slug: str | None
    set_slug: str | None
    province_as_written: str | None  # the province at certification, as written (normalised)
    province_slug: str | None  # the current province
    address: str | None
    organisation_type: str  # an OrganisationType value
    score: float | None
    decision_no: str | None
    decision_date: date | None
    valid_until: date | None  # only when the record states it
    issuer: str | None
    notes: tuple[str, ...] = ()  # what was changed in the row's texts, for staff to see


@dataclass(frozen=True, slots=True)
class Rejection:
    """One problem with one row. A row with several problems has several rejections."""

    row: int
    field: str
    reason: str


@dataclass(frozen=True, slots=True)
class Skip:
    """A row that is not a product (blank, section, subtotal, note); not an error.

    A run of blank rows is one Skip from ``row`` to ``last_row``."""

    row: int
    reason: str
    last_row: int | None = None  # the last row of a run of blank rows

    @property
    def rows(self) -> int:
        """How many rows this skip stands for."""
        return (self.last_row - self.row + 1) if self.last_row is not None else 1


@dataclass
class ParsedAnnex:
    """The outcome of parsing one file.

    Every data row examined ends up in exactly one of ``rows``, ``rejected`` or ``skipped``.
    A rejected row may carry several ``Rejection`` entries (one per problem field), so the
    invariant counts distinct row numbers, and a run of blank rows as the rows it spans::

        total_rows == len(rows) + len(rejected_row_numbers) + skipped_rows
    """

    file: str
    decision_no: str | None
    decision_date: date | None
    issuer: str | None
    rows: list[AnnexRow] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    total_rows: int = 0

    @property
    def skipped_rows(self) -> int:
        return sum(skip.rows for skip in self.skipped)

    @property
    def rejected_row_numbers(self) -> list[int]:
        """The distinct row numbers that were rejected, in file order."""
        return sorted({rejection.row for rejection in self.rejected})

    def rejections_for(self, row: int) -> list[Rejection]:
        return [rejection for rejection in self.rejected if rejection.row == row]
