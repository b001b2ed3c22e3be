"""Webhook work, done in the web service's worker."""

from __future__ import annotations

import datetime
import logging

from celery import shared_task

from catalog_sync.saleor import SaleorConnectionError

from . import health
from .events import Change

log = logging.getLogger(__name__)


@shared_task(autoretry_for=(SaleorConnectionError,), retry_backoff=True, max_retries=8)
def refresh_object(kind: str, object_id: str, issued_at: str, deleted: bool = False,
                   page_type: str | None = None) -> str:
    from .readers import installed_reader
    from .refresh import apply_change

    change = Change(kind, object_id, datetime.datetime.fromisoformat(issued_at), deleted, page_type)  # type: ignore[arg-type]
    reader = installed_reader()
    try:
        outcome = apply_change(change, reader)
    except SaleorConnectionError:
        health.record(False)
        raise
    finally:
        reader.client.close()
    health.record(True)
    log.info("%s", outcome)
    from .signals import object_refreshed

    object_refreshed.send(sender=refresh_object, kind=kind, object_id=object_id, outcome=outcome)
    return outcome


@shared_task
def check_saleor() -> bool:
    """Every minute (the web's beat): does Saleor answer? The shop says so when it does not."""
    from .readers import installed_reader

    reader = installed_reader()
    try:
        return health.check(reader.client)
    finally:
        reader.client.close()


@shared_task(autoretry_for=(SaleorConnectionError,), retry_backoff=True, max_retries=3)
def catch_up_withdrawals() -> dict | None:
    """Hourly (the web's beat): the plugin's log of the products changed in the last 48 hours that no
    webhook brought (withdrawal_catch_up.py). Nothing to do before the app is installed."""
    from django.utils import timezone

    from .clients import installed_app_client
    from .withdrawal_catch_up import WINDOW, catch_up

    client = installed_app_client()
    if client is None:
        return None
    with client:
        return catch_up(client, timezone.now() - WINDOW).as_json()


@shared_task
def report_ended_vietqr() -> list[str]:
    """VietQR payment requests that expired (or were cancelled) unpaid, told to Saleor as charge failures."""
    from catalog_sync.payments.payos.events import report_ended

    from .models import Installation

    def token_for(api_url: str) -> str | None:
        installation = Installation.objects.for_api_url(api_url)
        return installation.token if installation is not None else None

    return report_ended(token_for)
