"""Tier 2: ``ocop search reindex --since`` against a real Saleor 3.23 holding the demo catalogue.

After a full reindex, one product is renamed, one deleted and one withdrawn (unpublished) in Saleor; the
reindex since a moment before those changes reads only the renamed one and the read model reflects all three.

With ``OCOP_RECORD_REINDEX=1`` the test also (re)records Saleor's replies to both reindexes
(tests/fixtures/saleor/22_search_reindex_since.json), which tier-1 tests replay.
"""

from __future__ import annotations

import datetime
import io
import json
import os
import time
from pathlib import Path

import pytest
from django.core.management import call_command

from catalog_sync.catalogue import store
from catalog_sync.catalogue.records import SearchQuery
from catalog_sync.catalogue.search import get_backend
from catalog_sync.saleor import RECORD_ENV

pytestmark = pytest.mark.django_db(transaction=True)

CASSETTE = Path(__file__).resolve().parents[1] / "fixtures" / "saleor" / "22_search_reindex_since.json"
RECORD = os.environ.get("OCOP_RECORD_REINDEX") == "1"
RENAMED = "AG-2025-0001"  # the demo's 5★ Phú Quốc fish sauce
NEW_NAME = "Nước mắm Phú Quốc Khải Hoàn thượng hạng"


def reindex(*args: str) -> dict:
    out = io.StringIO()
    call_command("search_reindex", *args, "--json", stdout=out, stderr=io.StringIO())
    return json.loads(out.getvalue())


def test_reindex_since_reads_only_what_changed_and_the_read_model_reflects_a_change_a_deletion_and_a_withdrawal(
        settings, saleor_api, shared_data, monkeypatch):
    settings.SALEOR_API_URL = saleor_api.url
    settings.SALEOR_APP_TOKEN = saleor_api.app_token
    # given a real Saleor holding the demo catalogue, and the read model rebuilt from it
    call_command("demo", "--data", str(shared_data), "--json", stdout=io.StringIO(), stderr=io.StringIO())
    settings.SALEOR_APP_TOKEN = None  # the reindex reads as a customer
    if RECORD:
        CASSETTE.unlink(missing_ok=True)
        monkeypatch.setenv(RECORD_ENV, str(CASSETTE))
    full = reindex()
    held = store.product_ids()
    assert (full["mode"], full["read"], full["written"], full["removed"]) == ("full", len(held), len(held), 0)
    products = sorted(store.products_by_ids(sorted(held)), key=lambda p: p.certificate_id)
    renamed = next(p for p in products if p.certificate_id == RENAMED)
    deleted, withdrawn = [p for p in products if p.id != renamed.id][:2]
    since = datetime.datetime.now(datetime.UTC)
    time.sleep(1)

    # when in Saleor one product is renamed, one deleted and one withdrawn from the channel
    saleor_api.data("mutation($id: ID!, $name: String!) { productUpdate(id: $id, input: {name: $name}) "
                    "{ errors { field message } } }", {"id": renamed.id, "name": NEW_NAME})
    saleor_api.data("mutation($id: ID!) { productDelete(id: $id) { errors { field message } } }", {"id": deleted.id})
    channel = saleor_api.data('{ channel(slug: "ocop-vn") { id } }')["channel"]["id"]
    saleor_api.data("mutation($id: ID!, $input: ProductChannelListingUpdateInput!) { productChannelListingUpdate("
                    "id: $id, input: $input) { errors { field message } } }",
                    {"id": withdrawn.id, "input": {"updateChannels": [{"channelId": channel, "isPublished": False}]}})
    # and the reindex runs since a moment before
    result = reindex("--since", since.isoformat())
    monkeypatch.delenv(RECORD_ENV, raising=False)

    # then it read the renamed product alone (a customer sees neither the deleted nor the withdrawn one: their ids
    # are missing from Saleor's list), wrote it, and removed the deleted and the withdrawn ones
    assert set(result) == {"mode", "read", "written", "removed", "seconds"}
    assert (result["mode"], result["written"], result["removed"]) == ("since", 1, 2)
    assert result["read"] == 1
    assert store.product_ids() == held - {deleted.id, withdrawn.id}
    now = store.product_by_slug(renamed.slug)
    assert now is not None and now.name == NEW_NAME and now.updated_at > renamed.updated_at
    assert store.product_by_slug(deleted.slug) is None and store.product_by_slug(withdrawn.slug) is None
    # and search finds the new name, and no longer the products that left
    found = get_backend().search(SearchQuery(text="thượng hạng khải hoàn"))
    assert found.products and found.products[0].id == renamed.id
    # when it runs again over the same period
    again = reindex("--since", since.isoformat())
    # then the renamed product is read and written again, and nothing else changes
    assert (again["read"], again["written"], again["removed"]) == (1, 1, 0)
    assert store.product_ids() == held - {deleted.id, withdrawn.id}
