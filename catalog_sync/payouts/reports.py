"""What the marketplace holds for producers at the end of a day: the sum of every producer's due (as each
statement's ``due`` counts it), and the
same money seen from the ledger's other side — received for producers' lines (less refunds), less the
commission, less what was paid out. The two agree to the đồng (``Holdings.balanced``)."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Sum

from .models import Entry, Transfer
from .producers import producers_by_slug


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
    net_by_slug = dict(entries.values_list("producer_slug").annotate(total=Sum("net"))
                       .values_list("producer_slug", "total"))
    by_slug = producers_by_slug(set(net_by_slug))
    owed_by: dict[int, int] = defaultdict(int)
    unattributed = 0
    for slug, total in net_by_slug.items():
        if slug in by_slug:
            owed_by[by_slug[slug].pk] += int(total or 0)
        else:
            unattributed += int(total or 0)
    for producer_id, total in (Transfer.objects.filter(on__lte=at).exclude(status=Transfer.FAILED)
                               .values_list("producer_id").annotate(total=Sum("amount"))
                               .values_list("producer_id", "total")):
        owed_by[producer_id] -= int(total or 0)
    owed = list(owed_by.values())
    return Holdings(at=at, received=int(totals["gross_total"] or 0), commission=int(totals["commission_total"] or 0),
                    paid_out=paid_out, dues=sum(owed), producers=sum(1 for amount in owed if amount),
                    unattributed=unattributed)
