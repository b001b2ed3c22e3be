"""A shopper's journeys through the cart, the checkout and the confirmation page, run by both tiers.

Tier 2 runs them against a real Saleor 3.23 holding the demo store and records Saleor's replies
(``OCOP_RECORD_BUYING=1``: tests/fixtures/saleor/14_…17_*.json); tier 1 replays those replies. The
Saleor requests are the same in both, so each journey asserts exactly what a shopper notices, the
same way in both tiers. What only a real Saleor can show (its orders' own totals, a product
unpublished there) the tier-2 test checks itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from django.test import Client
from django.utils import timezone

from catalog_sync.app.readers import StorefrontReader
from catalog_sync.catalogue import store
from catalog_sync.catalogue.records import ProductRecord
from catalog_sync.core.formats import money
from catalog_sync.saleor import SaleorClient
from catalog_sync.saleor.spec import SHIPPING_PRICE_VND
from storefront.buying import session
from testkit.shopper import SHOPPER, cart_lines
from tests.storefront.html_reading import read_html, text_of

SHIPPING = Decimal(SHIPPING_PRICE_VND)  # "Giao hàng tiêu chuẩn" as bootstrap lists it in ocop-vn


@dataclass(frozen=True)
class Products:
    goods: ProductRecord  # a product shipped, with fewer than 50 in stock
    other: ProductRecord  # another one, withdrawn during the last journey
    service: ProductRecord  # a tourism service (ocop-service): nothing shipped


def fill_read_model(client: SaleorClient, ids: list[str]) -> Products:
    """The three products as an anonymous customer reads them from Saleor, put into the read model."""
    reader = StorefrontReader(client)
    records = []
    for product_id in ids:
        record = reader.product(product_id)
        assert record is not None, f"{product_id} is not for sale"
        assert store.apply_product(record)
        records.append(record)
    return Products(*records)


def price(product: ProductRecord) -> Decimal:
    return product.variants[0].price


def add(client: Client, product: ProductRecord, quantity: int, prefix: str = ""):
    return client.post(f"{prefix}/cart/", {"variant": product.variants[0].id, "quantity": quantity})


def trips(call):
    """A step and the requests it sent Saleor: (response, requests)."""
    before = session.shop().client.requests
    response = call()
    return response, session.shop().client.requests - before


def line_errors(html: bytes, index: int = 1) -> str:
    return text_of(html, f"line-errors-{index}")


def messages_of(html: bytes) -> list[str]:
    return [" ".join(m.split()) for m in re.findall(r'<li class="message[^"]*">([^<]*)</li>', html.decode())]


def cart_journey(client: Client, products: Products) -> None:
    goods, service = products.goods, products.service
    stock = goods.variants[0].quantity_available
    # given the product page, whose form posts the variant and a quantity with the CSRF token
    page = read_html(client.get(f"/products/{goods.slug}/").content)
    form = page.all("form", id="add-to-cart")[0]
    assert (form["method"], form["action"]) == ("post", "/cart/")
    assert page.all("input", name="variant")[0]["value"] == goods.variants[0].id
    assert page.all("input", name="quantity")[0]["max"] == str(stock)
    assert page.all("input", name="csrfmiddlewaretoken")

    # when the shopper adds two
    added = add(client, goods, 2)
    # then the cart is a signed, HttpOnly, SameSite=Lax cookie and the cart page lists the line at Saleor's prices
    assert (added.status_code, added["Location"]) == (303, "/cart/")
    cookie = added.cookies["ocop_cart"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax" and ":" in cookie.value
    cart = client.get("/cart/")
    assert messages_of(cart.content) == ["Đã thêm vào giỏ hàng."]
    assert text_of(cart.content, "cart-subtotal") == money(price(goods) * 2)
    assert text_of(cart.content, "line-1").startswith(goods.name)
    (line,) = cart_lines(cart.content)

    # when they ask for one more than Saleor has in stock
    refused = client.post("/cart/", {"line": line, "quantity": stock + 1})
    # then Saleor's refusal is shown next to the line, in Vietnamese, and the cart is unchanged
    assert refused.status_code == 400
    assert line_errors(refused.content) == f"Chỉ còn {stock} trong kho."
    assert text_of(refused.content, "cart-subtotal") == money(price(goods) * 2)
    # and more than may be bought at once is refused the same way
    too_many = client.post("/cart/", {"line": line, "quantity": 51})
    assert line_errors(too_many.content) == "Số lượng vượt quá mức được mua một lần."
    # and a quantity that is not a number never reaches Saleor
    assert line_errors(client.post("/cart/", {"line": line, "quantity": "ba"}).content) == \
        "Nhập số lượng từ 1 đến 999."

    # when they change it to three
    changed, requests = trips(lambda: client.post("/cart/", {"line": line, "quantity": 3}))
    # then Saleor is asked once (the change), and the cart shows three
    assert (changed.status_code, requests) == (303, 1)
    assert text_of(client.get("/cart/").content, "cart-subtotal") == money(price(goods) * 3)

    # when they add a tourism service too (one request to Saleor), then it says nothing is shipped
    assert trips(lambda: add(client, service, 1))[1] == 1
    cart = client.get("/cart/")
    assert len(cart_lines(cart.content)) == 2
    assert "Dịch vụ: không cần giao hàng" in text_of(cart.content, "line-2")
    assert text_of(cart.content, "cart-subtotal") == money(price(goods) * 3 + price(service))

    # and the English cart says the same in English
    english = client.get("/en/cart/")
    assert read_html(english.content).all("h1") and "Your cart" in read_html(english.content).text
    assert text_of(english.content, "cart-subtotal") == money(price(goods) * 3 + price(service), language="en")

    # when they remove the service, the goods stay
    service_line = cart_lines(cart.content)[1]
    assert client.post("/cart/", {"line": service_line, "action": "remove"}).status_code == 303
    cart = client.get("/cart/")
    assert messages_of(cart.content) == ["Đã bỏ khỏi giỏ hàng."]
    assert cart_lines(cart.content) == [line]

    # and a cookie someone altered is no cart at all (Saleor is not even asked)
    stranger = Client()
    stranger.cookies["ocop_cart"] = cookie.value.replace(":", "x:", 1)
    assert "Giỏ hàng của bạn đang trống." in read_html(stranger.get("/cart/").content).text


def checkout(client: Client, **fields: str):
    return client.post("/checkout/", {**SHOPPER, **fields})


def order_number(response) -> str:
    assert response.status_code == 303, response.content.decode()[:2000]
    match = re.fullmatch(r"/checkout/orders/(\d+)/", response["Location"])
    assert match, response["Location"]
    return match.group(1)


def service_journey(client: Client, products: Products) -> tuple[str, str]:
    """A service bought without an address, then a mixed cart whose goods alone are shipped. The order numbers."""
    service, goods = products.service, products.goods
    # given a cart holding only a tourism service
    add(client, service, 2)
    # when the shopper opens the checkout
    page = client.get("/checkout/")
    form = read_html(page.content)
    # then it asks for no address and no delivery, and its fields carry the standard autocomplete tokens
    assert form.all("select", name="province") == [] and form.all("input", name="street") == []
    assert "không cần giao hàng" in text_of(page.content, "no-shipping")
    tokens = {a["name"]: a.get("autocomplete") for a in form.all("input")
              if a.get("name") in ("email", "name", "phone")}
    assert tokens == {"email": "email", "name": "name", "phone": "tel"}
    assert {a["value"] for a in form.all("input", name="payment_method")} == {"card", "cod", "vietqr"}

    # when the phone number is not Vietnamese
    bad = checkout(client, phone="12345")
    # then the form says so next to the phone field, and nothing is ordered
    assert bad.status_code == 400
    assert text_of(bad.content, "phone-errors") == "Nhập số điện thoại Việt Nam, ví dụ 0912 345 678."
    # and a payment that is neither card nor cash on delivery is refused next to the payment field
    other = checkout(client, phone="+84 912 345 678", payment_method="cheque")
    assert other.status_code == 400
    assert text_of(other.content, "payment_method-errors") == \
        "Hãy chọn một lựa chọn hợp lệ. cheque không phải là một trong các lựa chọn khả thi."

    # when they place it, paying on delivery, with no address at all
    placed, requests = trips(lambda: checkout(client, province="", ward="", street=""))
    number = order_number(placed)
    # then Saleor is asked twice: the contact details in one request, then the order
    assert requests == 2
    # then the confirmation shows Saleor's total: two services, no delivery
    confirmation = client.get(placed["Location"])
    assert text_of(confirmation.content, "order-number") == number
    assert text_of(confirmation.content, "order-total") == money(price(service) * 2)
    assert "order-shipping" not in confirmation.content.decode()

    # given a cart with a service and goods
    add(client, service, 1)
    add(client, goods, 1)
    page = client.get("/checkout/")
    # then the checkout asks for the address (with its autocomplete tokens), for the goods
    form = read_html(page.content)
    assert form.all("select", name="province")[0]["autocomplete"] == "address-level1"
    assert form.all("input", name="ward")[0]["autocomplete"] == "address-level2"
    assert form.all("input", name="street")[0]["autocomplete"] == "street-address"
    assert len(form.all("option")) == 35  # "Choose…" and the 34 provinces
    # when they place it
    mixed = checkout(client)
    mixed_number = order_number(mixed)
    # then the goods alone are shipped: Saleor's total is both plus one delivery
    confirmation = client.get(mixed["Location"])
    assert text_of(confirmation.content, "order-shipping") == money(SHIPPING)
    assert text_of(confirmation.content, "order-total") == money(price(service) + price(goods) + SHIPPING)
    return number, mixed_number


def cod_journey(client: Client, products: Products, withdraw) -> str:
    """Goods paid on delivery; a product withdrawn while in the cart is never bought. The order number."""
    goods, other = products.goods, products.other
    # given a cart with two products
    add(client, goods, 2)
    add(client, other, 1)
    assert text_of(client.get("/checkout/").content, "summary-subtotal") == money(price(goods) * 2 + price(other))
    # when the second is withdrawn from sale while the shopper fills in the checkout
    withdraw(other)
    refused = checkout(client)
    # then nothing is ordered: the withdrawn line is removed with a clear message, the rest is kept
    assert refused.status_code == 409
    assert messages_of(refused.content) == [f"“{other.name}” không còn được bán nên đã được bỏ khỏi giỏ hàng."]
    assert text_of(refused.content, "summary-subtotal") == money(price(goods) * 2)

    # when they place the order, paying on delivery
    placed = checkout(client)
    number = order_number(placed)
    # then the cart is gone, and the confirmation page shows Saleor's order and totals
    assert placed.cookies["ocop_cart"].value == ""
    confirmation = client.get(placed["Location"])
    assert confirmation.status_code == 200
    total = price(goods) * 2 + SHIPPING
    assert text_of(confirmation.content, "order-number") == number
    assert text_of(confirmation.content, "order-subtotal") == money(price(goods) * 2)
    assert text_of(confirmation.content, "order-total") == money(total)
    (order,) = [item for item in read_html(confirmation.content).jsonld if item["@type"] == "Order"]
    assert (order["orderNumber"], order["price"], order["priceCurrency"]) == (number, str(total), "VND")
    # and nobody else sees it: not another browser, not one with a forged orders cookie
    assert Client().get(placed["Location"]).status_code == 404
    forger = Client()
    forger.cookies["ocop_orders"] = f'[["{number}", "T3JkZXI6MQ=="]]'
    assert forger.get(placed["Location"]).status_code == 404
    # and the cart is empty again
    assert "Giỏ hàng của bạn đang trống." in read_html(client.get("/cart/").content).text

    # when they buy again, to the same province (whose delivery methods the shop now knows)
    add(client, goods, 1)
    client.get("/checkout/")
    again, requests = trips(lambda: checkout(client))
    # then the order is placed in two requests to Saleor: the form's details in one, then the order
    order_number(again)
    assert requests == 2
    return number


def leave_read_model(product: ProductRecord) -> None:
    store.remove_product(product.id, at=timezone.now())
