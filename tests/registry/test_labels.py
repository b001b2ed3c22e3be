import datetime
import os
from io import StringIO

import pytest
from django.contrib.auth.models import Permission, User
from django.core.management import CommandError, call_command

from tests.pdf_reading import page_count, page_size_mm, pdf_fonts, pdf_text, qr_codes_by_page

pytestmark = pytest.mark.django_db
BASE = "https://ocop.example.vn"


def run_labels(*args):
    out, err = StringIO(), StringIO()
    call_command("labels", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_labels_carry_a_qr_code_to_each_verify_page_with_id_and_stars(make_certificate, tmp_path):
    # given two valid certificates
    make_certificate(id="TQ-2025-0001", product_name="Mật ong bạc hà Mèo Vạc", stars=5,
                     issued_on=datetime.date(2025, 6, 1))
    make_certificate(id="TQ-2025-0002", product_name="Chè Shan tuyết Hà Giang", stars=4,
                     issued_on=datetime.date(2025, 6, 1))
    pdf = tmp_path / "tem.pdf"
    # when staff print their labels (ids as typed, in lower case too)
    out, err = run_labels("TQ-2025-0001", "tq-2025-0002", "-o", str(pdf), "--base-url", BASE + "/")
    # then each label's QR code reads back as that certificate's public verify page
    assert qr_codes_by_page(pdf, columns=3) == [[f"{BASE}/verify/TQ-2025-0001/", f"{BASE}/verify/TQ-2025-0002/"]]
    assert out == f"labels: 2 labels of 2 certificates written to {pdf}\n" and err == ""
    text = pdf_text(pdf)
    assert "TQ-2025-0001" in text and "OCOP ★★★★★" in text and "5 sao" in text
    assert "TQ-2025-0002" in text and "OCOP ★★★★" in text and "4 sao" in text
    assert "Mật ong bạc hà Mèo" in text and "Vạc" in text and "Quét mã để kiểm tra" in text  # the name wraps
    # and the sheet is A4 with its fonts embedded
    assert page_size_mm(pdf) == (210, 297)
    fonts = [line for line in pdf_fonts(pdf).splitlines()[2:] if line.strip()]
    assert fonts and all(" yes " in line for line in fonts)


def test_unknown_and_expired_ids_are_named_and_the_valid_ones_still_printed(make_certificate, tmp_path):
    make_certificate(id="TQ-2025-0001", stars=4, issued_on=datetime.date(2025, 6, 1))
    make_certificate(id="TQ-2019-0007", stars=3, issued_on=datetime.date(2019, 1, 1),
                     valid_until=datetime.date(2021, 12, 31))
    pdf = tmp_path / "tem.pdf"
    _, err = run_labels("TQ-2099-0404", "TQ-2025-0001", "TQ-2019-0007", "-o", str(pdf), "--base-url", BASE)
    assert err.splitlines() == [
        "labels: unknown certificate id TQ-2099-0404",
        "labels: certificate TQ-2019-0007 expired after 31/12/2021: no label printed",
    ]
    assert qr_codes_by_page(pdf, columns=3) == [[f"{BASE}/verify/TQ-2025-0001/"]]


def test_no_printable_id_fails_and_writes_no_file(make_certificate, tmp_path):
    pdf = tmp_path / "tem.pdf"
    with pytest.raises(CommandError) as raised:
        run_labels("TQ-2099-0404", "-o", str(pdf), "--base-url", BASE)
    assert raised.value.returncode == 2
    assert str(raised.value) == "labels: no label printed, no file written"
    assert not pdf.exists()


def test_copies_fill_more_than_one_sheet_and_every_code_reads(make_certificate, tmp_path):
    make_certificate(id="TQ-2025-0001", stars=4, issued_on=datetime.date(2025, 6, 1))
    pdf = tmp_path / "tem.pdf"
    out, _ = run_labels("TQ-2025-0001", "--copies", "25", "-o", str(pdf), "--base-url", BASE)
    assert out.startswith("labels: 25 labels of 1 certificates")
    assert page_count(pdf) == 2
    url = f"{BASE}/verify/TQ-2025-0001/"
    assert qr_codes_by_page(pdf, columns=3) == [[url] * 21, [url] * 4]
    assert pdf_text(pdf).count("TQ-2025-0001") == 25


def test_the_command_needs_the_shops_public_address(make_certificate, tmp_path, settings):
    settings.SITE_PUBLIC_URL = None
    make_certificate(id="TQ-2025-0001", issued_on=datetime.date(2025, 6, 1))
    with pytest.raises(CommandError) as raised:
        run_labels("TQ-2025-0001", "-o", str(tmp_path / "tem.pdf"))
    assert raised.value.returncode == 2
    assert "set SITE_PUBLIC_URL or give --base-url" in str(raised.value)


def test_the_public_address_comes_from_site_public_url(make_certificate, tmp_path, settings):
    settings.SITE_PUBLIC_URL = "https://ocop.vn"
    make_certificate(id="TQ-2025-0001", issued_on=datetime.date(2025, 6, 1))
    pdf = tmp_path / "tem.pdf"
    run_labels("TQ-2025-0001", "-o", str(pdf))
    assert qr_codes_by_page(pdf, columns=3) == [["https://ocop.vn/verify/TQ-2025-0001/"]]


@pytest.fixture
def registry_staff(client):
    user = User.objects.create_user("can-bo-xuc-tien", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="change_certificate"))
    client.force_login(user)
    return client


def test_the_certificate_page_offers_a_full_sheet_of_labels(registry_staff, make_certificate, tmp_path, settings):
    settings.SITE_PUBLIC_URL = None  # the page falls back to the address staff reach it at
    make_certificate(id="TQ-2025-0001", product_name="Mật ong bạc hà", stars=4, issued_on=datetime.date(2025, 6, 1))
    page = registry_staff.get("/registry/certificates/TQ-2025-0001/").content.decode()
    assert 'action="/registry/certificates/TQ-2025-0001/labels.pdf"' in page
    assert "Tải tem nhãn (PDF)" in page

    response = registry_staff.get("/registry/certificates/TQ-2025-0001/labels.pdf?copies=21")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="tem-TQ-2025-0001.pdf"'
    pdf = tmp_path / "tem.pdf"
    pdf.write_bytes(response.content)
    assert qr_codes_by_page(pdf, columns=3) == [["http://testserver/verify/TQ-2025-0001/"] * 21]
    assert pdf_text(pdf).count("TQ-2025-0001") == 21


def test_a_bad_number_of_labels_is_named(registry_staff, make_certificate):
    make_certificate(id="TQ-2025-0001", issued_on=datetime.date(2025, 6, 1))
    response = registry_staff.get("/registry/certificates/TQ-2025-0001/labels.pdf?copies=abc")
    assert response.status_code == 400
    assert response.content.decode() == "copies: hãy nhập số nguyên từ 1 đến 210 (đã nhập abc)"


def test_an_expired_certificate_offers_no_labels(registry_staff, make_certificate):
    make_certificate(id="TQ-2019-0007", issued_on=datetime.date(2019, 1, 1), valid_until=datetime.date(2021, 12, 31))
    assert "labels.pdf" not in registry_staff.get("/registry/certificates/TQ-2019-0007/").content.decode()
    response = registry_staff.get("/registry/certificates/TQ-2019-0007/labels.pdf", follow=True)
    assert "Không in được tem: certificate TQ-2019-0007 expired after 31/12/2021" in response.content.decode()


def test_labels_are_for_registry_staff_only(client, make_certificate):
    make_certificate(id="TQ-2025-0001", issued_on=datetime.date(2025, 6, 1))
    anonymous = client.get("/registry/certificates/TQ-2025-0001/labels.pdf")
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/admin/login/")
    client.force_login(User.objects.create_user("khach", password="x"))  # not staff
    assert client.get("/registry/certificates/TQ-2025-0001/labels.pdf").status_code == 302
    client.force_login(User.objects.create_user("nhan-vien", password="x", is_staff=True))  # no registry permission
    assert client.get("/registry/certificates/TQ-2025-0001/labels.pdf").status_code == 403


def test_ocop_labels_runs_from_the_console_script_and_exits_2_when_nothing_is_printed(settings, tmp_path):
    from tests.test_cli_and_settings import OCOP, _test_database_url, run

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings", "DATABASE_URL": _test_database_url(settings)}
    result = run([OCOP, "labels", "TQ-2099-0404", "-o", str(tmp_path / "tem.pdf"), "--base-url", BASE], env)
    assert result.returncode == 2
    assert result.stderr.splitlines() == ["labels: unknown certificate id TQ-2099-0404",
                                          "CommandError: labels: no label printed, no file written"]
