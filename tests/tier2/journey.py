"""A shopper's journey in real headless Chromium over the shop as a real Saleor filled it.

Home, the catalogue through the star and province filters to a product, a search typed without
diacritics with suggestions, the product found, its certificate badge to the verify page; at
360 px and desktop widths, with screenshots under test-results/storefront-tier2/. What the pages
must show is read from the read model that ``ocop search reindex`` built from Saleor, never
written here by hand.
"""

from __future__ import annotations

import re
from pathlib import Path

from catalog_sync.catalogue.records import ProductRecord, SearchQuery
from catalog_sync.catalogue.search import get_backend
from catalog_sync.core.formats import money
from storefront.names import province_name

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "storefront-tier2"
WIDTHS = {"phone-360": {"width": 360, "height": 780}, "desktop": {"width": 1280, "height": 900}}


def _shot(page, width_name: str, step: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{width_name}-{step}.png"), full_page=True)


def _fits(page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width, page.url


def _card(page, name: str):
    """The product card's link, by the product's name as the card shows it."""
    return page.locator(".product-link").filter(has=page.locator(".product-name").get_by_text(name, exact=True)).first


def _count(text: str) -> str:
    return f"{text} sản phẩm"


def walk(browser, base_url: str, product: ProductRecord, search_text: str) -> None:
    """The journey to ``product`` at each width; fails on the first thing a shopper would see wrong."""
    filtered = get_backend().search(SearchQuery(stars=(product.stars,), provinces=(product.province,), per_page=100))
    assert product.id in [p.id for p in filtered.products]
    province = province_name(product.province, "vi")
    filtered_url = f"{base_url}/products/?stars={product.stars}&province={product.province}"
    for width_name, viewport in WIDTHS.items():
        context = browser.new_context(viewport=viewport, locale="vi-VN", device_scale_factor=1)
        page = context.new_page()
        try:
            # the home page, then every product
            page.goto(f"{base_url}/")
            assert page.locator("h1").inner_text() == "Sản phẩm OCOP Việt Nam"
            _fits(page, viewport["width"])
            _shot(page, width_name, "1-home")
            page.get_by_role("navigation", name="Chính").get_by_role("link", name="Tất cả sản phẩm").click()
            page.wait_for_url(f"{base_url}/products/")
            # the product's stars and province, chosen in the filters, each with its count beside it
            if not page.locator("#filters").evaluate("el => el.open"):
                page.locator("#filters summary").click()
            page.get_by_label(re.compile(rf"^{product.stars} sao \(\d+\)$")).check()
            page.get_by_label(re.compile(rf"^{re.escape(province)} \(\d+\)$")).check()
            page.get_by_role("button", name="Áp dụng").click()
            page.wait_for_url(filtered_url)
            assert page.locator("#result-count").inner_text() == _count(f"{filtered.total}")
            assert product.name in page.locator(".product-name").all_inner_texts()
            _fits(page, viewport["width"])
            _shot(page, width_name, "2-filtered")
            _card(page, product.name).click()
            page.wait_for_url(f"{base_url}/products/{product.slug}/")
            assert page.locator("h1").inner_text() == product.name
            price = money(product.price_min, "VND", "vi")
            assert page.locator("#price").inner_text() in {price, f"từ {price}"}
            _fits(page, viewport["width"])
            _shot(page, width_name, "3-product-from-filter")
            # a search typed without diacritics suggests the product as you type, and finds it
            search = page.locator("#site-search")
            search.fill(search_text)
            page.get_by_role("option", name=product.name, exact=True).wait_for()
            _shot(page, width_name, "4-suggestions")
            search.press("Escape")
            search.press("Enter")
            page.wait_for_url(f"{base_url}/search/?q={search_text.replace(' ', '+')}")
            assert product.name in page.locator(".product-name").all_inner_texts()
            _fits(page, viewport["width"])
            _shot(page, width_name, "5-search")
            _card(page, product.name).click()
            page.wait_for_url(f"{base_url}/products/{product.slug}/")
            # the certificate badge leads to the registry's verdict on that certificate
            page.locator("#certificate-badge").click()
            page.wait_for_url(f"{base_url}/verify/{product.certificate_id}/")
            assert page.locator("#verdict").inner_text() == "Còn hiệu lực"
            assert page.locator(".cert-id strong").inner_text() == product.certificate_id
            _fits(page, viewport["width"])
            _shot(page, width_name, "6-verify")
        finally:
            context.close()
