"""Records to rows and back: every record the store keeps comes back exactly as it was given."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

from catalog_sync.domain.groups import group_by_slug, set_by_slug
from catalog_sync.domain.provinces import province_by_slug
from catalog_sync.domain.text import match_key

from . import models
from .records import (
    CollectionRecord,
    Image,
    ProducerRecord,
    ProducerRef,
    ProductRecord,
    VariantRecord,
)

# Price bands of the catalogue's price facet (VND, lower bound included, upper excluded).
PRICE_BANDS: tuple[tuple[str, Decimal, Decimal | None], ...] = (
    ("0-100000", Decimal(0), Decimal(100_000)),
    ("100000-200000", Decimal(100_000), Decimal(200_000)),
    ("200000-500000", Decimal(200_000), Decimal(500_000)),
    ("500000-1000000", Decimal(500_000), Decimal(1_000_000)),
    ("1000000-", Decimal(1_000_000), None),
)

_TAG = re.compile(r"<[^>]*>")
_MAX_TEXT = 20_000  # characters of description kept for search: what is read is bounded


def price_band(price: Decimal | None) -> str | None:
    if price is None:
        return None
    for key, low, high in PRICE_BANDS:
        if price >= low and (high is None or price < high):
            return key
    return None


def plain_text(editorjs: str | None) -> str:
    """The words of an EditorJS document (block texts, list items, captions), tags dropped."""
    if not editorjs:
        return ""
    try:
        document = json.loads(editorjs)
    except ValueError:
        return _TAG.sub(" ", editorjs)
    parts: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, str):
            parts.append(_TAG.sub(" ", value))
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in {"type", "id", "url", "file", "level", "style", "version", "time"}:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(document.get("blocks", []) if isinstance(document, dict) else document)
    return " ".join(parts)[:_MAX_TEXT]


def _label(lookup: Any, slug: str | None) -> str:
    if not slug:
        return ""
    try:
        item = lookup(slug)
    except (KeyError, ValueError, LookupError):
        return slug.replace("-", " ")
    return f"{item.name_vi if hasattr(item, 'name_vi') else item.name} {item.name_en}"


def search_texts(record: ProductRecord) -> dict[str, str]:
    """The texts search reads, as written: name (with the English name), producer, the rest."""
    text = " ".join(
        part
        for part in (
            plain_text(record.description),
            plain_text(record.description_en),
            record.seo_description or "",
            _label(set_by_slug, record.product_set),
            _label(group_by_slug, record.group),
            _label(province_by_slug, record.province),
            record.province_at_certification or "",
        )
        if part
    )
    return {
        "name": " ".join(filter(None, [record.name, record.name_en])),
        "producer": record.producer.title if record.producer else "",
        "text": text[:_MAX_TEXT],
    }


def search_columns(record: ProductRecord) -> dict[str, str]:
    """The embedded backend's columns: the search texts folded (``match_key``)."""
    texts = search_texts(record)
    return {
        "name_key": match_key(record.name),
        "name_en_key": match_key(record.name_en or ""),
        "search_name": match_key(texts["name"]),
        "search_producer": match_key(texts["producer"]),
        "search_text": match_key(texts["text"]),
    }


def _image_json(image: Image | None) -> dict[str, Any] | None:
    if image is None:
        return None
    return {"url": image.url, "alt": image.alt, "width": image.width, "height": image.height}


def _image(data: dict[str, Any] | None) -> Image | None:
    if data is None:
        return None
    return Image(url=data["url"], alt=data.get("alt", ""), width=data.get("width"), height=data.get("height"))


def product_values(record: ProductRecord) -> dict[str, Any]:
    """The product's row as column values (by attribute name), without a model instance: the
    reindex writes 20,000 of them with COPY."""
    return {
        "id": record.id,
        "slug": record.slug,
        "name": record.name,
        "name_en": record.name_en,
        "group_slug": record.group,
        "set_slug": record.product_set,
        "certificate_id": record.certificate_id,
        "stars": record.stars,
        "valid_until": record.valid_until,
        "province_slug": record.province,
        "province_at_certification": record.province_at_certification,
        "producer_id": record.producer.id if record.producer else None,
        "producer_slug": record.producer.slug if record.producer else None,
        "producer_title": record.producer.title if record.producer else None,
        "created": record.created,
        "updated_at": record.updated_at,
        "description": record.description,
        "description_en": record.description_en,
        "seo_description": record.seo_description,
        "thumbnail": _image_json(record.thumbnail),
        "images": [_image_json(image) for image in record.images],
        "product_type": record.product_type,
        "price_min": record.price_min,
        "price_max": record.price_max,
        "price_band": price_band(record.price_min),
        "in_stock": record.in_stock,
        **search_columns(record),
    }


def variant_values(record: ProductRecord) -> list[dict[str, Any]]:
    """The product's variant rows as column values (by attribute name), in Saleor's order."""
    return [
        {
            "id": variant.id,
            "product_id": record.id,
            "position": position,
            "name": variant.name,
            "name_en": variant.name_en,
            "sku": variant.sku,
            "price": variant.price,
            "currency": variant.currency,
            "quantity_available": variant.quantity_available,
        }
        for position, variant in enumerate(record.variants)
    ]


def product_row(record: ProductRecord) -> tuple[models.Product, list[models.Variant]]:
    return models.Product(**product_values(record)), [models.Variant(**v) for v in variant_values(record)]


def _decimal(value: Decimal) -> Decimal:
    """Back to the record's form: 125000.00 from the column is 125000 as Saleor gave it."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def product_record(row: models.Product, variants: list[models.Variant]) -> ProductRecord:
    producer = (
        ProducerRef(id=row.producer_id, slug=row.producer_slug or "", title=row.producer_title or "")
        if row.producer_id
        else None
    )
    return ProductRecord(
        id=row.id,
        slug=row.slug,
        name=row.name,
        group=row.group_slug,
        product_set=row.set_slug,
        certificate_id=row.certificate_id,
        stars=row.stars,
        valid_until=row.valid_until,
        province=row.province_slug,
        province_at_certification=row.province_at_certification,
        producer=producer,
        variants=tuple(
            VariantRecord(
                id=variant.id,
                name=variant.name,
                sku=variant.sku,
                price=_decimal(variant.price),
                currency=variant.currency,
                quantity_available=variant.quantity_available,
                name_en=variant.name_en,
            )
            for variant in sorted(variants, key=lambda v: v.position)
        ),
        created=row.created,
        updated_at=row.updated_at,
        name_en=row.name_en,
        description=row.description,
        description_en=row.description_en,
        seo_description=row.seo_description,
        thumbnail=_image(row.thumbnail),
        images=tuple(image for image in map(_image, row.images) if image is not None),
        product_type=row.product_type,
    )


def producer_row(record: ProducerRecord) -> models.Producer:
    return models.Producer(
        id=record.id,
        slug=record.slug,
        title=record.title,
        title_en=record.title_en,
        updated_at=record.updated_at,
        content=record.content,
        content_en=record.content_en,
        province_slug=record.province,
        seo_description=record.seo_description,
        is_published=record.is_published,
        location=record.location,
        location_en=record.location_en,
        phone=record.phone,
        email=record.email,
        photos=[_image_json(photo) for photo in record.photos],
    )


def producer_record(row: models.Producer) -> ProducerRecord:
    return ProducerRecord(
        id=row.id,
        slug=row.slug,
        title=row.title,
        updated_at=row.updated_at,
        content=row.content,
        content_en=row.content_en,
        title_en=row.title_en,
        province=row.province_slug,
        seo_description=row.seo_description,
        is_published=row.is_published,
        location=row.location,
        location_en=row.location_en,
        phone=row.phone,
        email=row.email,
        photos=tuple(photo for photo in map(_image, row.photos or []) if photo is not None),
    )


def collection_rows(record: CollectionRecord) -> tuple[models.Collection, list[models.CollectionProduct]]:
    collection = models.Collection(
        id=record.id,
        slug=record.slug,
        name=record.name,
        name_en=record.name_en,
        updated_at=record.updated_at,
        description=record.description,
        description_en=record.description_en,
        background=_image_json(record.background),
    )
    seen: set[str] = set()
    memberships = []
    for position, product_id in enumerate(record.product_ids):
        if product_id not in seen:
            seen.add(product_id)
            memberships.append(
                models.CollectionProduct(collection_id=record.id, product_id=product_id, position=position)
            )
    return collection, memberships


def collection_record(row: models.Collection, memberships: list[models.CollectionProduct]) -> CollectionRecord:
    return CollectionRecord(
        id=row.id,
        slug=row.slug,
        name=row.name,
        product_ids=tuple(m.product_id for m in sorted(memberships, key=lambda m: m.position)),
        updated_at=row.updated_at,
        name_en=row.name_en,
        description=row.description,
        description_en=row.description_en,
        background=_image(row.background),
    )
