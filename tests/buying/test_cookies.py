"""The orders and payment cookies: RFC 6265's characters only, so clients and proxies send them back intact."""

import json
import re

import pytest
import requests
from django.http import HttpResponse
from django.test import RequestFactory

from storefront.buying import session

# RFC 6265 section 4.1.1: cookie-octet = %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E (no quote, comma,
# semicolon, backslash or space), unquoted
COOKIE_VALUE = re.compile(r"[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]+")
ORDER_ID = "T3JkZXI6YjM5ZDM1ZWUtNjQ0Ni00YWI3LWJkNDItN2VhNTI0ZTZiYjQ1"


def set_cookie_value(response: HttpResponse, name: str) -> str:
    header = response.cookies[name].OutputString()
    return header.split(";", 1)[0].removeprefix(f"{name}=")


def test_order_and_payment_cookies_are_sent_in_rfc_6265_characters_only():
    # given a browser that placed order 1042 after one failed card payment
    request, response = RequestFactory().get("/"), HttpResponse()
    session.remember_order(request, response, type("Order", (), {"id": ORDER_ID, "number": "1042"})())
    session.keep_payment_attempt(response, "Q2hlY2tvdXQ6MQ==", 1)
    # when the answer's Set-Cookie headers are written, then each value is bare cookie-octets (no quotes)
    for name in (session.ORDERS_COOKIE, session.PAYMENT_COOKIE):
        assert COOKIE_VALUE.fullmatch(set_cookie_value(response, name)), response.cookies[name].OutputString()
    # and the values read back as they were written
    back = RequestFactory().get("/", HTTP_COOKIE="; ".join(
        f"{name}={set_cookie_value(response, name)}" for name in (session.ORDERS_COOKIE, session.PAYMENT_COOKIE)))
    assert session.placed_orders(back) == {"1042": ORDER_ID}
    assert session.payment_attempt(back, "Q2hlY2tvdXQ6MQ==") == 1


@pytest.mark.urls("tests.buying.cookie_urls")
def test_a_client_that_rewrites_quoted_cookies_still_sees_its_order(live_server):
    # given Python's requests, which drops the inner quotes of a quoted cookie value when it sends it back
    browser = requests.Session()
    # when it places an order and then asks for its orders
    placed = browser.get(f"{live_server.url}/place/", params={"id": ORDER_ID, "number": "1042"}, timeout=10)
    assert placed.status_code == 200
    mine = browser.get(f"{live_server.url}/mine/", timeout=10).json()
    # then the order (and the payment attempt) are still its own
    assert mine == {"orders": {"1042": ORDER_ID}, "attempt": 2}


def test_an_orders_cookie_of_the_old_format_is_still_read_and_a_broken_one_is_ignored():
    # given a cookie written before (quoted signed JSON) and one mangled on its way
    old = HttpResponse()
    old.set_signed_cookie(session.ORDERS_COOKIE, json.dumps([["1041", ORDER_ID]]), salt="ocop.buying.orders")
    old.set_signed_cookie(session.PAYMENT_COOKIE, json.dumps({"checkout": "Q2hlY2tvdXQ6MQ==", "attempt": 3}),
                          salt="ocop.buying.payment")
    request = RequestFactory().get("/")
    request.COOKIES = {name: morsel.value for name, morsel in old.cookies.items()}
    # when it is read, then the orders and the attempt are there
    assert session.placed_orders(request) == {"1041": ORDER_ID}
    assert session.payment_attempt(request, "Q2hlY2tvdXQ6MQ==") == 3
    # and a value that fails its signature is no order at all (never an error)
    request.COOKIES = {session.ORDERS_COOKIE: '[["1041", "x"]]:1tA:bad', session.PAYMENT_COOKIE: "garbage"}
    assert session.placed_orders(request) == {}
    assert session.payment_attempt(request, "Q2hlY2tvdXQ6MQ==") == 0
