"""The plan for a sync run: which products to withdraw, restore and re-label. Pure.

- not sellable, published somewhere                      -> withdraw (again, when staff published by
                                                            hand a product we had withdrawn)
- not sellable, published nowhere                         -> nothing (withdrawn, or unpublished by hand)
- sellable, withdrawn by us                               -> restore
- sellable, not withdrawn by us                           -> nothing (we never publish what staff unpublished)
- the effective certificate's stars / valid_until differ from the product's attributes
  -> update (whenever an effective certificate exists, sellable or not)

Every list is ordered by product_id, so the same input always gives the same plan.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from operator import itemgetter
from typing import NamedTuple

from .feed import Feed
from .rules import Verdict, Verdicts

__all__ = ["AttributeUpdate", "Change", "Plan", "ProductState", "plan"]


class ProductState(NamedTuple):  # a tuple: one is made per OCOP product on every run
    product_id: int
    certificate_id: str | None
    withdrawn_by_us: bool  # we withdrew it earlier and have not restored it
    published_somewhere: bool  # published in at least one channel listing right now
    stars: int | None  # current value of the ocop-stars attribute
    valid_until: date | None  # current value of the ocop-valid-until attribute


@dataclass(frozen=True)
class Change:
    product_id: int
    verdict: Verdict


@dataclass(frozen=True)
class AttributeUpdate:
    product_id: int
    stars: int
    valid_until: date


@dataclass
class Plan:
    withdraw: list[Change] = field(default_factory=list)
    restore: list[Change] = field(default_factory=list)
    update: list[AttributeUpdate] = field(default_factory=list)
    sellable_before: int = 0  # products currently published somewhere

    def withdraw_share(self) -> float:
        """The share of currently sellable products this plan would withdraw."""
        return len(self.withdraw) / max(self.sellable_before, 1)

    def exceeds(self, max_share: float) -> bool:
        """True when the plan would withdraw more than ``max_share`` (e.g. 0.10) of them."""
        if not 0 <= max_share <= 1:
            raise ValueError(f"max_share must be between 0 and 1, got {max_share!r}")
        return self.withdraw_share() > max_share


def plan(products: Iterable[ProductState], feed: Feed, now: datetime, verdicts: Verdicts | None = None) -> Plan:
    """What to do for each product, given the feed at ``now`` (aware). Raises ValueError
    for a naive ``now`` or a product listed twice.

    ``verdicts``: a ``Verdicts`` of this feed kept from earlier runs (it only saves work).
    """
    if verdicts is None:
        verdicts = Verdicts(feed)
    elif verdicts.feed is not feed:
        raise ValueError("verdicts were made for another feed")
    verdict = verdicts.on(now)
    ordered = sorted(products, key=itemgetter(0))  # by product_id
    result = Plan()
    withdraw, restore, update = result.withdraw, result.restore, result.update
    sellable_before = 0
    previous: int | None = None
    for product_id, certificate_id, withdrawn_by_us, published_somewhere, stars, valid_until in ordered:
        if product_id == previous:
            raise ValueError(f"product {product_id} is listed more than once")
        previous = product_id

        if published_somewhere:
            sellable_before += 1
        decision = verdict(certificate_id)
        if decision.sellable:
            if withdrawn_by_us:
                restore.append(Change(product_id, decision))
        elif published_somewhere:
            withdraw.append(Change(product_id, decision))

        certificate = decision.certificate
        if certificate is not None and (certificate.stars != stars or certificate.valid_until != valid_until):
            update.append(AttributeUpdate(product_id, certificate.stars, certificate.valid_until))
    result.sellable_before = sellable_before
    return result
