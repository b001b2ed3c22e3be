"""A trade catalogue as a spreadsheet for buyers' systems: one row per product (XLSX with openpyxl, CSV)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Font

from .entries import TradeEntry

COLUMNS = (
    "certificate_id", "name_vi", "name_en", "stars", "producer", "province", "group", "product_set",
    "last_valid_day", "verify_url", "price_min_vnd", "price_max_vnd", "packaging", "photo_url", "product_url",
    "producer_url",
)


def row(entry: TradeEntry) -> list[object]:
    return [
        entry.certificate_id, entry.name_vi, entry.name_en, entry.stars, entry.producer, entry.province,
        entry.group, entry.product_set, entry.last_valid_day, entry.verify_url,
        int(entry.price_min) if entry.price_min is not None else None,
        int(entry.price_max) if entry.price_max is not None else None,
        "; ".join(p.name for p in entry.packaging), entry.photo_url or "", entry.product_url, entry.producer_url,
    ]


def xlsx_bytes(entries: Sequence[TradeEntry], *, title: str) -> bytes:
    workbook = Workbook(write_only=False)
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Catalogue"
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for entry in entries:
        sheet.append(row(entry))
    for cell in sheet["I"][1:]:
        cell.number_format = "DD/MM/YYYY"
    for cell in [*sheet["K"][1:], *sheet["L"][1:]]:
        cell.number_format = "#,##0"
    sheet.freeze_panes = "A2"
    workbook.properties.title = title
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(entries: Sequence[TradeEntry]) -> bytes:
    """UTF-8 with a byte-order mark (Excel then reads Vietnamese correctly); dates as YYYY-MM-DD."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for entry in entries:
        writer.writerow(["" if v is None else (v.isoformat() if hasattr(v, "isoformat") else v) for v in row(entry)])
    return buffer.getvalue().encode("utf-8-sig")
