"""What the catalogue should hold, from the registry's listing (passed in: this package never imports the registry).

Stable identities, so a second import changes nothing:
- a product's ``externalReference`` is ``ocop:<first certificate of its renewal chain>``, so a
  renewal updates the same product (its ``ocop-certificate`` then names the renewal);
- a producer page's slug is derived from the producer's name key (unique in the registry).
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from django.utils.text import slugify

from catalog_sync.domain.text import fold

EXTERNAL_PREFIX = "ocop:"


@dataclass(frozen=True)
class ProducerEntry:
    key: str  # the registry's name key
    name: str
    province: str
    commune: str
    organisation_type: str

    @property
    def slug(self) -> str:
        return producer_page_slug(self.key, self.name)


def producer_page_slug(key: str, name: str) -> str:
    """The slug of the producer page of the registry producer with name key ``key`` and name ``name``."""
    digest = hashlib.sha1(key.encode("utf-8"), usedforsecurity=False).hexdigest()[:8]
    return f"{slugify(fold(name))[:80].strip('-')}-{digest}"


@dataclass(frozen=True)
class ProductEntry:
    certificate_id: str
    chain_root: str
    product_name: str
    producer_key: str
    stars: int
    valid_until: datetime.date
    group: str
    product_set: str
    province: str
    decision_no: str
    issued_on: datetime.date

    @property
    def external_reference(self) -> str:
        return f"{EXTERNAL_PREFIX}{self.chain_root}"

    @property
    def slug(self) -> str:
        return f"{slugify(fold(self.product_name))[:100].strip('-')}-{self.chain_root.lower()}"

    @property
    def category(self) -> str:
        return self.product_set or self.group


class ListedProducer(Protocol):
    @property
    def name_key(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def province(self) -> str: ...
    @property
    def address(self) -> str: ...
    @property
    def organisation_type(self) -> str: ...


class ListedDecision(Protocol):
    @property
    def number(self) -> str: ...


class ListedCertificate(Protocol):
    """What the catalogue reads of a registry certificate."""

    @property
    def id(self) -> str: ...
    @property
    def product_name(self) -> str: ...
    @property
    def stars(self) -> int: ...
    @property
    def valid_until(self) -> datetime.date: ...
    @property
    def issued_on(self) -> datetime.date: ...
    @property
    def group(self) -> str: ...
    @property
    def product_set(self) -> str: ...
    @property
    def province(self) -> str: ...
    @property
    def producer(self) -> ListedProducer: ...
    @property
    def decision(self) -> ListedDecision: ...


# The registry's query for the day's catalogue (``Certificate.objects.in_catalogue_on``):
# (first certificate of the renewal chain, the chain's newest certificate valid that day).
CatalogueQuery = Callable[[datetime.date], Iterable[tuple[str, ListedCertificate]]]


def catalogue_entries(
        listed: Iterable[tuple[str, ListedCertificate]]) -> tuple[list[ProducerEntry], list[ProductEntry]]:
    """The producers and products the catalogue should hold, from the registry's listing."""
    producers: dict[str, ProducerEntry] = {}
    products: list[ProductEntry] = []
    for chain_root, c in sorted(listed, key=lambda pair: pair[0]):
        producer = c.producer
        producers.setdefault(producer.name_key, ProducerEntry(
            key=producer.name_key, name=producer.name, province=producer.province or c.province,
            commune=producer.address, organisation_type=producer.organisation_type,
        ))
        products.append(ProductEntry(
            certificate_id=c.id, chain_root=chain_root, product_name=c.product_name,
            producer_key=producer.name_key, stars=c.stars, valid_until=c.valid_until, group=c.group,
            product_set=c.product_set, province=c.province, decision_no=c.decision.number, issued_on=c.issued_on,
        ))
    return sorted(producers.values(), key=lambda p: p.key), products
