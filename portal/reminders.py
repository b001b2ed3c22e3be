"""Certificate reminders: emails to a producer's people 90, 30 and 7 days before a last valid day.

Days are counted in Vietnam local time. Each reminder is sent once (a ``CertificateReminder`` row,
unique per certificate, last valid day and threshold, written in the same transaction as the send);
a run that missed its day sends the reminder of the threshold the certificate is now within, never
an earlier, less urgent one. Certificates already renewed or revoked get none.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction

from catalog_sync import notify
from catalog_sync.domain.validity import vietnam_today
from catalog_sync.registry.models import Certificate

from .models import CertificateReminder, ProducerAccount

REMINDER_DAYS = (90, 30, 7)


def threshold(days_left: int) -> int | None:
    """The reminder due when ``days_left`` days remain before the last valid day (None: none due)."""
    due = [days for days in REMINDER_DAYS if 0 <= days_left <= days]
    return min(due) if due else None


@dataclass(frozen=True)
class SentReminder:
    certificate_id: str
    days_before: int
    recipients: tuple[str, ...]


def send_due_reminders(now: datetime.datetime | None = None) -> list[SentReminder]:
    today = vietnam_today(now)
    horizon = today + datetime.timedelta(days=max(REMINDER_DAYS))
    candidates = (Certificate.objects.active_on(today)
                  .filter(valid_until__lte=horizon, revoked_on__isnull=True, superseded_by__isnull=True)
                  .select_related("producer").order_by("valid_until", "id"))
    sent = []
    for certificate in candidates:
        days_left = (certificate.valid_until - today).days
        days = threshold(days_left)
        if days is None:
            continue
        recipients = tuple(ProducerAccount.objects.filter(
            producer_id=certificate.producer_id, activated_at__isnull=False, suspended_at__isnull=True,
            user__is_active=True).order_by("user__email").values_list("user__email", flat=True))
        if not recipients:
            continue  # nobody to tell yet: a person invited later still gets it
        if _send_once(certificate, days, days_left, today, recipients):
            sent.append(SentReminder(certificate.id, days, recipients))
    return sent


def _send_once(certificate: Certificate, days: int, days_left: int, today: datetime.date,
               recipients: tuple[str, ...]) -> bool:
    try:
        with transaction.atomic():
            _reminder, created = CertificateReminder.objects.get_or_create(
                certificate=certificate, valid_until=certificate.valid_until, days_before=days,
                defaults={"sent_on": today, "recipients": ", ".join(recipients)})
            if not created:
                return False
            notify.send(notify.events.CertificateReminder(  # a failure rolls the record back: tried again later
                recipients=notify.events.recipients(recipients, (settings.LANGUAGE_CODE,)),
                certificate_id=certificate.id, product_name=certificate.product_name,
                valid_until=certificate.valid_until, days_left=days_left,
                portal_url=settings.PUBLIC_URL.rstrip("/") + "/portal/certificates/"))
    except IntegrityError:  # another worker sent it at the same moment
        return False
    return True
