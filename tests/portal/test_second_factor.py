"""The optional second factor (TOTP): turned on from the security page, then asked for at every sign-in."""

from __future__ import annotations

import datetime
import re

import pyotp
import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from portal.models import ProducerAccount

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


def not_a_code(totp: pyotp.TOTP) -> str:
    """Six digits that no authenticator holding ``totp``'s key shows around now."""
    now = timezone.now()
    valid = {totp.at(now + datetime.timedelta(seconds=30 * k)) for k in range(-2, 3)}
    return next(code for code in ("000000", "111111", "222222", "333333") if code not in valid)


def turn_on(person) -> pyotp.TOTP:
    """Set up two-step sign-in as a person would: read the key off the page, type the app's code."""
    page = person.post("/portal/security/", {"action": "start"}).content.decode()
    secret = re.search(r'<code class="totp-secret">([A-Z2-7]+)</code>', page).group(1)
    assert "otpauth://totp/OCOP%20Market:" in page and f"secret={secret}" in page
    totp = pyotp.TOTP(secret)
    done = person.post("/portal/security/", {"action": "confirm", "code": totp.now()}, follow=True)
    assert "Đã bật đăng nhập hai bước" in done.content.decode()
    return totp


def test_a_wrong_code_does_not_turn_it_on(two_producers, producer_person):
    person = producer_person(two_producers[0], "lan@example.vn")
    page = person.post("/portal/security/", {"action": "start"}).content.decode()
    totp = pyotp.TOTP(re.search(r'<code class="totp-secret">([A-Z2-7]+)</code>', page).group(1))
    response = person.post("/portal/security/", {"action": "confirm", "code": not_a_code(totp)})
    assert "Mã không đúng" in response.content.decode()
    assert not ProducerAccount.objects.get().has_second_factor
    assert ProducerAccount.objects.get().totp_sealed == ""


def test_with_it_on_the_password_alone_does_not_sign_in(two_producers, producer_person):
    # given a person who turned two-step sign-in on, and signed out
    person = producer_person(two_producers[0], "lan@example.vn")
    totp = turn_on(person)
    account = ProducerAccount.objects.get()
    assert account.has_second_factor and totp.secret not in account.totp_sealed  # kept sealed
    fresh = Client()
    # when they give the right password
    response = fresh.post("/portal/sign-in/", {"username": "lan@example.vn", "password": PASSWORD})
    # then a code is asked for, and the portal stays closed until it is given
    assert response.status_code == 302 and response["Location"] == "/portal/sign-in/code/"
    code_page = fresh.get("/portal/sign-in/code/").content.decode()
    assert 'autocomplete="one-time-code"' in code_page and 'name="code"' in code_page
    assert fresh.get("/portal/").status_code == 302
    wrong = fresh.post("/portal/sign-in/code/", {"code": not_a_code(totp)})
    assert "Mã không đúng hoặc đã được dùng" in wrong.content.decode()
    assert fresh.get("/portal/").status_code == 302
    # a code from the next 30-second step signs in (the clocks of phones drift)
    later = totp.at(timezone.now() + datetime.timedelta(seconds=30))
    signed = fresh.post("/portal/sign-in/code/", {"code": later})
    assert signed.status_code == 302 and signed["Location"] == "/portal/"
    assert fresh.get("/portal/").status_code == 200
    # and the same code cannot be used again by someone who saw it
    other = Client()
    other.post("/portal/sign-in/", {"username": "lan@example.vn", "password": PASSWORD})
    replay = other.post("/portal/sign-in/code/", {"code": later})
    assert replay.status_code == 200 and other.get("/portal/").status_code == 302


def test_codes_are_throttled_like_passwords(two_producers, producer_person):
    person = producer_person(two_producers[0], "lan@example.vn")
    totp = turn_on(person)
    fresh = Client()
    fresh.post("/portal/sign-in/", {"username": "lan@example.vn", "password": PASSWORD})
    wrong = not_a_code(totp)
    for _ in range(5):
        fresh.post("/portal/sign-in/code/", {"code": wrong})
    later = totp.at(timezone.now() + datetime.timedelta(seconds=30))
    response = fresh.post("/portal/sign-in/code/", {"code": later})
    assert response.status_code == 429
    assert fresh.get("/portal/").status_code == 302


def test_a_correct_password_never_clears_the_count_of_wrong_codes(two_producers, producer_person):
    # given someone who knows the password: one sign-in, four wrong codes, sign in again (as often as they like)
    person = producer_person(two_producers[0], "lan@example.vn")
    totp = turn_on(person)
    wrong = not_a_code(totp)
    attacker = Client()
    rounds = []
    for _ in range(2):
        signed = attacker.post("/portal/sign-in/", {"username": "lan@example.vn", "password": PASSWORD})
        assert signed["Location"] == "/portal/sign-in/code/"
        rounds.append([attacker.post("/portal/sign-in/code/", {"code": wrong}).status_code for _ in range(4)])
    # then the fifth wrong code, the first after the second correct password, locked the second step
    assert rounds == [[200, 200, 200, 200], [429, 429, 429, 429]]
    later = totp.at(timezone.now() + datetime.timedelta(seconds=30))
    assert attacker.post("/portal/sign-in/code/", {"code": later}).status_code == 429
    assert attacker.get("/portal/").status_code == 302


def test_five_wrong_codes_lock_the_second_step_for_15_minutes_and_email_the_account(
        two_producers, producer_person, monkeypatch):
    # given a person with two-step sign-in on, and someone with their password
    person = producer_person(two_producers[0], "lan@example.vn")
    totp = turn_on(person)
    mail.outbox.clear()
    attacker = Client()
    attacker.post("/portal/sign-in/", {"username": "lan@example.vn", "password": PASSWORD})
    # when five wrong codes are entered
    answers = [attacker.post("/portal/sign-in/code/", {"code": not_a_code(totp)}) for _ in range(5)]
    # then the fifth locks the step: 429, with how long to wait (15 minutes) and until when
    locked = answers[-1]
    assert [answer.status_code for answer in answers] == [200, 200, 200, 200, 429]
    assert "Quá nhiều lần đăng nhập sai. Hãy thử lại sau 15 phút (lúc" in locked.content.decode()
    assert 899 <= int(locked["Retry-After"]) <= 901
    # and the account is told once, in Vietnamese
    [email] = mail.outbox
    assert email.to == ["lan@example.vn"]
    assert email.subject == "OCOP Market: bước nhập mã đăng nhập bị tạm khóa vì nhập sai mã"
    assert "nhập sai 5 lần mã từ ứng dụng xác thực" in email.body
    assert "bị tạm khóa trong 15 phút" in email.body
    assert "http://localhost:8080/portal/password-reset/" in email.body
    # and even the person's own right code waits, from a fresh sign-in too
    own = Client()
    own.post("/portal/sign-in/", {"username": "lan@example.vn", "password": PASSWORD})
    assert own.post("/portal/sign-in/code/", {"code": totp.now()}).status_code == 429
    assert len(mail.outbox) == 1
    # when the 15 minutes have passed, the right code signs in
    import time as real_time

    now = real_time.time() + 15 * 60 + 1
    monkeypatch.setattr("portal.throttle.time.time", lambda: now)
    cache.clear()  # the cache forgets expired windows by itself; here the clock moved, not Redis's
    own.post("/portal/sign-in/", {"username": "lan@example.vn", "password": PASSWORD})
    later = totp.at(timezone.now() + datetime.timedelta(seconds=30))
    assert own.post("/portal/sign-in/code/", {"code": later})["Location"] == "/portal/"


def test_the_code_page_without_a_password_first_goes_back_to_sign_in(client):
    response = client.post("/portal/sign-in/code/", {"code": "123456"})
    assert response.status_code == 302 and response["Location"] == "/portal/sign-in/"


def test_turning_it_off_needs_a_current_code(two_producers, producer_person):
    person = producer_person(two_producers[0], "lan@example.vn")
    totp = turn_on(person)
    refused = person.post("/portal/security/", {"action": "disable", "code": not_a_code(totp)})
    assert ProducerAccount.objects.get().has_second_factor
    assert "Mã không đúng" in refused.content.decode()
    later = totp.at(timezone.now() + datetime.timedelta(seconds=30))
    person.post("/portal/security/", {"action": "disable", "code": later})
    assert not ProducerAccount.objects.get().has_second_factor
    signed = Client().post("/portal/sign-in/", {"username": "lan@example.vn", "password": PASSWORD})
    assert signed["Location"] == "/portal/"  # the password alone again
