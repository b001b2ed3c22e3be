"""The account pages in real headless Chromium at 360 px with JavaScript off: they fit, and the forms work.

Saleor's refusal is its reply recorded from a real Saleor (tests/fixtures/saleor/21_accounts.json)."""

from pathlib import Path

import pytest

from storefront.accounts import session as account_session
from tests.accounts.conftest import REPLAY_URL
from tests.accounts.replies import Answering

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "accounts"


@pytest.fixture
def phone_without_javascript(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False, locale="vi-VN")
    yield context.new_page()
    context.close()


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= 360


def test_signing_in_works_on_a_360_px_phone_without_javascript(live_server, settings, monkeypatch,
                                                                 phone_without_javascript):
    settings.SALEOR_API_URL = REPLAY_URL
    transport = Answering("CustomerTokenCreate", 1)  # Saleor refuses the password
    monkeypatch.setattr(account_session, "make_transport", lambda: transport)
    account_session.forget_clients()
    page = phone_without_javascript
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    # given the shop's home page, whose header links to sign-in
    page.goto(f"{live_server.url}/")
    page.locator("#account-link").click()
    page.wait_for_url(f"{live_server.url}/account/sign-in/")
    assert fits(page)
    page.screenshot(path=str(SCREENSHOTS / "phone-360-sign-in.png"), full_page=True)
    # when the customer signs in with a wrong password, by keyboard
    page.get_by_label("Email").fill("mai.tran@example.com")
    page.get_by_label("Mật khẩu").fill("Sai-mat-khau-1")
    page.get_by_label("Mật khẩu").press("Enter")
    # then the page says so, in Vietnamese, and still fits
    assert page.locator("#form-errors").inner_text() == "Email hoặc mật khẩu không đúng."
    assert fits(page)
    page.screenshot(path=str(SCREENSHOTS / "phone-360-sign-in-refused.png"), full_page=True)
    assert transport.asked == ["CustomerTokenCreate"]
    account_session.forget_clients()


@pytest.mark.parametrize("path", ["/orders/lookup/", "/account/register/", "/account/password/"])
def test_the_other_account_forms_fit_a_360_px_phone(path, live_server, phone_without_javascript):
    page = phone_without_javascript
    page.goto(f"{live_server.url}{path}")
    assert page.locator("form button[type=submit]").first.is_visible()
    assert fits(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"phone-360-{path.strip('/').replace('/', '-')}.png"), full_page=True)
