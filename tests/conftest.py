"""Shared fixtures. Network is blocked for every test except loopback."""

from __future__ import annotations

import csv
import datetime
import io
import os
import socket
from collections.abc import Callable
from pathlib import Path

import pytest

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"

_real_connect = socket.socket.connect


def _loopback_only(self, address, *args, **kwargs):
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and not (
        host.startswith("127.") or host in {"localhost", "::1"} or host.startswith("/")
    ):
        raise RuntimeError(f"tests may not reach the network: {address!r}")
    return _real_connect(self, address, *args, **kwargs)


@pytest.fixture(autouse=True)
def _block_network(monkeypatch):
    monkeypatch.setattr(socket.socket, "connect", _loopback_only)


@pytest.fixture(autouse=True)
def _isolated_cache(monkeypatch):
    """A fresh key prefix per test: no test sees another's entries, and Redis is never flushed.

    Set on the cache class, not one connection: Django keeps a cache connection per thread, and
    the live server's thread (browser tests) must see the same entries as the test's own thread.
    """
    import uuid

    from django.core.cache.backends.base import BaseCache

    prefix = f"ocop-test-{uuid.uuid4().hex}"

    def make_key(self, key, version=None):
        return self.key_func(key, prefix, self.version if version is None else version)

    monkeypatch.setattr(BaseCache, "make_key", make_key)


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture
def annex_csv(tmp_path) -> Callable[..., Path]:
    """Factory: write a CSV annex from rows (header first) and return its path."""

    def make(rows: list[list[object]], *, name: str = "annex.csv", encoding: str = "utf-8",
             delimiter: str = ",", title: list[str] | None = None) -> Path:
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=delimiter)
        for line in title or []:
            writer.writerow([line])
        writer.writerows(rows)
        path = tmp_path / name
        path.write_bytes(buffer.getvalue().encode(encoding))
        return path

    return make


HEADER = ["TT", "Tên sản phẩm", "Chủ thể", "Tỉnh", "Hạng sao", "Nhóm sản phẩm"]


@pytest.fixture
def simple_annex(annex_csv) -> Callable[..., Path]:
    """Factory: an annex with a decision title and the given (product, producer, province, stars) rows."""

    def make(rows: list[tuple[str, str, str, str]], *, decision: str = "2417/QĐ-UBND",
             date: str = "12/11/2024", name: str = "annex.csv") -> Path:
        body = [[i, product, producer, province, stars, "Thực phẩm"]
                for i, (product, producer, province, stars) in enumerate(rows, start=1)]
        return annex_csv(
            [HEADER, *body],
            name=name,
            title=["DANH SÁCH SẢN PHẨM OCOP", f"Kèm theo Quyết định số {decision} ngày {date}"],
        )

    return make


@pytest.fixture
def make_certificate(db) -> Callable[..., object]:
    """Factory: a certificate straight in the registry (bypassing the importer)."""
    from catalog_sync.domain.text import match_key
    from catalog_sync.domain.validity import last_valid_day
    from catalog_sync.registry.models import Certificate, Decision, Producer

    counter = {"n": 0}

    def make(*, id: str | None = None, product_name: str = "Mật ong bạc hà", producer: str = "HTX Ong mật Mèo Vạc",
             stars: int = 4, issued_on: datetime.date = datetime.date(2024, 11, 12),
             valid_until: datetime.date | None = None, decision_no: str = "2417/QĐ-UBND",
             province: str = "tuyen-quang", group: str = "thuc-pham", **extra):
        counter["n"] += 1
        producer_obj, _ = Producer.objects.get_or_create(
            name_key=match_key(producer), province=province, defaults={"name": producer}
        )
        decision, _ = Decision.objects.get_or_create(number=decision_no, signed_on=issued_on,
                                                     defaults={"issuer": "UBND tỉnh Tuyên Quang"})
        return Certificate.objects.create(
            id=id or f"TQ-{issued_on.year}-{counter['n']:04d}",
            product_name=product_name, product_key=match_key(product_name), producer=producer_obj,
            stars=stars, issued_on=issued_on, valid_until=valid_until or last_valid_day(issued_on),
            decision=decision, province=province, group=group, **extra,
        )

    return make


@pytest.fixture(scope="session")
def localstripe():
    """A real localstripe (stateful Stripe stand-in) for the whole session; each test uses its own intents."""
    from tests.localstripe import LocalStripe

    server = LocalStripe()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def payos_standin():
    """The payOS stand-in (standins/payos) for the whole session; each test registers a merchant of its own."""
    from tests.payos_standin import PayosStandIn

    server = PayosStandIn()
    server.start()
    try:
        yield server
    finally:
        server.stop()


CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser():
    """Real headless Chromium (Debian's) for the whole run: one Playwright per run, whichever folder asks."""
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: scripts/test installs it (apt-get install chromium)")
    # Playwright's sync API runs an event loop in this thread; the live server's DB work is ours.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-background-networking"]
        )
        yield browser
        browser.close()
