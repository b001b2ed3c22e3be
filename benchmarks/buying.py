"""Benchmark: each buying step's server time and Saleor round trips, against a running Saleor 3.23.

    DATABASE_URL=... SALEOR_API_URL=http://127.0.0.1:8000/graphql/ SECRET_KEY=... \\
        PYTHONPATH=. .venv/bin/python benchmarks/buying.py [ROUNDS]

Needs a Saleor holding ``ocop demo`` and the web service's read model filled (``ocop search reindex``).
Each round is one shopper (a fresh browser, Django's test client in process, so the time is the web
service's own plus its Saleor round trips): add a product from its page, open the cart, change the
quantity, open the checkout, place the order cash on delivery, open the confirmation. Prints p50/p95 per
step, the same without the time spent waiting for Saleor, and the round trips to Saleor each step made.
Places ROUNDS real orders. Asserts nothing.
"""

from __future__ import annotations

import os
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
from catalog_sync.saleor import make_transport  # noqa: E402
from storefront.buying import session  # noqa: E402
from tests.buying.journeys import SHOPPER, cart_lines  # noqa: E402


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


def main(rounds: int) -> None:
    timed = TimedTransport()
    session.make_transport = lambda: timed  # type: ignore[assignment]
    session.forget_clients()
    found = get_backend().search(SearchQuery(per_page=100, in_stock=True)).products
    goods = [p for p in found if p.product_type == "ocop-product"]
    product = max(goods, key=lambda p: p.variants[0].quantity_available)  # (the read model's stock: no webhooks)
    times: dict[str, list[float]] = {}
    own: dict[str, list[float]] = {}
    trips: dict[str, list[int]] = {}

    def step(name: str, call):
        client_before, waited_before = session.shop().client.requests, timed.waited
        started = time.perf_counter()
        response = call()
        elapsed = time.perf_counter() - started
        times.setdefault(name, []).append(elapsed * 1000)
        own.setdefault(name, []).append((elapsed - (timed.waited - waited_before)) * 1000)
        trips.setdefault(name, []).append(session.shop().client.requests - client_before)
        assert response.status_code in (200, 303), (name, response.status_code)
        return response

    for _ in range(rounds):
        browser = Client(HTTP_HOST="localhost")
        step("add to cart (POST /cart/)", lambda b=browser: b.post(
            "/cart/", {"variant": product.variants[0].id, "quantity": 1}))
        cart = step("cart (GET /cart/)", lambda b=browser: b.get("/cart/"))
        line = cart_lines(cart.content)[0]
        step("change quantity (POST /cart/)", lambda b=browser, ln=line: b.post("/cart/", {"line": ln, "quantity": 2}))
        step("checkout (GET /checkout/)", lambda b=browser: b.get("/checkout/"))
        placed = step("place order, COD (POST /checkout/)", lambda b=browser: b.post("/checkout/", SHOPPER))
        step("confirmation (GET)", lambda b=browser, p=placed: b.get(p["Location"]))

    print(f"{rounds} shoppers, product {product.slug}")
    print(f"{'step':38} {'server p50':>10} {'p95':>8}   {'without Saleor p50':>18} {'p95':>7}   Saleor round trips")
    for name, values in times.items():
        print(f"{name:38} {statistics.median(values):7.1f} ms {p95(values):6.1f} ms   "
              f"{statistics.median(own[name]):15.1f} ms {p95(own[name]):5.1f} ms   "
              f"{statistics.median(trips[name]):.0f}")


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] if len(values) >= 2 else values[0]


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
