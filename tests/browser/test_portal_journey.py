"""A producer's session in real headless Chromium at 360 px: sign in, certificates, a price and stock change.

Saleor's replies are those recorded for ``tests/portal/test_recorded_edits.py`` (cassette
``portal/02_price_and_stock``: the same requests, in the same order). Screenshots go to
``test-results/portal/``; axe-core finds no serious or critical violation on any page.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

from catalog_sync.catalogue.models import Variant
from tests.portal.conftest import PASSWORD, cassette, client_factory, producer_person, two_producers  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "portal"
WIDTH = 360


def _check(page, step: str, found: dict[str, list[str]]) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"phone-360-{step}.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH, page.url
    violations = [f"{v['id']} ({v['impact']}): {v['help']}" for v in Axe().run(page).response["violations"]
                  if v["impact"] in {"serious", "critical"}]
    if violations:
        found[step] = violations


def test_a_producer_changes_a_price_on_a_phone(live_server, browser, cassette, two_producers,  # noqa: F811
                                               producer_person, settings):  # noqa: F811
    # given the store's catalogue in the read model and an invited person of the honey producer
    cassette("portal/02_price_and_stock")
    token = settings.SALEOR_APP_TOKEN
    call_command("search_reindex", stdout=io.StringIO(), stderr=io.StringIO())
    settings.SALEOR_APP_TOKEN = token
    producer_person(two_producers[0], "lan@example.vn")
    honey = Variant.objects.get(product__producer_title="HTX Ong mật Mèo Vạc")
    # axe-core is injected by the test itself: the page's Content-Security-Policy is not what is checked here
    context = browser.new_context(viewport={"width": WIDTH, "height": 780}, locale="vi-VN", is_mobile=True,
                                  has_touch=True, bypass_csp=True)
    page = context.new_page()
    found: dict[str, list[str]] = {}
    try:
        # when they open the portal on their phone: first the sign-in page
        page.goto(f"{live_server.url}/portal/")
        assert page.url.startswith(f"{live_server.url}/portal/sign-in/")
        _check(page, "1-sign-in", found)
        page.get_by_label("Email").fill("lan@example.vn")
        page.get_by_label("Mật khẩu").fill(PASSWORD)
        page.get_by_role("button", name="Đăng nhập").click()
        page.wait_for_url(f"{live_server.url}/portal/")
        assert page.locator("h1").inner_text() == "HTX Ong mật Mèo Vạc"
        _check(page, "2-home", found)
        # their certificates
        page.get_by_role("link", name="Giấy chứng nhận của bạn").click()
        page.wait_for_url(f"{live_server.url}/portal/certificates/")
        assert page.locator("#certificate-TQ-2025-0901 .last-valid-day").inner_text() == "10/03/2028"
        _check(page, "3-certificates", found)
        # their products, and the form of the honey's variant
        page.get_by_role("link", name="Sản phẩm", exact=True).click()
        page.wait_for_url(f"{live_server.url}/portal/products/")
        _check(page, "4-products", found)
        page.locator(f'a[href="/portal/variants/{honey.id}/"]').click()
        page.wait_for_url(f"{live_server.url}/portal/variants/{honey.id}/")
        _check(page, "5-variant", found)
        page.get_by_label("Giá (đồng)").fill("158000")
        page.get_by_label("Tồn kho").fill("42")
        page.get_by_role("button", name="Lưu").click()
        page.wait_for_url(f"{live_server.url}/portal/variants/{honey.id}/")
        # then the page says it is saved and shows Saleor's new values
        assert page.locator(".messages").inner_text() == "Đã lưu: giá, tồn kho."
        assert page.get_by_label("Giá (đồng)").input_value() == "158000"
        assert page.get_by_label("Tồn kho").input_value() == "42"
        _check(page, "6-saved", found)
    finally:
        context.close()
    assert found == {}
