"""``/checkout/pay/`` for ``payment_method=vietqr``: a bank transfer by VietQR (payOS), the step after the checkout.

The server starts the payment with Saleor's ``transactionInitialize`` (gateway ``ocop.market``, data
``{"paymentMethod": "vietqr"}``); the app answers the payment request's VietQR payload, bank account, amount,
transfer note and expiry. The page shows the code drawn here as SVG (no script, no image from elsewhere: the
site's strict Content-Security-Policy is kept), the details as text to copy, and the time left; its payload is
also on the page as ``data-vietqr``. "Tôi đã chuyển khoản" (a form: no JavaScript needed) asks Saleor's
``transactionProcess`` what arrived; with JavaScript the page asks ``/checkout/pay/status/`` every few seconds
and sends that form by itself once money arrived or the request ended. Paid in full: ``checkoutComplete``, then
the confirmation. Part paid: what arrived and what is left to transfer, with the same note. Expired or
cancelled: try again (a new transaction and QR code) or go back and choose cash on delivery.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
from decimal import Decimal

from django.core import signing
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from catalog_sync.core.formats import money
from catalog_sync.payments.payos import vietqr
from catalog_sync.saleor import SaleorError
from catalog_sync.saleor.shopping import Cart, CheckoutRefused, Shop, TransferPayment
from storefront.pages import language

from . import session, stocklock
from .cart import current_cart, line_views
from .refusals import message

logger = logging.getLogger(__name__)

_SALT = "ocop.buying.vietqr"
_TOKEN_AGE = 24 * 3600
POLL_SECONDS = 4

# Napas BINs of the banks most stores receive on (the page names the bank; any other shows its BIN).
BANKS = {
    "970436": "Vietcombank", "970415": "VietinBank", "970418": "BIDV", "970405": "Agribank", "970422": "MB Bank",
    "970407": "Techcombank", "970416": "ACB", "970432": "VPBank", "970423": "TPBank", "970403": "Sacombank",
    "970437": "HDBank", "970441": "VIB", "970443": "SHB", "970426": "MSB", "970448": "OCB",
}


def idempotency_key(cart: Cart, attempt: int) -> str:
    """One Saleor transaction per checkout, total and try, never the card's: the same page twice is one request."""
    seed = f"{cart.id}|{cart.total.amount}|{cart.total.currency}|{attempt}|vietqr"
    return "ocop-vietqr-" + hashlib.sha256(seed.encode()).hexdigest()[:40]


def _amount(value: object) -> int:
    try:
        return int(Decimal(str(value)))
    except (ArithmeticError, ValueError):
        return 0


def paid_amount(payment: TransferPayment) -> int:
    """What arrived, in đồng: Saleor's charged amount (the transfers reported), else what the app's data says."""
    return int(payment.charged.amount) if payment.charged else _amount(payment.data.get("amountPaid"))


def state_of(payment: TransferPayment, total: Decimal) -> str:
    """``paid`` (in full or more), ``underpaid``, ``failed`` (expired or cancelled, nothing arrived), ``waiting``."""
    if payment.failed:
        return "failed"
    charged = payment.charged.amount if payment.charged else Decimal(_amount(payment.data.get("amountPaid")))
    if payment.result == "CHARGE_SUCCESS" and charged >= total:
        return "paid"
    if payment.result == "CHARGE_SUCCESS" or charged > 0:
        return "underpaid"
    return "waiting"


def _seconds_left(expires_at: str) -> int:
    try:
        moment = datetime.datetime.fromisoformat(expires_at)
    except (TypeError, ValueError):
        return 0
    return max(0, int((moment - timezone.now()).total_seconds()))


def _token(payment: TransferPayment, cart: Cart) -> str:
    return signing.dumps({"transaction": payment.transaction_id, "checkout": cart.id, "data": payment.data},
                         salt=_SALT, compress=True)


def _page(request: HttpRequest, cart: Cart, payment: TransferPayment | None, *, state: str = "waiting",
          error: str = "", status: int = 200) -> HttpResponse:
    lang = language()
    data = payment.data if payment is not None else {}
    payload = str(data.get("qrCode") or "")
    try:
        code = vietqr.parse(payload) if payload else None
    except vietqr.InvalidVietQR as bad:
        logger.error("VietQR payment %s: the payload is not a valid VietQR: %s",
                     payment.transaction_id if payment else "?", bad)
        code = None
    amount = _amount(data.get("amount"))
    paid = _amount(data.get("amountPaid"))
    bank_bin = str(data.get("bin") or "")
    return render(request, "buying/vietqr.html", {
        "cart": cart,
        "lines": line_views(cart),
        "subtotal": money(cart.subtotal.amount, cart.subtotal.currency, lang),
        "shipping_price": money(cart.shipping_price.amount, cart.shipping_price.currency, lang),
        "total": money(cart.total.amount, cart.total.currency, lang),
        "payment": payment if code is not None and state != "failed" else None,
        "state": state,
        "qr_svg": vietqr.svg(payload, title=_("VietQR code of this payment"), scale=5) if code is not None else "",
        "payload": payload,
        "bank": BANKS.get(bank_bin, f"BIN {bank_bin}"),
        "account_number": data.get("accountNumber") or "",
        "account_name": data.get("accountName") or "",
        "amount": money(Decimal(amount), "VND", lang),
        "amount_plain": str(amount),
        "paid": money(Decimal(paid), "VND", lang),
        "left": money(Decimal(max(0, amount - paid)), "VND", lang),
        "note": data.get("description") or "",
        "seconds_left": (left := _seconds_left(str(data.get("expiresAt") or ""))),
        "time_left": f"{left // 60}:{left % 60:02d}",
        "expires_at": data.get("expiresAt") or "",
        "token": _token(payment, cart) if payment is not None else "",
        "poll_seconds": POLL_SECONDS,
        "error": error,
    }, status=status)


def start(request: HttpRequest, shop: Shop, cart: Cart, attempt: int, *, error: str = "",
          status: int = 200) -> HttpResponse:
    try:
        payment = shop.start_vietqr_payment(cart.id, cart.total, idempotency_key(cart, attempt))
    except CheckoutRefused as refused:
        logger.warning("VietQR payment: Saleor refused to start it: %s", refused)
        return _page(request, cart, None, state="failed", status=400, error=" ".join(
            message(r) for r in refused.refusals) or _unavailable())
    if payment.failed:
        logger.warning("VietQR payment: the gateway refused to start it: %s", payment.message)
        response = _page(request, cart, None, state="failed", error=_unavailable(), status=400)
    else:
        response = _page(request, cart, payment, error=error, status=status)
    session.keep_payment_attempt(response, cart.id, attempt, "vietqr")
    return response


def _unavailable() -> str:
    return _("Bank transfer is not available right now: go back and choose cash on delivery.")


def _read_token(request: HttpRequest, value: str) -> tuple[str, str, dict] | None:
    try:
        token = signing.loads(value, salt=_SALT, max_age=_TOKEN_AGE)
        return str(token["transaction"]), str(token["checkout"]), dict(token.get("data") or {})
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def finish(request: HttpRequest, shop: Shop) -> HttpResponse:
    """"Tôi đã chuyển khoản" (or the page's script once money arrived): ask what arrived, then place the order."""
    read = _read_token(request, request.POST.get("transfer", ""))
    if read is None:
        return redirect("buying:pay")
    transaction_id, checkout_id, started_data = read
    cart, removed = current_cart(request, shop)
    if cart is not None and (cart.id != checkout_id or removed):  # the cart changed meanwhile: start again
        return redirect("buying:pay")
    if request.POST.get("again") and cart is not None:  # a new QR code after the last one expired
        return start(request, shop, cart, session.payment_attempt(request, cart.id) + 1)
    payment = shop.process_vietqr_payment(transaction_id)
    payment = TransferPayment(payment.transaction_id, payment.result, payment.message,
                              {**started_data, **payment.data, "amountPaid": paid_amount(payment)}, payment.charged)
    total = cart.total.amount if cart is not None else Decimal(_amount(started_data.get("amount")))
    state = state_of(payment, total)
    if state == "paid":
        return _place_order(request, shop, cart, checkout_id, payment)
    if cart is None:
        return redirect("buying:cart")
    if state == "failed":
        return _page(request, cart, payment, state="failed", status=402, error=_(
            "The time to transfer ran out and no money arrived. Get a new code, or go back and choose cash on "
            "delivery."))
    if state == "underpaid":
        return _page(request, cart, payment, state="underpaid", status=402, error=_(
            "Part of the amount arrived. Transfer what is left with the same note to complete the payment."))
    return _page(request, cart, payment, status=202, error=_(
        "Your transfer has not arrived yet. Transfers by Napas 247 usually arrive within a minute: wait a moment, "
        "then check again."))


@require_GET
def status(request: HttpRequest) -> JsonResponse:
    """``/checkout/pay/status/?transfer=<token>``: the payment's state for the page's script (no order placed)."""
    read = _read_token(request, request.GET.get("transfer", ""))
    if read is None:
        return JsonResponse({"error": "transfer: not a payment of this browser"}, status=400)
    transaction_id, _checkout_id, started_data = read
    try:
        payment = session.shop().process_vietqr_payment(transaction_id)
    except (SaleorError, CheckoutRefused) as error:
        logger.warning("VietQR status: Saleor did not answer: %s", error)
        return JsonResponse({"state": "unknown"}, status=503)
    total = Decimal(_amount(started_data.get("amount")))
    return JsonResponse({"state": state_of(payment, total), "amountPaid": paid_amount(payment)})


def _place_order(request: HttpRequest, shop: Shop, cart: Cart | None, checkout_id: str,
                 payment: TransferPayment) -> HttpResponse:
    try:
        with stocklock.variants_locked(line.variant_id for line in (cart.lines if cart else ())):
            order = shop.complete(checkout_id)
    except stocklock.StockBusy:
        logger.error("VietQR payment %s: paid, but the product's stock stayed busy", payment.transaction_id)
        if cart is None:
            return redirect("buying:cart")
        return _page(request, cart, payment, state="paid", status=409, error=_(
            "Many shoppers are buying this product right now. Try again in a moment."))
    except CheckoutRefused as refused:
        logger.error("VietQR payment %s: paid, but Saleor refused the order: %s", payment.transaction_id, refused)
        if cart is None:
            return redirect("buying:cart")
        return _page(request, cart, payment, state="paid", status=400,
                     error=" ".join(message(r) for r in refused.refusals))
    response = redirect("buying:order", number=int(order.number))
    response.status_code = 303
    session.remember_order(request, response, order)
    session.drop_cart(response)
    session.drop_payment(response)
    return response
