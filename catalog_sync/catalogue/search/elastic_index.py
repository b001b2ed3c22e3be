"""The Elasticsearch index of catalogue products: analyzers, mapping, documents.

Readers and writers use the alias (``ALIAS``); each rebuild creates a new concrete index
``<alias>-<timestamp>`` and moves the alias to it in one atomic ``update_aliases`` call.

Analysis: ``vi_folded`` folds Vietnamese the way ``domain.text.fold`` does — a char mapping
turns đ/Đ into d/D (``asciifolding`` leaves đ alone in some versions and never maps it to d
before lowercasing), then ``lowercase`` and ``asciifolding`` drop case and diacritics. The
``*.prefix`` subfields index edge n-grams of the folded words (word prefixes), searched with
``vi_folded`` so a query word is not itself cut into prefixes.
"""

from __future__ import annotations

import datetime
from typing import Any

from elasticsearch_dsl import (
    Boolean,
    Date,
    Document,
    Index,
    Integer,
    Keyword,
    ScaledFloat,
    Text,
    analyzer,
    char_filter,
    token_filter,
)

from catalog_sync.domain.text import match_key

from .. import rows
from ..records import ProductRecord

ALIAS = "ocop-products"

vi_dd = char_filter("vi_dd", type="mapping", mappings=["đ => d", "Đ => D"])
vi_edge = token_filter("vi_edge", type="edge_ngram", min_gram=1, max_gram=20)
vi_folded = analyzer("vi_folded", tokenizer="standard", char_filter=[vi_dd], filter=["lowercase", "asciifolding"])
vi_prefix = analyzer(
    "vi_prefix", tokenizer="standard", char_filter=[vi_dd], filter=["lowercase", "asciifolding", vi_edge]
)


def _searchable() -> Text:
    return Text(analyzer=vi_folded, fields={"prefix": Text(analyzer=vi_prefix, search_analyzer=vi_folded)})


class ProductDocument(Document):
    product_id = Keyword()
    slug = Keyword()
    name = _searchable()  # name and English name
    name_key = Keyword()  # the folded name alone (an exact match ranks first)
    name_en_key = Keyword()
    name_length = Integer()
    producer = _searchable()
    text = _searchable()  # description, set, group, province
    group = Keyword()
    set = Keyword()
    province = Keyword()
    producer_id = Keyword()
    stars = Integer()
    price_min = ScaledFloat(scaling_factor=1)
    price_band = Keyword()
    in_stock = Boolean()
    created = Date()

    class Index:
        name = ALIAS


def product_document(record: ProductRecord) -> ProductDocument:
    texts = rows.search_texts(record)
    name_key = match_key(record.name)
    return ProductDocument(
        meta={"id": record.id},
        product_id=record.id,
        slug=record.slug,
        name=texts["name"],
        name_key=name_key,
        name_en_key=match_key(record.name_en or ""),
        name_length=len(name_key),
        producer=texts["producer"],
        text=texts["text"],
        group=record.group,
        set=record.product_set,
        province=record.province,
        producer_id=record.producer.id if record.producer else None,
        stars=record.stars,
        price_min=float(record.price_min) if record.price_min is not None else None,
        price_band=rows.price_band(record.price_min),
        in_stock=record.in_stock,
        created=record.created,
    )


def new_index(*, now: datetime.datetime | None = None) -> Index:
    """A fresh concrete index for a rebuild, with the analysis settings and the mapping."""
    stamp = (now or datetime.datetime.now(datetime.UTC)).strftime("%Y%m%d%H%M%S%f")
    index = Index(f"{ALIAS}-{stamp}")
    index.settings(number_of_shards=1, number_of_replicas=0)
    index.document(ProductDocument)
    return index


def index_body() -> dict[str, Any]:
    """Settings and mappings as sent to Elasticsearch (what the tests check)."""
    return new_index().to_dict()
