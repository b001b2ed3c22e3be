"""``export(slug, format)``: a showcase's trade catalogue as a file (PDF, XLSX or CSV)."""

from __future__ import annotations

from dataclasses import dataclass

from catalog_sync.domain.validity import vietnam_today

from . import pdf, photos, tables
from .entries import trade_catalogue

FORMATS = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


@dataclass(frozen=True)
class ExportFile:
    content: bytes
    file_name: str
    content_type: str
    products: int


def export(slug: str, file_format: str, *, base: str) -> ExportFile:
    """Raises ``ShowcaseNotFoundError`` for an unknown slug and ``ValueError`` for an unknown format."""
    if file_format not in FORMATS:
        raise ValueError(f"format: use one of {', '.join(FORMATS)} (got {file_format!r})")
    catalogue = trade_catalogue(slug, base=base)
    entries = catalogue.entries
    if file_format == "pdf":
        with photos.Fetcher(e.photo_url for e in entries) as fetcher:
            content = pdf.pdf_bytes(catalogue, fetcher.get, today=vietnam_today())
    elif file_format == "xlsx":
        content = tables.xlsx_bytes(entries, title=catalogue.showcase.name)
    else:
        content = tables.csv_bytes(entries)
    return ExportFile(content, f"catalogue-{catalogue.showcase.slug}.{file_format}", FORMATS[file_format],
                      len(entries))
