"""Scan to buy on a phone: the certificate page a QR code opens offers the product, and it fits the screen."""

import datetime
from decimal import Decimal

import pytest

from catalog_sync.catalogue import store
from catalog_sync.domain.validity import vietnam_today
from testkit.catalogue_builders import product_record, variant_record

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_scanning_the_packaging_on_a_phone_offers_the_product_and_leads_to_its_page(
        live_server, phone, make_certificate):
    # given a certificate valid today and its product for sale (the catalogue read model)
    make_certificate(id="LD-2026-0042", product_name="Rong nho tươi", producer="Công ty TNHH Hải Nam Okinawa",
                     province="lam-dong", stars=5, issued_on=vietnam_today() - datetime.timedelta(days=100))
    product = product_record(name="Rong nho tươi Hải Nam", slug="rong-nho-tuoi-hai-nam-ld-2026-0042",
                             certificate_id="LD-2026-0042", stars=5, province="lam-dong",
                             variants=(variant_record(name="Hộp 200 g", price=Decimal(65_000),
                                                      quantity_available=12),))
    assert store.apply_product(product)
    # when a shopper scans the QR code with a phone
    phone.goto(f"{live_server.url}/verify/LD-2026-0042/")
    # then under the verdict they see the product, its price and the button to buy it, all on the screen's width
    assert phone.locator("h1").inner_text() == "Còn hiệu lực"
    offer = phone.locator("#scan-to-buy")
    assert offer.get_by_text("Rong nho tươi Hải Nam").is_visible()
    assert offer.get_by_text("65.000 ₫").is_visible()
    assert offer.locator(".stars").get_attribute("aria-label") == "5 sao"
    assert offer.get_by_role("button", name="Thêm vào giỏ hàng").is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    # when they follow the product's link
    offer.locator("a.product-link").click()
    # then they are on the product's page
    phone.wait_for_url(f"{live_server.url}/products/rong-nho-tuoi-hai-nam-ld-2026-0042/")
    assert phone.locator("h1").inner_text() == "Rong nho tươi Hải Nam"
