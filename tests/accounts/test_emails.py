"""The account emails Saleor asks the app to send: signed deliveries (recorded from a real Saleor 3.23 in
tests/fixtures/saleor_webhooks/accounts.json) become one email each, in the customer's language."""

import json
import smtplib

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from catalog_sync.app.models import HandledDelivery
from tests.app.conftest import SigningKey

from .conftest import PAYLOADS, REPLAY_URL, deliver

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def public(settings):
    settings.PUBLIC_URL = "https://ocop.example.vn/"


def test_a_confirmation_request_is_emailed_in_vietnamese_with_the_link_on_the_shops_address(signing_key):
    # when Saleor delivers ACCOUNT_CONFIRMATION_REQUESTED
    answer = deliver("confirm", signing_key)
    # then one email goes to the customer, in Vietnamese, linking to our confirmation page
    assert answer.json() == {"sent": "AccountConfirmationRequested"}
    (email,) = mail.outbox
    assert (email.to, email.subject) == (["mai.tran@example.com"], "Xác nhận email của bạn tại OCOP Market")
    assert email.body == (
        "Xin chào Trần Thị Mai,\n\n"
        "Cảm ơn bạn đã tạo tài khoản tại OCOP Market. Hãy mở đường dẫn này để xác nhận email:\n\n"
        "https://ocop.example.vn/account/confirm/?email=mai.tran%40example.com&token=%3Cscrubbed%3E\n\n"
        "Nếu bạn không tạo tài khoản, hãy bỏ qua email này: không có gì xảy ra nếu không mở đường dẫn.\n\n"
        "OCOP Market\n")


def test_a_customer_who_registered_in_english_gets_english_and_an_english_link(signing_key):
    deliver("set_password", signing_key, user={"email": "export@example.com", "firstName": "Alex",
                                               "languageCode": "EN"})
    (email,) = mail.outbox
    assert (email.to, email.subject) == (["export@example.com"], "Choose a new password for OCOP Market")
    assert email.body.startswith("Hello Alex,\n\nSomeone asked to change the password of your OCOP Market account.")
    assert "https://ocop.example.vn/en/account/password/new/?email=export%40example.com&token=" in email.body


def test_the_link_never_takes_its_host_from_the_payload(signing_key):
    deliver("confirm", signing_key, redirectUrl="https://evil.example/steal")
    (email,) = mail.outbox
    assert "evil.example" not in email.body


def test_an_unsigned_or_altered_delivery_sends_nothing(signing_key):
    body = json.dumps({**json.loads(PAYLOADS.read_text())["confirm"], "issuedAt": timezone.now().isoformat()}).encode()
    forged = SigningKey("key-1").sign(body)  # same key id, another key
    for signature in ("", forged, signing_key.sign(body + b" ")):
        answer = Client().post("/saleor/account-emails/", body, content_type="application/json",
                               HTTP_SALEOR_API_URL=REPLAY_URL, HTTP_SALEOR_SIGNATURE=signature)
        assert answer.status_code == 401
    # and from a Saleor we are not installed in
    answer = Client().post("/saleor/account-emails/", body, content_type="application/json",
                           HTTP_SALEOR_API_URL="http://other.invalid/graphql/",
                           HTTP_SALEOR_SIGNATURE=signing_key.sign(body))
    assert answer.status_code == 401
    assert mail.outbox == []


def test_the_same_delivery_twice_sends_one_email_and_an_old_one_none(signing_key):
    body = json.dumps({**json.loads(PAYLOADS.read_text())["confirm"], "issuedAt": timezone.now().isoformat()}).encode()
    for expected in ({"sent": "AccountConfirmationRequested"}, {"ignored": "already handled"}):
        answer = Client().post("/saleor/account-emails/", body, content_type="application/json",
                               HTTP_SALEOR_API_URL=REPLAY_URL, HTTP_SALEOR_SIGNATURE=signing_key.sign(body))
        assert answer.json() == expected
    assert len(mail.outbox) == 1
    assert deliver("confirm", signing_key, issuedAt="2026-01-01T00:00:00+00:00").json() == \
        {"ignored": "issued too long ago"}
    assert len(mail.outbox) == 1


def test_an_email_that_cannot_be_sent_is_answered_502_so_saleor_delivers_it_again(signing_key, monkeypatch):
    def down(*args, **kwargs):
        raise smtplib.SMTPConnectError(421, "try later")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", down)  # SMTP down
    assert deliver("confirm", signing_key).status_code == 502
    assert HandledDelivery.objects.count() == 0
    monkeypatch.undo()
    assert deliver("confirm", signing_key).json() == {"sent": "AccountConfirmationRequested"}
    assert len(mail.outbox) == 1
