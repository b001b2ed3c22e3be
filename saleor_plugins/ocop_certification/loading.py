"""Loading the OCOP catalogue from Saleor's tables: each product's certificate link, stars,
last valid day, whether it is published, the plugin's open withdrawals and the certificate each
product was linked to at the last run."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import connection

from . import reconcile
from .bulk import id_array
from .config import CERTIFICATE_ATTRIBUTE, OCOP_ATTRIBUTES, OCOP_PRODUCT_TYPES, STARS_ATTRIBUTE, VALID_UNTIL_ATTRIBUTE
from .models import ProductCertification, Withdrawal

BATCH = 1000


@dataclass
class Loaded:
    states: list[reconcile.ProductState]
    names: dict[int, str]  # only of the products a plan touches: see load_names
    linked: dict[int, str | None]
    open_withdrawals: dict[int, int]
    # The products linked now to another certificate than their ProductCertification records
    # (or that have none yet).
    relinked: set[int] = field(default_factory=set)

    def load_names(self, product_ids: Iterable[int]) -> None:
        from saleor.product.models import Product

        wanted = sorted(set(product_ids) - self.names.keys())
        if not wanted:
            return
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id, name FROM {_table(Product)} WHERE id = ANY(%s::bigint[])",  # noqa: S608  (names from the models)
                [id_array(wanted)],
            )
            self.names.update(cursor.fetchall())


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


# Every OCOP product in one query: whether it is published in some channel, its open withdrawal
# (at most one, by a unique constraint), the certificate its ProductCertification records, and the
# first value (by the assignment's sort order, then id) it has for each ocop-* attribute. Each
# attribute's values are read by attribute alone (filtering them by product type too cost a third
# of each read) and meet the products by id. Saleor stores a date value as 00:00 UTC that day;
# stars are whole numbers (anything else reads as no stars).
_FIRST_VALUE = """(
  SELECT DISTINCT ON (a.product_id) a.product_id, {value} AS value
  FROM {assigned} AS a JOIN {values} AS v ON v.id = a.value_id
  WHERE v.attribute_id = %s
  ORDER BY a.product_id, a.sort_order, a.id
)"""
_PRODUCTS = """
SELECT p.id, w.id, pc.certificate_id,
       EXISTS (SELECT 1 FROM {listings} AS l WHERE l.product_id = p.id AND l.is_published),
       certificate.value, stars.value, valid_until.value
FROM {products} AS p
LEFT JOIN {withdrawals} AS w ON w.product_id = p.id AND w.restored_at IS NULL
LEFT JOIN {certifications} AS pc ON pc.product_id = p.id
LEFT JOIN {certificate} AS certificate ON certificate.product_id = p.id
LEFT JOIN {stars} AS stars ON stars.product_id = p.id
LEFT JOIN {valid_until} AS valid_until ON valid_until.product_id = p.id
WHERE p.product_type_id = ANY(%s::bigint[])
ORDER BY p.id
"""
_VALUES = {
    CERTIFICATE_ATTRIBUTE: "v.plain_text",
    STARS_ATTRIBUTE: "CASE WHEN v.numeric = trunc(v.numeric) AND abs(v.numeric) < 1000 THEN v.numeric::int END",
    VALID_UNTIL_ATTRIBUTE: "(v.date_time AT TIME ZONE 'UTC')::date",
}


def load_products() -> Loaded:
    """Every OCOP product with its ocop-* values, whether it is published, and open withdrawals
    (names are loaded later, only for the products a plan touches).

    One query keyed by ids (product type, attributes), read straight from the cursor: no model
    instances and no timestamps for 20,000 rows (the listings are re-read under a row lock
    before any change).
    """
    from saleor.attribute.models import AssignedProductAttributeValue, Attribute, AttributeValue
    from saleor.product.models import Product, ProductChannelListing, ProductType

    type_ids = id_array(ProductType.objects.filter(slug__in=OCOP_PRODUCT_TYPES).values_list("id", flat=True))
    attribute_ids = dict(Attribute.objects.filter(slug__in=OCOP_ATTRIBUTES).values_list("slug", "id"))
    tables = {
        "assigned": _table(AssignedProductAttributeValue), "values": _table(AttributeValue),
        "products": _table(Product), "listings": _table(ProductChannelListing),
        "withdrawals": _table(Withdrawal), "certifications": _table(ProductCertification),
    }
    sql = _PRODUCTS.format(
        certificate=_FIRST_VALUE.format(value=_VALUES[CERTIFICATE_ATTRIBUTE], **tables),
        stars=_FIRST_VALUE.format(value=_VALUES[STARS_ATTRIBUTE], **tables),
        valid_until=_FIRST_VALUE.format(value=_VALUES[VALID_UNTIL_ATTRIBUTE], **tables),
        **tables,
    )
    with connection.cursor() as cursor:
        # PostgreSQL would compile this query (its cost estimate is over jit_above_cost) in about
        # 30 ms, more than it takes to run; only for this transaction.
        cursor.execute("SET LOCAL jit = off")
        cursor.execute(sql, [attribute_ids.get(CERTIFICATE_ATTRIBUTE), attribute_ids.get(STARS_ATTRIBUTE),
                             attribute_ids.get(VALID_UNTIL_ATTRIBUTE), type_ids])
        products = cursor.fetchall()

    states = []
    linked: dict[int, str | None] = {}
    open_withdrawals: dict[int, int] = {}
    relinked: set[int] = set()
    state = reconcile.ProductState
    for product_id, withdrawal_id, recorded, published, text, stars, valid_until in products:
        certificate_id = text.strip() or None if isinstance(text, str) else None
        linked[product_id] = certificate_id
        if withdrawal_id is not None:
            open_withdrawals[product_id] = withdrawal_id
        if recorded != (certificate_id or ""):
            relinked.add(product_id)
        states.append(state(product_id, certificate_id, withdrawal_id is not None, published, stars, valid_until))
    return Loaded(states=states, names={}, linked=linked, open_withdrawals=open_withdrawals, relinked=relinked)
