"""Benchmark: each buying step's server time and Saleor round trips, against a running Saleor 3.23.

    DATABASE_URL=... SALEOR_API_URL=http://127.0.0.1:8000/graphql/ SECRET_KEY=... \\
        PYTHONPATH=. .venv/bin/python benchmarks/buying.py [ROUNDS]

Needs a Saleor holding ``ocop demo`` and the web service's read model filled (``ocop search reindex``).
Each round is one shopper (a fresh browser, Django's test client in process, so the time is the web
service's own plus its Saleor round trips): add a product from its page, open the cart, change the
quantity, open the checkout, place the order cash on delivery, open the confirmation. Prints p50/p95 per
step and the round trips to Saleor each step made. Places ROUNDS real orders. Asserts nothing.
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

from django.test import Client  # noqa: E402

from catalog_sync.catalogue.records import SearchQuery  # noqa: E402
from catalog_sync.catalogue.search import get_backend  # noqa: E402
from storefront.buying import session  # noqa: E402
from tests.buying.journeys import SHOPPER, cart_lines  # noqa: E402


def main(rounds: int) -> None:
    found = get_backend().search(SearchQuery(per_page=100, in_stock=True)).products
    goods = [p for p in found if p.product_type == "ocop-product" and p.variants[0].quantity_available >= rounds * 2]
    product = goods[0]
    times: dict[str, list[float]] = {}
    trips: dict[str, list[int]] = {}

    def step(name: str, call):
        client_before = session.shop().client.requests
        started = time.perf_counter()
        response = call()
        times.setdefault(name, []).append((time.perf_counter() - started) * 1000)
        trips.setdefault(name, []).append(session.shop().client.requests - client_before)
        assert response.status_code in (200, 303), (name, response.status_code)
        return response

    for _ in range(rounds):
        browser = Client()
        step("add to cart (POST /cart/)", lambda b=browser: b.post(
            "/cart/", {"variant": product.variants[0].id, "quantity": 1}))
        cart = step("cart (GET /cart/)", lambda b=browser: b.get("/cart/"))
        line = cart_lines(cart.content)[0]
        step("change quantity (POST /cart/)", lambda b=browser, ln=line: b.post("/cart/", {"line": ln, "quantity": 2}))
        step("checkout (GET /checkout/)", lambda b=browser: b.get("/checkout/"))
        placed = step("place order, COD (POST /checkout/)", lambda b=browser: b.post("/checkout/", SHOPPER))
        step("confirmation (GET)", lambda b=browser, p=placed: b.get(p["Location"]))

    print(f"{rounds} shoppers, product {product.slug}")
    for name, values in times.items():
        p95 = statistics.quantiles(values, n=20)[18] if len(values) >= 2 else values[0]
        print(f"{name:38} p50 {statistics.median(values):7.1f} ms   p95 {p95:7.1f} ms   "
              f"Saleor round trips {statistics.median(trips[name]):.0f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
