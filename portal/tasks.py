"""The portal's scheduled jobs in the web service's worker."""

from __future__ import annotations

from celery import shared_task

from .reminders import send_due_reminders


@shared_task(name="portal.tasks.send_certificate_reminders")
def send_certificate_reminders() -> int:
    """Certificate reminders due today (Vietnam time); each is sent once however often this runs."""
    return len(send_due_reminders())
