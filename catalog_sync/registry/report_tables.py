"""Every table of the registry reports as rows, and as a CSV or XLSX download."""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Font

from catalog_sync.domain.validity import VIETNAM_TZ

from . import reports, withdrawals


@dataclass(frozen=True)
class Filters:
    today: datetime.date
    days: int = reports.DEFAULT_NOTICE_DAYS
    province: str | None = None
    month: datetime.date | None = None  # the withdrawal log's month (its first day); None: every month


@dataclass(frozen=True)
class ReportTable:
    name: str  # in the file name and URL
    title: str
    header: tuple[str, ...]
    rows: Sequence[tuple[object, ...]]


def _expiring(f: Filters) -> ReportTable:
    rows = [(c.pk, c.product_name, c.producer.name, c.stars, c.province, c.valid_until)
            for c in reports.expiring_within(f.days, today=f.today, province=f.province)]
    return ReportTable("expiring", f"Certificates expiring within {f.days} days",
                       ("certificate_id", "product", "producer", "stars", "province", "last_valid_day"), rows)


def _counts(dimension: str) -> Callable[[Filters], ReportTable]:
    def table(f: Filters) -> ReportTable:
        rows = [(r.key, r.label, r.count) for r in reports.counts_by(dimension, today=f.today, province=f.province)]
        return ReportTable(f"by-{dimension}", f"Valid certificates by {dimension}", (dimension, "label", "count"), rows)

    return table


def _stars_by_province(f: Filters) -> ReportTable:
    rows = [(r.key, r.label, *r.by_stars, r.total)
            for r in reports.stars_by_province(today=f.today, province=f.province)]
    return ReportTable("stars-by-province", "Valid certificates by province and stars",
                       ("province", "label", "stars_3", "stars_4", "stars_5", "total"), rows)


def _by_month(f: Filters) -> ReportTable:
    rows = [(r.label, r.count) for r in reports.last_valid_days_by_month(today=f.today, province=f.province)]
    return ReportTable("last-valid-day-by-month", "Certificates reaching their last valid day, by month",
                       ("month", "count"), rows)


def _withdrawals_by_month(f: Filters) -> ReportTable:
    rows = [(r.label, r.withdrawn, r.restored) for r in withdrawals.by_month(f.today, province=f.province)]
    return ReportTable("withdrawals-by-month", "Products withdrawn and restored by the certification plugin, by month",
                       ("month", "withdrawn", "restored"), rows)


def _withdrawals(f: Filters) -> ReportTable:
    """The plugin's withdrawal log; times in Vietnam time, with their offset."""
    rows = [(e.at.astimezone(VIETNAM_TZ).isoformat(), e.action, e.product_name, e.product, e.certificate_id,
             e.province, e.reason) for e in withdrawals.log(f.province, f.month)]
    return ReportTable("withdrawals", "Products withdrawn and restored by the certification plugin",
                       ("at", "action", "product", "saleor_product_id", "certificate_id", "province", "reason"), rows)


TABLES: dict[str, Callable[[Filters], ReportTable]] = {
    "expiring": _expiring,
    "by-stars": _counts("stars"),
    "by-group": _counts("group"),
    "by-province": _counts("province"),
    "stars-by-province": _stars_by_province,
    "last-valid-day-by-month": _by_month,
    "withdrawals-by-month": _withdrawals_by_month,
    "withdrawals": _withdrawals,
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
