"""A producer's statement for a month: each ledger entry that counts in it (earned lines, and refunds or
returns as negative lines), gross, commission, refunds, net, what was paid in the month and what is due at
its end.

``gross`` is what the month's lines earned before commission; ``refunds`` what refunds and returns took back
(before commission); ``commission`` the marketplace's share of what is left; ``net`` = gross - refunds -
commission (the sum of the lines' net); ``paid`` the transfers sent that month (a failed one never counts);
``due`` every net amount through the month's last day less every transfer through it.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

from django.db.models import Q, Sum

from catalog_sync.registry.models import Producer

from .models import Entry, Transfer
from .producers import slugs_of

MONTH = re.compile(r"^(\d{4})-(\d{2})$")
MAX_LINES = 100_000


class BadMonth(ValueError):
    pass


def parse_month(text: str, name: str = "--month") -> tuple[datetime.date, datetime.date]:
    """The first and last day of ``YYYY-MM``, or BadMonth naming ``name``."""
    match = MONTH.match(text.strip())
    if not match or not 1 <= int(match[2]) <= 12 or int(match[1]) < 2000:
        raise BadMonth(f"{name}: {text!r} is not a month written YYYY-MM")
    year, month = int(match[1]), int(match[2])
    return datetime.date(year, month, 1), datetime.date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class Line:
    order: int
    line: str
    product: str
    quantity: int
    gross: int
    commission: int
    net: int
    earned_on: datetime.date
    kind: str

    def as_json(self) -> dict:
        return {"order": self.order, "line": self.line, "product": self.product, "quantity": self.quantity,
                "gross": self.gross, "commission": self.commission, "net": self.net,
                "earned_on": self.earned_on.isoformat()}


@dataclass(frozen=True)
class Statement:
    producer: Producer
    certificate: str
    month: str
    first: datetime.date
    last: datetime.date
    lines: list[Line]
    gross: int
    commission: int
    refunds: int
    net: int
    paid: int
    due: int

    def as_json(self) -> dict:
        return {"producer": self.certificate, "month": self.month, "lines": [line.as_json() for line in self.lines],
                "gross": self.gross, "commission": self.commission, "refunds": self.refunds, "net": self.net,
                "paid": self.paid, "due": self.due}


def _sum(queryset, field: str) -> int:
    return int(queryset.aggregate(total=Sum(field))["total"] or 0)


def paid_through(producer: Producer, last: datetime.date) -> int:
    return _sum(Transfer.objects.filter(producer=producer, on__lte=last).exclude(status=Transfer.FAILED), "amount")


def due_through(producer: Producer, last: datetime.date, slugs: tuple[str, ...] | None = None) -> int:
    slugs = slugs or slugs_of(producer)
    return _sum(Entry.objects.filter(producer_slug__in=slugs, on__lte=last), "net") - paid_through(producer, last)


def statement(producer: Producer, month: str, certificate: str = "") -> Statement:
    first, last = parse_month(month)
    slugs = slugs_of(producer)
    entries = Entry.objects.filter(producer_slug__in=slugs, on__gte=first, on__lte=last)
    lines = [Line(*row) for row in entries.order_by("on", "order_number", "id").values_list(
        "order_number", "line_id", "product", "quantity", "gross", "commission", "net", "on", "kind")[:MAX_LINES]]
    totals = entries.aggregate(
        earned=Sum("gross", filter=Q(kind=Entry.EARNED)), given_back=Sum("gross", filter=Q(kind=Entry.REVERSED)),
        commission_total=Sum("commission"), net_total=Sum("net"))
    paid = _sum(Transfer.objects.filter(producer=producer, on__gte=first, on__lte=last)
                .exclude(status=Transfer.FAILED), "amount")
    return Statement(
        producer=producer, certificate=certificate or _first_certificate(producer), month=f"{first:%Y-%m}",
        first=first, last=last, lines=lines, gross=int(totals["earned"] or 0), refunds=-int(totals["given_back"] or 0),
        commission=int(totals["commission_total"] or 0), net=int(totals["net_total"] or 0), paid=paid,
        due=due_through(producer, last, slugs))


def _first_certificate(producer: Producer) -> str:
    return producer.certificates.order_by("id").values_list("id", flat=True).first() or ""
