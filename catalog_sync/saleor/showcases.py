"""A showcase in Saleor: a collection written with the app's token (typed operations in ``queries/showcases.graphql``).

This module only talks to Saleor. The web service decides what a showcase holds, in which order, and when
it is published (Saleor's listings have start dates only); these functions make Saleor hold exactly that.
"""

from __future__ import annotations

import html
import io
import json
from dataclasses import dataclass

from . import spec
from .client import PAGE_SIZE, SaleorClient, SaleorResponseError, returned
from .generated.base_model import Upload
from .generated.input_types import (
    CollectionChannelListingUpdateInput,
    CollectionCreateInput,
    CollectionInput,
    MoveProductInput,
    PublishableChannelListingInput,
    TranslationInput,
)


@dataclass(frozen=True)
class ShowcaseText:
    """What a showcase says, in Vietnamese and English (plain text; paragraphs separated by blank lines)."""

    slug: str
    name: str
    description: str
    name_en: str = ""
    description_en: str = ""


@dataclass(frozen=True)
class CollectionState:
    id: str
    slug: str
    product_ids: tuple[str, ...]  # in the collection's order
    published: bool | None  # in ocop-vn; None when the collection is not listed there
    channel_id: str


def editorjs(text: str) -> str | None:
    """Plain text as EditorJS JSON: a paragraph block per paragraph, its text escaped (None when empty)."""
    paragraphs = [" ".join(p.split()) for p in text.replace("\r\n", "\n").split("\n\n")]
    blocks = [{"type": "paragraph", "data": {"text": html.escape(p, quote=False)}} for p in paragraphs if p]
    return json.dumps({"blocks": blocks}, ensure_ascii=False) if blocks else None


def state(client: SaleorClient, collection_id: str) -> CollectionState | None:
    """The collection as Saleor holds it now (every product, a page at a time), or None when it is gone."""
    operations = client.operations()
    ids: list[str] = []
    after: str | None = None
    while True:
        reply = operations.showcase_state(id=collection_id, channel=spec.CHANNEL_SLUG, first=PAGE_SIZE, after=after)
        channel = returned(reply.channel, f"ShowcaseState: channel {spec.CHANNEL_SLUG}")
        node = reply.collection
        if node is None:
            return None
        products = node.products
        ids += [edge.node.id for edge in products.edges] if products else []
        if products is None or not products.page_info.has_next_page:
            break
        after = products.page_info.end_cursor
    listing = next((item for item in node.channel_listings or [] if item.channel.slug == spec.CHANNEL_SLUG), None)
    return CollectionState(id=node.id, slug=node.slug, product_ids=tuple(ids),
                           published=listing.is_published if listing else None, channel_id=channel.id)


def create(client: SaleorClient, text: ShowcaseText) -> str:
    """A new collection, listed unpublished in ``ocop-vn``; returns its id."""
    payload = client.operations().showcase_create(input=CollectionCreateInput(
        name=text.name, slug=text.slug, description=editorjs(text.description))).collection_create
    collection = returned(returned(payload, "collectionCreate").collection, "collectionCreate: the collection")
    translate(client, collection.id, text)
    # not yet listed in the channel, Saleor does not show it there: only the channel's id is read
    channel = client.operations().showcase_state(id=collection.id, channel=spec.CHANNEL_SLUG, first=1).channel
    set_published(client, CollectionState(id=collection.id, slug=collection.slug, product_ids=(), published=None,
                                          channel_id=returned(channel, f"channel {spec.CHANNEL_SLUG}").id),
                  published=False)
    return collection.id


def update(client: SaleorClient, collection_id: str, text: ShowcaseText) -> None:
    client.operations().showcase_update(id=collection_id, input=CollectionInput(
        name=text.name, slug=text.slug, description=editorjs(text.description)))
    translate(client, collection_id, text)


def translate(client: SaleorClient, collection_id: str, text: ShowcaseText) -> None:
    if text.name_en or text.description_en:
        client.operations().showcase_translate(id=collection_id, input=TranslationInput(
            name=text.name_en or None, description=editorjs(text.description_en)))


def set_cover(client: SaleorClient, collection_id: str, *, filename: str, content: bytes, content_type: str,
              alt: str) -> str | None:
    """Upload the collection's cover image (Saleor keeps and serves it); returns its URL as Saleor serves it."""
    payload = client.operations().showcase_cover(
        id=collection_id, image=Upload(filename, io.BytesIO(content), content_type), alt=alt).collection_update
    collection = returned(payload, "collectionUpdate").collection
    image = collection.background_image if collection else None
    return image.url if image else None


def set_published(client: SaleorClient, current: CollectionState, *, published: bool) -> None:
    """List the collection in ``ocop-vn``, published or not (Saleor shows it to customers at once)."""
    client.operations().showcase_channel_listing(id=current.id, input=CollectionChannelListingUpdateInput(
        addChannels=[PublishableChannelListingInput(channelId=current.channel_id, isPublished=published)]))


def moves(current: list[str], wanted: list[str]) -> list[tuple[str, int]]:
    """Saleor's relative moves (applied one after another) that turn ``current`` into ``wanted`` (same ids)."""
    order = list(current)
    steps: list[tuple[str, int]] = []
    for position, product_id in enumerate(wanted):
        now = order.index(product_id)
        if now != position:
            steps.append((product_id, position - now))
            order.insert(position, order.pop(now))
    return steps


def set_products(client: SaleorClient, collection_id: str, wanted: list[str]) -> CollectionState:
    """Make the collection hold exactly ``wanted``, in that order; returns what Saleor then holds."""
    current = returned(state(client, collection_id), f"ShowcaseState: collection {collection_id}")
    operations = client.operations()
    leaving = [pid for pid in current.product_ids if pid not in set(wanted)]
    joining = [pid for pid in wanted if pid not in set(current.product_ids)]
    if leaving:
        operations.showcase_remove_products(id=collection_id, products=leaving)
    if joining:
        operations.showcase_add_products(id=collection_id, products=joining)
        # Saleor adds products without a place: its queries list them first, its reordering last. A move by 0
        # gives every product its place as the reordering sees it, so what is read next is what moves act on.
        operations.showcase_reorder_products(id=collection_id, moves=[MoveProductInput(productId=joining[0],
                                                                                      sortOrder=0)])
    if leaving or joining:
        current = returned(state(client, collection_id), f"ShowcaseState: collection {collection_id}")
    if sorted(current.product_ids) != sorted(wanted):
        raise SaleorResponseError(f"collection {collection_id}: Saleor holds {len(current.product_ids)} products, "
                                  f"{len(wanted)} were asked for")
    steps = moves(list(current.product_ids), wanted)
    if steps:
        operations.showcase_reorder_products(id=collection_id, moves=[
            MoveProductInput(productId=pid, sortOrder=shift) for pid, shift in steps])
        current = returned(state(client, collection_id), f"ShowcaseState: collection {collection_id}")
    return current
