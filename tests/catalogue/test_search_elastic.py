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
from catalog_sync.catalogue.search.vocabulary import Vocabulary
from tests.catalogue.search_behaviours import *  # noqa: F403  (the shared behaviour suite)
from tests.catalogue.search_behaviours import SearchSetup

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL")
# the catalogue's words, as the read model would give them (search reads them from SearchWord)
WORDS = Vocabulary([
    "ca", "phe", "arabica", "cau", "dat", "da", "lat", "mat", "ong", "nuoc", "mam", "phu", "quoc", "chocolate",
    "ben", "tre", "ky", "son",
])


def body_of(query: SearchQuery, **kw) -> dict:
    return build_search(query, vocabulary=WORDS, **kw).to_dict()


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
    body = body_of(SearchQuery(text="Đà Lạt"))
    words = {clause["query"] for clause in _walk(body["query"], "name")}
    assert words == {"da", "lat"}
    assert list(_walk(body, "name_key")) == ["da lat"]


def _fuzzy(body: dict) -> dict[str, set]:
    """query word -> {(field, fuzziness, transpositions)} of every fuzzy match in a request body."""
    found: dict[str, set] = {}
    for match in _walk(body, "match"):
        for field, spec in match.items():
            if isinstance(spec, dict) and "fuzziness" in spec:
                found.setdefault(spec["query"], set()).add((field, spec["fuzziness"], spec["fuzzy_transpositions"]))
    return found


def test_fuzziness_follows_the_word_length_none_under_three_one_from_three_two_from_eight():
    body = body_of(SearchQuery(text="ca phe cau dat arabica chocolate"))
    fuzzy = _fuzzy(body)
    # "ca": two letters, no typo; three to seven letters: one edit; eight or more: two
    assert set(fuzzy) == {"phe", "cau", "dat", "arabica", "chocolate"}
    assert fuzzy["phe"] == {("name", 1, True), ("producer", 1, True)}  # a swap is one edit
    assert fuzzy["arabica"] == {("name", 1, True), ("producer", 1, True)}
    assert fuzzy["chocolate"] == {("name", 2, True), ("producer", 2, True)}  # never in the description


def test_keystrokes_and_run_together_syllables_are_sent_as_the_words_they_stand_for():
    body = body_of(SearchQuery(text="nuowcs mawms"))
    assert list(_walk(body, "name_key")) == ["nuoc mam"]
    words = {clause["query"] for clause in _walk(body["query"], "name")}
    assert words == {"nuoc", "mam"}
    assert "name.prefix" not in str(body)  # a syllable typed to its end is not a prefix
    assert list(_walk(body_of(SearchQuery(text="nu7o7c1 ma8m1")), "name_key")) == ["nuoc mam"]
    assert list(_walk(body_of(SearchQuery(text="nuocmam phuquoc")), "name_key")) == ["nuoc mam phu quoc"]
    assert list(_walk(body_of(SearchQuery(text="ki son")), "name_key")) == ["ky son"]


def test_at_most_one_word_in_three_may_match_by_a_typo_alone():
    body = body_of(SearchQuery(text="nuoc mam phu quoc"))
    words_matched = body["query"]["bool"]["must"][0]["bool"]["filter"][0]["bool"]
    assert words_matched["minimum_should_match"] == 3
    assert len(words_matched["should"]) == 4
    assert "fuzziness" not in str(words_matched)


def test_an_exact_name_outranks_a_whole_word_a_prefix_and_a_typo_and_the_name_outranks_the_rest():
    body = body_of(SearchQuery(text="arabica"))
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
        return body_of(SearchQuery(**kw))

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


def test_facet_buckets_become_facet_values_in_the_pages_order():
    from catalog_sync.catalogue.search.elastic import _facet_values

    # the bucket shapes of Elasticsearch 8's terms aggregation (integer, keyword and boolean fields)
    stars = _facet_values("stars", [{"key": 4, "doc_count": 7}, {"key": 5, "doc_count": 3}])
    assert [(v.value, v.count) for v in stars] == [("5", 3), ("4", 7)]
    bands = _facet_values("price_band", [{"key": "1000000-", "doc_count": 1}, {"key": "0-100000", "doc_count": 9}])
    assert [v.value for v in bands] == ["0-100000", "1000000-"]
    stock = _facet_values(
        "in_stock",
        [{"key": 1, "key_as_string": "true", "doc_count": 4}, {"key": 0, "key_as_string": "false", "doc_count": 2}],
    )
    assert [(v.value, v.count) for v in stock] == [("1", 4)]
