"""What the shop already knows from Saleor's last answers, so a buying step sends Saleor only its changes.

- The cart: the last ``Cart`` Saleor answered for a checkout (every read and mutation through
  ``session.shop()`` stores it). A step that changes the cart (a quantity, the checkout form) starts
  from it instead of reading the checkout first; what it changes comes back fresh from Saleor in the
  same request, and the placing step checks that fresh answer (withdrawn lines, delivery) before
  ``checkoutComplete``. Pages that show the cart (GET) always read it live. Invalidation: replaced by
  every answer for that checkout, dropped when the order is placed, and gone after ``CART_SECONDS``.
- Delivery methods by province: which methods Saleor offered for an address in a province (the same
  for every address there: the shipping zone is the country, priced per zone). The checkout form
  then sets the address and the method in one request. Invalidation: a short TTL
  (``DELIVERY_SECONDS``: a change in Saleor's shipping zones is seen within it), and dropped at once
  when Saleor refuses a method taken from it.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache

from catalog_sync.saleor.shopping import Cart, ShippingOption

CART_SECONDS = 3600
DELIVERY_SECONDS = 300


def _cart_key(checkout_id: str) -> str:
    return f"buying:cart:{checkout_id}"


def _delivery_key(channel: str, province: str) -> str:
    return f"buying:delivery:{channel}:{hashlib.sha256(province.encode()).hexdigest()[:16]}"  # no spaces in keys


def remember(cart: Cart) -> None:
    cache.set(_cart_key(cart.id), cart, CART_SECONDS)


def cart(checkout_id: str) -> Cart | None:
    found = cache.get(_cart_key(checkout_id))
    return found if isinstance(found, Cart) else None


def forget(checkout_id: str) -> None:
    cache.delete(_cart_key(checkout_id))


def remember_delivery(channel: str, province: str, options: tuple[ShippingOption, ...]) -> None:
    """The methods Saleor offered for an address in ``province`` (as the form sends it to Saleor)."""
    if options:
        cache.set(_delivery_key(channel, province), options, DELIVERY_SECONDS)


def delivery(channel: str, province: str) -> tuple[ShippingOption, ...]:
    found = cache.get(_delivery_key(channel, province))
    return found if isinstance(found, tuple) else ()


def forget_delivery(channel: str, province: str) -> None:
    cache.delete(_delivery_key(channel, province))
