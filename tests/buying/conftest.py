"""Tier-1 buying tests: Saleor's replies replayed from tests/fixtures/saleor/14_…17_*.json, recorded from a
real Saleor 3.23 holding the demo store by tests/tier2/test_buying.py (``OCOP_RECORD_BUYING=1``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from catalog_sync.saleor import SaleorClient
from catalog_sync.saleor.recording import ReplayTransport
from storefront.buying import session

from .journeys import Products, fill_read_model

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "saleor"
REPLAY_URL = "http://saleor.invalid/graphql/"  # never contacted: the transport answers


@pytest.fixture
def replayed(monkeypatch, settings, db) -> Iterator[Callable[[str], tuple[Products, ReplayTransport]]]:
    """``replayed(cassette)``: the journey's three products put into the read model from the cassette's first
    replies, and the shop's Saleor client answering from the rest, in order. Every reply must be used."""
    opened: list[ReplayTransport] = []
    settings.SALEOR_API_URL = REPLAY_URL
    settings.SALEOR_APP_TOKEN = None

    def use(name: str) -> tuple[Products, ReplayTransport]:
        transport = ReplayTransport(FIXTURES / f"{name}.json")
        opened.append(transport)
        monkeypatch.setattr("storefront.buying.session.make_transport", lambda: transport)
        session.forget_clients()
        ids = [exchange["request"]["variables"]["id"] for exchange in transport.exchanges[:3]]
        return fill_read_model(SaleorClient(REPLAY_URL, None, transport=transport), ids), transport

    yield use
    session.forget_clients()
    for transport in opened:
        assert transport.finished, (
            f"{transport.path.name}: only {transport.position} of {len(transport.exchanges)} replies were asked for")
