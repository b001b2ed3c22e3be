import datetime

import pytest
from django.contrib.auth.models import User

from catalog_sync.domain.validity import vietnam_today

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_verify_page_on_a_phone_reads_plainly_without_sideways_scrolling(live_server, phone, make_certificate):
    # given a certificate valid today
    issued = vietnam_today() - datetime.timedelta(days=100)
    certificate = make_certificate(id="LD-2026-0042", product_name="Rong nho tươi",
                                   producer="Công ty TNHH Hải Nam Okinawa", province="lam-dong", stars=5,
                                   issued_on=issued)
    # when a shopper scans the QR code on a phone
    phone.goto(f"{live_server.url}/verify/LD-2026-0042/")
    # then the verdict is the main heading, in Vietnamese, and the page fits the screen
    assert phone.locator("h1").inner_text() == "Còn hiệu lực"
    assert phone.locator("html").get_attribute("lang") == "vi"
    assert phone.get_by_text("Rong nho tươi").is_visible()
    assert phone.get_by_text(f"{certificate.valid_until:%d/%m/%Y}").first.is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    assert phone.locator(".stars").get_attribute("aria-label") == "5 sao"


def test_language_switch_reaches_the_english_page_by_keyboard(live_server, desktop, make_certificate):
    make_certificate(id="LD-2026-0042", issued_on=vietnam_today() - datetime.timedelta(days=10))
    desktop.goto(f"{live_server.url}/verify/LD-2026-0042/")
    # the first Tab lands on the skip link, which becomes visible
    desktop.keyboard.press("Tab")
    assert desktop.evaluate("document.activeElement.textContent") == "Bỏ qua, đến nội dung chính"
    # the language switch comes right after the brand, named in its own language
    desktop.keyboard.press("Tab")
    desktop.keyboard.press("Tab")
    assert desktop.evaluate("document.activeElement.textContent") == "English"
    with desktop.expect_navigation():
        desktop.keyboard.press("Enter")
    assert desktop.url == f"{live_server.url}/en/verify/LD-2026-0042/"
    assert desktop.locator("h1").inner_text() == "Valid today"


def test_unknown_certificate_page_in_a_browser(live_server, phone, db):
    response = phone.goto(f"{live_server.url}/verify/KHONG-CO/")
    assert response.status == 404
    assert phone.locator("h1").inner_text() == "Không tìm thấy chứng nhận"


def test_staff_upload_preview_and_confirm_in_the_browser(live_server, desktop, simple_annex):
    # given a staff member with import rights, logged in through the admin login page
    User.objects.create_superuser("canbo", password="mat-khau-dai-123")
    desktop.goto(f"{live_server.url}/registry/import/")
    desktop.fill("#id_username", "canbo")
    desktop.fill("#id_password", "mat-khau-dai-123")
    desktop.click("input[type=submit]")
    assert desktop.locator("h1").inner_text() == "Nhập danh sách sản phẩm được công nhận"
    # when they upload an annex with one bad row
    path = simple_annex([
        ("Mật ong bạc hà", "HTX Ong mật Mèo Vạc", "Hà Giang", "4 sao"),
        ("Chè Shan tuyết", "Công ty Chè", "Hà Giang", "hai sao"),
    ])
    desktop.set_input_files("#id_file", str(path))
    desktop.get_by_role("button", name="Kiểm tra tệp").click()
    # then the preview names the bad row and its field, and nothing is imported yet
    assert desktop.locator("#accepted-count").inner_text() == "1"
    assert desktop.locator("#rejected-count").inner_text() == "1"
    rejected = desktop.locator("#rejected tbody tr").first.locator("td").all_inner_texts()
    assert rejected[:2] == ["5", "Hạng sao (stars)"]
    accepted = desktop.locator("#accepted tbody tr").first.locator("td").all_inner_texts()
    assert accepted == ["4", "TQ-2024-0001", "Mật ong bạc hà", "HTX Ong mật Mèo Vạc", "4★", "giấy chứng nhận mới"]
    from catalog_sync.registry.models import Certificate

    assert Certificate.objects.count() == 0
    # when they confirm
    desktop.get_by_role("button", name="Xác nhận nhập").click()
    assert desktop.locator(".message.success").inner_text() == "Đã nhập: 1 giấy chứng nhận mới, 1 dòng bị loại."
    assert list(Certificate.objects.values_list("pk", flat=True)) == ["TQ-2024-0001"]


def test_home_page_lookup_form_leads_to_the_certificate(live_server, phone, make_certificate):
    make_certificate(id="LD-2026-0042", issued_on=vietnam_today() - datetime.timedelta(days=10))
    phone.goto(f"{live_server.url}/")
    phone.get_by_label("Mã giấy chứng nhận (in dưới mã QR)").fill(" ld-2026-0042 ")
    phone.get_by_role("button", name="Kiểm tra").click()
    phone.wait_for_url(f"{live_server.url}/verify/LD-2026-0042/")
    assert phone.locator("h1").inner_text() == "Còn hiệu lực"
