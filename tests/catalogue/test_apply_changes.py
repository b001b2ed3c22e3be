"""``store.apply_changes``: what ``ocop search reindex --since`` read from Saleor, applied in one transaction."""

from __future__ import annotations

import datetime

import pytest

from catalog_sync.catalogue import models, store
from catalog_sync.catalogue.records import SearchQuery
from catalog_sync.catalogue.search import get_backend
from testkit.catalogue_builders import later, product_record

READ_AT = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)  # after every builder's updated_at


def test_changed_products_are_written_and_gone_ones_removed_and_search_follows(catalogue):
    # given a read model holding three products
    kept, renamed, gone = catalogue(), catalogue(), catalogue(name="Mật ong bạc hà Mèo Vạc")
    # when Saleor says one was renamed and another is no longer listed
    edited = later(renamed, name="Trà shan tuyết cổ thụ Hà Giang")
    written, removed = store.apply_changes([edited], [gone.id], at=READ_AT)
    # then one is written, one removed, the third untouched; search finds the new name and not the removed one
    assert (written, removed) == (1, 1)
    assert store.product_ids() == {kept.id, renamed.id}
    assert store.product_by_slug(renamed.slug) == edited
    assert store.product_by_slug(kept.slug) == kept
    assert [p.id for p in get_backend().search(SearchQuery(text="tra shan tuyet")).products] == [renamed.id]
    assert get_backend().search(SearchQuery(text="mat ong bac ha")).total == 0


def test_a_newer_row_or_a_later_removal_is_not_overwritten_by_what_was_read_before(catalogue):
    # given a product a webhook updated after the reindex read it, and one a webhook removed after the read began
    read_version = product_record()
    newer = catalogue(id=read_version.id, slug=read_version.slug,
                      updated_at=read_version.updated_at + datetime.timedelta(minutes=5))
    removed_later = catalogue()
    assert store.remove_product(removed_later.id, at=READ_AT + datetime.timedelta(seconds=30))
    # when the reindex applies what it read
    written, removed = store.apply_changes([read_version, removed_later], [], at=READ_AT)
    # then neither event is undone
    assert (written, removed) == (0, 0)
    assert store.product_by_slug(newer.slug) == newer
    assert store.product_by_slug(removed_later.slug) is None


def test_a_product_changed_after_the_read_began_is_not_removed(catalogue):
    # given a product a webhook brought after the reindex started reading
    arrived = catalogue(updated_at=READ_AT + datetime.timedelta(seconds=10))
    # when the reindex did not see it in Saleor's list
    written, removed = store.apply_changes([], [arrived.id], at=READ_AT)
    # then it stays
    assert (written, removed) == (0, 0)
    assert store.product_by_slug(arrived.slug) == arrived


def test_the_changes_are_applied_in_one_transaction(catalogue, monkeypatch):
    # given a product to update and one to remove
    renamed, gone = catalogue(), catalogue()
    edited = later(renamed, name="Trà shan tuyết cổ thụ Hà Giang")

    def failing(self, product_ids):
        raise RuntimeError("search backend failed")

    monkeypatch.setattr(type(get_backend()), "remove_products", failing)
    # when the last step fails
    with pytest.raises(RuntimeError):
        store.apply_changes([edited], [gone.id], at=READ_AT)
    # then nothing was applied: the update is rolled back with the removal
    assert store.product_by_slug(renamed.slug) == renamed
    assert store.product_ids() == {renamed.id, gone.id}
    assert not models.Tombstone.objects.exists()
