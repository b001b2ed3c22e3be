"""The payOS stand-in's own rules over raw HTTP, where the client layer would refuse before calling it."""

from __future__ import annotations

import time

import httpx
import pytest
from payos import PayOS
from payos.types import CreatePaymentLinkRequest

from standins.payos import signing, vietqr
from tests.payos_standin import WebhookReceiver


def sdk(payos_standin, keys) -> PayOS:
    return PayOS(keys.client_id, keys.api_key, keys.checksum_key, base_url=payos_standin.url, max_retries=0)


def post_signed(payos_standin, keys, path, body, **headers):
    return httpx.post(f"{payos_standin.url}{path}", json=body, headers={
        "x-client-id": keys.client_id, "x-api-key": keys.api_key, **headers})


def request_body(keys, **fields):
    body = {"orderCode": int(time.time() * 1000), "amount": 10_000, "description": "OCOP TEST",
            "cancelUrl": "http://127.0.0.1/c", "returnUrl": "http://127.0.0.1/r", **fields}
    return {**body, "signature": signing.payment_request_signature(body, keys.checksum_key)}


@pytest.mark.parametrize(("linked", "limit"), [(True, 25), (False, 9)], ids=["linked account", "other account"])
def test_a_description_longer_than_payos_allows_is_refused_naming_the_limit(payos_standin, linked, limit):
    keys, _account = payos_standin.merchant(linked=linked)
    answer = post_signed(payos_standin, keys, "/v2/payment-requests", request_body(keys, description="X" * (limit + 1)))
    assert answer.status_code == 200
    assert answer.json() == {"code": "20", "desc": f"description: at most {limit} characters ({limit + 1} given)",
                             "data": None}
    accepted = post_signed(payos_standin, keys, "/v2/payment-requests", request_body(keys, description="X" * limit))
    assert accepted.json()["code"] == "00"


@pytest.mark.parametrize(("field", "value"), [("amount", 0), ("amount", "10000"), ("orderCode", -1),
                                              ("orderCode", 9007199254740992), ("expiredAt", 1_000_000)])
def test_a_bad_amount_order_code_or_expiry_is_refused_naming_the_field(payos_standin, field, value):
    keys, _account = payos_standin.merchant()
    answer = post_signed(payos_standin, keys, "/v2/payment-requests", request_body(keys, **{field: value})).json()
    assert answer["code"] == "20" and answer["desc"].startswith(f"{field}: required, an integer from ")


def test_answers_are_signed_so_the_sdk_refuses_them_under_another_checksum_key(payos_standin):
    keys, _account = payos_standin.merchant()
    order_code = int(time.time() * 1000)
    created = sdk(payos_standin, keys).payment_requests.create(CreatePaymentLinkRequest(
        order_code=order_code, amount=5_000, description="OCOP SIGNED", cancel_url="http://x/", return_url="http://x/"))
    assert vietqr.crc16(created.qr_code[:-4]) == created.qr_code[-4:]
    # the same answer read with the right keys but checked with another checksum key is refused by the SDK
    reader = sdk(payos_standin, keys)
    reader.checksum_key = "another-checksum-key"
    with pytest.raises(Exception, match="signature"):
        reader.payment_requests.get(order_code)


def test_a_transfer_to_an_account_no_merchant_has_is_refused(payos_standin):
    answer = httpx.post(f"{payos_standin.url}/_test/transfer",
                        json={"accountNumber": "000000000", "amount": 1_000, "description": "OCOP 1"})
    assert answer.status_code == 404
    assert answer.json()["desc"] == "accountNumber 000000000: no merchant's account here"


def test_a_transfer_whose_note_names_no_request_arrives_unmatched(payos_standin):
    keys, account = payos_standin.merchant()
    sdk(payos_standin, keys).payment_requests.create(CreatePaymentLinkRequest(
        order_code=int(time.time() * 1000), amount=5_000, description="OCOP 777", cancel_url="http://x/",
        return_url="http://x/"))
    assert payos_standin.transfer(account["accountNumber"], 5_000, "OCOP 778")["matched"] is False


def test_a_payout_whose_x_signature_is_not_the_checksum_keys_is_refused(payos_standin):
    keys, _account = payos_standin.merchant()
    body = {"referenceId": "r1", "amount": 1_000, "description": "x", "toBin": "970436", "toAccountNumber": "123"}
    answer = post_signed(payos_standin, keys, "/v1/payouts", body, **{
        "x-idempotency-key": "k1", "x-signature": signing.header_signature(body, "another-key")})
    assert (answer.status_code, answer.json()["desc"]) == (
        400, "x-signature: does not match the body signed with the checksum key")
    right = post_signed(payos_standin, keys, "/v1/payouts", body, **{
        "x-idempotency-key": "k1", "x-signature": signing.header_signature(body, keys.checksum_key)})
    assert right.status_code == 200
    assert right.headers["x-signature"] == signing.header_signature(right.json()["data"], keys.checksum_key)


def test_a_payout_larger_than_the_balance_is_refused(payos_standin):
    keys, _account = payos_standin.merchant(payoutBalance=1_000)
    body = {"referenceId": "r2", "amount": 1_001, "description": "x", "toBin": "970436", "toAccountNumber": "123"}
    answer = post_signed(payos_standin, keys, "/v1/payouts", body, **{
        "x-idempotency-key": "k2", "x-signature": signing.header_signature(body, keys.checksum_key)})
    assert (answer.status_code, answer.json()["desc"]) == (400, "Số dư không đủ: 1001 requested, 1000 available")


def test_a_webhook_the_merchant_did_not_take_is_sent_again(payos_standin):
    # given a merchant whose endpoint is down at first
    down = WebhookReceiver()
    url, port = down.url, down.server.server_address[1]
    down.stop()
    keys, account = payos_standin.merchant(webhook_url=url)
    created = sdk(payos_standin, keys).payment_requests.create(CreatePaymentLinkRequest(
        order_code=int(time.time() * 1000), amount=5_000, description="OCOP RETRY", cancel_url="http://x/",
        return_url="http://x/"))
    # when a payment arrives, then the first delivery fails and is recorded so
    payos_standin.transfer(account["accountNumber"], 5_000, "OCOP RETRY")
    deadline = time.monotonic() + 5
    while not (mine := [d for d in payos_standin.deliveries() if d["url"] == url]) or mine[0]["attempts"] < 1:
        assert time.monotonic() < deadline
        time.sleep(0.02)
    assert (mine[0]["orderCode"], mine[0]["status"]) == (created.order_code, 0)
    # and once the endpoint is back, a later attempt delivers it (retries after 0.5 s, 2 s, 5 s)
    up = WebhookReceiver(port)
    try:
        [body] = up.wait_for(1, timeout=10)
        assert sdk(payos_standin, keys).webhooks.verify(body).order_code == created.order_code
        [delivery] = [d for d in payos_standin.deliveries() if d["url"] == url]
        assert delivery["status"] == 200 and delivery["attempts"] >= 2
    finally:
        up.stop()
