"""Scan to buy: the certificate page a QR code on the packaging opens (``/verify/<id>/``) offers the product
for sale under it, from the catalogue read model, only while the certificate is valid."""

from __future__ import annotations

import datetime
from decimal import Decimal
from unittest import mock

import pytest
from django.urls import reverse

from catalog_sync.app import health
from catalog_sync.catalogue import store
from catalog_sync.registry.actions import renew_certificate, revoke_certificate
from testkit.catalogue_builders import variant_record

from .html_reading import read_html

pytestmark = pytest.mark.django_db

ID = "TQ-2024-0001"
VALID_DAY = datetime.date(2026, 11, 22)
NOT_FOR_SALE_VI = "Sản phẩm này hiện không được bán trên OCOP Market."
NOT_VALID_VI = "Sản phẩm này không được bán trên OCOP Market vì giấy chứng nhận không còn hiệu lực."


@pytest.fixture(autouse=True)
def _saleor_health_forgotten():
    health.cache.delete(health.KEY)
    yield
    health.cache.delete(health.KEY)


def on(day: datetime.date):
    return mock.patch("storefront.views.vietnam_today", return_value=day)


def honey(shop, certificate_id: str = ID, **overrides):
    fields = {"name": "Mật ong bạc hà Mèo Vạc", "certificate_id": certificate_id, "stars": 4,
              "slug": "mat-ong-bac-ha-meo-vac-tq-2024-0001", "name_en": "Meo Vac mint honey",
              "variants": (variant_record(name="Hũ 250 ml", price=Decimal(185_000), quantity_available=30),)}
    return shop.product(**{**fields, **overrides})


def verify(client, path: str = f"/verify/{ID}/", day: datetime.date = VALID_DAY):
    with on(day):
        response = client.get(path)
    assert response.status_code == 200
    return read_html(response.content), response.content.decode()


def test_a_valid_certificate_shows_its_product_with_photo_price_stars_a_link_and_an_add_to_cart_form(
        client, make_certificate, shop):
    # given a valid certificate and its product for sale in ocop-vn (the read model)
    make_certificate(id=ID)
    product = honey(shop)
    # when a shopper scans the QR code on the packaging
    page, html = verify(client)
    # then the registry's verdict is there, and under it the product: photo, name, price, stars
    assert "Còn hiệu lực" in page.text
    section = html[html.index('id="scan-to-buy"'):html.index("</section>", html.index('id="scan-to-buy"'))]
    part = read_html(section)
    assert "Mua sản phẩm này" in part.text
    assert part.all("a", class_="product-link", href=f"/products/{product.slug}/")
    assert part.all("img", src=product.thumbnail.url, alt="Mật ong bạc hà Mèo Vạc")
    assert "Mật ong bạc hà Mèo Vạc" in part.text and "185.000 ₫" in part.text
    assert part.all("span", class_="stars", role="img", **{"aria-label": "4 sao"})
    # and a form that puts it in the cart: the variant, a quantity, the CSRF token
    [form] = part.all("form", id="add-to-cart")
    assert (form["method"], form["action"]) == ("post", reverse("buying:cart"))
    assert part.all("input", type="hidden", name="variant", value=product.variants[0].id)
    assert part.all("input", name="quantity", value="1", max="30")
    assert part.all("input", name="csrfmiddlewaretoken")
    assert "Thêm vào giỏ hàng" in part.text
    assert NOT_FOR_SALE_VI not in page.text


def test_in_english_under_en(client, make_certificate, shop):
    make_certificate(id=ID)
    product = honey(shop)
    page, _ = verify(client, f"/en/verify/{ID}/")
    assert "Valid today" in page.text and "Buy this product" in page.text and "Add to cart" in page.text
    assert "Meo Vac mint honey" in page.text
    assert page.all("a", class_="product-link", href=f"/en/products/{product.slug}/")


def test_a_withdrawn_product_is_not_offered_and_the_page_says_it_is_not_for_sale(client, make_certificate, shop):
    # given a valid certificate whose product left the read model (withdrawn: unpublished in Saleor)
    make_certificate(id=ID)
    product = honey(shop)
    store.remove_product(product.id, at=product.updated_at + datetime.timedelta(seconds=1))
    # when the QR code is scanned
    page, html = verify(client)
    # then the certificate is valid, no product nor form is shown, and the page says why
    assert "Còn hiệu lực" in page.text
    assert NOT_FOR_SALE_VI in page.text
    assert "/products/" not in html.replace('href="/products/"', "") and 'id="add-to-cart"' not in html
    english, _ = verify(client, f"/en/verify/{ID}/")
    assert "This product is not for sale on OCOP Market at the moment." in english.text


@pytest.mark.parametrize(("day", "verdict"), [
    (datetime.date(2027, 11, 13), "Không còn hiệu lực: đã hết hạn"),
    (datetime.date(2024, 11, 1), "Chưa có hiệu lực"),
])
def test_an_expired_or_not_yet_valid_certificate_offers_no_product_even_while_the_read_model_holds_it(
        client, make_certificate, shop, day, verdict):
    # given the product still in the read model (the plugin withdraws it at midnight; the page does not wait)
    make_certificate(id=ID)
    honey(shop)
    # when the QR code is scanned the day after the last valid day, or before the certificate takes effect
    page, html = verify(client, day=day)
    # then the verdict, no product, no form, and why
    assert verdict in page.text
    assert 'id="scan-to-buy"' not in html and 'id="add-to-cart"' not in html
    assert ("Sản phẩm này chưa được bán trên OCOP Market vì giấy chứng nhận chưa có hiệu lực."
            if day < VALID_DAY else NOT_VALID_VI) in page.text


def test_a_revoked_certificate_offers_no_product_and_says_why_in_both_languages(client, make_certificate, shop):
    make_certificate(id=ID)
    honey(shop)
    revoke_certificate(ID, reason="Vi phạm an toàn thực phẩm", decision_no="5/QĐ-UBND", revoked_on=VALID_DAY)
    page, html = verify(client)
    assert "Không còn hiệu lực: đã bị thu hồi" in page.text and NOT_VALID_VI in page.text
    assert 'id="add-to-cart"' not in html
    english, _ = verify(client, f"/en/verify/{ID}/")
    assert "This product is not sold on OCOP Market: its certificate is not valid." in english.text


def test_when_saleor_is_down_the_registry_part_is_shown_and_the_listing_left_out_without_an_error(
        client, make_certificate, shop):
    # given a valid certificate and its product, and Saleor not answering (the web worker's health check)
    make_certificate(id=ID)
    honey(shop)
    health.record(False)
    # when the QR code is scanned
    page, html = verify(client)
    # then the registry's part is whole, and neither the product nor a reason nor an error is shown
    assert "Còn hiệu lực" in page.text and "HTX Ong mật Mèo Vạc" in page.text and "2417/QĐ-UBND" in page.text
    assert 'id="scan-to-buy"' not in html and 'id="not-for-sale"' not in html
    assert "Traceback" not in html and "lỗi" not in page.text.lower()
    # and once Saleor answers again, the product is back
    health.record(True)
    page, _ = verify(client)
    assert "Mua sản phẩm này" in page.text


def test_when_the_read_model_does_not_answer_the_listing_is_left_out_without_an_error(
        client, make_certificate, shop, monkeypatch):
    make_certificate(id=ID)
    honey(shop)

    def failing(ids):
        raise RuntimeError("read model down")

    monkeypatch.setattr(store, "product_by_certificates", failing)
    page, html = verify(client)
    assert "Còn hiệu lực" in page.text
    assert 'id="scan-to-buy"' not in html and 'id="not-for-sale"' not in html


def test_a_renewal_offers_the_product_sold_under_the_certificate_it_renewed(client, make_certificate, shop):
    # given a product linked to the first certificate of its chain, and the renewal of that certificate
    make_certificate(id=ID)
    product = honey(shop)
    renewal = renew_certificate(ID, decision_no="100/QĐ-UBND", decision_date=datetime.date(2026, 11, 1), stars=5)
    # when the renewal's QR code (the new packaging) is scanned
    page, _ = verify(client, f"/verify/{renewal.pk}/")
    # then the product follows its renewal
    assert page.all("a", class_="product-link", href=f"/products/{product.slug}/")


def test_an_out_of_stock_product_is_shown_without_the_form(client, make_certificate, shop):
    make_certificate(id=ID)
    honey(shop, variants=(variant_record(name="Hũ 250 ml", price=Decimal(185_000), quantity_available=0),))
    page, html = verify(client)
    assert "Mua sản phẩm này" in page.text and "Hết hàng" in page.text
    assert 'id="add-to-cart"' not in html
