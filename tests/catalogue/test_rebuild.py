"""A rebuild swaps the whole catalogue at once: readers never see it empty or half built."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import caches
from django.db import connection

from catalog_sync.catalogue import store
from catalog_sync.catalogue.records import SearchQuery
from catalog_sync.catalogue.search import get_backend
from testkit.catalogue_builders import later, product_record, sample_product


def in_another_connection(work: Callable[[], Any], *, wait: float | None = 30) -> tuple[threading.Thread, list]:
    """Run ``work`` in a thread (its own database connection, as another web worker would)."""
    out: list = []
    prefix = caches["default"].key_prefix  # the test's own cache (see tests/conftest.py)

    def run() -> None:
        caches["default"].key_prefix = prefix
        try:
            out.append(work())
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    if wait is not None:
        thread.join(wait)
    return thread, out


def _shopper_view() -> tuple[list[str], int, bool]:
    result = get_backend().search(SearchQuery(text="", per_page=100))
    return sorted(p.name for p in result.products), result.total, store.product_by_slug("che-tan-cuong-1") is not None


@pytest.mark.django_db(transaction=True)
def test_a_reader_during_a_rebuild_sees_the_old_catalogue_whole():
    # given a catalogue of three products
    old = [sample_product(i) for i in range(3)]
    store.rebuild(old, [], [])
    new = [product_record(name="Chè Tân Cương", slug="che-tan-cuong-1"), sample_product(7)]
    seen_during: list = []

    # when, while the rebuild has written the new catalogue but not yet swapped it in, a shopper reads
    def progress(done: int) -> None:
        _, out = in_another_connection(_shopper_view)
        seen_during.extend(out)

    store.rebuild(new, [], [], progress=progress)
    # then the shopper saw the old catalogue, all of it; afterwards everyone sees the new one
    assert seen_during == [(sorted(p.name for p in old), 3, False)]
    _, after = in_another_connection(_shopper_view)
    assert after == [(sorted(p.name for p in new), 2, True)]


@pytest.mark.django_db(transaction=True)
def test_an_event_arriving_during_a_rebuild_is_applied_after_it_not_lost():
    # given a product in the catalogue being rebuilt
    record = product_record(name="Mật ong bạc hà")
    store.rebuild([record], [], [])
    edited = later(record, name="Mật ong bạc hà Mèo Vạc")
    writers: list[threading.Thread] = []
    blocked: list[bool] = []

    # when its edit arrives while the rebuild (with the older state) is running
    def progress(done: int) -> None:
        thread, _ = in_another_connection(lambda: store.apply_product(edited), wait=0.5)
        blocked.append(thread.is_alive())  # it waits for the rebuild's lock
        writers.append(thread)

    store.rebuild([record], [], [], progress=progress)
    for thread in writers:
        thread.join(30)
    # then the edit waited for the swap and is what shoppers see
    assert blocked == [True]
    assert store.product_by_slug(record.slug).name == "Mật ong bạc hà Mèo Vạc"


@pytest.mark.django_db(transaction=True)
def test_a_change_written_by_another_worker_reaches_this_workers_cached_facets(monkeypatch):
    from catalog_sync.catalogue import cache

    monkeypatch.setattr(cache, "VERSION_TTL", 0)  # read the shared version on every request
    # given a worker that has counted the catalogue's facets (and cached them)
    records = [sample_product(i) for i in range(3)]
    store.rebuild(records, [], [])
    assert get_backend().search(SearchQuery()).total == 3
    # when another worker removes a product
    in_another_connection(lambda: store.remove_product(records[0].id, at=records[0].updated_at))
    # then this worker's next page counts without it
    result = get_backend().search(SearchQuery())
    assert result.total == 2
    assert sum(v.count for v in result.facets["stars"]) == 2
