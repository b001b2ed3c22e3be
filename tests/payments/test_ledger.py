"""A settled payment never changes, whatever PaymentIntent state is seen after (pure ledger rule)."""

import pytest

from catalog_sync.payments.models import Payment
from catalog_sync.payments.stripe import ledger
from catalog_sync.payments.stripe.client import Intent
from catalog_sync.payments.stripe.outcomes import outcome_of

pytestmark = pytest.mark.django_db


def intent(status: str, *, received: int = 0, error: str = "") -> Intent:
    return Intent(id="pi_1", status=status, amount=125000, amount_received=received, amount_capturable=0,
                  currency="VND", client_secret="pi_1_secret_x", error=error)


def test_a_failure_seen_after_the_charge_settled_changes_nothing():
    payment = Payment.objects.create(saleor_api_url="http://saleor/graphql/", transaction_id="t1",
                                     payment_intent_id="pi_1", channel_slug="ocop-vn", currency="VND",
                                     amount_minor=125000)
    succeeded = intent("succeeded", received=125000)
    assert ledger.record(payment, succeeded, outcome_of(succeeded, "CHARGE")) is True
    # when an earlier attempt's failure is seen late
    failed = intent("requires_payment_method", error="Your card was declined.")
    assert ledger.record(payment, failed, outcome_of(failed, "CHARGE")) is False
    # then the payment stays charged 125.000 ₫
    payment.refresh_from_db()
    assert (payment.status, payment.charged_minor, payment.reported_result) == ("succeeded", 125000, "CHARGE_SUCCESS")


def test_the_same_state_seen_twice_is_recorded_once():
    payment = Payment.objects.create(saleor_api_url="http://saleor/graphql/", transaction_id="t1",
                                     payment_intent_id="pi_1", channel_slug="ocop-vn", currency="VND",
                                     amount_minor=125000)
    failed = intent("requires_payment_method", error="Your card was declined.")
    assert ledger.record(payment, failed, outcome_of(failed, "CHARGE")) is True
    assert ledger.record(payment, failed, outcome_of(failed, "CHARGE")) is False
