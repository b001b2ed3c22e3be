"""Saleor's signed order deliveries for the ledger (the app's manifest subscribes ``/saleor/payouts/orders/``
to ``ORDER_MONEY``): checked like the app's other webhooks, each delivery handled once; the web worker then
reads the order and records it (``tasks.record_order``)."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.utils.dateparse import parse_datetime
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from catalog_sync.app import deliveries

MAX_BODY_BYTES = 64 * 1024
EVENTS = ("OrderFullyPaid", "OrderPaid", "OrderFulfilled", "FulfillmentCreated", "OrderRefunded",
          "OrderFullyRefunded", "OrderUpdated")


@csrf_exempt
@require_POST
def order_money_webhook(request: HttpRequest) -> JsonResponse:
    payload, refused = deliveries.signed_json(request, MAX_BODY_BYTES, "payouts order webhook")
    if refused is not None:
        return refused
    kind = payload.get("__typename") if isinstance(payload, dict) else None
    if kind not in EVENTS:
        return JsonResponse({"ignored": "not about an order's money"})
    order = payload.get("order")
    order_id = order.get("id") if isinstance(order, dict) else None
    issued_at = parse_datetime(str(payload.get("issuedAt") or ""))
    if not isinstance(order_id, str) or not order_id or issued_at is None:
        return deliveries.error("order.id and issuedAt are required", 400)
    if deliveries.too_old(issued_at):
        return JsonResponse({"ignored": "issued too long ago"})
    try:
        with deliveries.first_time(request.body, kind, issued_at):
            pass
    except deliveries.AlreadyHandled:
        return JsonResponse({"ignored": "already handled"})
    from .tasks import record_order

    record_order.delay(order_id)
    return JsonResponse({"queued": order_id})
