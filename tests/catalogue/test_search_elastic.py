"""The Elasticsearch backend: its index and request bodies here; its behaviour on a live cluster.

Elasticsearch does not run on the CI machines: the index settings, mappings and query bodies
are checked through elasticsearch-dsl's ``to_dict()``. With ``ELASTICSEARCH_URL`` set, the
whole behaviour suite (search_behaviours.py) runs against that cluster too.
"""

from __future__ import annotations

import os
from decimal import Decimal

import pytest

from catalog_sync.catalogue.records import SearchQuery
from catalog_sync.catalogue.search.elastic import build_search
from catalog_sync.catalogue.search.elastic_index import ALIAS, index_body, new_index
from tests.catalogue.search_behaviours import *  # noqa: F403  (the shared behaviour suite)
from tests.catalogue.search_behaviours import SearchSetup

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL")


def _walk(node, key):
    """Every value under ``key`` anywhere in a request body."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k == key:
                yield v
            yield from _walk(v, key)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item, key)


# --- the index -------------------------------------------------------------------------------------


def test_the_analyzer_folds_diacritics_and_d_with_stroke():
    analysis = index_body()["settings"]["analysis"]
    assert analysis["char_filter"]["vi_dd"] == {"type": "mapping", "mappings": ["đ => d", "Đ => D"]}
    assert analysis["analyzer"]["vi_folded"] == {
        "type": "custom",
        "tokenizer": "standard",
        "char_filter": ["vi_dd"],
        "filter": ["lowercase", "asciifolding"],
    }
    assert analysis["analyzer"]["vi_prefix"]["filter"] == ["lowercase", "asciifolding", "vi_edge"]
    assert analysis["filter"]["vi_edge"] == {"type": "edge_ngram", "min_gram": 1, "max_gram": 20}


def test_searched_texts_have_folded_words_and_folded_prefixes():
    properties = index_body()["mappings"]["properties"]
    for field in ("name", "producer", "text"):
        assert properties[field] == {
            "type": "text",
            "analyzer": "vi_folded",
            "fields": {"prefix": {"type": "text", "analyzer": "vi_prefix", "search_analyzer": "vi_folded"}},
        }
    for field in ("group", "set", "province", "price_band", "producer_id", "name_key", "product_id"):
        assert properties[field] == {"type": "keyword"}
    assert properties["stars"] == {"type": "integer"}
    assert properties["in_stock"] == {"type": "boolean"}


def test_each_rebuild_gets_its_own_index_behind_the_alias():
    first, second = new_index(), new_index()
    assert first._name.startswith(f"{ALIAS}-") and second._name.startswith(f"{ALIAS}-")
    assert first._name != second._name


# --- the requests -----------------------------------------------------------------------------------


def test_the_query_words_are_folded_before_they_are_sent():
    body = build_search(SearchQuery(text="Đà Lạt")).to_dict()
    words = {clause["query"] for clause in _walk(body["query"], "name")}
    assert words == {"da", "lat"}
    assert list(_walk(body, "name_key")) == ["da lat"]


def test_only_words_of_five_letters_or_more_tolerate_one_typo():
    body = build_search(SearchQuery(text="cau dat arabica")).to_dict()
    fuzzy = [m for m in _walk(body, "match") for v in m.values() if isinstance(v, dict) and "fuzziness" in v]
    assert {next(iter(m.values()))["query"] for m in fuzzy} == {"arabica"}
    assert {next(iter(m.values()))["fuzziness"] for m in fuzzy} == {1}
    assert {next(iter(m)) for m in fuzzy} == {"name", "producer", "text"}


def test_an_exact_name_outranks_a_whole_word_a_prefix_and_a_typo_and_the_name_outranks_the_rest():
    body = build_search(SearchQuery(text="arabica")).to_dict()
    must = body["query"]["bool"]["must"][0]["bool"]
    assert must["should"][0]["constant_score"]["boost"] == 1000
    scores = {}
    for option in must["must"][0]["dis_max"]["queries"]:
        match = option["constant_score"]["filter"]["match"]
        field, spec = next(iter(match.items()))
        kind = "typo" if "fuzziness" in spec else ("prefix" if field.endswith(".prefix") else "word")
        scores[(field.removesuffix(".prefix"), kind)] = option["constant_score"]["boost"]
    assert scores[("name", "word")] > scores[("name", "prefix")] > scores[("name", "typo")]
    assert scores[("name", "typo")] > scores[("producer", "word")] > scores[("text", "word")]


def test_each_facet_is_counted_with_every_other_filter_and_the_hits_with_all_of_them():
    query = SearchQuery(stars=(4, 5), provinces=("lam-dong",), in_stock=True, price_max=Decimal(200_000))
    body = build_search(query).to_dict()
    everything = body["post_filter"]["bool"]["filter"]
    assert len(everything) == 4
    for facet, own in (
        ("stars", {"terms": {"stars": [4, 5]}}),
        ("province", {"terms": {"province": ["lam-dong"]}}),
        ("in_stock", {"term": {"in_stock": True}}),
        ("price_band", {"range": {"price_min": {"lte": 200000.0}}}),
    ):
        applied = body["aggs"][facet]["filter"]["bool"]["filter"]
        assert own not in applied
        assert sorted(map(str, applied)) == sorted(str(f) for f in everything if f != own)
    assert body["aggs"]["group"]["filter"]["bool"]["filter"] == everything
    assert body["aggs"]["set"]["aggs"]["values"] == {"terms": {"field": "set", "size": 100}}


def test_sorts_and_pages():
    def body(**kw):
        return build_search(SearchQuery(**kw)).to_dict()

    assert body(sort="price")["sort"][0] == {"price_min": {"order": "asc", "missing": "_last"}}
    assert body(sort="-price")["sort"][0] == {"price_min": {"order": "desc", "missing": "_last"}}
    assert body(sort="newest")["sort"][0] == {"created": "desc"}
    assert body(sort="stars")["sort"][0] == {"stars": "desc"}
    assert body(text="mat ong")["sort"][0] == "_score"
    assert body()["sort"][0] == {"stars": "desc"}
    paged = body(page=3, per_page=24)
    assert (paged["from"], paged["size"], paged["track_total_hits"]) == (48, 24, True)


def test_a_showcase_and_a_producer_narrow_the_query_itself_not_the_facets_alone():
    body = build_search(
        SearchQuery(collection_id="Q29sbGVjdGlvbjox", producer_id="UGFnZTo3"), collection_products=["a", "b"]
    ).to_dict()
    assert body["query"]["bool"]["must"] == [{"term": {"producer_id": "UGFnZTo3"}}, {"ids": {"values": ["a", "b"]}}]


# --- the behaviour suite on a live cluster ------------------------------------------------------------


@pytest.fixture
def live_cluster() -> str:
    if not ELASTICSEARCH_URL:
        pytest.skip("ELASTICSEARCH_URL is not set: the live Elasticsearch suite needs a cluster")
    return ELASTICSEARCH_URL


@pytest.fixture
def searcher(live_cluster, transactional_db, settings):
    from catalog_sync.catalogue.search import get_backend

    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = live_cluster
    backend = get_backend()
    client = backend.client
    client.indices.delete(index=f"{ALIAS}-*", ignore_unavailable=True)
    backend._ready = False
    yield SearchSetup(backend=backend, refresh=lambda: client.indices.refresh(index=ALIAS))
    client.indices.delete(index=f"{ALIAS}-*", ignore_unavailable=True)
