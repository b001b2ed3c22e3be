"""What the rooms tell people, as plain data: names, dates, amounts in whole đồng, links, recipients.

Events never hold a model or an object of another room, so this room imports none; the room that sends
an event builds it from its own records. Each event names its templates (``template``); its fields are
the templates' context.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Any, ClassVar, Literal


@dataclass(frozen=True)
class Recipient:
    """A person to tell, and the languages they read, in order (two: the message in both, joined)."""

    email: str
    languages: tuple[str, ...] = ("vi",)


def recipients(emails: tuple[str, ...] | list[str], languages: tuple[str, ...] = ("vi",)) -> tuple[Recipient, ...]:
    return tuple(Recipient(email, languages) for email in emails)


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    mimetype: str


@dataclass(frozen=True, kw_only=True)
class Event:
    kind: ClassVar[str] = ""
    recipients: tuple[Recipient, ...]
    attachments: tuple[Attachment, ...] = ()

    @property
    def template(self) -> str:
        """The name of the event's templates in each channel's folder."""
        return self.kind

    def context(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("recipients", "attachments")}


# The producer portal

@dataclass(frozen=True)
class OrderLine:
    quantity: int
    product_name: str
    variant_label: str
    unit_price: Decimal
    currency: str


@dataclass(frozen=True, kw_only=True)
class ProducerOrderLines(Event):
    """New lines of a placed order are a producer's: their people ship them (or mark services used)."""

    kind: ClassVar[str] = "order_lines"
    number: int
    created: datetime.datetime
    lines: tuple[OrderLine, ...]
    portal_url: str


@dataclass(frozen=True, kw_only=True)
class CertificateReminder(Event):
    """A certificate's last valid day is near (90, 30 or 7 days): renew it with the provincial office."""

    kind: ClassVar[str] = "certificate_reminder"
    certificate_id: str
    product_name: str
    valid_until: datetime.date
    days_left: int
    portal_url: str


@dataclass(frozen=True, kw_only=True)
class Invitation(Event):
    """A person is invited to a producer's portal: a one-time link to set their password."""

    kind: ClassVar[str] = "invitation"
    producer_name: str
    url: str
    days: int


@dataclass(frozen=True, kw_only=True)
class SecondStepLocked(Event):
    """Wrong authenticator codes after a right password locked an account's second step for a while."""

    kind: ClassVar[str] = "second_step_locked"
    email: str
    failures: int
    minutes: int
    until: datetime.datetime
    reset_url: str = ""  # where to change the password ("" for staff: they ask the administrator)


# Customers

@dataclass(frozen=True, kw_only=True)
class AccountEmail(Event):
    """Saleor asked for a customer's account email: confirm the address, or choose a new password."""

    kind: ClassVar[str] = "account"
    purpose: Literal["confirm", "set_password"]
    link: str
    name: str = ""

    @property
    def template(self) -> str:
        return f"account_{self.purpose}"


@dataclass(frozen=True, kw_only=True)
class ServiceLineCancelled(Event):
    """A producer cancelled a tourism-service line of the customer's order; paid lines are refunded."""

    kind: ClassVar[str] = "service_line_cancelled"
    number: int
    product_name: str
    variant_label: str
    quantity: int
    total: Decimal
    currency: str
    refund_owed: bool  # paid by card or transfer: the line's amount is being refunded
    order_url: str

    def context(self) -> dict[str, Any]:
        item = f"{self.product_name} · {self.variant_label}" if self.variant_label else self.product_name
        return {**super().context(), "item": item}


# Staff and offices

@dataclass(frozen=True)
class DigestCertificate:
    id: str
    product_name: str
    producer: str
    stars: int
    valid_until: datetime.date
    url: str


@dataclass(frozen=True)
class DigestWithdrawal:
    certificate_id: str  # "" when the product had none
    product_name: str
    producer: str  # "" when the registry does not know the certificate
    at: datetime.datetime
    reason_vi: str
    reason_en: str
    revocation_reason: str  # the registry's, when the certificate was revoked
    url: str  # the verify page, "" when the registry does not know the certificate


@dataclass(frozen=True, kw_only=True)
class Digest(Event):
    """The weekly digest of a provincial OCOP office: certificates expiring soon, products withdrawn."""

    kind: ClassVar[str] = "digest"
    province_name: str
    week: datetime.date  # the Monday of the week reported
    week_end: datetime.date
    sent_on: datetime.date
    days: int
    expiring: tuple[DigestCertificate, ...]
    withdrawn: tuple[DigestWithdrawal, ...]
    reports_url: str

    @property
    def is_empty(self) -> bool:
        return not self.expiring and not self.withdrawn

    def context(self) -> dict[str, Any]:
        return {**super().context(), "is_empty": self.is_empty}


@dataclass(frozen=True, kw_only=True)
class PayoutStatement(Event):
    """A producer's monthly statement (amounts in whole đồng); the PDF goes as an attachment."""

    kind: ClassVar[str] = "payout_statement"
    producer_name: str
    month: datetime.date  # its first day
    line_count: int
    gross: int
    commission: int
    refunds: int
    net: int
    paid: int
    due: int
    statement_url: str


@dataclass(frozen=True, kw_only=True)
class PayoutBankConfirmation(Event):
    """The signed link that puts a producer's new bank details in force (payouts go there once confirmed)."""

    kind: ClassVar[str] = "payouts_bank_confirm"
    producer_name: str
    asked_by: str
    bank_name: str
    account_number: str
    account_name: str
    url: str
    hours: int
