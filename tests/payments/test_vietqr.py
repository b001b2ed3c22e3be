"""VietQR transfers through payOS: Saleor's payment webhooks (as recorded from Saleor 3.23, with
``data.paymentMethod = "vietqr"``) answered against the payOS stand-in, and payOS's signed webhooks
reported to Saleor with transactionEventReport."""

import json

import pytest

from catalog_sync.payments.models import ActionAnswer, PayosPayment, PayosTransfer, VietQRRefund
from catalog_sync.payments.payos import vietqr as qr

from .conftest import vietqr_payload

pytestmark = pytest.mark.django_db

DATA_KEYS = {"qrCode", "checkoutUrl", "bin", "accountNumber", "accountName", "amount", "description", "expiresAt"}


def answer(saleor, payload: dict) -> dict:
    response = saleor.post(json.dumps(payload).encode())
    assert response.status_code == 200, response.content
    return response.json()


def reports(fake_saleor) -> list[dict]:
    return [variables for operation, variables in fake_saleor.variables if operation == "OcopTransactionEventReport"]


def started(saleor_vietqr) -> dict:
    return answer(saleor_vietqr, vietqr_payload("initialize_vnd"))


def test_initialize_opens_a_payos_request_of_125000_dong_and_answers_the_contracts_data(saleor_vietqr, vietqr):
    # when Saleor asks to initialize a 125.000 ₫ VietQR payment
    reply = started(saleor_vietqr)
    # then the answer waits for the shopper's transfer, under the payment request's id, with the data
    payment = PayosPayment.objects.get()
    assert (reply["result"], reply["amount"], reply["pspReference"]) == (
        "CHARGE_ACTION_REQUIRED", "125000", payment.payment_link_id)
    assert set(reply["data"]) == DATA_KEYS
    data = reply["data"]
    assert (data["amount"], data["bin"], data["accountNumber"]) == (
        125000, vietqr.account["bin"], vietqr.account["accountNumber"])
    assert data["description"] == f"OCOP {payment.order_code}"
    # and the QR payload is a valid EMVCo VietQR for exactly that amount and note
    code = qr.parse(data["qrCode"])
    assert (code.amount, code.note, code.account_number) == (125000, data["description"], data["accountNumber"])
    assert vietqr.keys.api_key not in json.dumps(reply)


def test_initialize_asked_twice_for_one_transaction_opens_one_request(saleor_vietqr, vietqr):
    first = started(saleor_vietqr)
    again = started(saleor_vietqr)
    assert (again["pspReference"], again["data"]) == (first["pspReference"], first["data"])
    assert PayosPayment.objects.count() == 1


def test_a_full_transfer_is_reported_once_as_charged_and_process_says_so(saleor_vietqr, vietqr, fake_saleor):
    # given a VietQR payment waiting for 125.000 ₫
    reply = started(saleor_vietqr)
    # when the shopper's bank transfer arrives with the note, and payOS's webhook comes (twice)
    arrived = vietqr.transfer(125000, f"CT DEN {reply['data']['description']}", counterAccountNumber="0123456789",
                              counterAccountName="NGUYEN VAN AN", counterAccountBankName="Vietcombank")
    body = vietqr.next_webhook()
    first = vietqr.post(body)
    again = vietqr.post(body)
    # then Saleor is told exactly 125.000 ₫ was charged, under the bank's reference, once
    assert (first.status_code, first.json()) == (200, {"handled": "reported CHARGE_SUCCESS of 125000"})
    assert again.json() == {"handled": "already handled"}
    transaction_id = vietqr_payload("initialize_vnd")["transaction"]["id"]
    assert reports(fake_saleor) == [{
        "id": transaction_id, "pspReference": arrived["reference"], "type": "CHARGE_SUCCESS", "amount": "125000",
        "message": "125000 đồng arrived (125000 of 125000)", "availableActions": ["REFUND"]}]
    assert PayosPayment.objects.get().charged == 125000
    # and transactionProcess answers the same event (Saleor keeps one per reference, type and amount)
    processed = answer(saleor_vietqr, vietqr_payload("process_vnd"))
    assert (processed["result"], processed["amount"], processed["pspReference"]) == (
        "CHARGE_SUCCESS", "125000", arrived["reference"])
    assert (processed["data"]["status"], processed["data"]["amountPaid"]) == ("PAID", 125000)


def test_an_underpayment_is_reported_as_the_amount_that_arrived(saleor_vietqr, vietqr, fake_saleor):
    reply = started(saleor_vietqr)
    vietqr.transfer(100000, reply["data"]["description"])
    assert vietqr.post(vietqr.next_webhook()).json() == {"handled": "reported CHARGE_SUCCESS of 100000"}
    [report] = reports(fake_saleor)
    assert (report["type"], report["amount"]) == ("CHARGE_SUCCESS", "100000")
    processed = answer(saleor_vietqr, vietqr_payload("process_vnd"))
    assert (processed["result"], processed["amount"]) == ("CHARGE_SUCCESS", "100000")
    assert (processed["data"]["status"], processed["data"]["amountPaid"]) == ("UNDERPAID", 100000)
    assert PayosPayment.objects.get().status == "UNDERPAID"


def test_an_overpayment_is_reported_as_what_arrived_not_the_total(saleor_vietqr, vietqr, fake_saleor):
    reply = started(saleor_vietqr)
    vietqr.transfer(150000, reply["data"]["description"])
    vietqr.post(vietqr.next_webhook())
    assert [(r["type"], r["amount"]) for r in reports(fake_saleor)] == [("CHARGE_SUCCESS", "150000")]


def test_an_expired_request_is_a_charge_failure(saleor_vietqr, vietqr):
    reply = started(saleor_vietqr)
    vietqr.standin.expire(reply["pspReference"])
    processed = answer(saleor_vietqr, vietqr_payload("process_vnd"))
    assert (processed["result"], processed["amount"], processed["pspReference"], processed["message"]) == (
        "CHARGE_FAILURE", "125000", reply["pspReference"], "the VietQR payment request expired")
    assert PayosPayment.objects.get().failed is True


def test_a_webhook_not_signed_with_the_checksum_key_is_refused(saleor_vietqr, vietqr, fake_saleor):
    reply = started(saleor_vietqr)
    vietqr.transfer(125000, reply["data"]["description"])
    body = json.loads(vietqr.next_webhook())
    body["data"]["amount"] = 1250000  # altered after payOS signed it
    response = vietqr.post(json.dumps(body).encode())
    assert response.status_code == 400
    assert response.json() == {"error": {"message": "the payOS signature does not match the body (checksum key)"}}
    assert reports(fake_saleor) == []
    assert PayosTransfer.objects.count() == 0


def test_payos_test_payment_when_the_webhook_url_is_confirmed_is_answered_and_ignored(vietqr):
    from standins.payos import webhooks
    from standins.payos.state import Merchant

    sample = webhooks.confirmation_sample(Merchant(vietqr.keys.client_id, vietqr.keys.api_key,
                                                   vietqr.keys.checksum_key,
                                                   account_number=vietqr.account["accountNumber"]))
    response = vietqr.post(json.dumps(sample).encode())
    assert (response.status_code, response.json()) == (200, {"handled": "not a payment of this store"})


def test_a_refund_is_recorded_pending_for_finance_staff(saleor_vietqr, vietqr):
    # given a paid VietQR payment
    reply = started(saleor_vietqr)
    vietqr.transfer(125000, reply["data"]["description"], counterAccountNumber="0123456789",
                    counterAccountName="NGUYEN VAN AN", counterAccountBankName="Vietcombank")
    vietqr.post(vietqr.next_webhook())
    # when staff refund 25.000 ₫ in Saleor
    refunded = answer(saleor_vietqr, {**vietqr_payload("refund_vnd")})
    # then Saleor keeps the request pending under the refund's reference, and finance staff have it to transfer
    refund = VietQRRefund.objects.get()
    assert refunded == {"pspReference": refund.psp_reference}
    assert (refund.amount, refund.status) == (25000, "pending")
    assert ActionAnswer.objects.count() == 1


def test_a_refund_of_more_than_arrived_is_refused(saleor_vietqr, vietqr):
    reply = started(saleor_vietqr)
    vietqr.transfer(10000, reply["data"]["description"])
    vietqr.post(vietqr.next_webhook())
    refused = answer(saleor_vietqr, vietqr_payload("refund_vnd"))
    assert (refused["result"], refused["message"]) == (
        "REFUND_FAILURE", "25000 đồng is more than the 10000 đồng left to refund of what arrived")
    assert VietQRRefund.objects.count() == 0


def test_a_channel_without_payos_keys_gets_no_vietqr(saleor_vietqr):
    from catalog_sync.payments.models import PayosAccount

    PayosAccount.objects.all().delete()
    reply = answer(saleor_vietqr, vietqr_payload("initialize_vnd"))
    assert (reply["result"], reply["message"]) == (
        "CHARGE_FAILURE", "VietQR transfers are not set up for channel ocop-vn")


def test_a_request_that_expired_unpaid_while_the_shopper_was_away_is_reported_as_a_charge_failure(
        saleor_vietqr, vietqr, fake_saleor):
    from datetime import timedelta

    from django.utils import timezone

    from catalog_sync.app.tasks import report_ended_vietqr

    # given a VietQR payment nobody paid, past its expiry at payOS, and a shopper who never came back
    reply = started(saleor_vietqr)
    vietqr.standin.expire(reply["pspReference"])
    PayosPayment.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    # when the periodic task runs (twice)
    assert report_ended_vietqr() == [str(PayosPayment.objects.get().order_code)]
    assert report_ended_vietqr() == []
    # then Saleor was told once: a charge failure under the request's id
    assert [(r["type"], r["pspReference"], r["amount"], r["message"]) for r in reports(fake_saleor)] == [
        ("CHARGE_FAILURE", reply["pspReference"], "125000", "the VietQR payment request expired")]
    assert PayosPayment.objects.get().failed is True
