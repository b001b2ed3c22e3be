"""What the marketplace holds for producers at the end of a day: the sum of every producer's due, and the
same money seen from the ledger's other side — received for producers' lines (less refunds), less the
commission, less what was paid out. The two agree to the đồng (``Holdings.balanced``)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Sum

from .models import Entry, Transfer
from .producers import producers_by_slug
from .statements import due_through


@dataclass(frozen=True)
class Holdings:
    at: datetime.date
    received: int  # what shoppers paid for producers' delivered lines, less what was refunded
    commission: int
    paid_out: int  # transfers sent (a failed one never counts)
    dues: int  # the sum of each producer's due
    producers: int  # how many are owed something (or owe: a refund after a payout)
    unattributed: int  # net earned under a page no registry producer has (kept; listed for staff)

    @property
    def held(self) -> int:
        return self.received - self.commission - self.paid_out

    @property
    def balanced(self) -> bool:
        return self.held == self.dues + self.unattributed

    def as_json(self) -> dict:
        return {"at": self.at.isoformat(), "received": self.received, "commission": self.commission,
                "paid_out": self.paid_out, "held": self.held, "dues": self.dues, "producers": self.producers,
                "unattributed": self.unattributed, "balanced": self.balanced}


def holdings(at: datetime.date) -> Holdings:
    entries = Entry.objects.filter(on__lte=at)
    totals = entries.aggregate(gross_total=Sum("gross"), commission_total=Sum("commission"))
    paid_out = int(Transfer.objects.filter(on__lte=at).exclude(status=Transfer.FAILED)
                   .aggregate(total=Sum("amount"))["total"] or 0)
    slugs = set(entries.values_list("producer_slug", flat=True).distinct())
    by_slug = producers_by_slug(slugs)
    producers = {producer.pk: producer for producer in by_slug.values()}
    for transfer in Transfer.objects.filter(on__lte=at).select_related("producer"):
        producers.setdefault(transfer.producer_id, transfer.producer)
    owed = [due_through(producer, at) for producer in producers.values()]
    unattributed = int(entries.exclude(producer_slug__in=list(by_slug)).aggregate(total=Sum("net"))["total"] or 0)
    return Holdings(at=at, received=int(totals["gross_total"] or 0), commission=int(totals["commission_total"] or 0),
                    paid_out=paid_out, dues=sum(owed), producers=sum(1 for amount in owed if amount),
                    unattributed=unattributed)
