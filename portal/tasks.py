"""The portal's scheduled jobs in the web service's worker."""

from __future__ import annotations

from celery import shared_task

from catalog_sync.saleor import SaleorConnectionError

from .reminders import send_due_reminders


@shared_task(name="portal.tasks.send_certificate_reminders")
def send_certificate_reminders() -> int:
    """Certificate reminders due today (Vietnam time); each is sent once however often this runs."""
    return len(send_due_reminders())


@shared_task(name="portal.tasks.tell_producers_of_order", autoretry_for=(SaleorConnectionError, OSError),
             retry_backoff=True, max_retries=8)
def tell_producers_of_order(order_id: str) -> int:
    """Read the order from Saleor now; record each new line of a producer and email its people once."""
    from catalog_sync.app.clients import app_client
    from catalog_sync.saleor import producer_orders

    from .orders import record_new_lines

    with app_client() as client:
        order = producer_orders.order_by_id(client, order_id)
    return len(record_new_lines(order)) if order is not None else 0


@shared_task(name="portal.tasks.catch_up_orders", autoretry_for=(SaleorConnectionError,), retry_backoff=True,
             max_retries=3)
def catch_up_orders() -> dict | None:
    """Hourly (the web's beat): the orders of the last 48 hours no order webhook brought (order_catch_up.py).
    Nothing to do before the app is installed."""
    from django.utils import timezone

    from catalog_sync.app.clients import installed_app_client

    from .order_catch_up import WINDOW, catch_up

    client = installed_app_client()
    if client is None:
        return None
    with client:
        return catch_up(client, timezone.now() - WINDOW).as_json()
