"""Which products a showcase holds: its rule matched against the catalogue read model, and its hand-picked ones.

Only products for sale now are in the read model, so a product that stops being for sale (withdrawn,
unpublished) stops matching, and one that comes on sale and matches joins.
"""

from __future__ import annotations

from dataclasses import dataclass

from catalog_sync.catalogue.models import Product

from .models import Showcase, ShowcaseItem

RULE_LIMIT = 1000  # products a rule may pick: a trade catalogue, not the whole catalogue


def matching(showcase: Showcase) -> list[tuple[str, str]]:
    """(id, name) of every product for sale now that meets the showcase's rule, best first; [] without a rule."""
    if not showcase.has_rule:
        return []
    products = Product.objects.all()
    if showcase.min_stars:
        products = products.filter(stars__gte=showcase.min_stars)
    if showcase.group:
        products = products.filter(group_slug=showcase.group)
    if showcase.product_set:
        products = products.filter(set_slug=showcase.product_set)
    if showcase.province:
        products = products.filter(province_slug=showcase.province)
    return list(products.order_by("-stars", "name", "id").values_list("id", "name")[:RULE_LIMIT])


@dataclass(frozen=True)
class Followed:
    joined: tuple[str, ...]  # names
    left: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.joined or self.left)


def follow(showcase: Showcase) -> Followed:
    """Bring the showcase's rule-picked items in line with the catalogue: new matches join at the end (in the
    rule's order), items the rule picked that no longer match leave; hand-picked items and the order stay."""
    items = list(showcase.items.all())
    wanted = dict(matching(showcase))
    left = [item for item in items if not item.by_hand and item.product_id not in wanted]
    held = {item.product_id for item in items}
    joined = [(pid, name) for pid, name in wanted.items() if pid not in held]
    ShowcaseItem.objects.filter(pk__in=[item.pk for item in left]).delete()
    last = max((item.position for item in items), default=0)
    ShowcaseItem.objects.bulk_create([
        ShowcaseItem(showcase=showcase, product_id=pid, name=name[:400], position=last + n, by_hand=False)
        for n, (pid, name) in enumerate(joined, start=1)])
    return Followed(tuple(name for _, name in joined), tuple(item.name for item in left))


def for_sale(product_ids: list[str]) -> set[str]:
    return set(Product.objects.filter(pk__in=product_ids).values_list("id", flat=True))
