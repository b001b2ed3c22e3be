"""Paying producers: what each is due, and a payout run — one payOS batch payout, one transfer per producer
with a positive balance and confirmed bank details, followed until payOS says each transfer is done.

Never twice: a run and its transfers are written before anything is sent; a transfer counts as paid from
then on unless payOS says it FAILED (then the amount is due again, and the run names it). The batch is sent
with the run's reference as its idempotency key and each transfer's reference (run and producer) as its
referenceId, so sending a run again after a crash or a timeout makes payOS answer the first batch. Two runs
never overlap (a PostgreSQL advisory lock); a producer without confirmed bank details is listed, skipped.
"""

from __future__ import annotations

import datetime
import logging
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Sum
from django.utils import timezone

from catalog_sync.payments.payos import client as payos
from catalog_sync.payments.payos.accounts import payout_keys_of
from catalog_sync.payments.payos.models import PayosAccount
from catalog_sync.registry.models import Producer

from .banks import bank
from .ledger import vietnam_date
from .models import BankAccount, Entry, Payout, Transfer
from .producers import producers_by_slug
from .statements import parse_month

log = logging.getLogger(__name__)

LOCK = 0x0C0B_0A75  # pg_advisory_xact_lock key of payout runs
DONE_STATES = frozenset({"SUCCEEDED", "FAILED"})


class NotConfigured(RuntimeError):
    """payOS's payout keys are not set."""


def payout_keys() -> payos.PayosKeys:
    """The payout channel's keys, sealed with the payOS account of ``PAYOUTS_CHANNEL`` (default ocop-vn)."""
    channel = getattr(settings, "PAYOUTS_CHANNEL", "") or "ocop-vn"
    account = PayosAccount.objects.filter(channel_slug=channel).first()
    if account is None or not account.pays_out:
        raise NotConfigured(f"payOS payout keys for {channel}: ocop payments configure-payos --channel {channel} "
                            "... --payout-client-id ID --payout-api-key - --payout-checksum-key -")
    return payout_keys_of(account)


@dataclass(frozen=True)
class Due:
    producer: Producer
    amount: int
    account: BankAccount | None

    def as_json(self) -> dict:
        found = bank(self.account.bank_bin) if self.account else None
        return {"producer": self.producer.name, "producer_id": self.producer.pk, "amount": self.amount,
                "bank": found.short_name if found else None,
                "account_number": self.account.account_number if self.account else None}


def dues(through: datetime.date) -> list[Due]:
    """Every producer whose earnings through ``through`` exceed what was sent them (failed transfers aside)."""
    by_slug = dict(Entry.objects.filter(on__lte=through).values_list("producer_slug").annotate(total=Sum("net"))
                   .values_list("producer_slug", "total"))
    producers = producers_by_slug(set(by_slug))
    earned: dict[int, int] = defaultdict(int)
    named: dict[int, Producer] = {}
    for slug, total in by_slug.items():
        if slug in producers:
            earned[producers[slug].pk] += int(total or 0)
            named[producers[slug].pk] = producers[slug]
        elif total:
            log.warning("payouts: %s đồng earned under page %s, which no registry producer has", total, slug)
    sent = dict(Transfer.objects.exclude(status=Transfer.FAILED).values_list("producer_id")
                .annotate(total=Sum("amount")).values_list("producer_id", "total"))
    accounts = BankAccount.objects.in_bulk(list(earned))
    found = [Due(named[pk], amount - int(sent.get(pk) or 0), accounts.get(pk)) for pk, amount in earned.items()]
    return sorted((due for due in found if due.amount > 0), key=lambda due: (due.producer.name, due.producer.pk))


@dataclass
class RunResult:
    month: str
    dry_run: bool
    reference: str = ""
    status: str = ""
    transfers: list[dict] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)  # due, but no confirmed bank details
    failed: list[dict] = field(default_factory=list)
    problem: str = ""

    @property
    def total(self) -> int:
        return sum(item["amount"] for item in self.transfers)

    def as_json(self) -> dict:
        return {"month": self.month, "dry_run": self.dry_run, "reference": self.reference or None,
                "status": self.status, "total": self.total, "transfers": self.transfers, "skipped": self.skipped,
                "failed": self.failed, "problem": self.problem or None}


def _transfer_json(transfer: Transfer) -> dict:
    return {"producer": transfer.producer.name, "producer_id": transfer.producer_id, "reference": transfer.reference,
            "amount": transfer.amount, "bank_bin": transfer.bank_bin, "account_number": transfer.account_number,
            "status": transfer.status, "error": transfer.error or None}


def _result(payout: Payout, dry_run: bool = False, skipped: list[dict] | None = None) -> RunResult:
    transfers = list(payout.transfers.select_related("producer"))
    return RunResult(month=payout.month, dry_run=dry_run, reference=payout.reference, status=payout.status,
                     transfers=[_transfer_json(t) for t in transfers], skipped=skipped or [],
                     failed=[_transfer_json(t) for t in transfers if t.status == Transfer.FAILED],
                     problem=payout.problem)


def run(month: str, *, dry_run: bool = False, started_by: str = "") -> RunResult:
    """Pay what is due through ``month``'s last day. A run left unsent (payOS down) is sent again first, with
    the same references; otherwise a new run is made of what is due now, and sent."""
    first, last = parse_month(month)
    month = f"{first:%Y-%m}"
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK])
        unsent = Payout.objects.filter(status=Payout.PREPARED).order_by("created_at").first()
        owed = dues(last)
        skipped = [due.as_json() for due in owed if due.account is None]
        if unsent is not None:
            payout = unsent
        else:
            payable = [due for due in owed if due.account is not None]
            if dry_run or not payable:
                return RunResult(month=month, dry_run=dry_run, status="nothing to pay" if not payable else "dry run",
                                 transfers=[{**due.as_json(), "status": None} for due in payable], skipped=skipped)
            today = vietnam_date(timezone.now())
            count = Payout.objects.filter(month=month).count() + 1
            payout = Payout.objects.create(month=month, reference=f"OCOP{first:%Y%m}R{count}", started_by=started_by)
            Transfer.objects.bulk_create([Transfer(
                payout=payout, producer=due.producer, reference=f"{payout.reference}P{due.producer.pk}",
                amount=due.amount, bank_bin=due.account.bank_bin, account_number=due.account.account_number,
                account_name=due.account.account_name, on=today) for due in payable if due.account])
    if dry_run:
        return _result(payout, dry_run=True, skipped=skipped)
    send(payout)
    return _result(payout, skipped=skipped)


def send(payout: Payout) -> Payout:
    """Send the run's batch (again: payOS answers the first one for the same idempotency key)."""
    transfers = list(payout.transfers.all())
    lines = [payos.PayoutLine(reference_id=t.reference, amount=t.amount, to_bin=t.bank_bin,
                              to_account_number=t.account_number,
                              description=f"OCOP {payout.month.replace('-', '')} {t.producer_id}"[:25])
             for t in transfers]
    try:
        answer = payos.create_batch_payout(payout_keys(), reference_id=payout.reference, lines=lines,
                                           idempotency_key=payout.reference, category=["ocop-payouts"])
    except (payos.PayosFailure, NotConfigured, OSError) as failure:
        payout.problem = str(failure)[:2000]
        payout.save(update_fields=["problem"])
        log.warning("payout %s not sent: %s", payout.reference, failure)
        return payout
    payout.payos_id, payout.status, payout.sent_at, payout.problem = answer.id, Payout.SENT, timezone.now(), ""
    payout.save(update_fields=["payos_id", "status", "sent_at", "problem"])
    apply(payout, answer)
    return payout


def apply(payout: Payout, answer) -> Payout:
    """Each transfer's state as payOS answered it; the run is done once none is still processing."""
    states = {item.reference_id: item for item in answer.transactions or []}
    with transaction.atomic():
        changed = []
        for transfer in payout.transfers.select_for_update():
            item = states.get(transfer.reference)
            if item is None:
                continue
            state = str(getattr(item.state, "value", item.state))
            error = " ".join(part for part in (item.error_code, item.error_message) if part)[:500]
            status = state if state in DONE_STATES else Transfer.PROCESSING
            if (transfer.status, transfer.payos_transfer_id, transfer.error) != (status, item.id or "", error):
                transfer.status, transfer.payos_transfer_id, transfer.error = status, item.id or "", error
                changed.append(transfer)
        Transfer.objects.bulk_update(changed, ["status", "payos_transfer_id", "error"], batch_size=500)
        if not payout.transfers.exclude(status__in=DONE_STATES).exists():
            payout.status, payout.finished_at = Payout.DONE, timezone.now()
            payout.save(update_fields=["status", "finished_at"])
    for transfer in payout.transfers.filter(status=Transfer.FAILED).select_related("producer"):
        log.warning("payout %s: the transfer to %s failed (%s): %s đồng are due again", payout.reference,
                    transfer.producer.name, transfer.error, transfer.amount)
    return payout


def follow(payout: Payout) -> Payout:
    """Read the run's batch from payOS once and record what changed."""
    if payout.status != Payout.SENT:
        return payout
    payout.polls += 1
    payout.save(update_fields=["polls"])
    try:
        answer = payos.read_payout(payout_keys(), payout.payos_id)
    except (payos.PayosFailure, NotConfigured, OSError) as failure:
        log.warning("payout %s: payOS did not answer: %s", payout.reference, failure)
        return payout
    return apply(payout, answer)
