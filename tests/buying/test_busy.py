"""What a shopper reads after waiting behind others buying the same product (refusals.busy)."""

from __future__ import annotations

from decimal import Decimal

from django.utils import translation

from catalog_sync.saleor.shopping import Cart, CartLine, Money
from storefront.buying.refusals import busy

VND = Money(Decimal(120_000), "VND")


def cart_of(*lines: CartLine) -> Cart:
    return Cart(id="Q2hlY2tvdXQ6MQ==", lines=lines, subtotal=VND, shipping_price=VND, total=VND, ships=True)


def line(id: str, quantity: int, available: int | None, stock_limit: int | None = None) -> CartLine:
    return CartLine(id=id, quantity=quantity, variant_id=f"v-{id}", variant_name="500 ml", product_id=f"p-{id}",
                    product_slug=f"p-{id}", product_name="Nước mắm", unit_price=VND, total=VND, ships=True,
                    quantity_available=available, stock_limit=stock_limit)


def test_a_line_saleor_can_no_longer_fill_says_so_beside_it_and_nothing_else_is_said():
    # given a cart as Saleor answers it after the wait: one line sold out, one short, one still in stock
    cart = cart_of(line("a", 1, 0), line("b", 3, 2), line("c", 1, 5), line("d", 2, 9, stock_limit=1))
    # when the wait ran out
    with translation.override("vi"):
        placed = busy(cart)
    # then the sold-out and short lines say what is left, the others nothing, and no general message
    assert dict(placed.lines) == {"a": ["Đã hết hàng."], "b": ["Chỉ còn 2 trong kho."], "d": ["Chỉ còn 1 trong kho."]}
    assert placed.general == []


def test_when_every_line_can_still_be_filled_the_shopper_is_asked_to_try_again():
    with translation.override("vi"):
        placed = busy(cart_of(line("a", 1, 4), line("b", 2, None)))
    assert dict(placed.lines) == {}
    assert placed.general == ["Nhiều người đang mua sản phẩm này cùng lúc. Vui lòng thử lại sau giây lát."]
