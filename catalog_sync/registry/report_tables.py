"""Every table of the registry reports as rows, and as a CSV or XLSX download."""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Font

from . import reports


@dataclass(frozen=True)
class ReportTable:
    name: str  # in the file name and URL
    title: str
    header: tuple[str, ...]
    rows: Sequence[tuple[object, ...]]


def _expiring(today: datetime.date, days: int, province: str | None) -> ReportTable:
    rows = [(c.pk, c.product_name, c.producer.name, c.stars, c.province, c.valid_until)
            for c in reports.expiring_within(days, today=today, province=province)]
    return ReportTable("expiring", f"Certificates expiring within {days} days",
                       ("certificate_id", "product", "producer", "stars", "province", "last_valid_day"), rows)


def _counts(dimension: str) -> Callable[[datetime.date, int, str | None], ReportTable]:
    def table(today: datetime.date, days: int, province: str | None) -> ReportTable:
        rows = [(r.key, r.label, r.count) for r in reports.counts_by(dimension, today=today, province=province)]
        return ReportTable(f"by-{dimension}", f"Valid certificates by {dimension}", (dimension, "label", "count"), rows)

    return table


def _stars_by_province(today: datetime.date, days: int, province: str | None) -> ReportTable:
    rows = [(r.key, r.label, *r.by_stars, r.total)
            for r in reports.stars_by_province(today=today, province=province)]
    return ReportTable("stars-by-province", "Valid certificates by province and stars",
                       ("province", "label", "stars_3", "stars_4", "stars_5", "total"), rows)


def _by_month(today: datetime.date, days: int, province: str | None) -> ReportTable:
    rows = [(r.label, r.count) for r in reports.last_valid_days_by_month(today=today, province=province)]
    return ReportTable("last-valid-day-by-month", "Certificates reaching their last valid day, by month",
                       ("month", "count"), rows)


TABLES: dict[str, Callable[[datetime.date, int, str | None], ReportTable]] = {
    "expiring": _expiring,
    "by-stars": _counts("stars"),
    "by-group": _counts("group"),
    "by-province": _counts("province"),
    "stars-by-province": _stars_by_province,
    "last-valid-day-by-month": _by_month,
}


def csv_bytes(table: ReportTable) -> bytes:
    """UTF-8 with a byte-order mark (Excel reads Vietnamese correctly); dates as YYYY-MM-DD."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(table.header)
    writer.writerows([v.isoformat() if isinstance(v, datetime.date) else v for v in row] for row in table.rows)
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_bytes(table: ReportTable) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = table.name[:31]
    sheet.append(list(table.header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append(list(row))
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, datetime.date):
                cell.number_format = "DD/MM/YYYY"
    workbook.properties.title = table.title
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
