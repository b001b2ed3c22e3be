"""The account pages themselves: CSRF on every form, where sign-in leads, what a visitor without an account
sees, and that Saleor is asked nothing it need not be."""

import pytest
from django.test import Client

from storefront.accounts import common
from storefront.accounts import session as account_session
from tests.storefront.html_reading import read_html, text_of

from .conftest import REPLAY_URL
from .replies import Answering

pytestmark = pytest.mark.django_db

FORMS = ["/account/sign-in/", "/account/register/", "/account/password/", "/orders/lookup/"]


@pytest.fixture
def saleor(monkeypatch, settings):
    settings.SALEOR_API_URL = REPLAY_URL
    settings.SALEOR_APP_TOKEN = "app-token"

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


@pytest.mark.parametrize("url", [*FORMS, "/account/confirm/?email=a%40b.vn&token=t",
                                 "/account/password/new/?email=a%40b.vn&token=t"])
def test_every_form_carries_a_csrf_token_and_a_post_without_one_is_refused(url, saleor):
    asked = saleor("CustomerTokenCreate", 2)
    page = read_html(Client().get(url).content)
    (form,) = [f for f in page.all("form") if f.get("method") == "post" and f.get("id") != "sign-out-form"]
    assert page.all("input", name="csrfmiddlewaretoken")
    refused = Client(enforce_csrf_checks=True).post(form["action"], {"email": "a@b.vn", "password": "x"})
    assert refused.status_code == 403
    assert asked.asked == []


def test_sign_out_is_a_post_with_csrf_only():
    assert Client().get("/account/sign-out/").status_code == 405
    assert Client(enforce_csrf_checks=True).post("/account/sign-out/").status_code == 403


@pytest.mark.parametrize("url", ["/account/", "/account/orders/2/", "/en/account/"])
def test_a_visitor_without_an_account_is_sent_to_sign_in_and_saleor_is_not_asked(url, saleor):
    asked = saleor("CustomerMe")
    answer = Client().get(url)
    assert answer.status_code == 302
    assert answer["Location"].split("?")[0] in {"/account/sign-in/", "/en/account/sign-in/"}
    assert asked.asked == []


@pytest.mark.parametrize(("next_url", "lands"), [
    ("/account/orders/2/", "/account/orders/2/"), ("https://evil.example/", "/account/"),
    ("//evil.example/", "/account/"), ("", "/account/"),
])
def test_after_signing_in_the_customer_goes_back_only_to_a_page_of_this_shop(next_url, lands, saleor):
    saleor("CustomerTokenCreate", 2)  # Saleor's recorded tokens for the right password
    answer = Client().post("/account/sign-in/", {"email": "mai.tran@example.com", "password": "Sen-vang-2026!",
                                                 "next": next_url})
    assert (answer.status_code, answer["Location"]) == (303, lands)


def test_an_unconfirmed_or_mistyped_link_shows_that_it_no_longer_works_without_asking_saleor(saleor):
    asked = saleor("CustomerConfirm")
    for url in ("/account/confirm/", "/account/confirm/?email=a%40b.vn", "/account/password/new/?token=t"):
        answer = Client().get(url)
        assert answer.status_code == 400
        assert "Đường dẫn này không còn dùng được" in read_html(answer.content).text
    assert asked.asked == []


def test_the_header_links_to_sign_in_for_a_visitor_and_the_pages_read_in_english_under_en():
    page = read_html(Client().get("/en/orders/lookup/").content)
    assert [(a["href"]) for a in page.all("a", id="account-link")] == ["/en/account/sign-in/"]
    assert [i.get("autocomplete") for i in page.all("input") if i.get("name") in {"email", "number"}] == \
        ["email", "off"]
    assert "Enter the email you gave at checkout and the order number from your confirmation." in page.text


def test_a_weak_password_is_refused_before_saleor_is_asked(saleor):
    asked = saleor("CustomerRegister")
    answer = Client().post("/account/register/", {"name": "An", "email": "an@example.com", "password": "12345678"})
    assert answer.status_code == 400
    assert text_of(answer.content, "password-errors") == "Mật khẩu này quá phổ biến. Mật khẩu này hoàn toàn là số."
    assert asked.asked == []
