"""Saleor client tests against replies recorded from a real Saleor 3.23 (never hand-written).

Replay (the default): each test's cassette in tests/fixtures/saleor/ answers its requests in
order, and every recorded exchange must be used.

Re-record (needs a real Saleor 3.23.28 on a FRESH database — the cassettes in test_recorded.py
are recorded in file order, each starting from the state the previous one left):

    createdb -h 127.0.0.1 -U postgres -T saleor_template saleor_record
    (start Saleor's API on that database, create an app: see tests/saleor_client/README.md)
    OCOP_SALEOR_RECORD_URL=http://127.0.0.1:8766/graphql/ OCOP_SALEOR_RECORD_TOKEN=<app token> \\
        .venv/bin/pytest -q -p no:cacheprovider tests/saleor_client

The Authorization header is never written; values under keys containing "token" are scrubbed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from catalog_sync.saleor import SaleorClient
from catalog_sync.saleor.client import RetryingTransport
from catalog_sync.saleor.recording import RecordingTransport, ReplayTransport

CASSETTES = Path(__file__).resolve().parents[1] / "fixtures" / "saleor"
RECORD_URL = os.environ.get("OCOP_SALEOR_RECORD_URL")
RECORD_TOKEN = os.environ.get("OCOP_SALEOR_RECORD_TOKEN")
REPLAY_URL = "http://saleor.invalid/graphql/"  # never contacted when replaying
REPLAY_TOKEN = "replay-token"
ANONYMOUS_TOKEN = "not-a-valid-token"  # Saleor treats an unknown token as anonymous


def recording() -> bool:
    return bool(RECORD_URL and RECORD_TOKEN)


_RECORDED_NOW: set[str] = set()  # cassettes this recording session wrote: a second test replays them


@pytest.fixture
def cassette(monkeypatch, settings) -> Iterator[Callable[..., httpx.BaseTransport]]:
    """``cassette(name, anonymous=False)``: the transport for this test; commands use it too."""
    opened: list[ReplayTransport] = []

    def use(name: str, *, anonymous: bool = False) -> httpx.BaseTransport:
        path = CASSETTES / f"{name}.json"
        transport: httpx.BaseTransport
        if recording() and name not in _RECORDED_NOW:
            _RECORDED_NOW.add(name)
            transport = RecordingTransport(RetryingTransport(retries=0), path)
            settings.SALEOR_API_URL = RECORD_URL
            settings.SALEOR_APP_TOKEN = ANONYMOUS_TOKEN if anonymous else RECORD_TOKEN
        else:
            if not path.is_file():
                pytest.fail(f"cassette {path} missing: record it (see tests/saleor_client/conftest.py)")
            transport = ReplayTransport(path)
            opened.append(transport)
            settings.SALEOR_API_URL = REPLAY_URL
            settings.SALEOR_APP_TOKEN = REPLAY_TOKEN
        monkeypatch.setattr("catalog_sync.saleor.make_transport", lambda: transport)
        return transport

    yield use
    for replay in opened:
        assert replay.finished, (
            f"{replay.path.name}: only {replay.position} of {len(replay.exchanges)} recorded requests were made"
        )


@pytest.fixture
def saleor_client(cassette, settings) -> Callable[..., SaleorClient]:
    def make(name: str) -> SaleorClient:
        transport = cassette(name)
        return SaleorClient(settings.SALEOR_API_URL, settings.SALEOR_APP_TOKEN, transport=transport)

    return make
