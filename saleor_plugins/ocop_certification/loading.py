"""Loading the OCOP catalogue from Saleor's tables: each product's certificate link, stars,
last valid day, whether it is published, and the plugin's open withdrawals."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC

from . import reconcile
from .config import CERTIFICATE_ATTRIBUTE, OCOP_ATTRIBUTES, OCOP_PRODUCT_TYPES, STARS_ATTRIBUTE, VALID_UNTIL_ATTRIBUTE
from .models import Withdrawal

BATCH = 1000


@dataclass
class Loaded:
    states: list[reconcile.ProductState]
    names: dict[int, str]  # only of the products a plan touches: see load_names
    linked: dict[int, str | None]
    open_withdrawals: dict[int, int]

    def load_names(self, product_ids: Iterable[int]) -> None:
        from django.db import connection
        from saleor.product.models import Product

        from .bulk import id_array

        wanted = sorted(set(product_ids) - self.names.keys())
        if not wanted:
            return
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id, name FROM {connection.ops.quote_name(Product._meta.db_table)} "  # noqa: S608  (names from the models)
                "WHERE id = ANY(%s::bigint[])",
                [id_array(wanted)],
            )
            self.names.update(cursor.fetchall())


def _as_stars(numeric: float | None) -> int | None:
    if numeric is None:
        return None
    return int(numeric) if float(numeric).is_integer() else None


def load_products() -> Loaded:
    """Every OCOP product with its ocop-* values, whether it is published, and open withdrawals
    (names are loaded later, only for the products a plan touches).

    A few narrow queries keyed by ids (product type, attributes), so the plan stays linear even
    when the planner's statistics are stale (e.g. right after a bulk import), and no timestamps
    are loaded for 20,000 rows (the listings are re-read under a row lock before any change).
    """
    from django.db.models import F
    from django.db.models.functions import TruncDate
    from saleor.attribute.models import AssignedProductAttributeValue, Attribute
    from saleor.product.models import Product, ProductChannelListing, ProductType

    type_ids = list(ProductType.objects.filter(slug__in=OCOP_PRODUCT_TYPES).values_list("id", flat=True))
    ocop_ids = set(Product.objects.filter(product_type_id__in=type_ids).values_list("id", flat=True))
    attribute_ids = dict(Attribute.objects.filter(slug__in=OCOP_ATTRIBUTES).values_list("slug", "id"))

    def first_value(slug: str, value) -> dict[int, object]:
        found: dict[int, object] = {}
        if slug not in attribute_ids:
            return found
        rows = (
            AssignedProductAttributeValue.objects.filter(value__attribute_id=attribute_ids[slug])
            .annotate(v=value)
            .order_by("product_id", "sort_order", "pk")
            .values_list("product_id", "v")
        )
        for product_id, item in rows:
            if product_id in ocop_ids:
                found.setdefault(product_id, item)
        return found

    certificates = first_value(CERTIFICATE_ATTRIBUTE, F("value__plain_text"))
    stars = first_value(STARS_ATTRIBUTE, F("value__numeric"))
    # Saleor stores a date value as 00:00 UTC that day.
    valid_until = first_value(VALID_UNTIL_ATTRIBUTE, TruncDate("value__date_time", tzinfo=UTC))
    published = set(
        ProductChannelListing.objects.filter(product__product_type_id__in=type_ids, is_published=True)
        .values_list("product_id", flat=True)
        .distinct()
    )
    open_withdrawals = {
        product_id: withdrawal_id
        for product_id, withdrawal_id in Withdrawal.objects.filter(restored_at__isnull=True).values_list(
            "product_id", "id"
        )
        if product_id in ocop_ids
    }

    states = []
    linked: dict[int, str | None] = {}
    for product_id in sorted(ocop_ids):
        text = certificates.get(product_id)
        certificate_id = text.strip() or None if isinstance(text, str) else None
        linked[product_id] = certificate_id
        states.append(
            reconcile.ProductState(
                product_id=product_id,
                certificate_id=certificate_id,
                withdrawn_by_us=product_id in open_withdrawals,
                published_somewhere=product_id in published,
                stars=_as_stars(stars.get(product_id)),
                valid_until=valid_until.get(product_id),
            )
        )
    return Loaded(states=states, names={}, linked=linked, open_withdrawals=open_withdrawals)


