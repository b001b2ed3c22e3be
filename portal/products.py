"""A producer's product: its description, photos and variants, edited in Saleor.

Ownership is checked twice at the time of every request, whatever it asks: the product must be one of
the producer's in the catalogue read model, and Saleor, asked before anything is shown or written, must
say that its ``producer`` attribute references the producer's page. A photo or variant is theirs only when
Saleor lists it under that product now: ids from forms are looked up there, never trusted. Anything else
is ``NotTheirs`` (the pages answer 404) and nothing is written. Every write is recorded (``PortalChange``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.text import slugify
from django.utils.translation import gettext as _

from catalog_sync.catalogue.models import Product
from catalog_sync.domain.text import fold
from catalog_sync.saleor import SaleorClient
from catalog_sync.saleor import listing_edits as listing
from catalog_sync.saleor import product_edits as edits
from catalog_sync.saleor.product_edits import Photo, ProductState

from . import description as rich
from .access import page_slug
from .listings import NotTheirs
from .models import PortalChange, ProducerAccount

MAX_PHOTOS = 20


class Refused(Exception):
    """The change cannot be made as asked (``field`` names the form field); nothing was written."""

    def __init__(self, field: str, message: str):
        self.field = field
        self.message = message  # translated
        super().__init__(f"{field}: {message}")


def their_product(account: ProducerAccount, product_id: str) -> Product:
    """The product in the read model when it is the producer's there; ``NotTheirs`` otherwise."""
    product = Product.objects.filter(id=product_id, producer_slug=page_slug(account)).first()
    if product is None:
        raise NotTheirs(product_id)
    return product


def current_product(account: ProducerAccount, product_id: str, client: SaleorClient) -> ProductState:
    """The product as Saleor holds it now, when Saleor says it is the producer's; ``NotTheirs`` otherwise."""
    their_product(account, product_id)
    state = edits.product_state(client, product_id)
    if state is None or state.producer_page_slug != page_slug(account):
        raise NotTheirs(product_id)
    return state


def _record(account: ProducerAccount, object_type: str, object_id: str, name: str, field: str,
            before: object, after: object) -> PortalChange:
    return PortalChange.record(account, object_type=object_type, object_id=object_id, name=name, field=field,
                               before=before, after=after)


def _photo_name(state: ProductState, photo: Photo) -> str:
    position = state.photos.index(photo) + 1 if photo in state.photos else len(state.photos) + 1
    return f"{state.name} · ảnh {position}"


def change_description(account: ProducerAccount, product_id: str, text: str,
                       client: SaleorClient) -> PortalChange | None:
    """Write the description (sanitised, as EditorJS) when it differs from Saleor's; None when it does not."""
    state = current_product(account, product_id, client)
    wanted = rich.to_editorjs(text) or '{"blocks": []}'
    if rich.from_editorjs(wanted) == rich.from_editorjs(state.description):
        return None
    held = edits.set_description(client, state.id, wanted)
    return _record(account, "product", state.id, state.name, "description", rich.summary(state.description),
                   rich.summary(held))


@dataclass(frozen=True)
class Upload:
    filename: str
    content: bytes
    content_type: str


def add_photo(account: ProducerAccount, product_id: str, upload: Upload, alt: str,
              client: SaleorClient) -> PortalChange:
    state = current_product(account, product_id, client)
    if len(state.photos) >= MAX_PHOTOS:
        raise Refused("photo", _("A product has at most %(count)s photos: delete one first.") % {"count": MAX_PHOTOS})
    photo = edits.add_photo(client, state.id, filename=upload.filename, content=upload.content,
                            content_type=upload.content_type, alt=alt)
    return _record(account, "photo", photo.id, _photo_name(state, photo), "photo", "",
                   f"{upload.filename} ({len(upload.content)} B)")


def _their_photo(state: ProductState, media_id: str) -> Photo:
    photo = state.photo(media_id)
    if photo is None:  # another product's photo, or none at all: the form was tampered with
        raise NotTheirs(media_id)
    return photo


def change_alt(account: ProducerAccount, product_id: str, media_id: str, alt: str,
               client: SaleorClient) -> PortalChange | None:
    state = current_product(account, product_id, client)
    photo = _their_photo(state, media_id)
    if alt == photo.alt:
        return None
    held = edits.set_alt(client, photo.id, alt)
    return _record(account, "photo", photo.id, _photo_name(state, photo), "alt", photo.alt, held)


def move_photo(account: ProducerAccount, product_id: str, media_id: str, direction: str,
               client: SaleorClient) -> PortalChange | None:
    """Move a photo one place up (towards the first, the one the shop shows first) or down."""
    state = current_product(account, product_id, client)
    photo = _their_photo(state, media_id)
    order = [p.id for p in state.photos]
    here = order.index(photo.id)
    there = here - 1 if direction == "up" else here + 1
    if there < 0 or there >= len(order):
        return None
    order[here], order[there] = order[there], order[here]
    held = edits.reorder_photos(client, state.id, order)
    return _record(account, "photo", photo.id, _photo_name(state, photo), "position", here + 1,
                   held.index(photo.id) + 1 if photo.id in held else there + 1)


def delete_photo(account: ProducerAccount, product_id: str, media_id: str, client: SaleorClient) -> PortalChange:
    state = current_product(account, product_id, client)
    photo = _their_photo(state, media_id)
    edits.delete_photo(client, photo.id)
    return _record(account, "photo", photo.id, _photo_name(state, photo), "photo", photo.alt or photo.id,
                   "")


def variant_sku(state: ProductState, name: str) -> str:
    """A new variant's SKU: the product's first SKU (``OCOP-<certificate>``) and the variant's name."""
    base = next((v.sku for v in state.variants if v.sku), None) or f"OCOP-{state.slug}"
    return f"{base}-{slugify(fold(name)) or 'variant'}"[:255].upper()


def add_variant(account: ProducerAccount, product_id: str, *, name: str, price: Decimal, stock: int,
                client: SaleorClient) -> list[PortalChange]:
    """A new variant (e.g. 500 ml) with its price in ``ocop-vn`` and its stock in the producer's warehouse."""
    state = current_product(account, product_id, client)
    if any(v.name.casefold() == name.casefold() for v in state.variants):
        raise Refused("name", _("This product already has a variant with this name."))
    sku = variant_sku(state, name)
    if any((v.sku or "").upper() == sku for v in state.variants):
        raise Refused("name", _("This product already has a variant with this name."))
    created = edits.add_variant(client, state, name=name, sku=sku)
    label = f"{state.name} · {created.name}"
    changes = [_record(account, "variant", created.id, label, "variant", "", f"{created.name} ({sku})")]
    held_price = listing.set_price(client, created, price)
    changes.append(_record(account, "variant", created.id, label, "price", "", held_price))
    held_stock = listing.set_stock(client, created, stock)
    changes.append(_record(account, "variant", created.id, label, "stock", "", held_stock))
    return changes
