"""A producer's bank details change only once confirmed from the link emailed to their people; every change
is kept for staff; another producer's link confirms nothing."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from catalog_sync.payouts.models import BankAccount, BankAccountChange
from tests.portal.conftest import path_of

pytestmark = pytest.mark.django_db

DETAILS = {"bank_bin": "970436", "account_number": "0071 0012 34567", "account_name": "Hợp tác xã Ong mật Mèo Vạc"}


def link_of(message) -> str:
    [url] = set(re.findall(r"https?://\S+/portal/payouts/bank/confirm/\S+/", message.body))
    return path_of(url)


def test_new_bank_details_apply_only_once_confirmed_from_the_emailed_link(two_producers, producer_person):
    honey, _ = two_producers
    person = producer_person(honey, "lan@example.vn")
    mail.outbox.clear()
    # when the producer's person asks for new details
    asked = person.post("/portal/payouts/bank/", DETAILS)
    # then nothing applies yet: a link is emailed to their people, in Vietnamese and English
    assert asked.status_code == 302 and BankAccount.objects.count() == 0
    [message] = mail.outbox
    assert message.to == ["lan@example.vn"]
    assert message.subject == ("OCOP Market: xác nhận tài khoản ngân hàng mới của HTX Ong mật Mèo Vạc / "
                               "OCOP Market: confirm the new bank details of HTX Ong mật Mèo Vạc")
    assert "Vietcombank — Ngân hàng TMCP Ngoại Thương Việt Nam" in message.body
    assert "HOP TAC XA ONG MAT MEO VAC" in message.body and "00710012345 67".replace(" ", "") in message.body
    # when the link is opened (a mail scanner's GET changes nothing), then confirmed
    link = link_of(message)
    assert "0071001234567" in person.get(link).content.decode() and BankAccount.objects.count() == 0
    confirmed = person.post(link)
    # then payouts go there, the change is recorded, and the link cannot be used again
    assert confirmed.status_code == 302
    account = BankAccount.objects.get()
    assert (account.producer_id, account.bank_bin, account.account_number, account.account_name) == (
        honey.producer_id, "970436", "0071001234567", "HOP TAC XA ONG MAT MEO VAC")
    assert list(BankAccountChange.objects.values_list("status", "asked_by", "before")) == [
        ("confirmed", "lan@example.vn", "")]
    assert person.post(link).status_code == 400


def test_a_second_change_records_what_it_replaced_and_voids_the_first_pending_link(two_producers, producer_person):
    honey, _ = two_producers
    person = producer_person(honey, "lan@example.vn")
    person.post("/portal/payouts/bank/", DETAILS)
    person.post(link_of(mail.outbox[-1]))
    person.post("/portal/payouts/bank/", {**DETAILS, "bank_bin": "970422", "account_number": "123456789"})
    first_pending = link_of(mail.outbox[-1])
    person.post("/portal/payouts/bank/", {**DETAILS, "bank_bin": "970418", "account_number": "987654321"})
    # the earlier pending link is void; the last one applies and names what it replaced
    assert person.post(first_pending).status_code == 400
    person.post(link_of(mail.outbox[-1]))
    assert BankAccount.objects.get().account_number == "987654321"
    assert list(BankAccountChange.objects.order_by("id").values_list("status", "before")) == [
        ("confirmed", ""), ("superseded", "Vietcombank · 0071001234567 · HOP TAC XA ONG MAT MEO VAC"),
        ("confirmed", "Vietcombank · 0071001234567 · HOP TAC XA ONG MAT MEO VAC")]


def test_another_producer_cannot_confirm_a_link_that_is_not_theirs(two_producers, producer_person):
    honey, coffee = two_producers
    lan = producer_person(honey, "lan@example.vn")
    minh = producer_person(coffee, "minh@example.vn")
    lan.post("/portal/payouts/bank/", DETAILS)
    link = link_of(mail.outbox[-1])
    assert minh.get(link).status_code == 400 and minh.post(link).status_code == 400
    assert BankAccount.objects.count() == 0


@pytest.mark.parametrize(("field", "value", "error"), [
    ("bank_bin", "123456", "Select a valid choice"),
    ("account_number", "12-AB", "6 to 19 digits"),
    ("account_name", "12345", "letters and spaces"),
])
def test_bad_details_are_refused_naming_the_field(two_producers, producer_person, field, value, error):
    honey, _ = two_producers
    person = producer_person(honey, "lan@example.vn")
    mail.outbox.clear()
    answer = person.post("/en/portal/payouts/bank/", {**DETAILS, field: value})
    assert answer.status_code == 400 and error in answer.content.decode()
    assert re.search(rf'name="{field}"[^>]*aria-invalid="true"', answer.content.decode())
    assert mail.outbox == [] and BankAccountChange.objects.count() == 0
