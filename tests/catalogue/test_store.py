"""The read model keeps exactly what Saleor says is for sale, whatever order events arrive in."""

from __future__ import annotations

import datetime
from decimal import Decimal

from catalog_sync.catalogue import store
from testkit.catalogue_builders import (
    collection_record,
    later,
    producer_record,
    producer_ref,
    product_record,
    variant_record,
)


def test_a_product_comes_back_exactly_as_it_was_applied(db):
    # given a product with two variants, images, texts in both languages
    record = product_record(
        variants=(
            variant_record(name="Hũ 250 g", price=Decimal(95000), quantity_available=0),
            variant_record(name="Hũ 500 g", price=Decimal("180000.50"), quantity_available=3, sku=None),
        )
    )
    # when it is applied and read back by its slug and by its id
    assert store.apply_product(record) is True
    # then the record is the same, field for field, variants in their order
    assert store.product_by_slug(record.slug) == record
    assert store.products_by_ids([record.id]) == [record]


def test_an_edit_replaces_the_product_and_its_variants(catalogue):
    # given a product on sale with two variants
    record = catalogue()
    # when Saleor sends it renamed with one variant left
    edited = later(record, name="Nước mắm Phú Quốc 43 độ đạm", variants=(variant_record(price=Decimal(150000)),))
    assert store.apply_product(edited) is True
    # then readers see the edit
    assert store.product_by_slug(record.slug) == edited


def test_an_older_event_never_overwrites_a_newer_product(catalogue):
    # given the product as edited at 10:00
    record = catalogue()
    newer = later(record, seconds=600, stars=4)
    store.apply_product(newer)
    # when the 09:50 state arrives late
    assert store.apply_product(record) is False
    # then the 10:00 state stays
    assert store.product_by_slug(record.slug) == newer


def test_a_redelivered_event_changes_nothing(catalogue):
    record = catalogue()
    assert store.apply_product(record) is True
    assert store.products_by_ids([record.id]) == [record]


def test_a_removed_product_leaves_every_reader_and_a_late_older_event_cannot_bring_it_back(catalogue):
    # given a product on sale
    record = catalogue()
    # when the plugin withdraws it (the removal is newer than the product's last state)
    assert store.remove_product(record.id, at=record.updated_at + datetime.timedelta(seconds=5)) is True
    # then it is gone at once, and the older update delivered late changes nothing
    assert store.product_by_slug(record.slug) is None
    assert store.products_by_ids([record.id]) == []
    assert store.apply_product(record) is False
    assert store.product_by_slug(record.slug) is None


def test_a_product_published_again_after_its_removal_comes_back(catalogue):
    record = catalogue()
    store.remove_product(record.id, at=record.updated_at + datetime.timedelta(seconds=5))
    restored = later(record, seconds=60)
    assert store.apply_product(restored) is True
    assert store.product_by_slug(record.slug) == restored


def test_a_removal_older_than_the_products_state_is_ignored(catalogue):
    # given a product restored at 10:00 and a withdrawal from 09:00 delivered late
    record = catalogue()
    assert store.remove_product(record.id, at=record.updated_at - datetime.timedelta(hours=1)) is False
    # then the product stays on sale
    assert store.product_by_slug(record.slug) == record


def test_products_by_ids_keeps_the_order_given_and_skips_what_is_not_for_sale(catalogue):
    first, second, third = catalogue(), catalogue(), catalogue()
    store.remove_product(second.id, at=second.updated_at)
    found = store.products_by_ids([third.id, second.id, "UHJvZHVjdDo5OTk5OTk=", first.id, third.id])
    assert [p.id for p in found] == [third.id, first.id]


def test_a_producer_comes_back_exactly_and_older_events_are_ignored(db):
    producer = producer_record(title="Hợp tác xã Ong mật Mèo Vạc", province="tuyen-quang")
    assert store.apply_producer(producer) is True
    assert store.producer_by_slug(producer.slug) == producer

    edited = later(producer, title_en="Meo Vac Honey Cooperative")
    assert store.apply_producer(edited) is True
    assert store.apply_producer(producer) is False
    assert store.producer_by_slug(producer.slug) == edited

    assert store.remove_producer(producer.id, at=edited.updated_at + datetime.timedelta(seconds=1)) is True
    assert store.producer_by_slug(producer.slug) is None
    assert store.apply_producer(edited) is False


def test_a_renamed_producer_page_takes_its_products_along_at_once(db):
    # given a producer page and its product for sale
    producer = producer_record(title="HTX Nông nghiệp Tân Phú", slug="htx-nong-nghiep-tan-phu-1a2b3c4d")
    store.apply_producer(producer)
    product = product_record(producer=producer_ref(producer))
    store.apply_product(product)
    # when the page is renamed (namesakes of two provinces told apart), the product itself unchanged
    renamed = later(producer, slug="htx-nong-nghiep-tan-phu-lam-dong-5e6f7a8b")
    assert store.apply_producer(renamed) is True
    # then the product is the renamed page's, under its new slug (what the portal grants by)
    held = store.products_by_ids([product.id])[0].producer
    assert held is not None and (held.id, held.slug) == (producer.id, "htx-nong-nghiep-tan-phu-lam-dong-5e6f7a8b")


def test_a_showcase_keeps_its_products_in_order_and_older_events_are_ignored(catalogue):
    a, b, c = catalogue(), catalogue(), catalogue()
    showcase = collection_record(product_ids=(c.id, a.id, b.id))
    assert store.apply_collection(showcase) is True
    assert store.collection_by_slug(showcase.slug) == showcase

    reordered = later(showcase, product_ids=(b.id, c.id))
    store.apply_collection(reordered)
    assert store.apply_collection(showcase) is False
    assert store.collection_by_slug(showcase.slug).product_ids == (b.id, c.id)

    store.remove_collection(showcase.id, at=reordered.updated_at + datetime.timedelta(seconds=1))
    assert store.collection_by_slug(showcase.slug) is None
    assert store.published_collections() == []


def test_published_collections_lists_every_showcase_by_name(db):
    tet = collection_record(name="Đặc sản Tết 2026")
    coffee = collection_record(name="Cà phê Tây Nguyên")
    store.apply_collection(tet)
    store.apply_collection(coffee)
    assert [c.name for c in store.published_collections()] == ["Cà phê Tây Nguyên", "Đặc sản Tết 2026"]


def test_rebuild_replaces_the_catalogue_with_exactly_what_it_is_given(catalogue):
    # given a catalogue with a product that is no longer for sale and one whose price changed
    gone, kept = catalogue(), catalogue()
    old_producer = producer_record()
    store.apply_producer(old_producer)
    # when the catalogue is rebuilt from Saleor's reply
    repriced = later(kept, variants=(variant_record(price=Decimal(99000)),))
    new = product_record(name="Cà phê Arabica Cầu Đất", group="thuc-pham", product_set="ca-phe-ca-cao")
    producer = producer_record()
    showcase = collection_record(product_ids=(new.id, repriced.id))
    count = store.rebuild([repriced, new], [producer], [showcase])
    # then readers see exactly the new catalogue
    assert count == 2
    assert store.product_by_slug(gone.slug) is None
    assert store.products_by_ids([repriced.id, new.id]) == [repriced, new]
    assert store.producer_by_slug(old_producer.slug) is None
    assert store.producer_by_slug(producer.slug) == producer
    assert store.published_collections() == [showcase]


def test_rebuild_brings_back_a_product_saleor_sells_again_despite_an_earlier_removal(catalogue):
    record = catalogue()
    store.remove_product(record.id, at=record.updated_at + datetime.timedelta(minutes=5))
    store.rebuild([record], [], [])
    assert store.product_by_slug(record.slug) == record


def test_rebuild_reports_progress_per_batch(db):
    records = [product_record() for _ in range(3)]
    seen: list[int] = []
    store.rebuild(records, [], [], progress=seen.append)
    assert seen == [3]


def test_a_variant_saleor_moved_to_another_product_follows_it(catalogue):
    # given two products, the first with two variants
    first, second = catalogue(), catalogue()
    moved = first.variants[1]
    # when Saleor moves the second variant to the second product
    store.apply_product(later(second, variants=(*second.variants, moved)))
    store.apply_product(later(first, variants=first.variants[:1]))
    # then each product shows the variants it has now
    assert store.product_by_slug(second.slug).variants[-1] == moved
    assert store.product_by_slug(first.slug).variants == first.variants[:1]


def test_a_product_published_again_without_a_new_updated_at_comes_back_by_the_events_time(catalogue):
    # given a product unpublished in the Dashboard at 10:05 (Saleor keeps its updated_at of 10:00)
    record = catalogue()
    store.remove_product(record.id, at=record.updated_at + datetime.timedelta(minutes=5))
    # when staff publish it again at 10:20 and the event carries the same updated_at
    assert store.apply_product(record) is False  # by updated_at alone it looks older than the removal
    assert store.apply_product(record, at=record.updated_at + datetime.timedelta(minutes=20)) is True
    # then it is on sale again
    assert store.product_by_slug(record.slug) == record
