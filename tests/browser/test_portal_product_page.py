"""A producer's product page in real headless Chromium at 360 px: the registry's facts, the rich-text editor
(progressive: the text area stays the field), photos and variants forms; no sideways scrolling; axe-core.

Saleor's replies are those recorded for ``tests/portal/test_recorded_products.py`` (cassette
``portal/products/02_product_page``: the same requests, in the same order). Screenshots go to
``test-results/portal/``.
"""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from catalog_sync.catalogue.models import Product
from tests.portal.conftest import PASSWORD, cassette, client_factory, producer_person, two_producers  # noqa: F401

from .test_portal_journey import WIDTH, _check

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_producer_opens_their_product_page_on_a_phone(live_server, browser, cassette, two_producers,  # noqa: F811
                                                        producer_person, settings):  # noqa: F811
    # given the catalogue in the read model and an invited person of the honey producer
    cassette("portal/products/02_product_page")
    token = settings.SALEOR_APP_TOKEN
    call_command("search_reindex", stdout=io.StringIO(), stderr=io.StringIO())
    settings.SALEOR_APP_TOKEN = token
    producer_person(two_producers[0], "lan@example.vn")
    honey = Product.objects.get(producer_title="HTX Ong mật Mèo Vạc")
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
        # when they open their products, then the honey product
        page.goto(f"{live_server.url}/portal/products/")
        page.locator(f'a[href="/portal/products/{honey.id}/"]').click()
        page.wait_for_url(f"{live_server.url}/portal/products/{honey.id}/")
        # then the facts are read-only text, and the description is a rich-text editor over the text area
        assert "TQ-2025-0901" in page.locator("#facts").inner_text()
        assert page.get_by_role("toolbar", name="Định dạng").is_visible()
        editor = page.get_by_role("textbox", name="Mô tả")
        assert editor.is_visible() and editor.get_attribute("contenteditable") == "true"
        assert page.locator('textarea[name="description"]').is_hidden()
        assert page.get_by_label("Ảnh (JPEG, PNG hoặc WebP, tối đa 5 MB)").is_visible()
        assert page.get_by_role("button", name="Thêm quy cách").is_visible()
        _check(page, "7-product", found)
        # and in English
        page.goto(f"{live_server.url}/en/portal/products/{honey.id}/")
        assert page.get_by_role("toolbar", name="Formatting").is_visible()
        _check(page, "8-product-en", found)
    finally:
        context.close()
    assert found == {}
