"""A shopper's journey in real headless Chromium, at 360 px and desktop widths, with screenshots and axe-core."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from testkit.catalogue_builders import NOW, editorjs, variant_record
from tests.storefront.conftest import Shop

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "storefront"
WIDTHS = {"phone-360": {"width": 360, "height": 780}, "desktop": {"width": 1280, "height": 900}}


@pytest.fixture
def catalogue(db, make_certificate):
    """A small real-looking catalogue: a showcase, a producer with a story, products in three provinces."""
    shop = Shop()
    make_certificate(id="AG-2024-0001", product_name="Nước mắm Phú Quốc Khải Hoàn 40 độ đạm",
                     producer="Công ty Cổ phần thương mại Khải Hoàn", stars=5, province="an-giang",
                     issued_on=datetime.date(2024, 11, 12), decision_no="1234/QĐ-UBND")
    producer = shop.producer(title="Công ty Cổ phần thương mại Khải Hoàn", province="an-giang",
                             content=editorjs("Ba thế hệ làm nước mắm ở Phú Quốc.", "Cá cơm than ủ chượp 12 tháng."))
    fish_sauce = shop.product(
        name="Nước mắm Phú Quốc Khải Hoàn 40 độ đạm", slug="nuoc-mam-phu-quoc-khai-hoan-ag-2024-0001",
        certificate_id="AG-2024-0001", producer=producer, stars=5, province="an-giang", thumbnail=None, images=(),
        variants=(variant_record(name="Chai 500 ml", price=Decimal(125_000), quantity_available=40),),
    )
    others = [
        _local(shop, "Mật ong bạc hà Mèo Vạc", "Hợp tác xã Ong mật Mèo Vạc", "Hũ 500 g", 450_000, stars=5,
               province="tuyen-quang", product_set="mat-ong-nong-san-khac", created=NOW - datetime.timedelta(days=1)),
        _local(shop, "Cà phê Arabica Cầu Đất", "Công ty TNHH Cà phê Cầu Đất Đà Lạt", "Gói 500 g", 180_000, stars=4,
               province="lam-dong", product_set="ca-phe-ca-cao"),
        _local(shop, "Nón lá Huế", "Hợp tác xã Nón lá Phú Hồ", "Chiếc", 120_000, stars=4, province="hue",
               group="thu-cong-my-nghe", product_set=None),
        _local(shop, "Rượu cần Đạ Tẻh", "Hợp tác xã Rượu cần Đạ Tẻh", "Bình 2 lít", 150_000, stars=3,
               province="lam-dong", group="do-uong", product_set="do-uong-co-con-khac", quantity=0),
    ]
    showcase = shop.collection(name="Đặc sản Tết 2026", product_ids=(fish_sauce.id, others[0].id))
    return {"fish_sauce": fish_sauce, "producer": producer, "showcase": showcase, "others": others}


def _local(shop, name, producer, variant, price, *, quantity=25, **fields):
    return shop.product(name=name, producer_title=producer, description=editorjs(f"{name}: sản phẩm OCOP."),
                        thumbnail=None, images=(), name_en=None,
                        variants=(variant_record(name=variant, price=Decimal(price), quantity_available=quantity),),
                        **fields)


def _shot(page, width_name: str, step: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{width_name}-{step}.png"), full_page=True)


def _fits(page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width, page.url


def _serious(page) -> list[str]:
    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"] if v["impact"] in {"serious", "critical"}]


@pytest.mark.parametrize("width_name", list(WIDTHS))
def test_home_to_a_product_through_a_filter_and_a_search(live_server, browser, catalogue, width_name):
    viewport = WIDTHS[width_name]
    context = browser.new_context(viewport=viewport, locale="vi-VN", device_scale_factor=1)
    page = context.new_page()
    try:
        # the home page: groups, 5★ products, search
        page.goto(f"{live_server.url}/")
        assert page.locator("h1").inner_text() == "Sản phẩm OCOP Việt Nam"
        _fits(page, viewport["width"])
        _shot(page, width_name, "1-home")
        # through the catalogue and a filter: 5 stars only
        page.get_by_role("navigation", name="Chính").get_by_role("link", name="Tất cả sản phẩm").click()
        page.wait_for_url(f"{live_server.url}/products/")
        assert page.locator("#result-count").inner_text() == "5 sản phẩm"
        if not page.locator("#filters").evaluate("el => el.open"):
            page.locator("#filters summary").click()
        page.get_by_label("5 sao (2)").check()
        page.get_by_role("button", name="Áp dụng").click()
        page.wait_for_url(f"{live_server.url}/products/?stars=5")
        assert page.locator("#result-count").inner_text() == "2 sản phẩm"
        # most stars first, then the newest
        assert page.locator(".product-name").all_inner_texts() == ["Mật ong bạc hà Mèo Vạc",
                                                                    "Nước mắm Phú Quốc Khải Hoàn 40 độ đạm"]
        _fits(page, viewport["width"])
        _shot(page, width_name, "2-filtered")
        page.get_by_role("link", name="Mật ong bạc hà Mèo Vạc").click()
        assert page.locator("h1").inner_text() == "Mật ong bạc hà Mèo Vạc"
        assert page.locator("#price").inner_text() == "450.000 ₫"
        # a placeholder drawing stands in for the missing photo, and it loaded
        assert page.locator(".gallery img").evaluate("img => img.complete && img.naturalWidth > 0")
        _fits(page, viewport["width"])
        _shot(page, width_name, "3-product-from-filter")
        # then a search typed without diacritics, with suggestions as you type
        search = page.locator("#site-search")
        search.fill("nuoc mam")
        suggestion = page.get_by_role("option", name="Nước mắm Phú Quốc Khải Hoàn 40 độ đạm")
        suggestion.wait_for()
        _shot(page, width_name, "4-suggestions")
        search.press("Escape")  # closes the suggestions, keeps the text
        assert page.get_by_role("listbox").is_hidden()
        assert search.input_value() == "nuoc mam"
        search.press("Enter")
        page.wait_for_url(f"{live_server.url}/search/?q=nuoc+mam")
        assert page.locator("h1").inner_text() == "Kết quả cho “nuoc mam”"
        _fits(page, viewport["width"])
        _shot(page, width_name, "5-search")
        page.get_by_role("link", name="Nước mắm Phú Quốc Khải Hoàn 40 độ đạm").first.click()
        assert page.locator("h1").inner_text() == "Nước mắm Phú Quốc Khải Hoàn 40 độ đạm"
        assert page.locator("#certificate-badge").get_attribute("href") == "/verify/AG-2024-0001/"
        _fits(page, viewport["width"])
        _shot(page, width_name, "6-product-from-search")
    finally:
        context.close()


def test_the_shop_works_with_javascript_off(live_server, browser, catalogue):
    context = browser.new_context(viewport={"width": 360, "height": 780}, java_script_enabled=False, locale="vi-VN")
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/products/")
        page.locator("#filters summary").click()
        page.get_by_label("Lâm Đồng (2)").check()
        page.get_by_label("Chỉ hàng còn (4)").check()
        page.get_by_role("button", name="Áp dụng").click()
        page.wait_for_url(f"{live_server.url}/products/?province=lam-dong&in_stock=1")
        assert page.locator(".product-name").all_inner_texts() == ["Cà phê Arabica Cầu Đất"]
        page.locator("#site-search").fill("mat ong")
        page.locator("#site-search").press("Enter")
        page.wait_for_url(f"{live_server.url}/search/?q=mat+ong")
        assert page.locator(".product-name").all_inner_texts() == ["Mật ong bạc hà Mèo Vạc"]
        _shot(page, "nojs-360", "search")
    finally:
        context.close()


def test_keyboard_reaches_the_content_and_the_focus_is_visible(live_server, desktop, catalogue):
    desktop.goto(f"{live_server.url}/products/")
    desktop.keyboard.press("Tab")
    assert desktop.evaluate("document.activeElement.textContent") == "Bỏ qua, đến nội dung chính"
    assert desktop.locator(".skip-link").evaluate("el => el.getBoundingClientRect().left >= 0")
    desktop.keyboard.press("Enter")
    # tabbing on from the skip target lands in the filters, each focus drawn with an outline
    for _ in range(3):
        desktop.keyboard.press("Tab")
    outline = desktop.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


def test_no_serious_accessibility_violations_on_any_shop_page(live_server, browser, catalogue):
    fish_sauce, producer, showcase = catalogue["fish_sauce"], catalogue["producer"], catalogue["showcase"]
    paths = ["/", "/products/", "/products/?stars=5&province=an-giang", "/products/?stars=9", "/search/?q=nuoc+mam",
             f"/products/{fish_sauce.slug}/", f"/producers/{producer.slug}/", f"/showcases/{showcase.slug}/",
             "/products/khong-con-ban-ag-2024-0001/", "/en/products/", f"/en/products/{fish_sauce.slug}/"]
    found = {}
    for width_name, viewport in WIDTHS.items():
        # axe-core is injected by the test itself: the page's Content-Security-Policy is not what is checked here
        context = browser.new_context(viewport=viewport, locale="vi-VN", bypass_csp=True)
        page = context.new_page()
        try:
            for path in paths:
                page.goto(f"{live_server.url}{path}")
                _shot(page, width_name, "page-" + (path.strip("/").replace("/", "_").replace("?", "_") or "home")[:60])
                if violations := _serious(page):
                    found[f"{width_name} {path}"] = violations
        finally:
            context.close()
    assert found == {}
