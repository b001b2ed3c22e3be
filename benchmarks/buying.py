"""Benchmark: each buying step's server time and Saleor round trips, against a running Saleor 3.23.

    DATABASE_URL=... SALEOR_API_URL=http://127.0.0.1:8000/graphql/ SECRET_KEY=... \\
        PYTHONPATH=. .venv/bin/python benchmarks/buying.py [ROUNDS]

Needs a Saleor holding ``ocop demo`` and the web service's read model filled (``ocop search reindex``).
Each round is one shopper (a fresh browser, Django's test client in process, so the time is the web
service's own plus its Saleor round trips): add a product from its page, open the cart, change the
quantity, open the checkout, place the order cash on delivery, open the confirmation. Prints p50/p95 per
step, the same without the time spent waiting for Saleor, and the round trips to Saleor each step made.
Places ROUNDS real orders. Asserts nothing.

In the same run, each round followed by its peer (after one untimed round of each), on checkouts of the
same shape (one product, quantity 1 then 2, the same address), the same
GraphQL documents are sent straight to Saleor, as few requests as each step needs (placing an order: the
checkout form's details in one document, then ``checkoutComplete``): "Saleor straight" is that time, and
"ratio" the step's server time over it (the target: at most 1.25).

With card payments set up (the app installed in that Saleor, serving its payment webhooks from this
process, and a Stripe or stand-in behind it), ``run(rounds, give_card=...)`` also times shoppers paying by
card: choose card on the checkout, open the card step (``transactionInitialize``), pay (``transactionProcess``
and ``checkoutComplete``). ``give_card()`` is the browser's part (Stripe.js), never timed. The app's own time
answering Saleor's payment webhooks during a step, without its Stripe calls, is printed too
(tests/tier2/bench_card_checkout.py runs this against a real Saleor with localstripe).
"""

from __future__ import annotations

import os
import re
import statistics
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ocop_web.settings")
os.environ.setdefault("DEBUG", "1")
django.setup()

import httpx  # noqa: E402
from django.test import Client  # noqa: E402

from catalog_sync.catalogue.records import SearchQuery  # noqa: E402
from catalog_sync.catalogue.search import get_backend  # noqa: E402
from catalog_sync.domain.provinces import province_by_slug  # noqa: E402
from catalog_sync.saleor import SaleorClient, make_transport  # noqa: E402
from catalog_sync.saleor.shopping import AddressInput, Shop  # noqa: E402
from storefront.buying import session  # noqa: E402
from storefront.buying.forms import saleor_province, vietnamese_phone  # noqa: E402
from testkit.shopper import SHOPPER, cart_lines  # noqa: E402


class TimedTransport(httpx.BaseTransport):
    """Counts the time spent waiting for Saleor."""

    def __init__(self) -> None:
        self.inner = make_transport()
        self.waited = 0.0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        started = time.perf_counter()
        try:
            response = self.inner.handle_request(request)
            response.read()
            return response
        finally:
            self.waited += time.perf_counter() - started

    def close(self) -> None:
        self.inner.close()


class AppClock:
    """The app's time answering Saleor's payment webhooks (in this process), and its time waiting for Stripe."""

    def __init__(self) -> None:
        from catalog_sync.payments import handlers
        from catalog_sync.payments.stripe.client import StripeApi

        self.answering = 0.0
        self.stripe = 0.0
        answer = handlers.answer

        def timed_answer(*args, **kwargs):
            started = time.perf_counter()
            try:
                return answer(*args, **kwargs)
            finally:
                self.answering += time.perf_counter() - started

        handlers.answer = timed_answer  # type: ignore[assignment]
        for name in ("create_intent", "retrieve_intent", "confirm", "capture", "cancel", "refund"):
            setattr(StripeApi, name, self._timed(getattr(StripeApi, name)))

    def _timed(self, method):
        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                self.stripe += time.perf_counter() - started
        return timed

    @property
    def own(self) -> float:
        return self.answering - self.stripe


def main(rounds: int) -> None:
    run(rounds)


def run(rounds: int, give_card=None) -> None:
    timed = TimedTransport()
    session.make_transport = lambda: timed  # type: ignore[assignment]
    session.forget_clients()
    app = AppClock() if give_card else None
    found = get_backend().search(SearchQuery(per_page=100, in_stock=True)).products
    goods = [p for p in found if p.product_type == "ocop-product"]
    product = max(goods, key=lambda p: p.variants[0].quantity_available)  # (the read model's stock: no webhooks)
    times: dict[str, list[float]] = {}
    own: dict[str, list[float]] = {}
    trips: dict[str, list[int]] = {}
    app_own: dict[str, list[float]] = {}

    def step(name: str, call, expected=(200, 303)):
        client_before, waited_before = session.shop().client.requests, timed.waited
        app_before = app.own if app else 0.0
        started = time.perf_counter()
        response = call()
        elapsed = time.perf_counter() - started
        times.setdefault(name, []).append(elapsed * 1000)
        own.setdefault(name, []).append((elapsed - (timed.waited - waited_before)) * 1000)
        trips.setdefault(name, []).append(session.shop().client.requests - client_before)
        if app:
            app_own.setdefault(name, []).append((app.own - app_before) * 1000)
        assert response.status_code in expected, (name, response.status_code)
        return response

    def cod_round() -> None:
        browser = Client(HTTP_HOST="localhost")
        step("add to cart (POST /cart/)", lambda b=browser: b.post(
            "/cart/", {"variant": product.variants[0].id, "quantity": 1}))
        cart = step("cart (GET /cart/)", lambda b=browser: b.get("/cart/"))
        line = cart_lines(cart.content)[0]
        step("change quantity (POST /cart/)", lambda b=browser, ln=line: b.post("/cart/", {"line": ln, "quantity": 2}))
        step("checkout (GET /checkout/)", lambda b=browser: b.get("/checkout/"))
        placed = step("place order, COD (POST /checkout/)", lambda b=browser: b.post("/checkout/", SHOPPER))
        step("confirmation (GET)", lambda b=browser, p=placed: b.get(p["Location"]))

    def card_round() -> None:
        browser = Client(HTTP_HOST="localhost")
        step("card: add to cart (POST /cart/)", lambda b=browser: b.post(
            "/cart/", {"variant": product.variants[0].id, "quantity": 1}))
        step("card: checkout (GET /checkout/)", lambda b=browser: b.get("/checkout/"))
        step("card: choose card (POST /checkout/)", lambda b=browser: b.post(
            "/checkout/", {**SHOPPER, "payment_method": "card"}))
        page = step("card: card step (GET /checkout/pay/)", lambda b=browser: b.get("/checkout/pay/"))
        token = re.search(r'name="payment" value="([^"]+)"', page.content.decode()).group(1)  # type: ignore[union-attr]
        card = give_card()  # Stripe.js in the shopper's browser: not the server's time
        paid = step("card: pay (POST /checkout/pay/)", lambda b=browser, t=token, c=card: b.post(
            "/checkout/pay/", {"payment": t, "payment_method": c}), expected=(303,))
        step("card: confirmation (GET)", lambda b=browser, p=paid: b.get(p["Location"]))

    # Each round of ours is followed by the same round sent straight to Saleor, so whatever drifts during
    # the run (Saleor warming up, its tables growing, the machine's other work) weighs on both alike; one
    # untimed round of each first.
    peer = Straight(product.variants[0].id)
    for index in range(rounds + 1):
        cod_round()
        peer.cod_round()
        if give_card:
            card_round()
            peer.card_round()
        if index == 0:
            for measured in (times, own, trips, app_own, peer.times, peer.trips):
                measured.clear()
    peer.close()
    direct, direct_trips = peer.times, peer.trips
    print(f"{rounds} shoppers{' per payment' if give_card else ''}, product {product.slug}")
    print(f"{'step':38} {'server p50':>10} {'p95':>8}   {'without Saleor p50':>18} {'p95':>7}   Saleor round trips"
          f"   {'Saleor straight p50':>19} {'p95':>8}  trips  ratio p50"
          + ("   app's webhook time without Stripe p50 / p95" if give_card else ""))
    for name, values in times.items():
        line = (f"{name:38} {statistics.median(values):7.1f} ms {p95(values):6.1f} ms   "
                f"{statistics.median(own[name]):15.1f} ms {p95(own[name]):5.1f} ms   "
                f"{statistics.median(trips[name]):18.0f}")
        if name in direct:
            line += (f"   {statistics.median(direct[name]):16.1f} ms {p95(direct[name]):6.1f} ms  "
                     f"{statistics.median(direct_trips[name]):5.0f}  "
                     f"{statistics.median(values) / statistics.median(direct[name]):8.2f}×")
        if give_card:
            line += f"   {statistics.median(app_own[name]):12.1f} ms / {p95(app_own[name]):.1f} ms"
        print(line)


class Straight:
    """The same documents sent straight to Saleor for each step, on checkouts of the same shape: the time of
    Saleor's answers (HTTP included), and the requests each step needs at least."""

    def __init__(self, variant_id: str):
        from django.conf import settings

        self.variant_id = variant_id
        self.timed = TimedTransport()
        self.client = SaleorClient(settings.SALEOR_API_URL or "", None, transport=self.timed)
        self.shop = Shop(self.client)
        self.address = AddressInput(SHOPPER["name"], vietnamese_phone(SHOPPER["phone"]), SHOPPER["street"],
                                    SHOPPER["ward"], saleor_province(province_by_slug(SHOPPER["province"])))
        self.times: dict[str, list[float]] = {}
        self.trips: dict[str, list[int]] = {}
        probe = self.shop.create(variant_id, 1)
        self.method = self.shop.deliver_to(probe.id, SHOPPER["email"], self.address, None).shipping_options[0].id

    def step(self, name: str, call):
        waited, requests = self.timed.waited, self.client.requests
        result = call()
        self.times.setdefault(name, []).append((self.timed.waited - waited) * 1000)
        self.trips.setdefault(name, []).append(self.client.requests - requests)
        return result

    def cod_round(self) -> None:
        shop, step = self.shop, self.step
        cart = step("add to cart (POST /cart/)", lambda: shop.create(self.variant_id, 1))
        step("cart (GET /cart/)", lambda c=cart: shop.cart(c.id))
        step("change quantity (POST /cart/)", lambda c=cart: shop.set_quantity(c.id, c.lines[0].id, 2))
        step("checkout (GET /checkout/)", lambda c=cart: shop.cart(c.id))
        order = step("place order, COD (POST /checkout/)", lambda c=cart: (
            shop.deliver_to(c.id, SHOPPER["email"], self.address, self.method), shop.complete(c.id))[1])
        step("confirmation (GET)", lambda o=order: shop.order(o.id))

    def card_round(self) -> None:
        shop, step = self.shop, self.step
        cart = step("card: add to cart (POST /cart/)", lambda: shop.create(self.variant_id, 1))
        step("card: checkout (GET /checkout/)", lambda c=cart: shop.cart(c.id))
        step("card: choose card (POST /checkout/)", lambda c=cart: shop.deliver_to(
            c.id, SHOPPER["email"], self.address, self.method))

    def close(self) -> None:
        self.client.close()


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] if len(values) >= 2 else values[0]


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
