"""The certification plugin's withdrawals and restores in the staff reports: the log page, its downloads,
and the monthly chart. The log is filled as the app's webhook fills it (catalog_sync.registry.withdrawals.record);
tests/app/test_withdrawal_webhooks.py delivers real Saleor payloads into it."""

from __future__ import annotations

import csv
import datetime
import io
from unittest import mock

import pytest
from django.contrib.auth.models import Permission, User
from openpyxl import load_workbook

from catalog_sync.domain.validity import VIETNAM_TZ
from catalog_sync.domain.withdrawals import LogEntry, reason_vi
from catalog_sync.registry import withdrawals
from catalog_sync.registry.models import WithdrawalEvent

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 22)


def vn(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=VIETNAM_TZ)


@pytest.fixture
def office(client):
    user = User.objects.create_user("so-nong-nghiep", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_certificate"))
    client.force_login(user)
    with mock.patch("catalog_sync.registry.views.vietnam_today", return_value=TODAY):
        yield client


@pytest.fixture
def log(make_certificate):
    """Lâm Đồng's fish sauce withdrawn on the first Vietnam minute of November and restored in it; Cà Mau's
    shrimp withdrawn on the last minute of October; a withdrawal a year ago (outside the chart)."""
    make_certificate(id="LD-1", product_name="Cà phê", province="lam-dong", issued_on=datetime.date(2024, 1, 10))
    make_certificate(id="LD-2", product_name="Cà phê", province="lam-dong", issued_on=datetime.date(2026, 11, 3),
                     decision_no="2/QĐ-UBND")
    make_certificate(id="CM-1", product_name="Tôm khô", province="ca-mau", issued_on=datetime.date(2024, 1, 10))
    withdrawals.record("UHJvZHVjdDox", [
        LogEntry(11, "withdrawn", "revoked (LD-1)", "LD-1", "Cà phê Cầu Đất", vn(2026, 11, 1, 0, 0)),
        LogEntry(12, "restored", "valid until 2029-11-03", "LD-2", "Cà phê Cầu Đất", vn(2026, 11, 3, 9, 30)),
    ])
    withdrawals.record("UHJvZHVjdDoy", [
        LogEntry(13, "withdrawn", "expired on 2026-10-30 (CM-1)", "CM-1", "Tôm khô Cà Mau", vn(2026, 10, 31, 23, 59)),
        LogEntry(5, "withdrawn", "expired on 2025-11-20 (CM-1)", "CM-1", "Tôm khô Cà Mau", vn(2025, 11, 21)),
    ])


def test_the_same_entries_delivered_again_are_stored_once(log):
    # when a later webhook carries entries already stored, and a new one
    new = withdrawals.record("UHJvZHVjdDox", [
        LogEntry(11, "withdrawn", "revoked (LD-1)", "LD-1", "Cà phê Cầu Đất", vn(2026, 11, 1, 0, 0)),
        LogEntry(14, "withdrawn", "revoked (LD-2)", "LD-2", "Cà phê Cầu Đất", vn(2026, 11, 20, 8))])
    # then only the new one is added, with the province of its certificate in the registry
    assert new == 1
    assert WithdrawalEvent.objects.count() == 5
    assert WithdrawalEvent.objects.get(saleor_event_id=14).province == "lam-dong"


def test_withdrawn_and_restored_are_counted_per_vietnam_month_for_the_last_twelve(log):
    months = withdrawals.by_month(TODAY)
    assert months[0].label == "12/2025" and months[-1].label == "11/2026" and len(months) == 12
    counts = {m.label: (m.withdrawn, m.restored) for m in months}
    # 31/10 23:59 Vietnam time is October (16:59 UTC); 01/11 00:00 is November (still 31/10 in UTC)
    assert counts["10/2026"] == (1, 0) and counts["11/2026"] == (1, 1)
    assert sum(w + r for w, r in counts.values()) == 3  # 21/11/2025 is older than the twelve months
    lam_dong = {m.label: (m.withdrawn, m.restored) for m in withdrawals.by_month(TODAY, province="lam-dong")}
    assert lam_dong["10/2026"] == (0, 0) and lam_dong["11/2026"] == (1, 1)


def test_the_report_page_charts_them_and_links_to_the_log(office, log):
    page = office.get("/registry/reports/?province=lam-dong").content.decode()
    assert "<title>11/2026: 1 Rút khỏi bán</title>" in page and "<title>11/2026: 1 Bán lại</title>" in page
    assert "<title>10/2026: 1 Rút khỏi bán</title>" not in page  # Cà Mau's, filtered out
    assert 'href="/registry/reports/withdrawals/?province=lam-dong"' in page
    assert 'href="/registry/reports/withdrawals-by-month.csv?province=lam-dong&amp;days=30"' in page


def test_the_log_page_lists_each_event_newest_first_with_reason_certificate_and_vietnam_time(office, log):
    response = office.get("/registry/reports/withdrawals/")
    page = response.content.decode()
    assert response.status_code == 200
    rows = page.split('<tbody>')[1].split('</tbody>')[0].split("<tr>")[1:]
    assert len(rows) == 4
    assert '<time datetime="2026-11-03T09:30:00+07:00">03/11/2026 09:30</time>' in rows[0]
    assert "Bán lại" in rows[0] and ">LD-2</a>" in rows[0] and "có hiệu lực đến ngày 03/11/2029" in rows[0]
    assert "01/11/2026 00:00" in rows[1] and "Rút khỏi bán" in rows[1] and "bị thu hồi" in rows[1]
    assert "Lâm Đồng" in rows[1] and "Cà phê Cầu Đất" in rows[1]
    assert "31/10/2026 23:59" in rows[2] and "hết hiệu lực (ngày hiệu lực cuối 30/10/2026)" in rows[2]
    assert "Cà Mau" in rows[2]


def test_the_log_filters_by_province_and_month_and_downloads_what_it_shows(office, log):
    page = office.get("/registry/reports/withdrawals/?province=ca-mau&month=2026-10").content.decode()
    assert "31/10/2026 23:59" in page and "Cà phê" not in page and "21/11/2025" not in page
    assert 'href="/registry/reports/withdrawals.csv?province=ca-mau&amp;month=2026-10"' in page
    response = office.get("/registry/reports/withdrawals.csv?province=ca-mau&month=2026-10")
    assert response["Content-Disposition"] == 'attachment; filename="ocop-withdrawals-ca-mau-2026-10.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [
        ["at", "action", "product", "saleor_product_id", "certificate_id", "province", "reason"],
        ["2026-10-31T23:59:00+07:00", "withdrawn", "Tôm khô Cà Mau", "UHJvZHVjdDoy", "CM-1", "ca-mau",
         "expired on 2026-10-30 (CM-1)"],
    ]
    book = load_workbook(io.BytesIO(office.get("/registry/reports/withdrawals.xlsx?province=lam-dong").content))
    got = [r for r in book.active.iter_rows(values_only=True)]
    assert [r[:2] + r[4:5] for r in got[1:]] == [("2026-11-03T09:30:00+07:00", "restored", "LD-2"),
                                                  ("2026-11-01T00:00:00+07:00", "withdrawn", "LD-1")]
    by_month = list(csv.reader(io.StringIO(office.get(
        "/registry/reports/withdrawals-by-month.csv?province=lam-dong").content.decode("utf-8-sig"))))
    assert by_month[0] == ["month", "withdrawn", "restored"] and by_month[-1] == ["11/2026", "1", "1"]


@pytest.mark.parametrize("month", ["2026-13", "11/2026", "2026-1"])
def test_a_bad_month_is_named(office, log, month):
    response = office.get("/registry/reports/withdrawals/", {"month": month})
    assert response.status_code == 400
    assert f"month: không phải một tháng (dùng YYYY-MM, ví dụ 2026-11): {month}" in response.content.decode()
    assert office.get("/registry/reports/withdrawals.csv", {"month": month}).status_code == 400


def test_the_log_is_for_registry_staff_only(client, log):
    assert client.get("/registry/reports/withdrawals/").status_code == 302
    client.force_login(User.objects.create_user("nhan-vien", password="x", is_staff=True))
    assert client.get("/registry/reports/withdrawals/").status_code == 403
    assert client.get("/registry/reports/withdrawals.csv").status_code == 403


@pytest.mark.parametrize(("reason", "said"), [
    ("expired on 2026-11-27 (LD-2023-0003)", "hết hiệu lực (ngày hiệu lực cuối 27/11/2026)"),
    ("revoked from 2026-12-01 (LD-1)", "bị thu hồi từ ngày 01/12/2026"),
    ("revoked (LD-1)", "bị thu hồi"),
    ("not yet valid (LD-1)", "chưa có hiệu lực"),
    ("no certificate", "sản phẩm chưa gắn giấy chứng nhận"),
    ("unknown certificate XX-1", "giấy chứng nhận không có trong sổ đăng ký"),
    ("something new", "something new"),
])
def test_the_plugins_reasons_are_said_in_vietnamese(reason, said):
    assert reason_vi(reason) == said
