import csv
import io

import pytest
from django.contrib.auth.models import Permission, User

from testkit.catalogue_builders import product_record
from tests.pdf_reading import qr_codes_by_page
from tests.showcases.conftest import put_showcase

pytestmark = pytest.mark.django_db


@pytest.fixture
def promotion_staff(client):
    user = User.objects.create_user("xuc-tien", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_certificate"))
    client.force_login(user)
    return client


@pytest.fixture
def showcase(db):
    return put_showcase([product_record(certificate_id="AG-2024-0001"), product_record(certificate_id="LD-2025-0007")],
                        extra_ids=["UHJvZHVjdDo5OTk5"], name="Hội chợ OCOP Lâm Đồng", slug="hoi-cho-lam-dong")


def test_staff_see_each_showcase_with_its_products_for_sale_and_downloads(promotion_staff, showcase):
    page = promotion_staff.get("/staff/showcases/").content.decode()
    assert "Hội chợ OCOP Lâm Đồng" in page
    assert "<td>2</td>" in page  # the product no longer for sale is not counted
    for file_format in ("PDF", "XLSX", "CSV"):
        assert (f'href="/staff/showcases/hoi-cho-lam-dong/catalogue.{file_format.lower()}" download>'
                f"Tải {file_format}</a>") in page


def test_the_download_button_gives_the_trade_catalogue(promotion_staff, showcase, settings, tmp_path):
    settings.SITE_PUBLIC_URL = "https://ocop.vn"
    response = promotion_staff.get("/staff/showcases/hoi-cho-lam-dong/catalogue.csv")
    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="catalogue-hoi-cho-lam-dong.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [r["verify_url"] for r in rows] == [
        "https://ocop.vn/verify/AG-2024-0001/", "https://ocop.vn/verify/LD-2025-0007/"]

    pdf = promotion_staff.get("/staff/showcases/hoi-cho-lam-dong/catalogue.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    path = tmp_path / "catalogue.pdf"
    path.write_bytes(pdf.content)
    assert sorted(c for page in qr_codes_by_page(path) for c in page) == [
        "https://ocop.vn/verify/AG-2024-0001/", "https://ocop.vn/verify/LD-2025-0007/"]


def test_unknown_showcase_or_format_is_not_found(promotion_staff, showcase):
    assert promotion_staff.get("/staff/showcases/tet-2025/catalogue.csv").status_code == 404
    assert promotion_staff.get("/staff/showcases/hoi-cho-lam-dong/catalogue.docx").status_code == 404


def test_showcase_pages_are_for_trade_promotion_staff_only(client, showcase):
    for url in ("/staff/showcases/", "/staff/showcases/hoi-cho-lam-dong/catalogue.xlsx"):
        anonymous = client.get(url)
        assert anonymous.status_code == 302 and anonymous["Location"].startswith("/admin/login/")
    client.force_login(User.objects.create_user("khach", password="x"))  # a customer, not staff
    assert client.get("/staff/showcases/").status_code == 302
    client.force_login(User.objects.create_user("ke-toan", password="x", is_staff=True))  # staff, other duties
    assert client.get("/staff/showcases/").status_code == 403
    assert client.get("/staff/showcases/hoi-cho-lam-dong/catalogue.xlsx").status_code == 403
