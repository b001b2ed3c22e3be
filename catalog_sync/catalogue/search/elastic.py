"""The Elasticsearch 8 search backend (``SEARCH_BACKEND=elasticsearch``, ``ELASTICSEARCH_URL``).

Same intent as the embedded backend: the query read as the same terms (``base.query_terms``),
every term must match, scored by the best way it matched (a whole word of the name or another
spelling of it 8, a prefix 6, a typo 4; producer 3/3/2; description 1),
an exact name adds 1000; facets are ``filter`` aggregations carrying every other filter, the
hits are narrowed by ``post_filter``. Results are read back from the read model by id, so a
page shows exactly the records the other pages show.

Index writes happen after the store's transaction commits; a rebuild fills a new index and
swaps the alias in one call, then drops the old indexes.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from elasticsearch import Elasticsearch
from elasticsearch.helpers import bulk
from elasticsearch_dsl import A, Q, Search

from .. import models, rows, store
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
from .elastic_index import ALIAS, new_index, product_document
from .vocabulary import Vocabulary

# field -> (whole word, prefix, typo) scores; the same as the embedded backend's.
_FIELD_SCORES = (("name", 8, 6, 4), ("producer", 3, 3, 2), ("text", 1, 1, 1))
_EXACT_NAME = 1000
_FACET_FIELDS = {
    "stars": "stars",
    "group": "group",
    "set": "set",
    "province": "province",
    "price_band": "price_band",
    "in_stock": "in_stock",
}
_BULK_CHUNK = 1000
log = logging.getLogger(__name__)


def _scored(query: Any, score: int) -> Any:
    return Q("constant_score", filter=query, boost=score)


def term_query(term: Term) -> Any:
    """The best of the ways one query term matches a product (a ``dis_max`` of constant scores).

    The typo clause is Elasticsearch's own fuzzy match with the edits allowed for the term's length
    (``base.allowed_edits``: none below three letters, one from three, two from eight), swapped
    letters counting as one edit (``fuzzy_transpositions``).
    """
    options = []
    for field, whole, prefix, typo in _FIELD_SCORES:
        for word in (term.word, *term.spellings):
            options.append(_scored(Q("match", **{field: {"query": word}}), whole))
        if term.prefix:
            options.append(_scored(Q("match", **{f"{field}.prefix": {"query": term.word}}), prefix))
        if term.edits and field != "text":  # a typo is read in the name and the producer, never the description
            fuzzy = Q("match", **{field: {"query": term.word, "fuzziness": term.edits, "prefix_length": 0,
                                          "fuzzy_transpositions": True, "max_expansions": 50}})
            options.append(_scored(fuzzy, typo))
    return Q("dis_max", queries=options, tie_breaker=0)


def text_query(text: str, vocabulary: Vocabulary | None = None) -> Any | None:
    """Every term must match; an exact name adds 1000. ``vocabulary``: the catalogue's words (read when None)."""
    if not query_words(text):
        return None
    terms = query_terms(text, words.current() if vocabulary is None else vocabulary)
    phrase = terms_phrase(terms)
    exact = Q("term", name_key=phrase) | Q("term", name_en_key=phrase)
    must = [term_query(t) for t in terms]
    allowed = typo_terms_allowed(terms)
    if allowed < len(terms) and any(t.edits for t in terms):
        # at most ``allowed`` terms matched by a typo alone: the others as words, spellings or prefixes
        words_matched = Q("bool", should=[exact_term_query(t) for t in terms],
                          minimum_should_match=len(terms) - allowed)
        return Q("bool", must=must, filter=[words_matched], should=[_scored(exact, _EXACT_NAME)])
    return Q("bool", must=must, should=[_scored(exact, _EXACT_NAME)])


def exact_term_query(term: Term) -> Any:
    """The term as a whole word, a prefix or another spelling, in any searched field (no typo)."""
    options: list[Any] = []
    for field, *_ in _FIELD_SCORES:
        options.extend(Q("match", **{field: {"query": word}}) for word in (term.word, *term.spellings))
        if term.prefix:
            options.append(Q("match", **{f"{field}.prefix": {"query": term.word}}))
    return Q("bool", should=options, minimum_should_match=1)


def _facet_filters(query: SearchQuery) -> dict[str, Any]:
    filters: dict[str, Any] = {}
    if query.stars:
        filters["stars"] = Q("terms", stars=list(query.stars))
    if query.groups:
        filters["group"] = Q("terms", group=list(query.groups))
    if query.sets:
        filters["set"] = Q("terms", set=list(query.sets))
    if query.provinces:
        filters["province"] = Q("terms", province=list(query.provinces))
    bounds = {}
    if query.price_min is not None:
        bounds["gte"] = float(query.price_min)
    if query.price_max is not None:
        bounds["lte"] = float(query.price_max)
    if bounds:
        filters["price_band"] = Q("range", price_min=bounds)
    if query.in_stock:
        filters["in_stock"] = Q("term", in_stock=True)
    return filters


def _all_of(filters: list[Any]) -> Any:
    return Q("bool", filter=filters) if filters else Q("match_all")


_SORTS: dict[str, list[Any]] = {
    "newest": [{"created": "desc"}, {"product_id": "asc"}],
    "price": [{"price_min": {"order": "asc", "missing": "_last"}}, {"product_id": "asc"}],
    "-price": [{"price_min": {"order": "desc", "missing": "_last"}}, {"product_id": "asc"}],
}


def _sort(query: SearchQuery, has_text: bool) -> list[Any]:
    if query.sort == "stars":
        return [{"stars": "desc"}, "_score", {"created": "desc"}, {"product_id": "asc"}]
    if query.sort in _SORTS:
        return _SORTS[query.sort]
    if has_text:
        return ["_score", {"stars": "desc"}, {"name_length": "asc"}, {"created": "desc"}, {"product_id": "asc"}]
    return [{"stars": "desc"}, {"created": "desc"}, {"product_id": "asc"}]


def build_search(query: SearchQuery, *, collection_products: list[str] | None = None,
                 vocabulary: Vocabulary | None = None) -> Search:
    """The whole request for one catalogue or search page (``.to_dict()`` is its body)."""
    offset, limit = page_bounds(query)
    text = text_query(query.text, vocabulary)
    base: list[Any] = [text] if text is not None else []
    if query.producer_id:
        base.append(Q("term", producer_id=query.producer_id))
    if query.collection_id is not None:
        base.append(Q("ids", values=collection_products or []))
    search = Search(index=ALIAS).query(Q("bool", must=base) if base else Q("match_all"))
    filters = _facet_filters(query)
    for facet in FACETS:
        others = [f for name, f in filters.items() if name != facet]
        terms = A("terms", field=_FACET_FIELDS[facet], size=100)
        search.aggs.bucket(facet, A("filter", filter=_all_of(others))).bucket("values", terms)
    if filters:
        search = search.post_filter(_all_of(list(filters.values())))
    search = search.sort(*_sort(query, text is not None)).extra(
        from_=offset, size=limit, track_total_hits=True, _source=False
    )
    return search


def _facet_values(facet: str, buckets: list[dict[str, Any]]) -> tuple[FacetValue, ...]:
    """A terms aggregation's buckets as facet values (booleans come as 1/0 with "true"/"false")."""
    values = []
    for bucket in buckets:
        key = bucket.get("key_as_string", bucket["key"]) if facet == "in_stock" else bucket["key"]
        if facet == "in_stock":
            if key not in (True, 1, "true"):
                continue
            key = "1"
        if bucket["doc_count"]:
            values.append(FacetValue(value=str(key), count=bucket["doc_count"]))
    return ordered_facet(facet, values)


class ElasticsearchBackend:
    name = "elasticsearch"

    def __init__(self, client: Elasticsearch | None = None) -> None:
        url = getattr(settings, "ELASTICSEARCH_URL", None)
        if client is None and not url:
            raise ImproperlyConfigured("SEARCH_BACKEND=elasticsearch needs ELASTICSEARCH_URL.")
        self.client = client or Elasticsearch(url, request_timeout=5, retry_on_timeout=True, max_retries=2)
        self._ready = False

    def search(self, query: SearchQuery) -> SearchResult:
        self.ensure_index()  # before the first reindex: an empty catalogue, not an error
        members = None
        if query.collection_id is not None:
            members = list(
                models.CollectionProduct.objects.filter(collection_id=query.collection_id).values_list(
                    "product_id", flat=True
                )
            )
        reply = build_search(query, collection_products=members).using(self.client).execute().to_dict()
        ids = [hit["_id"] for hit in reply["hits"]["hits"]]
        facets = {facet: _facet_values(facet, reply["aggregations"][facet]["values"]["buckets"]) for facet in FACETS}
        _, limit = page_bounds(query)
        return SearchResult(
            total=reply["hits"]["total"]["value"],
            products=tuple(store.products_by_ids(ids)),
            facets=facets,
            page=max(query.page, 1),
            per_page=limit,
        )

    def suggest(self, text: str, *, language: str = "vi", limit: int = 8) -> list[Suggestion]:
        found = text_query(text)
        if found is None:
            return []
        self.ensure_index()
        search = (
            Search(index=ALIAS)
            .query(found)
            .sort("_score", {"stars": "desc"}, {"name_length": "asc"}, {"product_id": "asc"})
            .extra(size=max(1, min(limit, 20)), _source=False)
        )
        ids = [hit["_id"] for hit in search.using(self.client).execute().to_dict()["hits"]["hits"]]
        return [
            Suggestion(text=(p.name_en or p.name) if language == "en" else p.name, url_slug=p.slug)
            for p in store.products_by_ids(ids)
        ]

    # --- indexing hooks (after the store's transaction commits) -----------------------------------

    def index_products(self, records: list[ProductRecord]) -> None:
        words.collect([r.id for r in records])  # the words typos are read against, in the read model
        documents = [product_document(r).to_dict(include_meta=True) for r in records]
        for document in documents:
            document["_index"] = ALIAS
        transaction.on_commit(lambda: self._bulk(documents))

    def remove_products(self, product_ids: list[str]) -> None:
        actions = [{"_op_type": "delete", "_index": ALIAS, "_id": i} for i in product_ids]
        transaction.on_commit(lambda: self._bulk(actions))

    def rebuild_index(self) -> None:
        words.rebuild()
        transaction.on_commit(self.reindex_from_read_model)

    def _bulk(self, actions: list[dict[str, Any]]) -> None:
        self.ensure_index()
        _, errors = bulk(self.client, actions, refresh="wait_for", raise_on_error=False)
        for error in errors if isinstance(errors, list) else []:
            if "delete" in error and error["delete"].get("status") == 404:
                continue  # already gone
            log.error("elasticsearch: a catalogue index write failed: %s", error)

    def ensure_index(self) -> None:
        """Before the first rebuild, an empty index behind the alias (never one Elasticsearch guesses)."""
        if self._ready or self._has_alias():
            self._ready = True
            return
        index = new_index()
        index.aliases(**{ALIAS: {}})
        index.create(using=self.client)
        self._ready = True

    def reindex_from_read_model(self) -> str:
        """Fill a new index from the read model, swap the alias to it, drop the old ones."""
        index = new_index()
        index.create(using=self.client)
        bulk(self.client, self._documents(index._name), chunk_size=_BULK_CHUNK)
        self.client.indices.refresh(index=index._name)
        old = list(self.client.indices.get_alias(name=ALIAS, ignore_unavailable=True)) if self._has_alias() else []
        swap = [{"remove": {"index": name, "alias": ALIAS}} for name in old]
        swap.append({"add": {"index": index._name, "alias": ALIAS}})
        self.client.indices.update_aliases(actions=swap)
        self._ready = True
        for name in old:
            self.client.indices.delete(index=name, ignore_unavailable=True)
        return index._name

    def _has_alias(self) -> bool:
        return bool(self.client.indices.exists_alias(name=ALIAS))

    @staticmethod
    def _documents(index_name: str) -> Iterator[dict[str, Any]]:
        products = models.Product.objects.prefetch_related("variants").order_by("id")
        for row in products.iterator(chunk_size=_BULK_CHUNK):
            document = product_document(rows.product_record(row, list(row.variants.all())))
            yield {**document.to_dict(include_meta=True), "_index": index_name}
