"""A shopper buys in real headless Chromium at 360 px: product page, cart, checkout, (card step,) confirmation.

The card is typed into localstripe's card element (its Stripe.js, from its own origin, has no Payment
Element); a declined card first shows the message next to the card field. Cash on delivery is bought with
JavaScript off. Screenshots are kept under
test-results/buying-tier2/. Every page must fit 360 px and break no Content-Security-Policy rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from catalog_sync.catalogue.records import ProductRecord
from tests.buying.card_journey import DECLINED
from tests.buying.journeys import SHOPPER
from tests.localstripe import CARD_DECLINED, CARD_OK

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "buying-tier2"
PHONE = {"width": 360, "height": 780}


def _shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


_WIDEST = """() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > %d)
  .slice(-3).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"""


def _fits(page, overflows: list[str]) -> None:
    width = PHONE["width"]
    if page.evaluate("document.documentElement.scrollWidth") > width:
        overflows.append(f"{page.url} is wider than {width} px: {page.evaluate(_WIDEST % width)}")


def _type_card(page, number: str) -> None:
    element = page.locator("#card-element")
    element.locator("input[placeholder=number]").wait_for()
    for field, value in (("number", number), ("exp_month", "12"), ("exp_year", "30"), ("cvc", "123"),
                         ("postal_code", "66000")):
        element.locator(f"input[placeholder={field}]").fill(value)


def buy(browser, base_url: str, product: ProductRecord, payment: str, *, javascript: bool = True,
        transfer: Callable[[str], None] | None = None) -> str:
    """One unit of ``product`` bought from its page, paying ``card``, ``cod`` or ``vietqr`` (``transfer(payload)``
    makes the bank transfer the page's VietQR code asks for); the order number shown."""
    context = browser.new_context(viewport=PHONE, locale="vi-VN", device_scale_factor=1, is_mobile=True,
                                  has_touch=True, java_script_enabled=javascript)
    page = context.new_page()
    violations: list[str] = []
    overflows: list[str] = []
    page.on("console", lambda message: violations.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text else None)
    try:
        # the product page: add one to the cart
        page.goto(f"{base_url}/products/{product.slug}/")
        assert page.locator("h1").inner_text() == product.name
        _fits(page, overflows)
        _shot(page, f"{payment}-1-product")
        page.locator("#add-to-cart").get_by_role("button").click()
        page.wait_for_url(f"{base_url}/cart/")
        _fits(page, overflows)
        _shot(page, f"{payment}-2-cart")
        page.locator("#to-checkout").click()
        page.wait_for_url(f"{base_url}/checkout/")
        # the checkout: contact, address, delivery, payment
        page.fill("#id_email", SHOPPER["email"])
        page.fill("#id_name", SHOPPER["name"])
        page.fill("#id_phone", SHOPPER["phone"])
        page.select_option("#id_province", SHOPPER["province"])
        page.fill("#id_ward", SHOPPER["ward"])
        page.fill("#id_street", SHOPPER["street"])
        page.locator(f"input[name=payment_method][value={payment}]").check()
        _fits(page, overflows)
        _shot(page, f"{payment}-3-checkout")
        page.locator("#place-order").click()
        if payment == "card":
            page.wait_for_url(f"{base_url}/checkout/pay/")
            # a declined card: the message is shown next to the card field, and the shopper tries again
            _type_card(page, CARD_DECLINED)
            _shot(page, "card-4-pay")
            page.locator("#pay-button").click()
            page.locator("#card-errors").get_by_text(DECLINED).wait_for()
            _fits(page, overflows)
            _shot(page, "card-5-declined")
            _type_card(page, CARD_OK)
            page.locator("#pay-button").click()
        if payment == "vietqr":
            page.wait_for_url(f"{base_url}/checkout/pay/")
            code = page.locator("#vietqr svg")
            code.wait_for()
            assert code.bounding_box()["width"] >= 200  # big enough to scan from the screen
            _fits(page, overflows)
            _shot(page, "vietqr-4-pay")
            assert transfer is not None
            transfer(page.locator("#vietqr").get_attribute("data-vietqr") or "")  # the page moves on by itself
        page.wait_for_url(re.compile(rf"^{re.escape(base_url)}/checkout/orders/\d+/$"))
        _fits(page, overflows)
        _shot(page, f"{payment}-6-confirmation")
        number = page.locator("#order-number").inner_text()
        assert not violations, violations
        assert not overflows, overflows
        return number
    finally:
        context.close()
