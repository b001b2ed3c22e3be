"""The embedded search backend: the read model's own PostgreSQL tables, no extra service.

- Folding happens once, in Python (``domain.text.match_key``: diacritics and đ/Đ → d), for the
  stored search columns and for the query alike; PostgreSQL's ``simple`` configuration only
  splits words, so "da lat" and "Đà Lạt" meet as ``da lat``.
- The query is read as terms (``base.query_terms``); a product matches when every term matches
  a word of its texts as a prefix (``word:*``), as one of its other spellings, or as one of its
  typo neighbours among the catalogue's words (``vocabulary``: one edit from three letters, two
  from eight, Damerau's edits).
- Ranking: the whole name equal to the query first; then per term, a whole word of the name
  above a prefix of it above a typo, the name above the producer above the description.
- Facets: one pass over the products matching the text (``GROUPING SETS``), each facet counted
  with every other filter applied (disjunctive facets).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from itertools import combinations
from typing import Any

from django.db import connection
from django.db.models import Case, Count, Exists, F, IntegerField, OuterRef, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Length

from .. import cache, models, rows
from ..records import FacetValue, ProductRecord, SearchQuery, SearchResult, Suggestion
from . import vocabulary as words
from .base import (
    FACETS,
    Term,
    ordered_facet,
    page_bounds,
    query_terms,
    query_words,
    terms_phrase,
    typo_terms_allowed,
)

_PRODUCT = models.Product._meta.db_table
_WORDS = models.SearchWord._meta.db_table

# Score of one query word by where and how it matched (weights A name, B producer, C text).
# (vector, whole word, prefix, typo); a word found in neither scores 1: it is in the description.
_WORD_SCORES = (("name_document", 8, 6, 4), ("producer_document", 3, 3, 2))
_IN_TEXT = 1
_EXACT_NAME = 1000
_SCORE = F("score").desc()
_MAX_NEIGHBOURS = 40  # typo neighbours read per term, the closest first


def _lexeme(word: str, *, prefix: bool = False, weights: str = "") -> str:
    # Words come from query_words(): only \w characters, never a quote.
    suffix = ("*" if prefix else "") + weights
    return f"'{word}'" + (f":{suffix}" if suffix else "")


class _Text:
    """A text query: its terms, their typo neighbours, and the SQL both search and suggest use."""

    def __init__(self, text: str) -> None:
        vocabulary = words.current()
        self.terms = query_terms(text, vocabulary)
        self.phrase = terms_phrase(self.terms)
        # the catalogue words each term may be a typo of (not the word nor its other spellings)
        self.typos = [
            [n for n in vocabulary.neighbours(t.word, t.edits) if n not in t.spellings][:_MAX_NEIGHBOURS]
            for t in self.terms
        ]

    def clauses(self) -> list[str]:
        """The text queries a matching product answers one of: every term as a word, a spelling or a
        prefix; or up to ``typo_terms_allowed`` terms by a typo alone and the others so.

        Each clause keeps the exact terms as required words, so the index reads their (short) lists
        and checks the typo words only there; the clauses are OR-ed by the database (a BitmapOr).
        """
        exact = ["(" + self._exact(term) + ")" for term in self.terms]
        typo = ["(" + " | ".join(_lexeme(w) for w in typos) + ")" for typos in self.typos]
        with_typos = [i for i, typos in enumerate(self.typos) if typos]
        clauses = [" & ".join(exact)]
        for size in range(1, min(typo_terms_allowed(self.terms), len(with_typos)) + 1):
            for chosen in combinations(with_typos, size):
                clauses.append(" & ".join(typo[i] if i in chosen else exact[i] for i in range(len(self.terms))))
        return clauses

    def matching(self, queryset: QuerySet[models.Product]) -> QuerySet[models.Product]:
        """The products matching every term, each with its ``score``."""
        score: Any = Case(
            When(Q(name_key=self.phrase) | Q(name_en_key=self.phrase), then=Value(_EXACT_NAME)),
            default=Value(0),
            output_field=IntegerField(),
        )
        for term, typos in zip(self.terms, self.typos, strict=True):
            whole_words = " | ".join(_lexeme(w) for w in (term.word, *term.spellings))
            whens: list[Any] = []
            for vector, whole, prefix, typo in _WORD_SCORES:
                if whole != prefix or not term.prefix:
                    whens.append(When(_hits(whole_words, vector), then=Value(whole)))
                if term.prefix:  # (a whole word is a prefix too: where both score the same, one test)
                    whens.append(When(_hits(self._exact(term), vector), then=Value(prefix)))
                if typos:
                    whens.append(When(_hits(" | ".join(_lexeme(n) for n in typos), vector), then=Value(typo)))
            score = score + Case(*whens, default=Value(_IN_TEXT), output_field=IntegerField())
        found = Q()
        for clause in self.clauses():
            found |= _hits(clause)
        return queryset.filter(found).annotate(score=score)

    @staticmethod
    def _exact(term: Term) -> str:
        return " | ".join([_lexeme(term.word, prefix=term.prefix), *(_lexeme(w) for w in term.spellings)])


def _hits(tsquery: str, vector: str = "document") -> Q:
    sql = f"{vector} @@ to_tsquery('simple', %s)"  # the vector is one of the model's columns
    return Q(RawSQL(sql, [tsquery], output_field=models.models.BooleanField()))  # noqa: S611  (a parameter)


def _base(query: SearchQuery, text: _Text | None) -> QuerySet[models.Product]:
    """Products matching the parts of the query that are not facets: text, producer, showcase."""
    queryset = models.Product.objects.all()
    if text is not None:
        queryset = text.matching(queryset)
    if query.producer_id:
        queryset = queryset.filter(producer_id=query.producer_id)
    if query.collection_id:
        members = models.CollectionProduct.objects.filter(collection_id=query.collection_id, product_id=OuterRef("pk"))
        queryset = queryset.filter(Exists(members))
    return queryset


def _facet_filters(query: SearchQuery) -> dict[str, tuple[str, list[Any]]]:
    """Each facet's own filter as SQL over the grouped facet columns ("TRUE" when not filtered).

    The price filter is not among them: it is counted inside the grouping (``_facets``).
    """
    return {
        "stars": ("stars = ANY(%s)", [list(query.stars)]) if query.stars else ("TRUE", []),
        "group": ("group_slug = ANY(%s)", [list(query.groups)]) if query.groups else ("TRUE", []),
        "set": ("set_slug = ANY(%s)", [list(query.sets)]) if query.sets else ("TRUE", []),
        "province": ("province_slug = ANY(%s)", [list(query.provinces)]) if query.provinces else ("TRUE", []),
        "in_stock": ("in_stock", []) if query.in_stock else ("TRUE", []),
    }


def _filtered(queryset: QuerySet[models.Product], query: SearchQuery) -> QuerySet[models.Product]:
    if query.stars:
        queryset = queryset.filter(stars__in=query.stars)
    if query.groups:
        queryset = queryset.filter(group_slug__in=query.groups)
    if query.sets:
        queryset = queryset.filter(set_slug__in=query.sets)
    if query.provinces:
        queryset = queryset.filter(province_slug__in=query.provinces)
    if query.price_min is not None:
        queryset = queryset.filter(price_min__gte=query.price_min)
    if query.price_max is not None:
        queryset = queryset.filter(price_min__lte=query.price_max)
    if query.in_stock:
        queryset = queryset.filter(in_stock=True)
    return queryset


_FACET_COLUMNS = {
    "stars": "stars",
    "group": "group_slug",
    "set": "set_slug",
    "province": "province_slug",
    "price_band": "price_band",
    "in_stock": "in_stock",
}


def _price_filter(query: SearchQuery) -> Q | None:
    bounds = Q()
    if query.price_min is not None:
        bounds &= Q(price_min__gte=query.price_min)
    if query.price_max is not None:
        bounds &= Q(price_min__lte=query.price_max)
    return bounds if bounds else None


def _facets(base: QuerySet[models.Product], query: SearchQuery) -> tuple[int, dict[str, tuple[FacetValue, ...]]]:
    """(total, facets) in one query.

    Inside, the matching products are grouped by all six facet columns at once (one pass, a few
    hundred groups), counting each group with and without the price filter, the only filter on a
    column that is not a facet column. Outside, ``GROUPING SETS`` sums those groups per facet,
    each facet with every other filter applied.
    """
    columns = list(_FACET_COLUMNS.values())
    price = _price_filter(query)
    counted = base.order_by().values(*columns).annotate(
        # (count(price_min) reads the covering index only; a product without a price has no band)
        n=Count("*"), n_price=Count("price_min", filter=price) if price is not None else Count("*")
    )
    inner_sql, inner_params = counted.query.sql_with_params()
    filters = _facet_filters(query)
    counts: list[str] = []
    params: list[Any] = []
    for facet in (*FACETS, None):  # None: the total, with every filter
        others = [filters[other] for other in FACETS if other != facet and other != "price_band"]
        column = "n" if facet == "price_band" else "n_price"
        counts.append(f"sum({column}) FILTER (WHERE " + " AND ".join(sql for sql, _ in others) + ")")
        params.extend(p for _, ps in others for p in ps)
    # Column names are the model's; every value is a parameter.
    sql = (
        f"SELECT {', '.join(columns)}, {', '.join(f'GROUPING({c})' for c in columns)}, {', '.join(counts)} "  # noqa: S608
        f"FROM ({inner_sql}) AS base "
        f"GROUP BY GROUPING SETS ({', '.join(f'({c})' for c in columns)}, ())"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *inner_params])
        result = cursor.fetchall()
    n = len(columns)
    total = 0
    values: dict[str, list[FacetValue]] = {facet: [] for facet in FACETS}
    for row in result:
        grouped = [i for i in range(n) if row[n + i] == 0]
        if not grouped:
            total = int(row[3 * n] or 0)
            continue
        i = grouped[0]
        value, count = row[i], int(row[2 * n + i] or 0)
        if value is None or count == 0 or value is False:
            continue
        values[FACETS[i]].append(FacetValue(value="1" if value is True else str(value), count=count))
    return total, {facet: ordered_facet(facet, found) for facet, found in values.items()}



def _order(queryset: QuerySet[models.Product], query: SearchQuery, has_text: bool) -> QuerySet[models.Product]:
    if query.sort == "newest":
        return queryset.order_by("-created", "id")
    if query.sort == "price":
        return queryset.order_by(F("price_min").asc(nulls_last=True), "id")
    if query.sort == "-price":
        return queryset.order_by(F("price_min").desc(nulls_last=True), "id")
    if query.sort == "stars":
        return queryset.order_by("-stars", *([_SCORE] if has_text else []), "-created", "id")
    if has_text:
        return queryset.order_by(_SCORE, "-stars", Length("name_key"), "-created", "id")
    return queryset.order_by("-stars", "-created", "id")


# Read with each product row: its variants (one query per page), without the search columns.
_VARIANTS = RawSQL(  # noqa: S611  (no value from outside)
    f"""(SELECT coalesce(json_agg(json_build_object(
            'id', v.id, 'position', v.position, 'name', v.name, 'name_en', v.name_en, 'sku', v.sku,
            'price', v.price::text, 'currency', v.currency, 'quantity_available', v.quantity_available)
          ORDER BY v.position), '[]') FROM {models.Variant._meta.db_table} v
        WHERE v.product_id = {_PRODUCT}.id)::text""",  # noqa: S608  (table names from the models)
    [],
    output_field=models.models.JSONField(),
)
_NOT_SHOWN = ("search_name", "search_producer", "search_text", "document", "name_document", "producer_document")


def _variant(product_id: str, data: dict[str, Any]) -> models.Variant:
    return models.Variant(product_id=product_id, **{**data, "price": Decimal(data["price"])})


def _records(products: Sequence[models.Product]) -> tuple[ProductRecord, ...]:
    return tuple(
        rows.product_record(p, [_variant(p.id, v) for v in p.variant_rows])  # type: ignore[attr-defined]
        for p in products
    )


class EmbeddedBackend:
    name = "embedded"

    def search(self, query: SearchQuery) -> SearchResult:
        offset, limit = page_bounds(query)
        text = _Text(query.text) if query_words(query.text) else None
        base = _base(query, text)
        # Counting facets reads every matching product: kept per catalogue version (catalogue.cache).
        facet_query = replace(query, page=1, per_page=0, sort="relevance")
        total, facets = cache.cached(("facets", facet_query), lambda: _facets(base, query))
        page: list[models.Product] = []
        if offset < total:
            ordered = _order(_filtered(base, query), query, text is not None)
            page = list(ordered.defer(*_NOT_SHOWN).annotate(variant_rows=_VARIANTS)[offset : offset + limit])
        return SearchResult(
            total=total, products=_records(page), facets=facets, page=max(query.page, 1), per_page=limit
        )

    def suggest(self, text: str, *, language: str = "vi", limit: int = 8) -> list[Suggestion]:
        if not query_words(text):
            return []
        parsed = _Text(text)
        found = (
            parsed.matching(models.Product.objects.all())
            .order_by(_SCORE, "-stars", Length("name_key"), "id")
            .values_list("name", "name_en", "slug")[: max(1, min(limit, 20))]
        )
        return [
            Suggestion(text=(name_en or name) if language == "en" else name, url_slug=slug)
            for name, name_en, slug in found
        ]

    # --- indexing hooks: the product rows carry their own search vector; only words are kept here

    def index_products(self, records: list[ProductRecord]) -> None:
        words.collect([r.id for r in records])

    def remove_products(self, product_ids: list[str]) -> None:
        """Nothing to do: search reads the product rows, so a removed product is gone at once."""

    def rebuild_index(self) -> None:
        words.rebuild()
