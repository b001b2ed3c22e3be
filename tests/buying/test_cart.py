"""The cart at /cart/: add from the product page, change, remove, Saleor's stock limits next to the line."""

import pytest

from . import journeys

pytestmark = pytest.mark.django_db


def test_a_shopper_adds_changes_and_removes_lines_and_sees_saleors_stock_limits_next_to_the_line(client, replayed):
    # given the demo's goods and a tourism service, as Saleor answered (recorded)
    products, _ = replayed("14_buying_cart")
    # when / then: the journey (tests/buying/journeys.py)
    journeys.cart_journey(client, products)


def test_an_empty_cart_asks_nothing_of_saleor(client, replayed):
    # given no cart cookie
    # when the shopper opens the cart and the checkout
    cart = client.get("/cart/")
    checkout = client.get("/checkout/")
    # then the cart says it is empty and the checkout sends them back to it
    assert cart.status_code == 200 and "Giỏ hàng của bạn đang trống." in cart.content.decode()
    assert (checkout.status_code, checkout["Location"]) == (302, "/cart/")


def test_every_cart_form_carries_csrf_protection(client, replayed):
    # given a browser that did not get the form from us (no CSRF token)
    from django.test import Client

    forged = Client(enforce_csrf_checks=True)
    # when it posts to the cart or the checkout
    # then Django refuses it before anything reaches Saleor
    assert forged.post("/cart/", {"variant": "UHJvZHVjdFZhcmlhbnQ6MQ==", "quantity": 1}).status_code == 403
    assert forged.post("/checkout/", journeys.SHOPPER).status_code == 403


def test_when_saleor_does_not_answer_the_shopper_is_asked_to_try_again_shortly(client, settings, monkeypatch):
    import socket

    from catalog_sync.saleor.client import RetryingTransport
    from storefront.buying import session

    # given Saleor not answering (nothing listens on its port)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.SALEOR_API_URL = f"http://127.0.0.1:{port}/graphql/"
    monkeypatch.setattr("storefront.buying.session.make_transport", lambda: RetryingTransport(retries=0))
    session.forget_clients()
    try:
        # when a shopper adds a product to the cart
        response = client.post("/cart/", {"variant": "UHJvZHVjdFZhcmlhbnQ6MQ==", "quantity": 1})
    finally:
        session.forget_clients()
    # then a calm page asks them to try again shortly, and no cart cookie is set
    assert response.status_code == 503
    assert "Vui lòng thử lại sau ít phút" in response.content.decode()
    assert "ocop_cart" not in response.cookies
