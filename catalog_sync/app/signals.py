"""Signals of the app's webhook work, for the areas that follow the catalogue (showcases' rules)."""

from django.dispatch import Signal

# sent after one changed object was read from Saleor and applied to the read model;
# kwargs: kind ("product", "collection", "producer", "variant", "page"), object_id, outcome
object_refreshed = Signal()
