"""Search as a shopper uses it, on the embedded backend against real PostgreSQL.

The same behaviours run against Elasticsearch in test_search_elastic.py when ELASTICSEARCH_URL
is set; the scenarios live in search_behaviours.py so both backends answer the same questions.
"""

from __future__ import annotations

import pytest

from catalog_sync.catalogue.search import get_backend
from catalog_sync.catalogue.search.embedded import EmbeddedBackend
from tests.catalogue.search_behaviours import *  # noqa: F403  (the shared behaviour suite)
from tests.catalogue.search_behaviours import SearchSetup


@pytest.fixture
def searcher(db, settings) -> SearchSetup:
    settings.SEARCH_BACKEND = "embedded"
    backend = get_backend()
    assert isinstance(backend, EmbeddedBackend)
    return SearchSetup(backend=backend, refresh=lambda: None)


def test_a_text_search_with_facets_takes_at_most_four_queries(searcher, django_assert_max_num_queries):
    # given a catalogue of a dozen products
    from testkit.catalogue_builders import sample_product

    for i in range(12):
        searcher.add(sample_product(i))
    from catalog_sync.catalogue.records import SearchQuery

    # when a shopper searches with a typo-tolerant word, a filter and facets
    with django_assert_max_num_queries(4):
        result = searcher.backend.search(SearchQuery(text="arabica cau dat", stars=(4, 5), in_stock=True))
    # then the page came with its products, variants and facet counts
    assert result.products and result.products[0].variants
    assert result.facets["stars"]


def test_a_catalogue_page_without_text_takes_at_most_three_queries(searcher, django_assert_max_num_queries):
    from catalog_sync.catalogue.records import SearchQuery
    from testkit.catalogue_builders import sample_product

    for i in range(12):
        searcher.add(sample_product(i))
    with django_assert_max_num_queries(3):
        result = searcher.backend.search(SearchQuery(groups=("thuc-pham",), per_page=24))
    assert result.total == len(result.products) > 0
