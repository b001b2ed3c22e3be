"""Tables of the catalogue read model: what an anonymous customer can buy in ``ocop-vn``.

Derived from Saleor (ids are Saleor's global ids) and always rebuildable; written only through
``catalog_sync.catalogue.store``. Every row keeps what is needed to give back its record exactly;
products also carry the folded search columns of the embedded search backend.
"""

from __future__ import annotations

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models

SEARCH_CONFIG = "simple"  # folding is done in Python (domain.text.match_key), not by a dictionary


class Product(models.Model):
    id = models.CharField(primary_key=True, max_length=100)
    slug = models.CharField(max_length=255, db_index=True)
    name = models.CharField(max_length=400)
    name_en = models.CharField(max_length=400, null=True, blank=True)
    group_slug = models.CharField(max_length=64)
    set_slug = models.CharField(max_length=64, null=True, blank=True)
    certificate_id = models.CharField(max_length=64)
    stars = models.PositiveSmallIntegerField()
    valid_until = models.DateField()
    province_slug = models.CharField(max_length=64, null=True, blank=True)
    province_at_certification = models.CharField(max_length=200, null=True, blank=True)
    producer_id = models.CharField(max_length=100, null=True, blank=True, db_index=True)
    producer_slug = models.CharField(max_length=255, null=True, blank=True)
    producer_title = models.CharField(max_length=400, null=True, blank=True)
    created = models.DateTimeField()
    updated_at = models.DateTimeField()
    description = models.TextField(null=True, blank=True)
    description_en = models.TextField(null=True, blank=True)
    seo_description = models.TextField(null=True, blank=True)
    thumbnail = models.JSONField(null=True, blank=True)
    images = models.JSONField(default=list, blank=True)
    product_type = models.CharField(max_length=64, default="ocop-product")

    # Denormalised from the variants, for filters, facets and sorting.
    price_min = models.DecimalField(max_digits=14, decimal_places=2, null=True)
    price_max = models.DecimalField(max_digits=14, decimal_places=2, null=True)
    price_band = models.CharField(max_length=32, null=True, blank=True)
    in_stock = models.BooleanField(default=False)

    # Search columns (match_key form: folded, lower case, words separated by single spaces).
    name_key = models.TextField(default="", blank=True)  # the name alone: an exact match ranks first
    name_en_key = models.TextField(default="", blank=True)
    search_name = models.TextField(default="", blank=True)  # name and English name
    search_producer = models.TextField(default="", blank=True)
    search_text = models.TextField(default="", blank=True)  # description, set, province
    document = models.GeneratedField(
        expression=(
            SearchVector("search_name", weight="A", config=SEARCH_CONFIG)
            + SearchVector("search_producer", weight="B", config=SEARCH_CONFIG)
            + SearchVector("search_text", weight="C", config=SEARCH_CONFIG)
        ),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    # Small vectors of the name and the producer alone: ranking reads these, not the whole document.
    name_document = models.GeneratedField(
        expression=SearchVector("search_name", config=SEARCH_CONFIG),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    producer_document = models.GeneratedField(
        expression=SearchVector("search_producer", config=SEARCH_CONFIG),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    class Meta:
        indexes = [
            GinIndex(fields=["document"], name="catalogue_product_document"),
            models.Index(fields=["-stars", "-created", "id"], name="catalogue_product_listing"),
            models.Index(fields=["-created", "id"], name="catalogue_product_newest"),
            models.Index(fields=["price_min", "id"], name="catalogue_product_price"),
            # Facet counts of a whole catalogue page read this index alone (an index-only scan).
            models.Index(
                fields=["stars", "group_slug", "set_slug", "province_slug", "price_band", "in_stock", "price_min"],
                name="catalogue_product_facets",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Variant(models.Model):
    id = models.CharField(primary_key=True, max_length=100)
    product = models.ForeignKey(Product, related_name="variants", on_delete=models.CASCADE)
    position = models.PositiveIntegerField()
    name = models.CharField(max_length=400)
    name_en = models.CharField(max_length=400, null=True, blank=True)
    sku = models.CharField(max_length=255, null=True, blank=True)
    price = models.DecimalField(max_digits=14, decimal_places=2)
    currency = models.CharField(max_length=3)
    quantity_available = models.IntegerField()

    class Meta:
        ordering = ["product_id", "position"]

    def __str__(self) -> str:
        return self.name


class Producer(models.Model):
    id = models.CharField(primary_key=True, max_length=100)
    slug = models.CharField(max_length=255, db_index=True)
    title = models.CharField(max_length=400)
    title_en = models.CharField(max_length=400, null=True, blank=True)
    updated_at = models.DateTimeField()
    content = models.TextField(null=True, blank=True)
    content_en = models.TextField(null=True, blank=True)
    province_slug = models.CharField(max_length=64, null=True, blank=True)
    seo_description = models.TextField(null=True, blank=True)
    is_published = models.BooleanField(default=True)
    location = models.TextField(null=True, blank=True)
    location_en = models.TextField(null=True, blank=True)
    phone = models.CharField(max_length=100, null=True, blank=True)
    email = models.CharField(max_length=254, null=True, blank=True)
    photos = models.JSONField(default=list, blank=True)  # [{"url", "alt"}] in the producer's order

    def __str__(self) -> str:
        return self.title


class Collection(models.Model):
    id = models.CharField(primary_key=True, max_length=100)
    slug = models.CharField(max_length=255, db_index=True)
    name = models.CharField(max_length=400)
    name_en = models.CharField(max_length=400, null=True, blank=True)
    updated_at = models.DateTimeField()
    description = models.TextField(null=True, blank=True)
    description_en = models.TextField(null=True, blank=True)
    background = models.JSONField(null=True, blank=True)

    def __str__(self) -> str:
        return self.name


class CollectionProduct(models.Model):
    """A product's place in a showcase; the product may be missing from the read model (not for sale)."""

    collection = models.ForeignKey(Collection, related_name="memberships", on_delete=models.CASCADE)
    product_id = models.CharField(max_length=100, db_index=True)
    position = models.PositiveIntegerField()

    class Meta:
        ordering = ["collection_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["collection", "product_id"], name="catalogue_collection_product_once"),
        ]

    def __str__(self) -> str:
        return f"{self.collection_id} #{self.position}: {self.product_id}"


class Tombstone(models.Model):
    """A removal, kept so that an event older than it cannot bring the object back."""

    class Kind(models.TextChoices):
        PRODUCT = "product"
        PRODUCER = "producer"
        COLLECTION = "collection"

    kind = models.CharField(max_length=16, choices=Kind.choices)
    object_id = models.CharField(max_length=100)
    removed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="catalogue_tombstone_once"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id} removed at {self.removed_at.isoformat()}"


class SearchWord(models.Model):
    """Every word of the searchable texts: where a mistyped query word finds its near neighbours."""

    word = models.CharField(primary_key=True, max_length=100)
    length = models.PositiveSmallIntegerField(db_index=True)
    named = models.BooleanField(default=False)  # in a product's name or its producer's: a typo may stand for it

    def __str__(self) -> str:
        return self.word
