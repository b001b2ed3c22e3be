"""Catalogue search: one interface, two backends chosen by ``settings.SEARCH_BACKEND``.

- ``embedded`` (the default): the web service's PostgreSQL, no extra service
  (``search.embedded``).
- ``elasticsearch``: Elasticsearch 8 through elasticsearch-dsl at ``settings.ELASTICSEARCH_URL``
  (``search.elastic``).

Both take a ``SearchQuery`` and give a ``SearchResult`` (records of ``catalogue.records``), with
the same reading of the query (``base.query_terms``: folding of Vietnamese, đ included; Telex
and VNI keystrokes, y/i and syllables run together read against the catalogue's own words,
``vocabulary``), prefixes, one typo (Damerau) in words of three letters or more and two in
words of eight or more, ranking (exact name, then whole word, prefix, typo; name above producer
above description) and disjunctive facet counts. ``corrections`` gives the "did you mean"
queries of a search that found nothing.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .base import SearchBackend

_BACKENDS = {
    "embedded": "catalog_sync.catalogue.search.embedded.EmbeddedBackend",
    "elasticsearch": "catalog_sync.catalogue.search.elastic.ElasticsearchBackend",
}
_instances: dict[str, SearchBackend] = {}


def get_backend() -> SearchBackend:
    name = getattr(settings, "SEARCH_BACKEND", None) or "embedded"
    if name not in _BACKENDS:
        raise ImproperlyConfigured(
            f"SEARCH_BACKEND must be one of {', '.join(sorted(_BACKENDS))}, got {name!r}"
        )
    key = f"{name}:{getattr(settings, 'ELASTICSEARCH_URL', None) or ''}"
    if key not in _instances:
        from django.utils.module_loading import import_string

        _instances[key] = import_string(_BACKENDS[name])()
    return _instances[key]


__all__ = ["SearchBackend", "get_backend"]
