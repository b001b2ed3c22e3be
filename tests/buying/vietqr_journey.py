"""A shopper pays by VietQR bank transfer through the web service: the checkout form, the VietQR page (its code
checked: account, amount to the đồng, note), the transfer, "Tôi đã chuyển khoản", the confirmation.

Shared by tier 1 (Saleor's replies replayed from tests/fixtures/saleor/21_buying_vietqr.json; the transfer
already in them) and tier 2 (tests/tier2/test_vietqr_checkout.py: a real Saleor and the payOS stand-in, where
``transfer`` makes the bank transfer and waits until payOS's webhook was handled).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from decimal import Decimal

from django.test import Client

from catalog_sync.catalogue.records import ProductRecord
from catalog_sync.payments.payos import vietqr

from . import journeys

TRANSFERRED = "Tôi đã chuyển khoản"


def transfer_page(response) -> dict:
    """What the VietQR page shows: its code's payload (parsed and checked), the note, and the form's token."""
    text = response.content.decode()
    assert response.status_code in (200, 202, 402), text[:3000]
    payload = re.search(r'data-vietqr="([^"]+)"', text)
    assert payload, text[:3000]
    code = vietqr.parse(html.unescape(payload.group(1)))
    token = re.search(r'<input type="hidden" name="transfer" value="([^"]+)">', text)
    note = re.search(r'<output id="transfer-note">([^<]+)</output>', text)
    account = re.search(r'<output id="transfer-account">([^<]+)</output>', text)
    assert token and note and account
    assert (note.group(1), account.group(1)) == (code.note, code.account_number)
    return {"code": code, "token": token.group(1), "html": text}


def paid_journey(client: Client, product: ProductRecord, transfer: Callable[[vietqr.VietQR], None],
                 timed: Callable = lambda name, call: call()) -> tuple[str, Decimal]:
    """One unit bought and paid in full by VietQR; the order number and the total asked."""
    journeys.add(client, product, 1)
    chosen = timed("checkout form → /checkout/pay/", lambda: journeys.checkout(client, payment_method="vietqr"))
    assert (chosen.status_code, chosen["Location"]) == (303, "/checkout/pay/")
    page = transfer_page(timed("VietQR page (transactionInitialize: a payOS request)",
                               lambda: client.get("/checkout/pay/")))
    # the code asks exactly the order's total (Saleor's price and delivery), with a transfer note
    total = journeys.price(product) + journeys.SHIPPING
    assert page["code"].amount == int(total)
    assert page["code"].note.startswith("OCOP ")
    assert TRANSFERRED in page["html"]
    transfer(page["code"])
    placed = timed('"Tôi đã chuyển khoản" → order (transactionProcess, checkoutComplete)',
                   lambda: client.post("/checkout/pay/", {"transfer": page["token"]}))
    return journeys.order_number(placed), total
