"""``ocop search reindex --since``: Saleor's replies replayed from tests/fixtures/saleor/22_search_reindex_since.json,
recorded from a real Saleor 3.23 by tests/tier2/test_reindex_since.py with ``OCOP_RECORD_REINDEX=1``: the demo
store reindexed in full, then the fish sauce renamed, one product deleted and one withdrawn, then the reindex
since a moment before those changes."""

from __future__ import annotations

import datetime
import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from catalog_sync.catalogue import store
from catalog_sync.catalogue.records import SearchQuery
from catalog_sync.catalogue.search import get_backend
from catalog_sync.saleor.recording import ReplayTransport
from catalog_sync.saleor_side.reindex import BEAT_EVERY, BEAT_WINDOW

pytestmark = pytest.mark.django_db

CASSETTE = Path(__file__).resolve().parents[1] / "fixtures" / "saleor" / "22_search_reindex_since.json"
URL = "http://saleor.invalid/graphql/"  # never contacted: the transport answers
NEW_NAME = "Nước mắm Phú Quốc Khải Hoàn thượng hạng"  # as the tier-2 test renamed the fish sauce


def exchanges(operation: str) -> list[dict]:
    return [e for e in json.loads(CASSETTE.read_text(encoding="utf-8")) if e["request"]["operationName"] == operation]


def recorded_since() -> str:
    [first, *_] = exchanges("ReindexChangedIds")
    return first["request"]["variables"]["since"]


def listed_ids(page: dict) -> list[str]:
    return [edge["node"]["id"] for edge in page["response"]["body"]["data"]["products"]["edges"]]


@pytest.fixture
def replay(monkeypatch, settings):
    transport = ReplayTransport(CASSETTE)
    settings.SALEOR_API_URL = URL
    settings.SALEOR_APP_TOKEN = None
    monkeypatch.setattr("catalog_sync.saleor.make_transport", lambda: transport)
    yield transport
    assert transport.finished, f"only {transport.position} of {len(transport.exchanges)} replies were asked for"


def reindex(*args: str) -> dict:
    out = io.StringIO()
    call_command("search_reindex", *args, "--json", stdout=out, stderr=io.StringIO())
    return json.loads(out.getvalue())


def test_reindex_since_reads_the_changed_product_and_removes_those_saleor_no_longer_lists(replay):
    # given the read model rebuilt in full from the demo store
    full = reindex()
    held = store.product_ids()
    assert list(full) == ["mode", "read", "written", "removed", "seconds"]
    assert (full["mode"], full["read"], full["written"], full["removed"]) == ("full", len(held), len(held), 0)
    # when the reindex runs since a moment before the fish sauce was renamed and two products left
    result = reindex("--since", recorded_since())
    # then exactly the keys, the one changed product read and written, the two that left removed
    assert list(result) == ["mode", "read", "written", "removed", "seconds"]
    assert (result["mode"], result["read"], result["written"], result["removed"]) == ("since", 1, 1, 2)
    assert isinstance(result["seconds"], float) and result["seconds"] >= 0
    # and the read model holds what Saleor lists now
    [walk_before, walk_after] = exchanges("CatalogueProductIds")
    gone = set(listed_ids(walk_before)) - set(listed_ids(walk_after))
    assert len(gone) == 2 and store.product_ids() == held - gone
    [renamed] = store.products_by_ids(listed_ids(exchanges("ReindexChangedIds")[0]))
    assert renamed.name == NEW_NAME and renamed.certificate_id == "AG-2025-0001"
    assert get_backend().search(SearchQuery(text="thuong hang khai hoan")).products[0].id == renamed.id
    # and the reindex asked for nothing but the changed ids, the light walk of ids and the one product by id
    [read] = [e for e in exchanges("ReindexProductsByIds") if len(e["request"]["variables"]["ids"]) == 1]
    assert read["request"]["variables"]["ids"] == [renamed.id]


def test_the_plain_output_says_what_was_read_written_and_removed(replay):
    call_command("search_reindex", stdout=io.StringIO(), stderr=io.StringIO())
    out = io.StringIO()
    call_command("search_reindex", "--since", recorded_since(), stdout=out, stderr=io.StringIO())
    assert out.getvalue().startswith(f"search reindex --since {recorded_since()}: 1 products read, 1 written, "
                                     "2 removed in ")


@pytest.mark.parametrize(("since", "message"), [
    ("yesterday", "--since: not an ISO-8601 date-time: 'yesterday'"),
    ("2026-11-01T00:00:00", "--since: give the offset too (e.g. 2026-11-01T00:00:00+07:00)"),
    ("", "--since: not an ISO-8601 date-time: ''"),
    ("2999-01-01T00:00:00+07:00", "--since: 2999-01-01T00:00:00+07:00 is in the future"),
])
def test_a_bad_since_is_refused_naming_the_parameter_before_saleor_is_asked(since, message, settings):
    settings.SALEOR_API_URL = URL  # never contacted
    with pytest.raises(CommandError) as error:
        call_command("search_reindex", "--since", since, stdout=io.StringIO(), stderr=io.StringIO())
    assert str(error.value) == message
    assert error.value.returncode == 2


def test_the_web_beat_runs_the_reindex_since_the_last_hour_every_15_minutes(settings, monkeypatch):
    # given the beat's schedule
    entry = settings.CELERY_BEAT_SCHEDULE["reindex-recent"]
    assert entry == {"task": "catalog_sync.saleor_side.tasks.reindex_recent", "schedule": 900.0}
    assert (BEAT_EVERY, BEAT_WINDOW) == (datetime.timedelta(minutes=15), datetime.timedelta(hours=1))
    # when the task runs
    from catalog_sync.saleor_side import reindex, tasks

    asked: list[datetime.datetime] = []
    origins: list[tuple[str, ...] | None] = []

    def since(client, moment, progress=None, *, media_origins=None):
        asked.append(moment)
        origins.append(media_origins)
        return reindex.Outcome("since", 0, 0, 0, 0.1)

    monkeypatch.setattr(reindex, "reindex_since", since)
    settings.SALEOR_API_URL = URL
    before = datetime.datetime.now(datetime.UTC)
    outcome = tasks.reindex_recent()
    # then it read what changed in the last hour, as a customer
    assert outcome == {"mode": "since", "read": 0, "written": 0, "removed": 0, "seconds": 0.1}
    [moment] = asked
    assert origins == [tuple(settings.MEDIA_ORIGINS)]  # thumbnails stored at their public address
    assert before - BEAT_WINDOW <= moment <= before - BEAT_WINDOW + datetime.timedelta(seconds=5)
    # and without Saleor's address it does nothing
    settings.SALEOR_API_URL = ""
    assert tasks.reindex_recent() is None
