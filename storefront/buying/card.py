"""``/checkout/pay/``: paying by card, the step after the checkout form (``payment_method=card``).

The server starts the payment with Saleor's ``transactionInitialize`` (gateway ``ocop.market``, data
``{"paymentMethod": "card"}``); the app answers the PaymentIntent's ``clientSecret``, ``publishableKey`` and
``paymentIntentId``. The page mounts Stripe's Payment Element from Stripe.js (a static script, allowed by
this page's own Content-Security-Policy); with a Stripe stand-in (``STRIPE_API_BASE``, e.g. localstripe),
whose Stripe.js has no Payment Element, its card element, and the app confirms the intent with the card.
The form then comes back here: ``transactionProcess`` (the app reads the PaymentIntent again), then
``checkoutComplete``, then the confirmation.

A decline or a bank's 3-D Secure step is shown next to the card field, and the shopper tries again: each
try after a failure is a new Saleor transaction, keyed so that a reload or a form sent twice reuses the
same transaction and PaymentIntent (nothing is charged twice). A shopper who closes the tab after paying
still has a paid checkout: the app's Stripe webhook tells Saleor.

A shopper who chose ``vietqr`` on the checkout form gets the bank transfer step instead (vietqr.py).
"""

from __future__ import annotations

import hashlib
import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from catalog_sync.core.formats import money
from catalog_sync.core.security import policy_with
from catalog_sync.saleor import SaleorError
from catalog_sync.saleor.shopping import CardPayment, Cart, CheckoutRefused, Shop
from storefront.pages import language

from . import session, stocklock, vietqr
from .cart import current_cart, line_views
from .refusals import message

logger = logging.getLogger(__name__)

STRIPE_JS = "https://js.stripe.com/v3/"
_SALT = "ocop.buying.card"
_TOKEN_AGE = 24 * 3600


def stripe_js() -> tuple[str, str, dict[str, list[str]]]:
    """Stripe.js's address, the element to mount (``payment`` or a stand-in's ``card``), and the sources
    this page's Content-Security-Policy adds for it."""
    base = (getattr(settings, "STRIPE_API_BASE", None) or "").rstrip("/")
    if base:
        parts = urlsplit(base)
        origin = f"{parts.scheme}://{parts.netloc}"
        return f"{base}/js.stripe.com/v3/", "card", {
            "script-src": [origin], "frame-src": [origin], "connect-src": [origin]}
    return STRIPE_JS, "payment", {
        "script-src": ["https://js.stripe.com"], "frame-src": ["https://js.stripe.com", "https://hooks.stripe.com"],
        "connect-src": ["https://api.stripe.com"]}


def idempotency_key(cart: Cart, attempt: int) -> str:
    """One Saleor transaction per checkout, total and try: the same page twice is the same payment."""
    seed = f"{cart.id}|{cart.total.amount}|{cart.total.currency}|{attempt}"
    return "ocop-card-" + hashlib.sha256(seed.encode()).hexdigest()[:40]


def _ready(cart: Cart) -> bool:
    return bool(cart.email) and (not cart.ships or bool(cart.shipping_address and cart.shipping_method_id))


def failure_message(payment: CardPayment) -> str:
    reason = payment.message.lower()
    if "declin" in reason or "insufficient" in reason or "expired" in reason:
        return _("Your card was declined. Try another card, or go back and choose cash on delivery.")
    if "authenticat" in reason:
        return _("Your bank did not confirm the payment. Try again, or use another card.")
    if "not set up" in reason:
        return _("Card payment is not available right now: go back and choose cash on delivery.")
    return _("The payment did not go through. Try again, or go back and choose cash on delivery.")


def _page(request: HttpRequest, cart: Cart, payment: CardPayment | None, *, error: str = "",
          authenticate: bool = False, status: int = 200) -> HttpResponse:
    lang = language()
    script, element, sources = stripe_js()
    usable = payment is not None and not payment.failed and bool(payment.client_secret)
    response = render(request, "buying/pay.html", {
        "cart": cart,
        "lines": line_views(cart),
        "subtotal": money(cart.subtotal.amount, cart.subtotal.currency, lang),
        "shipping_price": money(cart.shipping_price.amount, cart.shipping_price.currency, lang),
        "total": money(cart.total.amount, cart.total.currency, lang),
        "payment": payment if usable else None,
        "payment_token": signing.dumps({"transaction": payment.transaction_id, "checkout": cart.id}, salt=_SALT)
        if usable and payment else "",
        "stripe_js": script,
        "element": element,
        "locale": lang,
        "error": error,
        "authenticate": authenticate,
        "return_url": request.build_absolute_uri(reverse("buying:pay")),
    }, status=status)
    if usable:
        response["Content-Security-Policy"] = policy_with(sources)
    return response


def _start(request: HttpRequest, shop: Shop, cart: Cart, attempt: int, *, error: str = "",
           status: int = 200) -> HttpResponse:
    try:
        payment = shop.start_card_payment(cart.id, cart.total, idempotency_key(cart, attempt))
        if payment.paid:  # paid already (the shopper closed the tab after paying, Stripe's webhook told Saleor)
            return _place_order(request, shop, cart, cart.id, payment)
    except CheckoutRefused as refused:
        logger.warning("card payment: Saleor refused to start it: %s", refused)
        return _page(request, cart, None, error=" ".join(message(r) for r in refused.refusals) or
                     _("Card payment is not available right now: go back and choose cash on delivery."), status=400)
    if payment.failed:
        logger.warning("card payment: the gateway refused to start it: %s", payment.message)
        response = _page(request, cart, payment, error=failure_message(payment), status=400)
    else:
        response = _page(request, cart, payment, error=error, status=status)
    session.keep_payment_attempt(response, cart.id, attempt)
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def pay_page(request: HttpRequest) -> HttpResponse:
    shop = session.shop()
    try:
        if request.method == "POST":
            return vietqr.finish(request, shop) if "transfer" in request.POST else _finish(request, shop)
        cart, removed = current_cart(request, shop)
        if cart is None or not cart.lines:
            messages.info(request, _("Your cart is empty."))
            return redirect("buying:cart")
        if removed or not _ready(cart):  # a line withdrawn, or no address yet: the checkout form first
            return redirect("buying:checkout")
        if session.payment_method(request, cart.id) == "vietqr":  # chosen on the checkout form
            return vietqr.start(request, shop, cart, session.payment_attempt(request, cart.id))
        return _start(request, shop, cart, session.payment_attempt(request, cart.id))
    except SaleorError as error:
        logger.exception("payment step: Saleor did not answer: %s", error)
        return render(request, "buying/unavailable.html", status=503)


def _finish(request: HttpRequest, shop: Shop) -> HttpResponse:
    """The shopper confirmed the card with Stripe.js (or gave it): settle, then place the order."""
    try:
        token = signing.loads(request.POST.get("payment", ""), salt=_SALT, max_age=_TOKEN_AGE)
        transaction_id, checkout_id = str(token["transaction"]), str(token["checkout"])
    except (signing.BadSignature, KeyError, TypeError):
        return redirect("buying:pay")
    cart, removed = current_cart(request, shop)
    if cart is not None and (cart.id != checkout_id or removed):  # the cart changed meanwhile: start again
        return redirect("buying:pay")
    method = request.POST.get("payment_method", "").strip()[:255] or None
    payment = shop.process_card_payment(transaction_id, method)
    if payment.failed:
        if cart is None:
            return redirect("buying:cart")
        attempt = session.payment_attempt(request, cart.id) + 1
        return _start(request, shop, cart, attempt, error=failure_message(payment), status=402)
    if not payment.paid:  # the bank asks the shopper to confirm (3-D Secure)
        if cart is None:
            return redirect("buying:cart")
        return _page(request, cart, payment, authenticate=True, status=402,
                     error=_("Your bank asks you to confirm this payment. Follow its steps, then it completes."))
    return _place_order(request, shop, cart, checkout_id, payment)


def _place_order(request: HttpRequest, shop: Shop, cart: Cart | None, checkout_id: str,
                 payment: CardPayment) -> HttpResponse:
    try:
        with stocklock.variants_locked(line.variant_id for line in (cart.lines if cart else ())):
            order = shop.complete(checkout_id)
    except stocklock.StockBusy:
        logger.error("card payment %s: paid, but the product's stock stayed busy", payment.transaction_id)
        if cart is None:
            return redirect("buying:cart")
        return _page(request, cart, None, status=409, error=_(
            "Many shoppers are buying this product right now. Try again in a moment."))
    except CheckoutRefused as refused:
        logger.error("card payment %s: paid, but Saleor refused the order: %s", payment.transaction_id, refused)
        if cart is None:
            return redirect("buying:cart")
        return _page(request, cart, None, status=400, error=" ".join(message(r) for r in refused.refusals))
    response = redirect("buying:order", number=int(order.number))
    response.status_code = 303
    session.remember_order(request, response, order)
    session.drop_cart(response)
    session.drop_payment(response)
    return response
