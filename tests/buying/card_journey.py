"""A shopper pays by card (``payment_method=card``), run by both tiers like journeys.py.

Tier 2 runs it against a real Saleor 3.23 with the app ``ocop.market`` installed and localstripe as Stripe,
and records Saleor's replies (``OCOP_RECORD_BUYING=1``: tests/fixtures/saleor/18_buying_card.json); tier 1
replays them. ``give_card(number)`` is what Stripe.js does with the card the shopper types (localstripe's
card element tokenises it with the publishable key): it answers the card's id, which the page posts back.
``confirm_with_bank(client_secret)`` is the shopper passing their bank's 3-D Secure step in Stripe.js.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from urllib.parse import urlsplit

from django.conf import settings
from django.test import Client

from tests.localstripe import CARD_3DS, CARD_DECLINED, PUBLISHABLE_KEY
from tests.storefront.html_reading import read_html, text_of

from .journeys import SHIPPING, Products, add, checkout, messages_of, order_number, price

DECLINED = "Thẻ của bạn bị từ chối. Hãy thử thẻ khác, hoặc quay lại và chọn thanh toán khi nhận hàng."
BANK_STEP = ("Ngân hàng của bạn yêu cầu xác nhận khoản thanh toán này. "
             "Hãy làm theo các bước của ngân hàng để hoàn tất.")


def transaction_of(payment_token: str) -> str:
    """The Saleor transaction a card form's signed ``payment`` names. The token itself (``signing.dumps``) carries
    the second it was signed, so two pages of one payment differ as text when a second passed between them."""
    from django.core import signing

    return signing.loads(payment_token, salt="ocop.buying.card")["transaction"]


def card_form(response) -> dict[str, str]:
    """The card form's attributes and the signed payment it posts back."""
    page = read_html(response.content)
    (form,) = page.all("form", id="card-form")
    return {**form, "payment": page.all("input", name="payment")[0]["value"]}


def card_journey(client: Client, products: Products, withdraw: Callable, give_card: Callable[[str], str],
                 confirm_with_bank: Callable[[str], None]) -> tuple[str, Decimal]:
    """Goods paid by card: a decline, then a card the bank asks to confirm; a product withdrawn before paying is
    never paid for. (number, total)"""
    goods, other = products.goods, products.other
    # given a cart with two products, and the shopper choosing card on the checkout
    add(client, goods, 2)
    add(client, other, 1)
    assert text_of(client.get("/checkout/").content, "summary-subtotal") == _money(price(goods) * 2 + price(other))
    chosen = checkout(client, payment_method="card")
    # then the address and delivery are saved and the card step follows
    assert (chosen.status_code, chosen["Location"]) == (303, "/checkout/pay/")

    # when the second product is withdrawn before they pay
    withdraw(other)
    # then the card step sends them back to the checkout, which says so and keeps the rest
    assert client.get("/checkout/pay/")["Location"] == "/checkout/"
    back = client.get("/checkout/")
    assert messages_of(back.content) == [f"“{other.name}” không còn được bán nên đã được bỏ khỏi giỏ hàng."]
    assert text_of(back.content, "summary-total") == _money(price(goods) * 2 + SHIPPING)

    # when they choose card again
    assert checkout(client, payment_method="card")["Location"] == "/checkout/pay/"
    page = client.get("/checkout/pay/")
    # then the card step shows Saleor's total and carries what Stripe.js needs: the publishable key Saleor's
    # transactionInitialize answered, the PaymentIntent's client secret, never a secret key
    assert page.status_code == 200
    total = price(goods) * 2 + SHIPPING
    assert text_of(page.content, "summary-total") == _money(total)
    form = card_form(page)
    assert form["data-publishable-key"] == PUBLISHABLE_KEY
    assert form["data-client-secret"] and form["data-element"] == "card"  # localstripe's Stripe.js: card element
    assert "sk_" not in page.content.decode()
    # and with JavaScript off it says so, pointing back to cash on delivery
    assert "Thanh toán bằng thẻ cần JavaScript" in text_of(page.content, "card-needs-javascript")
    # and its Content-Security-Policy lets in Stripe.js from the stand-in's origin, on this page only
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(settings.STRIPE_API_BASE))
    policy = page["Content-Security-Policy"]
    for directive in ("script-src", "frame-src", "connect-src"):
        assert f"{directive} 'self' {origin}" in policy, directive
    assert origin not in client.get("/checkout/")["Content-Security-Policy"]
    # and a reload is the same payment (Saleor's idempotency key): the same PaymentIntent
    assert card_form(client.get("/checkout/pay/"))["data-client-secret"] == form["data-client-secret"]

    # when their card is declined
    declined = client.post("/checkout/pay/", {"payment": form["payment"], "payment_method": give_card(CARD_DECLINED)})
    # then it says so next to the card field, in Vietnamese, and they may try again: a new payment
    assert declined.status_code == 402
    assert text_of(declined.content, "card-errors") == DECLINED
    retry = card_form(declined)
    assert transaction_of(retry["payment"]) != transaction_of(form["payment"])

    # when they pay with a card whose bank asks them to confirm (3-D Secure)
    needs_bank = client.post("/checkout/pay/", {"payment": retry["payment"], "payment_method": give_card(CARD_3DS)})
    # then the page says so next to the card field, and Stripe.js is told to show the bank's step
    assert needs_bank.status_code == 402
    assert text_of(needs_bank.content, "card-errors") == BANK_STEP
    bank = card_form(needs_bank)
    assert bank["data-authenticate"] == "1" and transaction_of(bank["payment"]) == transaction_of(retry["payment"])
    # when they confirm with their bank, and the page comes back (no card this time)
    confirm_with_bank(bank["data-client-secret"])
    paid = client.post("/checkout/pay/", {"payment": retry["payment"], "payment_method": ""})
    # then the order is placed and the confirmation shows Saleor's total
    number = order_number(paid)
    assert paid.cookies["ocop_cart"].value == ""
    confirmation = client.get(paid["Location"])
    assert text_of(confirmation.content, "order-number") == number
    assert text_of(confirmation.content, "order-total") == _money(total)
    (order,) = [item for item in read_html(confirmation.content).jsonld if item["@type"] == "Order"]
    assert (order["orderNumber"], order["price"], order["priceCurrency"]) == (number, str(total), "VND")

    # when the form is sent a second time (a double click, a resubmitted page)
    again = client.post("/checkout/pay/", {"payment": retry["payment"], "payment_method": give_card(CARD_3DS)})
    # then it is the same order, and nothing more is charged (Saleor answers without asking Stripe again)
    assert order_number(again) == number
    return number, total


def _money(amount: Decimal) -> str:
    from catalog_sync.core.formats import money

    return money(amount)
