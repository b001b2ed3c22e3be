import datetime
from unittest import mock

import pytest
from django.contrib.auth.models import Permission, User

from catalog_sync.registry.models import Certificate, ImportBatch

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    user = User.objects.create_user("can-bo", password="x", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="add_importbatch"), Permission.objects.get(codename="change_certificate")
    )
    client.force_login(user)
    return client


def test_import_page_needs_a_staff_login(client):
    response = client.get("/registry/import/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_staff_without_import_permission_cannot_import(client):
    client.force_login(User.objects.create_user("xem", password="x", is_staff=True))
    assert client.get("/registry/import/").status_code == 403


def test_upload_shows_a_preview_and_writes_nothing_until_confirmed(staff_client, simple_annex):
    path = simple_annex([
        ("Mật ong bạc hà", "HTX Ong mật Mèo Vạc", "Hà Giang", "4 sao"),
        ("Chè", "", "Hà Giang", "4 sao"),
    ])
    with path.open("rb") as upload:
        response = staff_client.post("/registry/import/", {"file": upload})
    batch = ImportBatch.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/registry/import/{batch.pk}/"
    assert batch.state == ImportBatch.State.PREVIEW
    assert Certificate.objects.count() == 0

    preview = staff_client.get(f"/registry/import/{batch.pk}/").content.decode()
    assert "TQ-2024-0001" in preview
    assert "producer" in preview  # the rejected row names its field

    staff_client.post(f"/registry/import/{batch.pk}/confirm/")
    batch.refresh_from_db()
    assert batch.state == ImportBatch.State.COMMITTED
    assert list(Certificate.objects.values_list("pk", flat=True)) == ["TQ-2024-0001"]
    # confirming twice does nothing more
    staff_client.post(f"/registry/import/{batch.pk}/confirm/")
    assert Certificate.objects.count() == 1


def test_upload_of_an_unreadable_file_shows_the_reason_on_the_form(staff_client, tmp_path):
    path = tmp_path / "danh-sach.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with path.open("rb") as upload:
        response = staff_client.post("/registry/import/", {"file": upload})
    assert response.status_code == 200
    assert ImportBatch.objects.count() == 0
    assert "errorlist" in response.content.decode()


def test_discarded_upload_imports_nothing(staff_client, simple_annex):
    with simple_annex([("Mật ong", "HTX A", "Hà Giang", "4")]).open("rb") as upload:
        staff_client.post("/registry/import/", {"file": upload})
    batch = ImportBatch.objects.get()
    staff_client.post(f"/registry/import/{batch.pk}/discard/")
    batch.refresh_from_db()
    assert batch.state == ImportBatch.State.DISCARDED
    assert staff_client.post(f"/registry/import/{batch.pk}/confirm/").status_code == 302
    assert Certificate.objects.count() == 0


def test_confirm_requires_csrf_token(simple_annex, db):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    user = User.objects.create_superuser("admin", password="x")
    client.force_login(user)
    batch = ImportBatch.objects.create(file_name="a.csv", file_sha256="0", file=b"")
    assert client.post(f"/registry/import/{batch.pk}/confirm/").status_code == 403


def test_report_lists_what_expires_within_30_days_and_counts(staff_client, make_certificate):
    make_certificate(id="TQ-2023-0001", product_name="A", issued_on=datetime.date(2023, 12, 10), stars=3)
    make_certificate(id="TQ-2024-0002", product_name="B", issued_on=datetime.date(2024, 11, 12), stars=5)
    with mock.patch("catalog_sync.registry.models.vietnam_today", return_value=datetime.date(2026, 11, 22)), \
         mock.patch("catalog_sync.registry.reports.vietnam_today", return_value=datetime.date(2026, 11, 22)):
        page = staff_client.get("/registry/reports/").content.decode()
    assert "TQ-2023-0001" in page and "10/12/2026" in page
    assert "TQ-2024-0002" not in page.split('id="expiring"')[1].split("</table>")[0]


def test_revoke_from_the_certificate_page_records_the_decision(staff_client, make_certificate):
    make_certificate(id="TQ-2024-0001")
    staff_client.post("/registry/certificates/TQ-2024-0001/", {
        "action": "revoke", "revoke-decision_no": "5/QĐ-UBND", "revoke-revoked_on": "2025-03-01",
        "revoke-reason": "Không duy trì chất lượng",
    })
    certificate = Certificate.objects.get(pk="TQ-2024-0001")
    assert certificate.revoked_on == datetime.date(2025, 3, 1)
    assert certificate.revocation_decision == "5/QĐ-UBND"
    assert certificate.revocation_reason == "Không duy trì chất lượng"


def test_a_nul_byte_in_a_certificate_url_is_not_found(staff_client, make_certificate):
    make_certificate(id="TQ-2024-0001")
    assert staff_client.get("/registry/certificates/%00/").status_code == 404
    assert staff_client.post("/registry/certificates/TQ-2024-0001%00/", {"action": "revoke"}).status_code == 404


@pytest.mark.parametrize(("data", "field"), [
    ({"action": "revoke", "revoke-decision_no": "5/QĐ-UBND", "revoke-revoked_on": "31/12/9999",
      "revoke-reason": "Không duy trì chất lượng"}, "revoke-revoked_on"),
    ({"action": "renew", "renew-decision_no": "7/QĐ-UBND", "renew-decision_date": "9999-12-31",
      "renew-stars": "4"}, "renew-decision_date"),
    ({"action": "renew", "renew-decision_no": "7/QĐ-UBND", "renew-decision_date": "31/12/99999",
      "renew-stars": "4"}, "renew-decision_date"),
])
def test_a_date_in_year_9999_on_the_certificate_page_is_a_form_error(staff_client, make_certificate, data, field):
    # given a certificate
    make_certificate(id="TQ-2024-0001")
    # when staff type a date the calendar cannot carry 36 months on (or no date at all)
    response = staff_client.post("/registry/certificates/TQ-2024-0001/", data)
    # then the form says so next to the field, and nothing is recorded
    assert response.status_code == 200
    form = response.context["revoke_form" if field.startswith("revoke") else "renew_form"]
    assert list(form.errors) == [field.split("-", 1)[1]]
    assert Certificate.objects.count() == 1
    assert Certificate.objects.get().revoked_on is None


def test_a_decision_date_in_year_9999_on_the_upload_form_is_a_form_error(staff_client, simple_annex):
    with simple_annex([("Mật ong", "HTX A", "Hà Giang", "4")]).open("rb") as upload:
        response = staff_client.post("/registry/import/", {"file": upload, "decision_date": "31/12/9999"})
    assert response.status_code == 200
    assert "Nhập ngày không muộn hơn" in response.context["form"].errors["decision_date"][0]
    assert ImportBatch.objects.count() == 0


def test_revoke_and_renew_refusals_are_in_vietnamese_on_the_vietnamese_page(staff_client, make_certificate):
    # given a certificate already revoked
    make_certificate(id="TQ-2024-0001", revoked_on=datetime.date(2025, 3, 1))
    # when staff try to revoke it again, and to renew it by an earlier decision
    again = staff_client.post("/registry/certificates/TQ-2024-0001/", {
        "action": "revoke", "revoke-decision_no": "6/QĐ-UBND", "revoke-revoked_on": "2025-04-01",
        "revoke-reason": "Lần hai"}, follow=True).content.decode()
    earlier = staff_client.post("/registry/certificates/TQ-2024-0001/", {
        "action": "renew", "renew-decision_no": "7/QĐ-UBND", "renew-decision_date": "2024-01-01",
        "renew-stars": "4"}, follow=True).content.decode()
    # then each refusal is in Vietnamese
    assert "TQ-2024-0001 đã bị thu hồi từ 01/03/2025" in again
    assert "Quyết định công nhận lại (01/01/2024) phải sau giấy chứng nhận được công nhận lại (12/11/2024)" in earlier


def test_the_revocation_confirmation_is_in_vietnamese(staff_client, make_certificate):
    make_certificate(id="TQ-2024-0001")
    page = staff_client.post("/registry/certificates/TQ-2024-0001/", {
        "action": "revoke", "revoke-decision_no": "5/QĐ-UBND", "revoke-revoked_on": "2025-03-01",
        "revoke-reason": "Không duy trì chất lượng"}, follow=True).content.decode()
    assert "Đã thu hồi giấy chứng nhận TQ-2024-0001." in page
    assert "Thu hồi từ" in page and "01/03/2025" in page


@pytest.fixture
def batch_with_rows(db):
    """Factory: a previewed batch holding ``n`` rows of each outcome given."""
    from catalog_sync.registry.bulk import copy_rows
    from catalog_sync.registry.models import ImportRow

    def make(**counts: int) -> ImportBatch:
        batch = ImportBatch.objects.create(file_name="lon.xlsx", file_sha256="0", file=b"x",
                                           rejected_count=counts.get("rejected", 0),
                                           skipped_count=counts.get("skipped", 0),
                                           accepted_count=counts.get("accepted", 0))
        rows, number = [], 0
        for outcome, n in counts.items():
            for _ in range(n):
                number += 1
                rows.append((batch.pk, number, outcome, "stars" if outcome == "rejected" else "",
                             f"lý do {number}", "", "", None, ""))
        copy_rows(ImportRow, ("batch", "row", "outcome", "field", "reason", "product_name", "producer", "stars",
                              "certificate_id"), rows)
        return batch

    return make


def test_preview_pages_rejected_and_skipped_rows_a_hundred_at_a_time(staff_client, batch_with_rows):
    # given a batch of 20,000 rejected and 30,000 skipped rows
    batch = batch_with_rows(rejected=20_000, skipped=30_000)
    # when staff open its preview
    response = staff_client.get(f"/registry/import/{batch.pk}/")
    page = response.content.decode()
    # then they see the first hundred of each, the counts, and the way to the next pages
    assert len(page) < 100_000
    rejected = page.split('id="rejected"')[1].split("</table>")[0]
    skipped = page.split('id="skipped"')[1].split("</table>")[0]
    assert rejected.count("<tr>") == 101 and "lý do 1<" in rejected and "lý do 101<" not in rejected
    assert skipped.count("<tr>") == 101 and "lý do 20001<" in skipped
    assert "trang 1 / 200" in page and "trang 1 / 300" in page
    # and a later page of rejected rows keeps the skipped list where it was
    later = staff_client.get(f"/registry/import/{batch.pk}/", {"rejected": 200, "skipped": 2}).content.decode()
    assert "lý do 20000<" in later.split('id="rejected"')[1].split("</table>")[0]
    assert "lý do 20101<" in later.split('id="skipped"')[1].split("</table>")[0]
    assert 'href="?rejected=200&amp;skipped=3#skipped"' in later


def test_preview_of_a_file_with_a_million_blank_rows_is_small(staff_client, tmp_path):
    # given an annex whose two products are a million blank rows apart
    path = tmp_path / "trong.csv"
    path.write_text(
        "DANH SÁCH\nKèm theo Quyết định số 1/QĐ-UBND ngày 12/11/2024\n"
        "TT,Tên sản phẩm,Chủ thể,Tỉnh,Hạng sao,Nhóm sản phẩm\n1,Mật ong,HTX A,Hà Giang,4,Thực phẩm\n"
        + ",,,,,\n" * 1_000_000 + "2,Chè,HTX B,Hà Giang,3,Thực phẩm\n", encoding="utf-8")
    # when staff upload it
    with path.open("rb") as upload:
        response = staff_client.post("/registry/import/", {"file": upload})
    # then the preview shows both products on a small page
    page = staff_client.get(response["Location"]).content.decode()
    assert len(page) < 100_000
    assert "Mật ong" in page and "Chè" in page


def test_admin_page_of_a_large_batch_is_small_and_links_to_its_rows_a_hundred_a_page(client, batch_with_rows):
    # given a batch of 20,000 rejected and 80,000 accepted rows, and an administrator
    batch = batch_with_rows(rejected=20_000, accepted=80_000)
    client.force_login(User.objects.create_superuser("quan-tri", password="x"))
    # when they open the batch in the admin
    page = client.get(f"/admin/registry/importbatch/{batch.pk}/change/").content.decode()
    # then the page is small: the first rejected rows and a link to all of them
    assert len(page) < 100_000
    link = f"/admin/registry/importrow/?batch__id__exact={batch.pk}&amp;outcome__exact=rejected"
    assert link in page and "20000" in page
    assert "lý do 20<" in page and "lý do 21<" not in page
    # and following the link lists the rejected rows a hundred at a time
    rows = client.get(link.replace("&amp;", "&"))
    assert rows.status_code == 200
    listed = rows.content.decode()
    assert len(listed) < 200_000
    assert "lý do 100<" in listed and "lý do 101<" not in listed and "lý do 20001" not in listed


@pytest.mark.parametrize("path", ["/admin/registry/certificate/%00/change/", "/admin/registry/importbatch/%01/"])
def test_a_control_character_in_an_admin_url_is_not_found(client, db, path):
    client.force_login(User.objects.create_superuser("quan-tri", password="x"))
    assert client.get(path).status_code == 404
