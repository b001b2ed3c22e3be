"""The payOS client layer against the payOS stand-in run for real (a subprocess on a loopback port).

Every answer the client accepts has passed the SDK's own signature check with the merchant's checksum
key; every webhook is verified with ``verify_webhook`` as the gateway verifies it.
"""

from __future__ import annotations

import json
import time

import pytest

from catalog_sync.payments.payos import vietqr
from catalog_sync.payments.payos.client import (
    PayosFailure,
    PayosKeys,
    PayoutLine,
    WebhookRefused,
    cancel_payment_request,
    confirm_webhook,
    create_batch_payout,
    create_payment_request,
    create_payout,
    new_order_code,
    open_payment_request,
    payout_balance,
    read_payment_request,
    read_payout,
    transfer_note,
    verify_webhook,
)
from tests.payos_standin import PAYOUT_SECONDS, WebhookReceiver

SHOP = "http://127.0.0.1:1/checkout/pay/"


@pytest.fixture
def payos(settings, payos_standin):
    settings.PAYOS_BASE_URL = payos_standin.url
    return payos_standin


@pytest.fixture
def webhooks():
    receiver = WebhookReceiver()
    yield receiver
    receiver.stop()


@pytest.fixture
def merchant(payos, webhooks):
    """A merchant of its own whose webhooks go to ``webhooks``: (keys, account)."""
    return payos.merchant(webhook_url=webhooks.url)


def open_request(keys, amount=150_000):
    return open_payment_request(keys, amount=amount, return_url=SHOP + "done/", cancel_url=SHOP + "cancel/")


def test_a_full_transfer_pays_the_request_and_its_webhook_is_signed_with_the_checksum_key(payos, merchant, webhooks):
    # given a payment request of 150,000 đồng
    keys, account = merchant
    request = open_request(keys)
    assert (request.status, request.amount, request.account_number) == ("PENDING", 150_000, account["accountNumber"])
    # when the whole amount arrives with the note as a bank rewrites it
    arrived = payos.transfer(account["accountNumber"], 150_000, f"MBVCB.3011.{request.description.lower()}.CT tu",
                             counterAccountName="NGUYEN VAN A", counterAccountNumber="0123456789",
                             counterAccountBankId="970436")
    # then one webhook reports it, signed with the checksum key
    [body] = webhooks.wait_for(1)
    paid = verify_webhook(keys, body)
    assert (paid.order_code, paid.amount, paid.payment_link_id, paid.code) == (
        request.order_code, 150_000, request.payment_link_id, "00")
    assert paid.reference == arrived["reference"]
    assert (paid.counter_account_name, paid.counter_account_number) == ("NGUYEN VAN A", "0123456789")
    # and the request reads PAID, all of it paid
    link = read_payment_request(keys, request.payment_link_id)
    assert (link.status, link.amount_paid, link.amount_remaining) == ("PAID", 150_000, 0)
    assert [t.amount for t in link.transactions] == [150_000]


def test_a_partial_transfer_is_a_partial_payment_and_the_rest_completes_it(payos, merchant, webhooks):
    # given a payment request of 150,000 đồng
    keys, account = merchant
    request = open_request(keys)
    # when 100,000 arrives
    payos.transfer(account["accountNumber"], 100_000, request.description)
    # then the webhook reports 100,000 and the request is underpaid by 50,000
    [first] = webhooks.wait_for(1)
    assert verify_webhook(keys, first).amount == 100_000
    link = read_payment_request(keys, request.order_code)
    assert (link.status, link.amount_paid, link.amount_remaining) == ("UNDERPAID", 100_000, 50_000)
    # when the remaining 50,000 arrives
    payos.transfer(account["accountNumber"], 50_000, request.description)
    # then it is paid
    bodies = webhooks.wait_for(2)
    assert [verify_webhook(keys, b).amount for b in bodies] == [100_000, 50_000]
    link = read_payment_request(keys, request.order_code)
    assert (link.status, link.amount_paid, link.amount_remaining) == ("PAID", 150_000, 0)


def test_an_overpayment_is_reported_as_what_arrived(payos, merchant, webhooks):
    keys, account = merchant
    request = open_request(keys)
    payos.transfer(account["accountNumber"], 200_000, request.description)
    [body] = webhooks.wait_for(1)
    assert verify_webhook(keys, body).amount == 200_000
    link = read_payment_request(keys, request.payment_link_id)
    assert (link.status, link.amount_paid, link.amount_remaining) == ("PAID", 200_000, 0)


def test_a_request_past_its_expiry_is_expired_and_takes_no_transfer(payos, merchant, webhooks):
    # given a request expiring in 2 seconds
    keys, account = merchant
    order_code = new_order_code()
    request = create_payment_request(keys, amount=50_000, order_code=order_code, description=transfer_note(order_code),
                                     return_url=SHOP, cancel_url=SHOP, expires_in=2)
    assert request.expired_at is not None and request.expired_at - time.time() <= 2
    # when its time passes
    deadline = time.monotonic() + 6
    while (link := read_payment_request(keys, order_code)).status == "PENDING" and time.monotonic() < deadline:
        time.sleep(0.2)
    # then it reads EXPIRED, and a transfer with its note is not taken as its payment (no webhook)
    assert link.status == "EXPIRED"
    assert payos.transfer(account["accountNumber"], 50_000, request.description)["matched"] is False
    assert webhooks.wait_for(1, timeout=1) == []
    assert read_payment_request(keys, order_code).amount_paid == 0


def test_a_15_minute_request_is_expired_at_once_by_the_test_endpoint(payos, merchant):
    keys, _account = merchant
    request = open_request(keys)
    assert 895 <= request.expired_at - time.time() <= 900
    payos.expire(request.payment_link_id)
    assert read_payment_request(keys, request.payment_link_id).status == "EXPIRED"


def test_a_cancelled_request_says_why_and_takes_no_transfer(payos, merchant, webhooks):
    keys, account = merchant
    request = open_request(keys)
    link = cancel_payment_request(keys, request.payment_link_id, "Khách chọn thanh toán khi nhận hàng")
    assert (link.status, link.cancellation_reason) == ("CANCELLED", "Khách chọn thanh toán khi nhận hàng")
    assert link.canceled_at is not None
    assert payos.transfer(account["accountNumber"], 150_000, request.description)["matched"] is False
    assert webhooks.wait_for(1, timeout=1) == []
    with pytest.raises(PayosFailure, match="CANCELLED"):
        cancel_payment_request(keys, request.payment_link_id)


def test_a_request_signed_with_another_checksum_key_is_refused(payos, merchant):
    keys, _account = merchant
    wrong = PayosKeys(keys.client_id, keys.api_key, "not-the-checksum-key")
    order_code = new_order_code()
    with pytest.raises(PayosFailure, match="signature") as refused:
        create_payment_request(wrong, amount=10_000, order_code=order_code, description=transfer_note(order_code),
                               return_url=SHOP, cancel_url=SHOP)
    assert refused.value.code == "20"
    with pytest.raises(PayosFailure, match="Đơn thanh toán không tồn tại"):
        read_payment_request(keys, order_code)


def test_a_wrong_api_key_is_unauthorised(payos, merchant):
    keys, _account = merchant
    with pytest.raises(PayosFailure) as refused:
        open_request(PayosKeys(keys.client_id, "wrong", keys.checksum_key))
    assert refused.value.status == 401


def test_a_webhook_altered_or_signed_with_another_key_is_refused(payos, merchant, webhooks):
    # given a genuine webhook
    keys, account = merchant
    request = open_request(keys)
    payos.transfer(account["accountNumber"], 150_000, request.description)
    [body] = webhooks.wait_for(1)
    # when its amount is altered, then it is refused
    altered = json.loads(body)
    altered["data"]["amount"] = 1_500_000
    with pytest.raises(WebhookRefused):
        verify_webhook(keys, json.dumps(altered).encode())
    # and another merchant's checksum key does not verify it
    with pytest.raises(WebhookRefused):
        verify_webhook(PayosKeys(keys.client_id, keys.api_key, "another-checksum-key"), body)
    with pytest.raises(WebhookRefused):
        verify_webhook(keys, b"not json")


def test_an_order_code_is_taken_once(payos, merchant):
    keys, _account = merchant
    order_code = new_order_code()
    create_payment_request(keys, amount=10_000, order_code=order_code, description=transfer_note(order_code),
                           return_url=SHOP, cancel_url=SHOP)
    with pytest.raises(PayosFailure, match="Đơn thanh toán đã tồn tại") as refused:
        create_payment_request(keys, amount=10_000, order_code=order_code, description=transfer_note(order_code),
                               return_url=SHOP, cancel_url=SHOP)
    assert refused.value.code == "231"


def test_a_note_longer_than_payos_takes_or_not_plain_ascii_is_refused_before_calling(payos, merchant):
    keys, _account = merchant
    for note in ("OCOP 12345678901234567890X", "Thanh toán đơn"):
        with pytest.raises(ValueError, match="description: 1 to 25 ASCII"):
            create_payment_request(keys, amount=10_000, order_code=new_order_code(), description=note,
                                   return_url=SHOP, cancel_url=SHOP)
    with pytest.raises(ValueError, match="amount: a positive whole number of đồng"):
        open_request(keys, amount=0)


def test_confirming_the_webhook_url_sends_it_a_signed_test_payment(payos, webhooks):
    keys, account = payos.merchant()
    confirmed = confirm_webhook(keys, webhooks.url)
    assert (confirmed.webhook_url, confirmed.account_number) == (webhooks.url, account["accountNumber"])
    [body] = webhooks.wait_for(1)
    assert verify_webhook(keys, body).order_code == 123


def test_the_vietqr_payload_is_napas_emvco_with_a_valid_crc_and_the_amount(payos, merchant):
    # given a payment request of 150,000 đồng
    keys, account = merchant
    request = open_request(keys)
    # then its qrCode reads as a NAPAS transfer to the merchant's account, the amount and note prefilled
    code = vietqr.parse(request.qr_code)
    assert (code.bank_bin, code.account_number, code.service, code.amount, code.note, code.dynamic) == (
        account["bin"], account["accountNumber"], "account", 150_000, request.description, True)
    assert request.qr_code[-4:] == vietqr.crc16(request.qr_code[:-4])
    # and one changed digit breaks the CRC
    forged = request.qr_code.replace("5406150000", "5406950000")
    with pytest.raises(vietqr.InvalidVietQR, match="CRC"):
        vietqr.parse(forged)
    # and it is drawn as an SVG QR code
    drawing = vietqr.svg(request.qr_code, title="VietQR 150.000 ₫")
    assert drawing.startswith("<svg") and "<title>VietQR 150.000 ₫</title>" in drawing


def test_a_batch_payout_sent_twice_with_its_idempotency_key_pays_once(payos):
    # given a payout account holding 10,000,000 đồng
    keys, _account = payos.merchant(payoutBalance=10_000_000)
    lines = [PayoutLine("P1-2026-11", 1_200_000, "OCOP 2026 11 P1", "970436", "1111222233"),
             PayoutLine("P2-2026-11", 800_000, "OCOP 2026 11 P2", "970415", "4444555566")]
    # when the same batch is sent twice with the same idempotency key
    first = create_batch_payout(keys, reference_id="run-2026-11", lines=lines, idempotency_key="run-2026-11-a")
    again = create_batch_payout(keys, reference_id="run-2026-11", lines=lines, idempotency_key="run-2026-11-a")
    # then it is one payout, and the money left the account once
    assert again.id == first.id
    assert [t.state for t in first.transactions] == ["PROCESSING", "PROCESSING"]
    assert payout_balance(keys) == 8_000_000
    # and the same key for another batch is refused
    with pytest.raises(PayosFailure) as refused:
        create_batch_payout(keys, reference_id="run-2026-11", lines=lines[:1], idempotency_key="run-2026-11-a")
    assert refused.value.status == 409
    # and once settled, both transfers succeeded with a bank reference
    time.sleep(PAYOUT_SECONDS + 0.1)
    payout = read_payout(keys, first.id)
    assert payout.approval_state == "COMPLETED"
    assert [(t.reference_id, t.state, bool(t.reference)) for t in payout.transactions] == [
        ("P1-2026-11", "SUCCEEDED", True), ("P2-2026-11", "SUCCEEDED", True)]


def test_a_transfer_to_a_failing_account_fails_and_the_others_succeed(payos):
    # given an account the bank refuses
    keys, _account = payos.merchant(payoutBalance=5_000_000)
    payos.fail_payouts_to("9999000011")
    lines = [PayoutLine("A", 100_000, "OCOP 2026 11 A", "970436", "1111000011"),
             PayoutLine("B", 200_000, "OCOP 2026 11 B", "970436", "9999000011"),
             PayoutLine("C", 300_000, "OCOP 2026 11 C", "970422", "2222000011")]
    # when a batch pays it among others
    payout = create_batch_payout(keys, reference_id="run-fail", lines=lines, idempotency_key="run-fail-1")
    time.sleep(PAYOUT_SECONDS + 0.1)
    payout = read_payout(keys, payout.id)
    # then that transfer FAILED with the bank's reason, the others SUCCEEDED
    assert [(t.reference_id, t.state) for t in payout.transactions] == [
        ("A", "SUCCEEDED"), ("B", "FAILED"), ("C", "SUCCEEDED")]
    failed = payout.transactions[1]
    assert (failed.error_code, failed.error_message) == ("INVALID_ACCOUNT", "Tài khoản thụ hưởng không hợp lệ")
    assert payout.approval_state == "PARTIAL_COMPLETED"
    # and the failed amount is back in the payout account
    assert payout_balance(keys) == 5_000_000 - 400_000


def test_an_order_code_payos_already_has_is_replaced_by_a_new_one(payos, merchant, monkeypatch):
    # given an order code payOS already took
    keys, _account = merchant
    taken = open_request(keys)
    fresh = new_order_code()
    codes = iter([taken.order_code, fresh])
    monkeypatch.setattr("catalog_sync.payments.payos.client.new_order_code", lambda: next(codes))
    # when the next request draws that code first, then it is opened under the next code, with its note
    request = open_request(keys, amount=20_000)
    assert (request.order_code, request.description, request.amount) == (fresh, f"OCOP {fresh}", 20_000)


def test_keys_never_show_but_the_client_id(payos, merchant):
    keys, _account = merchant
    assert keys.api_key not in repr(keys) and keys.checksum_key not in repr(keys)
    assert keys.client_id in repr(keys)


def test_a_single_payout_sent_twice_with_its_idempotency_key_pays_once_and_reads_by_its_reference(payos):
    keys, _account = payos.merchant(payoutBalance=1_000_000)
    line = PayoutLine("P9-2026-11", 250_000, "OCOP 2026 11 P9", "970436", "7777000011")
    first = create_payout(keys, line, idempotency_key="P9-2026-11-run-1")
    again = create_payout(keys, line, idempotency_key="P9-2026-11-run-1")
    assert again.id == first.id and payout_balance(keys) == 750_000
    time.sleep(PAYOUT_SECONDS + 0.1)
    payout = read_payout(keys, "P9-2026-11")
    assert (payout.id, [t.state for t in payout.transactions]) == (first.id, ["SUCCEEDED"])
