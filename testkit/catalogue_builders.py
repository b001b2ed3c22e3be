"""Builders of catalogue records (``catalog_sync.catalogue.records``) for tests and benchmarks.

Every builder gives a realistic Vietnamese OCOP record with fresh ids and slugs; keyword
arguments override any field. ``variant_record`` and ``editorjs`` help with the nested parts.

    product_record(name="Nước mắm Phú Quốc 40 độ đạm", stars=5, province="an-giang")
    product_record(variants=(variant_record(price=Decimal(95000), quantity_available=0),))
"""

from __future__ import annotations

import base64
import datetime
import itertools
import json
from dataclasses import replace
from decimal import Decimal
from typing import Any

from catalog_sync.catalogue.records import (
    CollectionRecord,
    Image,
    ProducerRecord,
    ProducerRef,
    ProductRecord,
    VariantRecord,
)
from catalog_sync.domain.text import match_key

_counter = itertools.count(1)
NOW = datetime.datetime(2026, 3, 2, 8, 30, tzinfo=datetime.UTC)


def _next() -> int:
    return next(_counter)


def saleor_id(kind: str, number: int) -> str:
    """A Saleor global id, as the API writes them: base64 of "Type:pk"."""
    return base64.b64encode(f"{kind}:{number}".encode()).decode()


def slugify(text: str) -> str:
    return match_key(text).replace(" ", "-")


def editorjs(*paragraphs: str) -> str:
    """Saleor's rich text: an EditorJS document with one paragraph block per text."""
    blocks = [{"id": f"b{i}", "type": "paragraph", "data": {"text": text}} for i, text in enumerate(paragraphs)]
    return json.dumps({"time": 1767225600000, "blocks": blocks, "version": "2.30.7"}, ensure_ascii=False)


def variant_record(**overrides: Any) -> VariantRecord:
    number = _next()
    fields: dict[str, Any] = {
        "id": saleor_id("ProductVariant", number),
        "name": "Chai 500 ml",
        "sku": f"OCOP-{number:06d}",
        "price": Decimal(125_000),
        "currency": "VND",
        "quantity_available": 40,
        "name_en": "500 ml bottle",
    }
    fields.update(overrides)
    return VariantRecord(**fields)


def producer_ref(record: ProducerRecord) -> ProducerRef:
    return ProducerRef(id=record.id, slug=record.slug, title=record.title)


def product_record(**overrides: Any) -> ProductRecord:
    """A 5★ Phú Quốc fish sauce unless told otherwise; name-derived slug and unique ids."""
    number = _next()
    name = overrides.get("name", "Nước mắm Phú Quốc Khải Hoàn 40 độ đạm")
    producer_title = overrides.pop("producer_title", "Công ty Cổ phần thương mại Khải Hoàn")
    fields: dict[str, Any] = {
        "id": saleor_id("Product", number),
        "slug": f"{slugify(name)}-{number}",
        "name": name,
        "group": "thuc-pham",
        "product_set": "tuong-nuoc-mam-gia-vi-long",
        "certificate_id": f"AG-2024-{number:04d}",
        "stars": 5,
        "valid_until": datetime.date(2027, 11, 12),
        "province": "an-giang",
        "province_at_certification": "Kiên Giang",
        "producer": ProducerRef(
            id=saleor_id("Page", 10_000 + number), slug=slugify(producer_title), title=producer_title
        ),
        "variants": (
            variant_record(name="Chai 500 ml", price=Decimal(125_000), quantity_available=40),
            variant_record(name="Chai 1 lít", name_en="1 litre bottle", price=Decimal(230_000), quantity_available=12),
        ),
        "created": NOW - datetime.timedelta(days=30),
        "updated_at": NOW,
        "name_en": "Khai Hoan Phu Quoc fish sauce, 40° protein",
        "description": editorjs(
            "Nước mắm truyền thống ủ chượp từ cá cơm than trong thùng gỗ bời lời 12 tháng.",
            "Đạm cao, vị ngọt hậu, không chất bảo quản.",
        ),
        "description_en": editorjs("Traditional fish sauce from anchovies aged 12 months in wooden barrels."),
        "seo_description": "Nước mắm Phú Quốc OCOP 5 sao",
        "thumbnail": Image(url=f"https://media.ocop.test/products/{number}/thumb.webp", alt=name,
                           width=400, height=400),
        "images": (
            Image(url=f"https://media.ocop.test/products/{number}/1.webp", alt=name, width=1200, height=1200),
        ),
        "product_type": "ocop-product",
    }
    fields.update(overrides)
    return ProductRecord(**fields)


def producer_record(**overrides: Any) -> ProducerRecord:
    number = _next()
    title = overrides.get("title", "Hợp tác xã Chè Tân Cương Hoàng Bình")
    fields: dict[str, Any] = {
        "id": saleor_id("Page", number),
        "slug": f"{slugify(title)}-{number}",
        "title": title,
        "updated_at": NOW,
        "content": editorjs(
            "Hợp tác xã thành lập năm 2010 tại xã Phúc Xuân, trồng chè trên 30 ha theo tiêu chuẩn VietGAP.",
        ),
        "content_en": editorjs("A cooperative founded in 2010 growing tea on 30 ha to VietGAP standards."),
        "title_en": "Hoang Binh Tan Cuong Tea Cooperative",
        "province": "thai-nguyen",
        "seo_description": "Chè Tân Cương OCOP 4 sao",
        "is_published": True,
    }
    fields.update(overrides)
    return ProducerRecord(**fields)


def collection_record(**overrides: Any) -> CollectionRecord:
    number = _next()
    name = overrides.get("name", "Đặc sản Tết 2026")
    fields: dict[str, Any] = {
        "id": saleor_id("Collection", number),
        "slug": f"{slugify(name)}-{number}",
        "name": name,
        "product_ids": (),
        "updated_at": NOW,
        "name_en": "Tet 2026 specialities",
        "description": editorjs("Những sản phẩm OCOP được chọn cho mâm cỗ ngày Tết."),
        "description_en": editorjs("OCOP products chosen for the Tet table."),
        "background": Image(url=f"https://media.ocop.test/collections/{number}.webp", alt=name,
                            width=1600, height=600),
    }
    fields.update(overrides)
    return CollectionRecord(**fields)


def later(record: Any, *, seconds: int = 60, **changes: Any) -> Any:
    """The same record as Saleor would send it after an edit: ``updated_at`` moved on."""
    return replace(record, updated_at=record.updated_at + datetime.timedelta(seconds=seconds), **changes)


# Real OCOP products (name, producer, province slug, group, set, stars, price in VND), for
# catalogues of many products; see ../shared/data/ocop-certified-products.csv for more.
SAMPLES: tuple[tuple[str, str, str, str, str | None, int, int], ...] = (
    ("Mật hoa dừa", "Công ty TNHH Trà Vinh FARM", "vinh-long", "thuc-pham", "mat-ong-nong-san-khac", 5, 85_000),
    ("Nước mắm Phú Quốc Khải Hoàn 40 độ đạm", "Công ty Cổ phần thương mại Khải Hoàn", "an-giang",
     "thuc-pham", "tuong-nuoc-mam-gia-vi-long", 5, 125_000),
    ("Chè Tân Cương Hoàng Bình", "Hợp tác xã Chè Tân Cương Hoàng Bình", "thai-nguyen", "thuc-pham",
     "che-tuoi-che-bien", 4, 260_000),
    ("Cà phê Arabica Cầu Đất", "Công ty TNHH Cà phê Cầu Đất Đà Lạt", "lam-dong", "thuc-pham",
     "ca-phe-ca-cao", 4, 180_000),
    ("Rượu cần Lâm Đồng", "Hợp tác xã Rượu cần Đạ Tẻh", "lam-dong", "do-uong", "do-uong-co-con-khac", 3, 150_000),
    ("Mật ong bạc hà Mèo Vạc", "Hợp tác xã Ong mật Mèo Vạc", "tuyen-quang", "thuc-pham",
     "mat-ong-nong-san-khac", 5, 450_000),
    ("Gạo ST25 Ông Cua", "Doanh nghiệp tư nhân Hồ Quang Trí", "can-tho", "thuc-pham",
     "gao-ngu-coc-hat-so-che", 5, 45_000),
    ("Nón lá Huế", "Hợp tác xã Nón lá Phú Hồ", "hue", "thu-cong-my-nghe", None, 4, 120_000),
    ("Sâm Ngọc Linh", "Công ty Cổ phần Sâm Ngọc Linh Quảng Nam", "da-nang", "duoc-lieu", None, 5, 2_500_000),
    ("Nước khoáng Kênh Gà", "Công ty Cổ phần Nước khoáng Kênh Gà", "ninh-binh", "do-uong",
     "nuoc-khoang-nuoc-uong-dong-chai", 4, 9_000),
    ("Bánh tráng Mỹ Lồng", "Cơ sở Bánh tráng Út Hương", "vinh-long", "thuc-pham", "che-bien-tu-gao-ngu-coc", 3, 35_000),
    ("Khô cá lóc Đồng Tháp", "Hợp tác xã Thủy sản Tân Hồng", "dong-thap", "thuc-pham",
     "che-bien-tu-thit-trung-sua-thuy-san", 4, 320_000),
)


def sample_product(index: int, **overrides: Any) -> ProductRecord:
    """The ``index``-th product of a large catalogue made from ``SAMPLES`` (names varied by index)."""
    name, producer, province, group, product_set, stars, price = SAMPLES[index % len(SAMPLES)]
    batch = index // len(SAMPLES)
    if batch:
        name = f"{name} loại {batch}"
    fields: dict[str, Any] = {
        "name": name,
        "producer_title": f"{producer} {batch // 5}" if batch >= 5 else producer,
        "province": province,
        "group": group,
        "product_set": product_set,
        "stars": stars - (index // 7) % 2 if stars > 3 else stars,
        "name_en": None,
        "description": editorjs(f"{name}: sản phẩm OCOP {stars} sao của {producer}."),
        "description_en": None,
        "seo_description": None,
        "created": NOW - datetime.timedelta(minutes=index),
        "variants": (
            variant_record(price=Decimal(price + (index % 10) * 1000), quantity_available=(index % 5) * 7),
        ),
    }
    fields.update(overrides)
    return product_record(**fields)
