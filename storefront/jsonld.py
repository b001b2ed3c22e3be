"""schema.org JSON-LD of the pages: ItemList for listings, Product with its OCOP Certification.

OCOP stars are an official certification, not customer reviews: they go in
``hasCertification.certificationRating`` and never in ``aggregateRating``.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Sequence
from typing import Any

from django.utils.safestring import SafeString, mark_safe

from catalog_sync.catalogue.records import ProductRecord

from .names import group_name, translated

SCHEMA = "https://schema.org"
_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def script_body(data: dict[str, Any]) -> SafeString:
    """JSON for a ``<script type="application/ld+json">``: nothing in it can close the script element."""
    return mark_safe(json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_ESCAPES))  # noqa: S308


def item_list(products: Sequence[ProductRecord], absolute: Callable[[str], str], *, language: str,
              first_position: int = 1) -> dict[str, Any]:
    from django.urls import reverse

    return {
        "@context": SCHEMA,
        "@type": "ItemList",
        "itemListOrder": "https://schema.org/ItemListOrderAscending",
        "numberOfItems": len(products),
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": first_position + index,
                "name": product.name,  # the contract: the product's name as Saleor holds it, on every language
                "url": absolute(reverse("storefront:product", args=[product.slug])),
            }
            for index, product in enumerate(products)
        ],
    }


def _price(value: object) -> str:
    text = format(value, "f")
    return text.split(".")[0] if "." in text and set(text.split(".")[1]) <= {"0"} else text


def product(record: ProductRecord, *, url: str, verify_url: str, image_urls: Sequence[str], description: str,
            language: str, issuer: str | None = None) -> dict[str, Any]:
    offers = [
        {
            "@type": "Offer",
            "name": translated(variant, "name", language),
            "sku": variant.sku or variant.id,
            "price": _price(variant.price),
            "priceCurrency": variant.currency,
            "availability": f"{SCHEMA}/InStock" if variant.quantity_available > 0 else f"{SCHEMA}/OutOfStock",
            "url": url,
        }
        for variant in record.variants
    ]
    certification: dict[str, Any] = {
        "@type": "Certification",
        "name": "OCOP",
        "certificationIdentification": record.certificate_id,
        "certificationRating": {"@type": "Rating", "ratingValue": record.stars, "bestRating": 5, "worstRating": 3},
        "expires": record.valid_until.isoformat() if isinstance(record.valid_until, datetime.date) else None,
        "url": verify_url,
    }
    if issuer:
        certification["issuedBy"] = {"@type": "Organization", "name": issuer}
    data: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "Product",
        "name": translated(record, "name", language),
        "url": url,
        "sku": record.certificate_id,
        "category": group_name(record.group, language),
        "image": list(image_urls),
        "offers": offers[0] if len(offers) == 1 else offers,
        "hasCertification": certification,
    }
    if description:
        data["description"] = description
    if record.producer is not None:
        data["manufacturer"] = {"@type": "Organization", "name": record.producer.title}
    return data
