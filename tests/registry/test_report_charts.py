import csv
import datetime
import io
from unittest import mock

import pytest
from django.contrib.auth.models import Permission, User
from openpyxl import load_workbook

from catalog_sync.registry import reports

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 22)
ISSUED = datetime.date(2024, 1, 10)


@pytest.fixture
def office(client):
    user = User.objects.create_user("so-nong-nghiep", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_certificate"))
    client.force_login(user)
    with mock.patch("catalog_sync.registry.views.vietnam_today", return_value=TODAY):
        yield client


@pytest.fixture
def registry(make_certificate):
    """Valid certificates in Lâm Đồng (5★ ending 12/2026, 4★ ending 02/2027) and Cà Mau (4★ ending 12/2027, beyond
    a year), plus an expired one and a revoked one that count nowhere."""
    make_certificate(id="LD-1", product_name="a", stars=5, province="lam-dong", issued_on=ISSUED,
                     valid_until=datetime.date(2026, 12, 5))
    make_certificate(id="LD-2", product_name="b", stars=4, province="lam-dong", issued_on=ISSUED,
                     valid_until=datetime.date(2027, 2, 28))
    make_certificate(id="CM-1", product_name="c", stars=4, province="ca-mau", issued_on=ISSUED,
                     valid_until=datetime.date(2027, 12, 1), group="do-uong")
    make_certificate(id="CM-2", product_name="d", stars=3, province="ca-mau", issued_on=ISSUED,
                     valid_until=datetime.date(2026, 11, 1))  # expired
    make_certificate(id="CM-3", product_name="e", stars=5, province="ca-mau", issued_on=ISSUED,
                     valid_until=datetime.date(2026, 12, 20), revoked_on=datetime.date(2026, 6, 1))


def test_stars_by_province_splits_each_provinces_valid_certificates(registry):
    rows = reports.stars_by_province(today=TODAY)
    assert [(r.label, r.by_stars, r.total) for r in rows] == [("Lâm Đồng", (0, 1, 1), 2), ("Cà Mau", (0, 1, 0), 1)]
    assert [(r.label, r.by_stars) for r in reports.stars_by_province(today=TODAY, province="ca-mau")] == [
        ("Cà Mau", (0, 1, 0))]


def test_last_valid_days_are_counted_per_month_for_the_next_twelve_months(registry):
    rows = reports.last_valid_days_by_month(today=TODAY)
    assert [r.label for r in rows] == ["11/2026", "12/2026", "01/2027", "02/2027", "03/2027", "04/2027", "05/2027",
                                       "06/2027", "07/2027", "08/2027", "09/2027", "10/2027"]
    assert [r.count for r in rows] == [0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]


def test_the_report_page_draws_its_charts_without_script_or_style(office, registry):
    response = office.get("/registry/reports/")
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('<svg class="chart"') == 3
    # each bar says what it counts, for screen readers and on hover
    assert "<title>Lâm Đồng: 1 5★</title>" in page and "<title>Cà Mau: 1 4★</title>" in page
    assert "<title>12/2026: 1</title>" in page and "<title>02/2027: 1</title>" in page
    assert "style=" not in page and "<script>" not in page
    assert "<title>11/2026: 0 Rút khỏi bán</title>" not in page  # an empty month draws no bar, only its label
    assert "Sản phẩm bị rút khỏi bán và được bán lại theo tháng" in page


def test_a_province_filters_every_table_and_its_downloads(office, registry):
    page = office.get("/registry/reports/?province=ca-mau&days=400").content.decode()
    assert "CM-1" in page and "LD-1" not in page
    assert 'href="/registry/reports/expiring.csv?province=ca-mau&amp;days=400"' in page
    response = office.get("/registry/reports/expiring.csv?province=ca-mau&days=400")
    assert response["Content-Disposition"] == 'attachment; filename="ocop-expiring-ca-mau.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [["certificate_id", "product", "producer", "stars", "province", "last_valid_day"],
                    ["CM-1", "c", "HTX Ong mật Mèo Vạc", "4", "ca-mau", "2027-12-01"]]


def test_every_table_downloads_as_csv_and_xlsx_with_the_same_rows(office, registry):
    expected = {
        "expiring": [("LD-1", "a", "HTX Ong mật Mèo Vạc", 5, "lam-dong", datetime.date(2026, 12, 5))],
        "by-stars": [("5", "★★★★★", 1), ("4", "★★★★", 2)],
        "by-group": [("thuc-pham", "Thực phẩm", 2), ("do-uong", "Đồ uống", 1)],
        "by-province": [("lam-dong", "Lâm Đồng", 2), ("ca-mau", "Cà Mau", 1)],
        "stars-by-province": [("lam-dong", "Lâm Đồng", 0, 1, 1, 2), ("ca-mau", "Cà Mau", 0, 1, 0, 1)],
        "last-valid-day-by-month": [("11/2026", 0), ("12/2026", 1), ("01/2027", 0), ("02/2027", 1)]
        + [(f"{m:02d}/2027", 0) for m in range(3, 11)],
    }
    for table, rows in expected.items():
        book = load_workbook(io.BytesIO(office.get(f"/registry/reports/{table}.xlsx?days=30").content))
        got = [tuple(v.date() if isinstance(v, datetime.datetime) else v for v in r)
               for r in book.active.iter_rows(min_row=2, values_only=True)]
        assert got == rows, table
        text = office.get(f"/registry/reports/{table}.csv?days=30").content.decode("utf-8-sig")
        assert list(csv.reader(io.StringIO(text)))[1:] == [
            [v.isoformat() if isinstance(v, datetime.date) else str(v) for v in r] for r in rows], table


def test_an_unknown_province_is_named(office, registry):
    response = office.get("/registry/reports/by-stars.csv?province=sai-gon")
    assert response.status_code == 400
    assert response.content.decode() == "province: không có tỉnh nào mang mã sai-gon"
    assert "province: không có tỉnh nào mang mã sai-gon" in office.get(
        "/registry/reports/?province=sai-gon").content.decode()


def test_report_downloads_are_for_registry_staff_only(client, registry):
    anonymous = client.get("/registry/reports/by-stars.csv")
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/admin/login/")
    client.force_login(User.objects.create_user("khach", password="x"))
    assert client.get("/registry/reports/by-stars.xlsx").status_code == 302
    client.force_login(User.objects.create_user("nhan-vien", password="x", is_staff=True))
    assert client.get("/registry/reports/by-stars.xlsx").status_code == 403
