"""Staff's changes to a showcase, carried to Saleor and recorded (who, what, when).

Every function takes the Saleor client to write with (the installed app's token) and the actor (a staff
email, or ``SCHEDULE`` for the worker). Saleor is written first: a change Saleor refuses is not saved here.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.db import transaction

from catalog_sync.app.readers import StorefrontReader
from catalog_sync.catalogue import cache, store
from catalog_sync.catalogue.models import Product
from catalog_sync.saleor import SaleorClient
from catalog_sync.saleor import showcases as saleor_showcases

from . import rules, schedule
from .models import Showcase, ShowcaseChange, ShowcaseItem

log = logging.getLogger(__name__)

SCHEDULE = "lịch tự động"  # the actor of what the worker does

# the fields an edit may change, with how the audit log names them
FIELDS = {
    "name": "tên", "name_en": "tên (EN)", "slug": "slug", "description": "mô tả", "description_en": "mô tả (EN)",
    "starts_at": "bắt đầu", "ends_at": "kết thúc", "min_stars": "sao tối thiểu", "group": "nhóm",
    "product_set": "bộ sản phẩm", "province": "tỉnh",
}


class NotForSale(LookupError):
    """No product for sale now has that slug or certificate id."""


def record(showcase: Showcase, actor: str, action: str, detail: str = "") -> ShowcaseChange:
    return ShowcaseChange.objects.create(showcase=showcase, actor=actor[:254], action=action, detail=detail)


def _text(showcase: Showcase) -> saleor_showcases.ShowcaseText:
    return saleor_showcases.ShowcaseText(slug=showcase.slug, name=showcase.name, description=showcase.description,
                                         name_en=showcase.name_en, description_en=showcase.description_en)


def _shown(value: object) -> str:
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.timezone(datetime.timedelta(hours=7))).strftime("%d/%m/%Y %H:%M")
    return "—" if value in (None, "") else str(value)


def _changed(showcase: Showcase) -> None:
    cache.changed()  # pages kept whole and the schedule's windows are read afresh


def push_products(showcase: Showcase, client: SaleorClient) -> None:
    """Saleor's collection holds the showcase's items in their order; the read model follows when it is live."""
    if showcase.saleor_id is None:
        return
    saleor_showcases.set_products(client, showcase.saleor_id, list(
        showcase.items.order_by("position", "id").values_list("product_id", flat=True)))
    refresh_read_model(showcase, client)


def refresh_read_model(showcase: Showcase, client: SaleorClient) -> None:
    """What a customer sees of the collection now, into the read model (gone when Saleor does not show it)."""
    if showcase.saleor_id is None:
        return
    seen = schedule.now()
    record_ = StorefrontReader(client).collection(showcase.saleor_id) if showcase.published else None
    if record_ is None:
        store.remove_collection(showcase.saleor_id, at=seen)
    else:
        store.apply_collection(record_, at=seen)


@dataclass(frozen=True)
class Cover:
    filename: str
    content: bytes
    content_type: str


def save(showcase: Showcase, before: dict[str, object] | None, actor: str, client: SaleorClient,
         cover: Cover | None = None) -> Showcase:
    """Create (``before`` None) or update the showcase in Saleor, follow its rule, and record what changed."""
    with transaction.atomic():
        if showcase.saleor_id is None:
            showcase.saleor_id = saleor_showcases.create(client, _text(showcase))
        else:
            saleor_showcases.update(client, showcase.saleor_id, _text(showcase))
        showcase.save()
        if before is None:
            record(showcase, actor, "tạo", f"{showcase.name} ({showcase.slug})")
        else:
            changes = [f"{label}: {_shown(before.get(field))} → {_shown(getattr(showcase, field))}"
                       for field, label in FIELDS.items() if before.get(field) != getattr(showcase, field)]
            if changes:
                record(showcase, actor, "sửa", "; ".join(changes))
        if cover is not None:
            saleor_showcases.set_cover(client, showcase.saleor_id, filename=cover.filename, content=cover.content,
                                       content_type=cover.content_type, alt=showcase.name)
            record(showcase, actor, "ảnh bìa", f"{cover.filename} ({len(cover.content):,} byte)".replace(",", "."))
        followed = rules.follow(showcase)
        if followed:
            _record_followed(showcase, actor, followed)
        push_products(showcase, client)
        _changed(showcase)
    return showcase


def _record_followed(showcase: Showcase, actor: str, followed: rules.Followed) -> None:
    parts = []
    if followed.joined:
        parts.append("vào: " + ", ".join(followed.joined))
    if followed.left:
        parts.append("ra: " + ", ".join(followed.left))
    record(showcase, actor, "theo quy tắc", "; ".join(parts))


def follow_rule(showcase: Showcase, client: SaleorClient) -> rules.Followed:
    """The rule against the catalogue now; Saleor is written only when a product joined or left."""
    with transaction.atomic():
        followed = rules.follow(showcase)
        if followed:
            _record_followed(showcase, SCHEDULE, followed)
            push_products(showcase, client)
            _changed(showcase)
    return followed


def find_for_sale(reference: str) -> Product:
    reference = reference.strip()
    product = (Product.objects.filter(slug=reference).first()
               or Product.objects.filter(certificate_id__iexact=reference).order_by("name").first())
    if product is None:
        raise NotForSale(reference)
    return product


def add_by_hand(showcase: Showcase, reference: str, actor: str, client: SaleorClient) -> ShowcaseItem:
    """Add a product for sale now (its slug or certificate id) at the end; raises ``NotForSale``."""
    product = find_for_sale(reference)
    with transaction.atomic():
        item = showcase.items.filter(product_id=product.id).first()
        if item is not None:
            item.by_hand = True
            item.save(update_fields=["by_hand"])
        else:
            last = max(showcase.items.values_list("position", flat=True), default=0)
            item = ShowcaseItem.objects.create(showcase=showcase, product_id=product.id, name=product.name[:400],
                                               position=last + 1, by_hand=True)
        record(showcase, actor, "thêm", product.name)
        push_products(showcase, client)
        _changed(showcase)
    return item


def remove(showcase: Showcase, item: ShowcaseItem, actor: str, client: SaleorClient) -> None:
    with transaction.atomic():
        item.delete()
        note = " (quy tắc sẽ chọn lại nếu còn khớp: bỏ bớt điều kiện để loại hẳn)" if not item.by_hand and \
            showcase.has_rule else ""
        record(showcase, actor, "bỏ", item.name + note)
        push_products(showcase, client)
        _changed(showcase)


def move(showcase: Showcase, item: ShowcaseItem, step: int, actor: str, client: SaleorClient) -> bool:
    """Move the item one place up (``step`` -1) or down (+1); False at either end (nothing changes)."""
    items = list(showcase.items.order_by("position", "id"))
    index = next(i for i, it in enumerate(items) if it.pk == item.pk)
    target = index + step
    if not 0 <= target < len(items):
        return False
    with transaction.atomic():
        items.insert(target, items.pop(index))
        for position, it in enumerate(items, start=1):
            if it.position != position:
                it.position = position
                it.save(update_fields=["position"])
        record(showcase, actor, "đổi thứ tự", f"{item.name}: {index + 1} → {target + 1}")
        push_products(showcase, client)
        _changed(showcase)
    return True


def approve(showcase: Showcase, actor: str, client: SaleorClient) -> None:
    """Approve for publication: it goes live at its start (at once when that has passed) until its end."""
    with transaction.atomic():
        showcase.status = Showcase.Status.SCHEDULED
        showcase.save(update_fields=["status"])
        record(showcase, actor, "duyệt đăng", f"{_shown(showcase.starts_at)} – {_shown(showcase.ends_at)}")
        _changed(showcase)
    apply_schedule(client, showcases=[showcase])


def withdraw(showcase: Showcase, actor: str, client: SaleorClient) -> None:
    """Back to draft: unpublished at once."""
    with transaction.atomic():
        showcase.status = Showcase.Status.DRAFT
        showcase.save(update_fields=["status"])
        record(showcase, actor, "thôi đăng")
        _changed(showcase)
    apply_schedule(client, showcases=[showcase])


@dataclass(frozen=True)
class Tick:
    published: tuple[str, ...]
    unpublished: tuple[str, ...]


def apply_schedule(client: SaleorClient, *, showcases: list[Showcase] | None = None,
                   at: datetime.datetime | None = None) -> Tick:
    """Publish in Saleor every showcase that should be live now and is not, unpublish every one that should
    not be and is. Idempotent: a second run at the same moment changes nothing."""
    at = at or schedule.now()
    published: list[str] = []
    unpublished: list[str] = []
    candidates = showcases if showcases is not None else list(Showcase.objects.exclude(saleor_id=None))
    for showcase in candidates:
        live = showcase.live_at(at)
        if live == showcase.published or showcase.saleor_id is None:
            continue
        current = saleor_showcases.state(client, showcase.saleor_id)
        if current is None:
            log.warning("showcase %s: the collection %s is gone from Saleor", showcase.slug, showcase.saleor_id)
            continue
        with transaction.atomic():
            saleor_showcases.set_published(client, current, published=live)
            showcase.published = live
            showcase.save(update_fields=["published"])
            record(showcase, SCHEDULE, "đăng" if live else "gỡ", _shown(at))
            refresh_read_model(showcase, client)
            _changed(showcase)
        (published if live else unpublished).append(showcase.slug)
    return Tick(tuple(published), tuple(unpublished))
