"""What the catalogue should hold, from the registry's listing (passed in: this package never imports the registry).

Stable identities, so a second import changes nothing:
- a product's ``externalReference`` is ``ocop:<first certificate of its renewal chain>``, so a
  renewal updates the same product (its ``ocop-certificate`` then names the renewal);
- a producer is the registry's producer: name and province together (``producer_key``). Its page's slug is
  derived from the name key alone while no other registry producer has that name (the slugs pages had before
  namesakes were told apart, kept), and from the name key and the province once one does; such a page also
  carries the key in its metadata (``PRODUCER_KEY_METADATA``).
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from django.utils.text import slugify

from catalog_sync.domain.text import fold

EXTERNAL_PREFIX = "ocop:"
PRODUCER_KEY_METADATA = "ocop-producer-key"


def producer_key(name_key: str, province: str) -> str:
    """The registry producer's identity as a page's metadata holds it: its province slug and its name key."""
    return f"{province}:{name_key}"


def producer_page_slug(name_key: str, name: str, province: str, *, shares_name: bool) -> str:
    """The slug of the page of the registry producer (``name_key``, ``province``) named ``name``.

    ``shares_name``: another registry producer (of another province) has the same name key. A name of its own
    keeps the slug derived from the name key alone; a shared name adds the province and a digest of both."""
    base = slugify(fold(name))[:80].strip("-")
    if not shares_name:
        digest = hashlib.sha1(name_key.encode("utf-8"), usedforsecurity=False).hexdigest()[:8]
        return f"{base}-{digest}"
    key = producer_key(name_key, province)
    digest = hashlib.sha1(key.encode("utf-8"), usedforsecurity=False).hexdigest()[:8]
    return f"{base}-{province or 'khong-ro-tinh'}-{digest}"


@dataclass(frozen=True)
class ProducerEntry:
    name_key: str
    registry_province: str  # the registry producer's province: with the name key, who the producer is
    name: str
    province: str  # the province the page shows (the certificate's when the registry producer has none)
    commune: str
    organisation_type: str
    shares_name: bool = False
    registered: int = 0  # the registry's id: of namesakes that shared one page, the first keeps it

    @property
    def key(self) -> str:
        return producer_key(self.name_key, self.registry_province)

    @property
    def slug(self) -> str:
        return producer_page_slug(self.name_key, self.name, self.registry_province, shares_name=self.shares_name)

    @property
    def shared_slug(self) -> str:
        """The slug every namesake's page had before namesakes were told apart (the name key's alone)."""
        return producer_page_slug(self.name_key, self.name, self.registry_province, shares_name=False)


@dataclass(frozen=True)
class ProductEntry:
    certificate_id: str
    chain_root: str
    product_name: str
    producer_key: str  # ``producer_key`` of its registry producer
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
    def pk(self) -> int: ...
    @property
    def name_key(self) -> str: ...
    @property
    def shares_name(self) -> bool: ...
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


# The registry's producer of each certificate id it knows (``Certificate.objects.producers_of``).
OwnerQuery = Callable[[Iterable[str]], Mapping[str, ListedProducer]]


def producer_entry(producer: ListedProducer, province: str = "") -> ProducerEntry:
    """The catalogue's entry of a registry producer; ``province``: the one its page shows when it has none."""
    return ProducerEntry(
        name_key=producer.name_key, registry_province=producer.province, name=producer.name,
        province=producer.province or province, commune=producer.address,
        organisation_type=producer.organisation_type, shares_name=producer.shares_name, registered=producer.pk,
    )


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
        entry = producers.setdefault(producer_key(producer.name_key, producer.province),
                                     producer_entry(producer, c.province))
        products.append(ProductEntry(
            certificate_id=c.id, chain_root=chain_root, product_name=c.product_name,
            producer_key=entry.key, stars=c.stars, valid_until=c.valid_until, group=c.group,
            product_set=c.product_set, province=c.province, decision_no=c.decision.number, issued_on=c.issued_on,
        ))
    return sorted(producers.values(), key=lambda p: (p.name_key, p.registry_province)), products
