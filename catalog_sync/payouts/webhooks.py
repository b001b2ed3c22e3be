"""Saleor's signed order deliveries for the ledger (the app's manifest subscribes ``/saleor/payouts/orders/``
to ``ORDER_MONEY``): checked like the app's other webhooks, each delivery handled once; the web worker then
reads the order and records it (``tasks.record_order``)."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from catalog_sync.app import deliveries

MAX_BODY_BYTES = 64 * 1024
EVENTS = ("OrderFullyPaid", "OrderPaid", "OrderFulfilled", "FulfillmentCreated", "OrderRefunded",
          "OrderFullyRefunded", "OrderUpdated")


@csrf_exempt
@require_POST
def order_money_webhook(request: HttpRequest) -> JsonResponse:
    order_id, answer = deliveries.order_event(request, MAX_BODY_BYTES, "payouts order webhook", EVENTS,
                                              "not about an order's money")
    if answer is not None:
        return answer
    from .tasks import record_order

    record_order.delay(order_id)
    return JsonResponse({"queued": order_id})
