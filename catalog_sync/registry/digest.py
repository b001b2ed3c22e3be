"""The weekly digest each active provincial OCOP office receives (Monday 07:00 Vietnam time).

For the ISO week reported (Monday-Sunday, Vietnam local dates; by default the week before today):
- certificates of the province whose last valid day falls within 60 days of the Monday after it;
- products the certification plugin withdrew that week, from its log as the app's webhooks brought it
  (withdrawals.py): product, certificate, reason and time.
A province with nothing to report still gets a short email saying so. Each digest is sent once per
office and week: a ``DigestSent`` row is written in the same transaction as the send. The email is the
notification room's ``Digest`` event, in the office's language (Vietnamese), with an HTML part.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from catalog_sync import notify
from catalog_sync.domain.provinces import province_by_slug
from catalog_sync.domain.validity import vietnam_today

from . import reports
from .models import Certificate
from .offices import DigestSent, ProvinceOffice
from .withdrawals import WithdrawalEvent

EXPIRING_DAYS = 60
WEEK_PATTERN = re.compile(r"^(\d{4})-W(\d{2})$")


def parse_week(value: str) -> datetime.date:
    """The Monday of ISO week ``YYYY-Www``."""
    match = WEEK_PATTERN.match(value)
    if not match:
        raise ValueError(f"--week: not an ISO week (use YYYY-Www, e.g. 2026-W47): {value!r}")
    try:
        return datetime.date.fromisocalendar(int(match[1]), int(match[2]), 1)
    except ValueError:
        raise ValueError(f"--week: year {match[1]} has no week {match[2]}") from None


def week_label(monday: datetime.date) -> str:
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def previous_week(today: datetime.date) -> datetime.date:
    """The Monday of the week before the one ``today`` (a Vietnam-local date) is in."""
    return today - datetime.timedelta(days=today.weekday() + 7)


@dataclass(frozen=True)
class Withdrawn:
    """A product the certification plugin withdrew that week (its first withdrawal of the week)."""

    event: WithdrawalEvent
    certificate: Certificate | None  # the registry's, when it knows the id

    @property
    def reason_vi(self) -> str:
        return self.event.reason_vi


@dataclass(frozen=True)
class Digest:
    province: str
    week: datetime.date  # the Monday of the week reported
    expiring: list[Certificate]
    withdrawn: list[Withdrawn]

    @property
    def week_end(self) -> datetime.date:
        return self.week + datetime.timedelta(days=6)

    @property
    def sent_on(self) -> datetime.date:
        """The Monday after the week reported: the expiring window counts from it."""
        return self.week + datetime.timedelta(days=7)

    @property
    def is_empty(self) -> bool:
        return not self.expiring and not self.withdrawn


def withdrawn_in_week(monday: datetime.date, province: str) -> list[Withdrawn]:
    """The province's products the plugin withdrew from Monday 00:00 to Sunday 24:00 Vietnam time, as
    its log reached the web service; each product once, at its first withdrawal of the week."""
    events = (WithdrawalEvent.objects.in_province(province)
              .between(monday, monday + datetime.timedelta(days=6))
              .filter(action=WithdrawalEvent.Action.WITHDRAWN).order_by("at", "saleor_event_id"))
    first: dict[str, WithdrawalEvent] = {}
    for event in events:
        first.setdefault(event.product, event)
    certificates = Certificate.objects.select_related("producer").in_bulk(
        {event.certificate_id for event in first.values()})
    return [Withdrawn(event, certificates.get(event.certificate_id)) for event in first.values()]


def digest_for(province: str, week: datetime.date) -> Digest:
    sent_on = week + datetime.timedelta(days=7)
    expiring = list(reports.expiring_within(EXPIRING_DAYS, today=sent_on, province=province))
    return Digest(province, week, expiring, withdrawn_in_week(week, province))


def _site_url() -> str:
    base = (settings.SITE_PUBLIC_URL or "").rstrip("/")
    if not base:
        raise ValueError("SITE_PUBLIC_URL is not set: the digest links to the shop's verify and report pages")
    return base


def event(digest: Digest, recipients: list[str]) -> notify.events.Digest:
    """The digest as the notification room's event (plain data), with its links on the shop's site."""
    base = _site_url()
    with translation.override(settings.LANGUAGE_CODE):  # the links are the shop's Vietnamese pages
        def verify(certificate: Certificate) -> str:
            return base + reverse("storefront:verify", args=[certificate.id])

        reports_url = f"{base}{reverse('registry:report')}?province={digest.province}&days={EXPIRING_DAYS}"
        expiring = tuple(notify.events.DigestCertificate(c.id, c.product_name, c.producer.name, c.stars,
                                                         c.valid_until, verify(c)) for c in digest.expiring)
        withdrawn = tuple(notify.events.DigestWithdrawal(
            certificate_id=w.event.certificate_id, product_name=w.event.product_name,
            producer=w.certificate.producer.name if w.certificate else "", at=w.event.at, reason_vi=w.reason_vi,
            reason_en=w.event.reason,
            revocation_reason=w.certificate.revocation_reason if w.certificate and w.certificate.revoked_on else "",
            url=verify(w.certificate) if w.certificate else "") for w in digest.withdrawn)
    return notify.events.Digest(
        recipients=notify.events.recipients(recipients, (settings.LANGUAGE_CODE,)),
        province_name=province_by_slug(digest.province).name, week=digest.week, week_end=digest.week_end,
        sent_on=digest.sent_on, days=EXPIRING_DAYS, expiring=expiring, withdrawn=withdrawn, reports_url=reports_url)


@dataclass
class OfficeResult:
    province: str
    recipients: list[str]
    expiring: int
    withdrawn: int
    status: str  # "sent" | "already_sent" | "would_send"


@dataclass
class DigestRun:
    week: datetime.date
    dry_run: bool
    offices: list[OfficeResult] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"week": week_label(self.week), "dry_run": self.dry_run,
                "offices": [vars(o) for o in self.offices]}


class DigestSender:
    """Sends the digest of ``week`` (a Monday; default the previous week) to every active office, once each."""

    def __init__(self, week: datetime.date | None = None, dry_run: bool = False, today: datetime.date | None = None):
        self.week = week if week is not None else previous_week(today or vietnam_today())
        self.dry_run = dry_run

    def run(self) -> DigestRun:
        _site_url()  # refuse before anything is sent
        run = DigestRun(self.week, self.dry_run)
        label = week_label(self.week)
        for office in ProvinceOffice.objects.active():
            digest = digest_for(office.province, self.week)
            already = DigestSent.objects.filter(office=office, week=label).exists()
            if already:
                status = "already_sent"
            elif self.dry_run:
                status = "would_send"
            else:
                status = "sent" if self._send_once(office, label, digest) else "already_sent"
            run.offices.append(OfficeResult(office.province, office.recipients, len(digest.expiring),
                                            len(digest.withdrawn), status))
        return run

    def _send_once(self, office: ProvinceOffice, label: str, digest: Digest) -> bool:
        email = event(digest, office.recipients)
        try:
            with transaction.atomic():
                _sent, created = DigestSent.objects.get_or_create(
                    office=office, week=label,
                    defaults={"recipients": ", ".join(office.recipients), "expiring_count": len(digest.expiring),
                              "withdrawn_count": len(digest.withdrawn)})
                if not created:
                    return False
                notify.send(email)  # a failure rolls the record back: the next run tries again
        except IntegrityError:  # another worker sent it at the same moment
            return False
        return True
