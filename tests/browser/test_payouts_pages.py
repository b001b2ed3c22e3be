"""A producer's payouts pages in real headless Chromium at 360 px: the statement (its table scrolls in its own
box, never the page), the bank details form filled with the keyboard alone; axe-core finds nothing serious."""

from __future__ import annotations

import pytest

from catalog_sync.payouts.ledger import record
from catalog_sync.payouts.models import BankAccountChange
from tests.payouts.conftest import order_of  # noqa: F401
from tests.portal.conftest import PASSWORD, client_factory, producer_person, two_producers  # noqa: F401

from .test_portal_journey import WIDTH, _check

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_producer_reads_a_statement_and_asks_for_new_bank_details_on_a_phone_with_the_keyboard(
        live_server, browser, two_producers, producer_person, order_of):  # noqa: F811
    honey, _ = two_producers
    producer_person(honey, "lan@example.vn")
    record(order_of([(honey, "Mật ong bạc hà Mèo Vạc hũ thủy tinh 500 g", 2, 205_000)], paid="2026-11-02",
                    delivered="2026-11-03", number=4107))
    context = browser.new_context(viewport={"width": WIDTH, "height": 780}, locale="vi-VN", is_mobile=True,
                                  has_touch=True, bypass_csp=True)
    page = context.new_page()
    found: dict[str, list[str]] = {}
    try:
        page.goto(f"{live_server.url}/portal/sign-in/")
        page.get_by_label("Email").fill("lan@example.vn")
        page.get_by_label("Mật khẩu").fill(PASSWORD)
        page.get_by_role("button", name="Đăng nhập").click()
        page.wait_for_url(f"{live_server.url}/portal/")
        # when they open their November statement
        page.goto(f"{live_server.url}/portal/payouts/2026-11/")
        # then its figures are there, in Vietnamese, and nothing scrolls sideways
        assert page.locator("#net").inner_text().replace("\xa0", " ") == "377.200 ₫"
        assert page.get_by_role("link", name="Tải về bản PDF").is_visible()
        _check(page, "payouts-statement", found)
        # when they ask for new bank details with the keyboard alone
        page.goto(f"{live_server.url}/portal/payouts/bank/")
        bank = page.get_by_label("Ngân hàng", exact=True)
        bank.focus()
        bank.select_option("970436")
        page.keyboard.press("Tab")
        page.keyboard.type("0071001234567")
        page.keyboard.press("Tab")
        page.keyboard.type("Hợp tác xã Ong mật Mèo Vạc")
        page.keyboard.press("Tab")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        # then the change waits for its confirmation
        assert page.locator("#bank-pending").is_visible()
        _check(page, "payouts-bank", found)
    finally:
        context.close()
    assert list(BankAccountChange.objects.values_list("account_number", "account_name", "status")) == [
        ("0071001234567", "HOP TAC XA ONG MAT MEO VAC", "pending")]
    assert found == {}
