"""Orders as the ledger reads them (``catalog_sync.saleor.payout_orders.PayoutOrder``), built line by line, and
the two producers of the portal's tests."""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Callable
from decimal import Decimal

import pytest

from catalog_sync.payouts.producers import slugs_of
from catalog_sync.saleor.payout_orders import Movement, OrderLine, PayoutOrder
from tests.portal.conftest import _empty_outbox, client_factory, producer_person, two_producers  # noqa: F401

VN = datetime.timezone(datetime.timedelta(hours=7))


def at(day: str, hour: int = 10) -> datetime.datetime:
    """A moment of a Vietnam day written YYYY-MM-DD."""
    return datetime.datetime.fromisoformat(day).replace(hour=hour, tzinfo=VN)


def slug(certificate) -> str:
    return slugs_of(certificate.producer)[0]


@pytest.fixture
def order_of() -> Callable[..., PayoutOrder]:
    """``order_of(lines, paid=day|None, delivered=day|None, ...)``: an order of ``lines`` ((certificate, name,
    quantity, unit price)); ``delivered`` fulfils every line that day; ``paid`` charges it that day."""
    numbers = itertools.count(1)

    def make(lines, *, paid: str | None = None, delivered: str | None = None, channel: str = "ocop-vn",
             refunds=(), returns=(), number: int | None = None, status: str | None = None,
             order_id: str | None = None) -> PayoutOrder:
        number = number or next(numbers)
        built = tuple(OrderLine(
            id=f"T3JkZXJMaW5lOi{number}-{index}", product_name=name, variant_name=name, quantity=quantity,
            unit_price=Decimal(price), total=Decimal(price * quantity), currency="VND",
            producer_page_slug=slug(certificate) if certificate is not None else None)
            for index, (certificate, name, quantity, price) in enumerate(lines))
        fulfilments = []
        if delivered:
            fulfilments.append(Movement(f"F{number}", "FULFILLED", at(delivered),
                                        tuple((line.id, line.quantity) for line in built)))
        for index, (line_index, quantity, day) in enumerate(returns):
            fulfilments.append(Movement(f"R{number}-{index}", "RETURNED", at(day), ((built[line_index].id, quantity),)))
        granted = tuple(Movement(f"G{number}-{index}", "SUCCESS", at(day),
                                 ((built[line_index].id, quantity),), Decimal(built[line_index].unit_price * quantity))
                        for index, (line_index, quantity, day) in enumerate(refunds))
        total = sum(line.total for line in built)
        return PayoutOrder(
            id=order_id or f"T3JkZXI6{number}", number=number,
            status=status or ("FULFILLED" if delivered else "UNFULFILLED" if paid else "UNCONFIRMED"),
            charge_status="FULL" if paid else "NONE", channel=channel, updated_at=at(paid or delivered or "2026-11-01"),
            total_charged=Decimal(total if paid else 0), lines=built, fulfillments=tuple(fulfilments),
            refunds=granted, charged_at=(at(paid, 9),) if paid else ())

    return make
