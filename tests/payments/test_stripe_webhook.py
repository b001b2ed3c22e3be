"""Stripe's webhook: events from a real localstripe, reported to Saleor with transactionEventReport."""

import json
import threading

import pytest
from django.db import connection
from django.test import Client

from catalog_sync.payments.models import Payment, StripeEvent
from tests.localstripe import CARD_DECLINED

from .conftest import StripeDeliveries, stripe_signature

pytestmark = pytest.mark.django_db


def reports(fake_saleor) -> list[dict]:
    return [variables for operation, variables in fake_saleor.variables if operation == "OcopTransactionEventReport"]


def test_a_shopper_who_closes_the_tab_after_paying_still_gets_a_paid_order(saleor, stripe_events, localstripe):
    # given a card payment the shopper confirmed, and no transactionProcess (the tab was closed)
    started = saleor.answer("initialize_vnd_tab_closed")
    localstripe.pay(started["pspReference"])
    [event] = stripe_events.events(started["pspReference"])
    assert event["type"] == "payment_intent.succeeded"
    # when Stripe delivers its event
    response = stripe_events.post(event)
    # then Saleor is told the transaction was charged 125.000 ₫
    assert response.status_code == 200
    assert response.json() == {"handled": "reported CHARGE_SUCCESS"}
    transaction_id = json.loads(saleor.body("initialize_vnd_tab_closed"))["transaction"]["id"]
    assert reports(saleor.fake_saleor) == [{
        "id": transaction_id, "pspReference": started["pspReference"], "type": "CHARGE_SUCCESS",
        "amount": "125000", "message": None, "availableActions": ["REFUND"]}]
    assert Payment.objects.get().charged_minor == 125000


def test_a_declined_payment_is_reported_as_a_charge_failure(saleor, stripe_events, localstripe):
    started = saleor.answer("initialize_vnd_tab_closed")
    localstripe.pay(started["pspReference"], card=CARD_DECLINED)
    [event] = stripe_events.events(started["pspReference"])
    assert event["type"] == "payment_intent.payment_failed"
    assert stripe_events.post(event).json() == {"handled": "reported CHARGE_FAILURE"}
    [report] = reports(saleor.fake_saleor)
    assert (report["type"], report["amount"], report["message"]) == (
        "CHARGE_FAILURE", "125000", "Your card was declined.")


def test_the_same_stripe_event_delivered_twice_is_reported_once(saleor, stripe_events, localstripe):
    started = saleor.answer("initialize_vnd_tab_closed")
    localstripe.pay(started["pspReference"])
    [event] = stripe_events.events(started["pspReference"])
    assert stripe_events.post(event).status_code == 200
    again = stripe_events.post(event)
    assert again.json() == {"handled": "already handled"}
    assert len(reports(saleor.fake_saleor)) == 1


def test_an_event_arriving_after_process_settled_the_payment_reports_nothing(saleor, stripe_events, localstripe):
    # given the storefront's transactionProcess settled the payment first
    started = saleor.answer("initialize_vnd")
    localstripe.pay(started["pspReference"])
    assert saleor.answer("process_vnd")["result"] == "CHARGE_SUCCESS"
    # when Stripe's event arrives afterwards
    [event] = stripe_events.events(started["pspReference"])
    # then Saleor already knows; nothing is reported again
    assert stripe_events.post(event).json() == {"handled": "settled already"}
    assert reports(saleor.fake_saleor) == []


def test_a_late_event_after_a_refund_never_changes_the_settled_amount(saleor, stripe_events, localstripe):
    # given a charge settled by process and then partly refunded by staff
    started = saleor.answer("initialize_vnd")
    localstripe.pay(started["pspReference"])
    saleor.answer("process_vnd")
    saleor.answer("refund_vnd")
    # when the payment's succeeded event arrives late, out of order
    [event] = stripe_events.events(started["pspReference"])
    assert stripe_events.post(event).json() == {"handled": "settled already"}
    # then the settled amounts stay as they were
    payment = Payment.objects.get()
    assert (payment.charged_minor, payment.refunded_minor) == (125000, 25000)
    assert reports(saleor.fake_saleor) == []


def test_the_process_answer_after_the_webhook_settled_repeats_the_settled_charge(saleor, stripe_events, localstripe):
    # given the webhook reported the charge while the storefront was calling transactionProcess
    started = saleor.answer("initialize_vnd")
    localstripe.pay(started["pspReference"])
    [event] = stripe_events.events(started["pspReference"])
    assert stripe_events.post(event).json() == {"handled": "reported CHARGE_SUCCESS"}
    # when the process webhook is answered after it
    answer = saleor.answer("process_vnd")
    # then it answers the same charge (Saleor keeps one event for one psp reference, type and amount)
    assert (answer["result"], answer["amount"], answer["pspReference"]) == (
        "CHARGE_SUCCESS", "125000", started["pspReference"])
    assert len(reports(saleor.fake_saleor)) == 1


@pytest.mark.parametrize("forge", ["wrong secret", "altered body", "no signature", "too old"])
def test_a_stripe_event_with_a_bad_signature_is_refused_and_reports_nothing(
    saleor, stripe_events, localstripe, forge
):
    started = saleor.answer("initialize_vnd_tab_closed")
    localstripe.pay(started["pspReference"])
    [event] = stripe_events.events(started["pspReference"])
    body = json.dumps(event).encode()
    signature = {
        "wrong secret": stripe_signature(body, secret="whsec_not_ours"),
        "altered body": stripe_signature(body.replace(b"125000", b"1")),
        "no signature": "",
        "too old": stripe_signature(body, at=1_600_000_000),
    }[forge]
    response = stripe_events.post(event, body=body, signature=signature)
    assert response.status_code == 400
    assert reports(saleor.fake_saleor) == [] and StripeEvent.objects.count() == 0


def test_an_event_for_a_channel_without_stripe_keys_is_not_found(saleor, stripe_events, localstripe):
    started = saleor.answer("initialize_vnd_tab_closed")
    localstripe.pay(started["pspReference"])
    [event] = stripe_events.events(started["pspReference"])
    assert stripe_events.post(event, channel="ocop-th").status_code == 404


def test_an_event_saleor_could_not_be_told_of_is_left_for_stripe_to_send_again(saleor, stripe_events, localstripe):
    started = saleor.answer("initialize_vnd_tab_closed")
    localstripe.pay(started["pspReference"])
    [event] = stripe_events.events(started["pspReference"])
    # when Saleor cannot be reached
    saleor.fake_saleor.close()
    response = stripe_events.post(event)
    # then Stripe gets an error (and will retry): the event is not marked handled, nothing was settled
    assert response.status_code == 502
    assert StripeEvent.objects.count() == 0
    assert Payment.objects.get().charged_minor == 0


@pytest.mark.django_db(transaction=True)
def test_stripes_event_never_keeps_saleors_process_of_the_same_payment_waiting(saleor, stripe_events, localstripe):
    # given a shopper's card payment charged at Stripe (their bank's step passed), Stripe's event on its way,
    # and Saleor asking the app to process that transaction: Saleor answers nothing else until the app answers
    started = saleor.answer("initialize_vnd")
    localstripe.pay(started["pspReference"])
    [event] = stripe_events.events(started["pspReference"])
    processed = threading.Event()
    saleor.fake_saleor.busy_until["OcopTransactionEventReport"] = processed
    # when Stripe's event reaches the app and the app reports it to Saleor (who is busy with the process)
    answers: list = []

    def deliver():
        try:
            answers.append(StripeDeliveries(Client(), localstripe).post(event))
        finally:
            connection.close()

    delivery = threading.Thread(target=deliver)
    delivery.start()
    assert saleor.fake_saleor.arrived.setdefault("OcopTransactionEventReport", threading.Event()).wait(10)
    # and Saleor's transactionProcess reaches the app meanwhile
    answer = saleor.answer("process_vnd")
    processed.set()
    delivery.join(10)
    # then the app answered Saleor's process while its report was still waiting (no lock kept it), charged in full
    assert saleor.fake_saleor.held_out == []
    assert (answer["result"], answer["amount"]) == ("CHARGE_SUCCESS", "125000")
    # and the event was reported once, and the payment holds what Stripe charged
    assert [(response.status_code, response.json()) for response in answers] == [
        (200, {"handled": "reported CHARGE_SUCCESS"})]
    assert [report["type"] for report in reports(saleor.fake_saleor)] == ["CHARGE_SUCCESS"]
    assert Payment.objects.get().charged_minor == 125000
