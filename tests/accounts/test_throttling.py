"""Rate limits on sign-in and the order lookup: per email and per address, in Redis, with when to retry.

Saleor's refusals are replies recorded from a real Saleor (tests/fixtures/saleor/21_accounts.json)."""

import datetime
import zoneinfo

import pytest
from django.core.cache import cache
from django.test import Client

from storefront.accounts import common
from storefront.accounts import session as account_session
from tests.storefront.html_reading import text_of

from .conftest import REPLAY_URL
from .replies import Answering

pytestmark = pytest.mark.django_db

WINDOW = 900
NOW = 1_800_000_000 // WINDOW * WINDOW + 300  # five minutes into a window: it ends in ten
WRONG = "Email hoặc mật khẩu không đúng."
NOT_FOUND = "Không có đơn hàng nào khớp với email và mã đơn hàng này."


@pytest.fixture
def saleor(monkeypatch, settings, signing_key):
    settings.SALEOR_API_URL = REPLAY_URL
    settings.SALEOR_APP_TOKEN = None
    settings.CUSTOMER_RATE_LIMITS = {"signin": {"per_account": 3, "per_address": 5, "window": WINDOW},
                                     "lookup": {"per_account": 3, "per_address": 5, "window": WINDOW}}
    cache.clear()
    monkeypatch.setattr("storefront.accounts.throttle.time.time", lambda: NOW)
    monkeypatch.setattr("storefront.accounts.common.timezone.now",
                        lambda: datetime.datetime.fromtimestamp(NOW, datetime.UTC))

    def answering(operation: str, index: int = 0) -> Answering:
        transport = Answering(operation, index)
        for module in (account_session, common):
            monkeypatch.setattr(module, "make_transport", lambda: transport)
        account_session.forget_clients()
        common.forget_app_clients()
        return transport

    yield answering
    account_session.forget_clients()
    common.forget_app_clients()
    cache.clear()


def expected_wait() -> str:
    ends = datetime.datetime.fromtimestamp(NOW + 600, zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh"))
    return f"Bạn đã thử quá nhiều lần. Vui lòng thử lại sau {ends:%H:%M} (khoảng 10 phút nữa)."


def errors(response) -> str:
    return text_of(response.content, "form-errors")


def sign_in(email: str, address: str = "198.51.100.1"):
    return Client().post("/account/sign-in/", {"email": email, "password": "Sai-mat-khau-1"}, REMOTE_ADDR=address)


def test_sign_in_stops_asking_saleor_after_three_wrong_passwords_for_one_email_and_says_when_to_retry(saleor):
    # given Saleor refusing the password (its recorded INVALID_CREDENTIALS reply)
    saleor_replies = saleor("CustomerTokenCreate", 1)
    # when one email fails three times
    for _ in range(3):
        answer = sign_in("mai.tran@example.com")
        assert (answer.status_code, errors(answer)) == (400, WRONG)
    # then the fourth attempt waits out the window: refused at once, with when to retry, Saleor not asked
    locked = sign_in("mai.tran@example.com", address="198.51.100.2")
    assert (locked.status_code, errors(locked)) == (429, expected_wait())
    assert saleor_replies.asked == ["CustomerTokenCreate"] * 3
    # and the email's capitals and spaces make no difference
    assert sign_in(" MAI.TRAN@example.com").status_code == 429
    # and another email is not held up
    assert sign_in("an.nguyen@example.com").status_code == 400
    assert len(saleor_replies.asked) == 4


def test_sign_in_stops_after_five_failures_from_one_address_whatever_the_email(saleor):
    saleor_replies = saleor("CustomerTokenCreate", 1)
    for index in range(5):
        assert sign_in(f"khach{index}@example.com", address="198.51.100.9").status_code == 400
    locked = sign_in("khach9@example.com", address="198.51.100.9")
    assert (locked.status_code, errors(locked)) == (429, expected_wait())
    assert len(saleor_replies.asked) == 5
    # and another address may still try
    assert sign_in("khach9@example.com", address="198.51.100.10").status_code == 400


def test_the_window_ends_when_the_message_says(saleor, monkeypatch):
    saleor("CustomerTokenCreate", 1)
    for _ in range(3):
        sign_in("mai.tran@example.com")
    assert sign_in("mai.tran@example.com").status_code == 429
    # when the time named has come
    monkeypatch.setattr("storefront.accounts.throttle.time.time", lambda: NOW + 600)
    # then Saleor is asked again
    assert sign_in("mai.tran@example.com").status_code == 400


def test_order_lookup_is_limited_per_email_and_answers_the_same_until_then(saleor):
    # given Saleor's recorded order 1 (a guest's, placed with another email)
    saleor_replies = saleor("CustomerOrderByNumber", 2)
    for _ in range(3):
        answer = Client().post("/orders/lookup/", {"email": "mai.tran@example.com", "number": "1"},
                               REMOTE_ADDR="198.51.100.1")
        assert (answer.status_code, errors(answer)) == (404, NOT_FOUND)
    locked = Client().post("/orders/lookup/", {"email": "mai.tran@example.com", "number": "2"},
                           REMOTE_ADDR="198.51.100.3")
    assert (locked.status_code, errors(locked)) == (429, expected_wait())
    assert saleor_replies.asked == ["CustomerOrderByNumber"] * 3


def test_order_lookup_is_limited_per_address(saleor):
    saleor_replies = saleor("CustomerOrderByNumber", 2)
    for index in range(5):
        assert Client().post("/orders/lookup/", {"email": f"khach{index}@example.com", "number": "1"},
                             REMOTE_ADDR="198.51.100.9").status_code == 404
    locked = Client().post("/orders/lookup/", {"email": "khach9@example.com", "number": "1"},
                           REMOTE_ADDR="198.51.100.9")
    assert locked.status_code == 429
    assert len(saleor_replies.asked) == 5


def test_a_malformed_order_number_never_reaches_saleor(saleor):
    saleor_replies = saleor("CustomerOrderByNumber", 2)
    for number in ("abc", "0", "-3", "99999999999"):
        answer = Client().post("/orders/lookup/", {"email": "mai.tran@example.com", "number": number})
        assert answer.status_code == 400
        assert text_of(answer.content, "number-errors") == "Nhập mã đơn hàng, chỉ gồm chữ số."
    assert saleor_replies.asked == []
