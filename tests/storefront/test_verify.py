import datetime
from unittest import mock

import pytest

from catalog_sync.registry.actions import revoke_certificate

pytestmark = pytest.mark.django_db


def at_vietnam_date(day: datetime.date):
    return mock.patch("storefront.views.vietnam_today", return_value=day)


def test_verify_page_says_valid_today_in_vietnamese(client, make_certificate):
    make_certificate(id="TQ-2024-0001")
    with at_vietnam_date(datetime.date(2026, 11, 22)):
        response = client.get("/verify/TQ-2024-0001/")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="vi">' in page
    assert "Còn hiệu lực" in page
    assert "Mật ong bạc hà" in page and "HTX Ong mật Mèo Vạc" in page
    assert "12/11/2027" in page
    assert "2417/QĐ-UBND" in page
    assert "Tuyên Quang" in page


def test_verify_page_in_english_under_en(client, make_certificate):
    make_certificate(id="TQ-2024-0001")
    with at_vietnam_date(datetime.date(2026, 11, 22)):
        page = client.get("/en/verify/TQ-2024-0001/").content.decode()
    assert '<html lang="en">' in page
    assert "Valid today" in page
    assert "4 stars" in page


def test_verify_page_on_the_last_valid_day_and_the_day_after(client, make_certificate):
    make_certificate(id="TQ-2024-0001")
    with at_vietnam_date(datetime.date(2027, 11, 12)):
        assert "Valid today" in client.get("/en/verify/TQ-2024-0001/").content.decode()
    with at_vietnam_date(datetime.date(2027, 11, 13)):
        page = client.get("/en/verify/TQ-2024-0001/").content.decode()
    assert "Not valid: expired" in page
    assert "The certificate ended on 12/11/2027" in page


def test_verify_page_shows_a_revocation_with_its_decision(client, make_certificate):
    make_certificate(id="TQ-2024-0001")
    revoke_certificate("TQ-2024-0001", reason="Vi phạm an toàn thực phẩm", decision_no="5/QĐ-UBND",
                       revoked_on=datetime.date(2025, 3, 1))
    with at_vietnam_date(datetime.date(2025, 3, 1)):
        page = client.get("/en/verify/TQ-2024-0001/").content.decode()
    assert "Not valid: revoked" in page
    assert "Revoked from 01/03/2025 by decision 5/QĐ-UBND." in page
    assert "Vi phạm an toàn thực phẩm" in page


def test_unknown_certificate_gets_a_clear_404_page(client, db):
    response = client.get("/verify/XX-1999-0001/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Không tìm thấy chứng nhận" in page
    assert "XX-1999-0001" in page
    assert "Traceback" not in page


def test_lower_case_id_from_a_hand_typed_url_still_verifies(client, make_certificate):
    make_certificate(id="TQ-2024-0001")
    assert client.get("/verify/tq-2024-0001/").status_code == 200


def test_verify_page_escapes_registry_text(client, make_certificate):
    make_certificate(id="TQ-2024-0009", product_name="<script>alert(1)</script>")
    page = client.get("/verify/TQ-2024-0009/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


@pytest.mark.parametrize("path", ["/verify/%00/", "/verify/TQ-2024-0001%00/", "/en/verify/%00/"])
def test_a_nul_byte_in_the_verify_url_is_not_found(client, make_certificate, path):
    # given a registry with a certificate
    make_certificate(id="TQ-2024-0001")
    # when someone asks for an id holding a NUL byte
    response = client.get(path)
    # then the answer is the plain "not found" page, not a server error
    assert response.status_code == 404
    assert "Traceback" not in response.content.decode()


def test_a_nul_byte_typed_in_the_lookup_form_is_refused_with_the_form(client, db):
    response = client.get("/verify/", {"id": "TQ\x00"})
    assert response.status_code == 400
    assert 'id="certificate-id"' in response.content.decode()


def test_verify_page_before_a_revocation_dated_ahead_says_valid_and_from_when_it_is_revoked(
        client, make_certificate):
    # given a certificate revoked from 01/03/2027
    make_certificate(id="TQ-2024-0001", revoked_on=datetime.date(2027, 3, 1), revocation_decision="9/QĐ-UBND")
    # when a shopper checks it on the eve of that day
    with at_vietnam_date(datetime.date(2027, 2, 28)):
        page = client.get("/verify/TQ-2024-0001/").content.decode()
        english = client.get("/en/verify/TQ-2024-0001/").content.decode()
    # then it is valid today, until the eve, and the page says from when it is revoked
    assert "Còn hiệu lực" in page
    assert "Sản phẩm được sử dụng nhãn OCOP đến hết ngày 28/02/2027." in page
    assert "Bị thu hồi từ 01/03/2027 theo quyết định 9/QĐ-UBND." in page
    assert "Valid today" in english and "Revoked from 01/03/2027 by decision 9/QĐ-UBND." in english


def test_verify_page_from_the_day_of_a_revocation_says_not_valid_and_from_when(client, make_certificate):
    make_certificate(id="TQ-2024-0001", revoked_on=datetime.date(2027, 3, 1), revocation_decision="9/QĐ-UBND")
    with at_vietnam_date(datetime.date(2027, 3, 1)):
        page = client.get("/verify/TQ-2024-0001/").content.decode()
    assert "Không còn hiệu lực: đã bị thu hồi" in page
    assert "Bị thu hồi từ 01/03/2027 theo quyết định 9/QĐ-UBND." in page
    assert "Còn hiệu lực" not in page.replace("Không còn hiệu lực", "")
