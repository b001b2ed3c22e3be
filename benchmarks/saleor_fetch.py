"""The read-model fetch from a real Saleor: time per page and per catalogue, pooled keep-alive
connections against a new connection per request (not a test: prints figures).

    SALEOR_API_URL=http://127.0.0.1:8000/graphql/ PYTHONPATH=. .venv/bin/python benchmarks/saleor_fetch.py

Run it against a Saleor holding the demo store (``ocop demo``). No token: the fetch reads as a customer.
"""

from __future__ import annotations

import os
import statistics
import time

import httpx

from catalog_sync.catalogue.from_saleor import iter_catalogue
from catalog_sync.saleor.client import POOL_LIMITS, RetryingTransport, SaleorClient

ROUNDS = 7
PINGS = 50


def fresh_connections() -> RetryingTransport:
    """A transport that opens a new TCP connection for every request."""
    return RetryingTransport(inner=httpx.HTTPTransport(limits=httpx.Limits(max_keepalive_connections=0)))


def fetch_seconds(client: SaleorClient) -> tuple[float, int, int]:
    start = time.perf_counter()
    fetch = iter_catalogue(client)
    products = sum(1 for _ in fetch.products())
    producers = sum(1 for _ in fetch.producers())
    list(fetch.collections())
    return time.perf_counter() - start, products, producers


def ping_ms(client: SaleorClient) -> float:
    times = []
    for _ in range(PINGS):
        start = time.perf_counter()
        client.storefront().saleor_health()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    url = os.environ.get("SALEOR_API_URL", "http://127.0.0.1:8000/graphql/")
    print(f"Saleor at {url}; pool {POOL_LIMITS}")
    for label, make in (("pooled keep-alive", lambda: RetryingTransport()), ("new connection each", fresh_connections)):
        with SaleorClient(url, None, transport=make()) as client:
            fetch_seconds(client)  # warm Saleor's caches
            rounds = [fetch_seconds(client) for _ in range(ROUNDS)]
            seconds = statistics.median(r[0] for r in rounds)
            _, products, producers = rounds[0]
            requests_per_fetch = client.requests // (ROUNDS + 1)
            ping = ping_ms(client)
        print(f"{label:20} whole catalogue ({products} products, {producers} producers, {requests_per_fetch} "
              f"requests): median {seconds * 1000:7.1f} ms ({products / seconds:6.1f} products/s); "
              f"small query median {ping:5.1f} ms")


if __name__ == "__main__":
    main()
