"""A producer's bank details: asked for in the portal, in force only once confirmed from a signed link emailed
to the producer's people (valid ``CONFIRM_HOURS``, used once), every change kept for staff.

The account name is kept as banks hold it: capitals without diacritics (``CÔNG TY TNHH CÀ PHÊ`` is
``CONG TY TNHH CA PHE``). The callers (the portal) say who asked and whom to email.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core import signing
from django.db import transaction
from django.utils import timezone

from catalog_sync import notify
from catalog_sync.domain.text import fold
from catalog_sync.registry.models import Producer

from .banks import bank
from .models import BankAccount, BankAccountChange

CONFIRM_HOURS = 48
SALT = "payouts.bank-details"
ACCOUNT_NUMBER = re.compile(r"^\d{6,19}$")
ACCOUNT_NAME = re.compile(r"^[A-Z][A-Z ]{1,99}$")


class BadDetails(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class BadLink(ValueError):
    """The confirmation link is not ours, has expired, or was used (or replaced) already."""


@dataclass(frozen=True)
class Details:
    bank_bin: str
    account_number: str
    account_name: str

    def shown(self) -> str:
        found = bank(self.bank_bin)
        return f"{found.short_name if found else self.bank_bin} · {self.account_number} · {self.account_name}"


def clean(bank_bin: str, account_number: str, account_name: str) -> Details:
    """The details as they will be sent to payOS, or BadDetails naming the field."""
    bank_bin = (bank_bin or "").strip()
    if bank(bank_bin) is None:
        raise BadDetails("bank_bin", "not a bank of the Napas list")
    number = re.sub(r"[\s.-]", "", account_number or "")
    if not ACCOUNT_NUMBER.match(number):
        raise BadDetails("account_number", "6 to 19 digits")
    name = " ".join(fold(account_name or "").replace("đ", "d").replace("Đ", "D").upper().split())
    if not ACCOUNT_NAME.match(name):
        raise BadDetails("account_name", "letters and spaces, as the bank holds the account's name")
    return Details(bank_bin, number, name)


def current(producer: Producer) -> BankAccount | None:
    return BankAccount.objects.filter(producer=producer).first()


def ask(producer: Producer, details: Details, *, asked_by: str, recipients: tuple[str, ...],
        confirm_url: str) -> BankAccountChange:
    """Record the change asked for and email its confirmation link to ``recipients`` (``confirm_url`` with
    ``{token}`` in it); an earlier change still pending is replaced (its link stops working)."""
    if not recipients:
        raise BadDetails("email", "the producer has nobody with an active portal account to confirm it")
    was = current(producer)
    with transaction.atomic():
        BankAccountChange.objects.filter(producer=producer, status=BankAccountChange.PENDING).update(
            status=BankAccountChange.SUPERSEDED)
        change = BankAccountChange.objects.create(
            producer=producer, bank_bin=details.bank_bin, account_number=details.account_number,
            account_name=details.account_name, asked_by=asked_by, sent_to=", ".join(recipients),
            before=Details(was.bank_bin, was.account_number, was.account_name).shown() if was else "")
        token = signing.dumps({"change": change.pk}, salt=SALT)
        found = bank(details.bank_bin)
        notify.send(notify.events.PayoutBankConfirmation(
            recipients=notify.events.recipients(list(recipients), ("vi", "en")), producer_name=producer.name,
            asked_by=asked_by, bank_name=found.label if found else details.bank_bin,
            account_number=details.account_number, account_name=details.account_name,
            url=confirm_url.format(token=token), hours=CONFIRM_HOURS))
    return change


def pending(token: str) -> BankAccountChange:
    """The change a link confirms, or BadLink."""
    try:
        data = signing.loads(token, salt=SALT, max_age=CONFIRM_HOURS * 3600)
    except signing.SignatureExpired:
        raise BadLink("expired") from None
    except signing.BadSignature:
        raise BadLink("not a confirmation link of ours") from None
    change = BankAccountChange.objects.select_related("producer").filter(pk=data.get("change")).first()
    if change is None or change.status != BankAccountChange.PENDING:
        raise BadLink("used already, or replaced by a later change")
    return change


def confirm(token: str, producer: Producer) -> BankAccountChange:
    """Put the change in force (only for ``producer``: the person confirming is signed in as theirs)."""
    with transaction.atomic():
        change = pending(token)
        change = BankAccountChange.objects.select_for_update().get(pk=change.pk)
        if change.producer_id != producer.pk:
            raise BadLink("not a change of your bank details")
        if change.status != BankAccountChange.PENDING:
            raise BadLink("used already, or replaced by a later change")
        moment = timezone.now()
        BankAccount.objects.update_or_create(producer=producer, defaults={
            "bank_bin": change.bank_bin, "account_number": change.account_number,
            "account_name": change.account_name, "confirmed_at": moment})
        change.status, change.confirmed_at = BankAccountChange.CONFIRMED, moment
        change.save(update_fields=["status", "confirmed_at"])
    return change
