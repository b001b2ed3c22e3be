"""The payouts' jobs in the web service's worker: the ledger from each order delivery and the hourly
catch-up, the monthly statements, and following a payout run until payOS says every transfer is done."""

from __future__ import annotations

from celery import shared_task

from catalog_sync.saleor import SaleorConnectionError


@shared_task(name="catalog_sync.payouts.tasks.record_order", autoretry_for=(SaleorConnectionError, OSError),
             retry_backoff=True, max_retries=8)
def record_order(order_id: str) -> int:
    """Read the order from Saleor now and write what its producers' lines earned or gave back (once each)."""
    from catalog_sync.app.clients import app_client
    from catalog_sync.saleor import payout_orders

    from .ledger import record

    with app_client() as client:
        order = payout_orders.payout_order(client, order_id)
    return len(record(order).new) if order is not None else 0


@shared_task(name="catalog_sync.payouts.tasks.catch_up_ledger", autoretry_for=(SaleorConnectionError,),
             retry_backoff=True, max_retries=3)
def catch_up_ledger() -> dict | None:
    """Hourly: the orders Saleor changed in the last 48 hours, recorded (nothing before the app is installed)."""
    from django.conf import settings
    from django.utils import timezone

    from catalog_sync.app.models import Installation
    from catalog_sync.saleor import SaleorClient, make_transport

    from .catch_up import WINDOW, catch_up

    installation = Installation.objects.for_api_url(settings.SALEOR_API_URL or "")
    if installation is None:
        return None
    with SaleorClient(installation.saleor_api_url, installation.token, transport=make_transport()) as client:
        return catch_up(client, timezone.now() - WINDOW).as_json()


@shared_task(name="catalog_sync.payouts.tasks.send_monthly_statements")
def send_monthly_statements(month: str | None = None) -> int:
    """On the 1st: every producer's statement of the month before (``month``: YYYY-MM), emailed once."""
    import datetime

    from django.utils import timezone

    from .ledger import vietnam_date
    from .notices import send_monthly

    if month is None:
        month = f"{vietnam_date(timezone.now()).replace(day=1) - datetime.timedelta(days=1):%Y-%m}"
    return len(send_monthly(month))


POLL_SECONDS = 30
MAX_POLLS = 240  # two hours of payOS saying "processing": then staff look (the run page shows it)


@shared_task(name="catalog_sync.payouts.tasks.follow_payout")
def follow_payout(payout_id: int) -> str:
    """Read a sent run's batch from payOS; again in ``POLL_SECONDS`` while a transfer is still processing, at most
    ``MAX_POLLS`` times. A run payOS never received (it was down) is sent again with the same references."""
    from .models import Payout
    from .runs import follow, send

    payout = Payout.objects.filter(pk=payout_id).first()
    if payout is None:
        return "gone"
    payout = send(payout) if payout.status == Payout.PREPARED else follow(payout)
    if payout.status in (Payout.PREPARED, Payout.SENT) and payout.polls < MAX_POLLS:
        if payout.status == Payout.PREPARED:
            payout.polls += 1
            payout.save(update_fields=["polls"])
        follow_payout.apply_async((payout_id,), countdown=POLL_SECONDS)
    return payout.status
