"""A customer's journey through accounts and orders, run by both tiers.

Tier 2 runs it against a real Saleor 3.23 holding the demo store, with the app installed so Saleor's
account emails reach the web service, and records Saleor's replies (``OCOP_RECORD_ACCOUNTS=1``:
tests/fixtures/saleor/21_accounts.json, and the email webhooks' payloads in
tests/fixtures/saleor_webhooks/accounts.json); tier 1 replays them. The Saleor requests are the same in
both, so the journey asserts exactly what a shopper notices, the same way in both tiers.
"""

from __future__ import annotations

import base64
import json
import re
import time
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

from django.core.mail import EmailMessage
from django.test import Client

from catalog_sync.catalogue.records import ProductRecord
from catalog_sync.core.formats import money
from storefront.accounts.session import SESSION_KEY
from tests.buying.journeys import SHIPPING, SHOPPER, add, messages_of, order_number, price
from tests.storefront.html_reading import read_html, text_of

CUSTOMER = {"name": "Trần Thị Mai", "email": "mai.tran@example.com", "password": "Sen-vang-2026!"}
ADDRESS = {"firstName": "Trần Thị Mai", "phone": "+84987654321", "streetAddress1": "8 Phan Đình Phùng",
           "city": "Phường Lâm Viên - Đà Lạt", "countryArea": "Lâm Đồng", "country": "VN"}  # as the customer saved it
NEW_PASSWORD = "Hoa-sen-trang-77"
PUBLIC = "http://localhost:8080"  # PUBLIC_URL in both tiers: a host Saleor's ALLOWED_CLIENT_HOSTS allows

DeliverEmail = Callable[[str], EmailMessage]  # "confirm" | "set_password" -> the email the customer got


def form_errors(html: bytes) -> str:
    return text_of(html, "form-errors")


def link_in(email: EmailMessage, path: str) -> tuple[str, dict[str, str]]:
    (link,) = re.findall(r"https?://\S+", email.body)
    parts = urlsplit(link)
    assert f"{parts.scheme}://{parts.netloc}" == PUBLIC and parts.path == path, link
    return f"{parts.path}?{parts.query}", {key: values[0] for key, values in parse_qs(parts.query).items()}


def expired_token() -> str:
    """A JWT whose ``exp`` has passed (unsigned: only its expiry is read, to decide to refresh)."""
    def part(value: dict) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")
    return f"{part({'alg': 'none'})}.{part({'exp': int(time.time()) - 60})}.x"


OTHER_ADDRESS = "203.0.113.7"  # Saleor delays the next sign-in from an address after a failure: fail elsewhere


def sign_in(client: Client, email: str, password: str, address: str = "127.0.0.1"):
    return client.post("/account/sign-in/", {"email": email, "password": password, "next": "/account/"},
                       REMOTE_ADDR=address)


def buy_cash_on_delivery(client: Client, goods: ProductRecord, email: str) -> str:
    added = add(client, goods, 1)
    assert added.status_code == 303, added.content.decode()[:2000]
    return order_number(client.post("/checkout/", {**SHOPPER, "email": email}))


def guest_order(goods: ProductRecord) -> str:
    """An order placed by a guest with another email: nobody else's account shows it."""
    return buy_cash_on_delivery(Client(), goods, SHOPPER["email"])


def register_and_confirm(client: Client, deliver_email: DeliverEmail) -> None:
    # given the account page, which asks a visitor to sign in first, linked from the header
    assert client.get("/account/")["Location"] == "/account/sign-in/?next=%2Faccount%2F"
    page = client.get("/account/sign-in/")
    html = read_html(page.content)
    assert [(a["href"], a["id"]) for a in html.all("a", id="account-link")] == [("/account/sign-in/", "account-link")]
    assert [i["autocomplete"] for i in html.all("input") if i.get("name") in {"email", "password"}] == \
        ["email", "current-password"]
    assert html.all("input", name="csrfmiddlewaretoken")

    # when the customer registers
    form = read_html(client.get("/account/register/").content)
    assert [i["autocomplete"] for i in form.all("input") if i.get("name") in {"name", "email", "password"}] == \
        ["name", "email", "new-password"]
    registered = client.post("/account/register/", CUSTOMER)
    # then they are asked to open the link emailed to them, and Saleor's email comes in Vietnamese
    assert registered.status_code == 200, registered.content.decode()[:3000]
    assert text_of(registered.content, "registered") == \
        f"Chúng tôi đã gửi một đường dẫn tới {CUSTOMER['email']}. Hãy mở nó để xác nhận email, rồi đăng nhập."
    email = deliver_email("confirm")
    assert email.to == [CUSTOMER["email"]]
    assert email.subject == "Xác nhận email của bạn tại OCOP Market"
    assert email.body.startswith(f"Xin chào {CUSTOMER['name']},\n")
    link, query = link_in(email, "/account/confirm/")
    assert query["email"] == CUSTOMER["email"]

    # when they try to sign in before confirming, then Saleor refuses and the page says why
    early = sign_in(client, CUSTOMER["email"], CUSTOMER["password"])
    assert early.status_code == 400
    assert form_errors(early.content) == \
        "Email của bạn chưa được xác nhận: hãy mở đường dẫn trong email chúng tôi đã gửi."

    # when they open the link: a page with one button (a link checker opening it confirms nothing)
    opened = client.get(link)
    assert opened.status_code == 200
    confirm_form = read_html(opened.content).all("form", id="confirm-form")[0]
    assert (confirm_form["method"], confirm_form["action"]) == ("post", "/account/confirm/")
    confirmed = client.post("/account/confirm/", query)
    # then the email is confirmed, and the sign-in page waits with their email filled in
    assert (confirmed.status_code, confirmed["Location"]) == (303, "/account/sign-in/?email=mai.tran%40example.com")
    page = client.get(confirmed["Location"])
    assert messages_of(page.content) == ["Email của bạn đã được xác nhận. Bây giờ bạn có thể đăng nhập."]
    assert read_html(page.content).all("input", name="email")[0]["value"] == CUSTOMER["email"]
    # and the same link used again no longer works
    again = client.post("/account/confirm/", {**query, "token": query["token"] + "x"})
    assert again.status_code == 400
    assert text_of(again.content, "link-invalid") == "Đường dẫn đã được dùng, đã hết hạn hoặc bị sao chép thiếu."


def signed_in_journey(client: Client, goods: ProductRecord, guest_number: str, placed_on: Callable[[str], str]) -> str:
    """Sign in, buy cash on delivery, see the order under the account. The order's number."""
    # when the password is wrong, then the same words as for an unknown email
    wrong = sign_in(client, CUSTOMER["email"], "Sai-mat-khau-1", OTHER_ADDRESS)
    assert wrong.status_code == 400
    assert form_errors(wrong.content) == "Email hoặc mật khẩu không đúng."

    # when it is right
    signed = sign_in(client, CUSTOMER["email"], CUSTOMER["password"])
    # then they land on their account; Saleor's tokens are in the server-side session only
    assert signed.status_code == 303, form_errors(signed.content)
    assert signed["Location"] == "/account/"
    assert "sessionid" in signed.cookies
    tokens = client.session[SESSION_KEY]
    assert set(tokens) == {"email", "access", "refresh"} and tokens["email"] == CUSTOMER["email"]
    account = client.get("/account/")
    assert account.status_code == 200
    for token in (tokens["access"], tokens["refresh"]):
        assert token not in account.content.decode()
        assert all(token not in cookie.value for cookie in [*signed.cookies.values(), *account.cookies.values()])
    assert text_of(account.content, "account-email") == f"{CUSTOMER['name']} · {CUSTOMER['email']}"
    assert text_of(account.content, "no-orders") == "Bạn chưa có đơn hàng nào."
    # and the address they keep in Saleor, their default one
    assert text_of(account.content, "my-addresses") == \
        "Trần Thị Mai · +84987654321 8 Phan Đình Phùng, PHƯỜNG LÂM VIÊN - ĐÀ LẠT, Lâm Đồng (mặc định)"
    assert [a["href"] for a in read_html(account.content).all("a", id="account-link")] == ["/account/"]
    assert "Tài khoản của tôi" in text_of(account.content, "account-link")

    # when they buy cash on delivery while signed in, then the checkout knows their email
    add(client, goods, 1)
    checkout = read_html(client.get("/checkout/").content)
    assert checkout.all("input", name="email")[0]["value"] == CUSTOMER["email"]
    number = order_number(client.post("/checkout/", {**SHOPPER, "email": CUSTOMER["email"]}))

    # then the order is under their account: number, date, status, Saleor's total
    account = client.get("/account/")
    rows = read_html(account.content)
    assert [a["href"] for a in rows.all("a") if a["href"].startswith("/account/orders/")] == \
        [f"/account/orders/{number}/"]
    table = text_of(account.content, "my-orders")
    assert table == f"Mã đơn hàng Ngày đặt Trạng thái Tổng cộng {number} {placed_on(number)} Chờ xác nhận " \
        f"{money(price(goods) + SHIPPING)}", table
    # and its page lists the lines
    order = client.get(f"/account/orders/{number}/")
    assert order.status_code == 200
    assert text_of(order.content, "order-status") == "Chờ xác nhận"  # Saleor's UNCONFIRMED: staff confirm it
    assert text_of(order.content, "order-lines").startswith(f"Sản phẩm {goods.name}")
    assert text_of(order.content, "order-total") == money(price(goods) + SHIPPING)
    # and another shopper's order number is not found, as if it did not exist
    assert client.get(f"/account/orders/{guest_number}/").status_code == 404

    # when the access token has expired, then the refresh token gets a new one and the page still shows
    session = client.session
    session[SESSION_KEY] = {**session[SESSION_KEY], "access": expired_token()}
    session.save()
    assert client.get("/account/").status_code == 200
    assert client.session[SESSION_KEY]["access"] != session[SESSION_KEY]["access"]
    # and when Saleor refuses an access token that did not look expired, it is refreshed once and asked again
    session = client.session
    session[SESSION_KEY] = {**session[SESSION_KEY], "access": "no-longer-valid"}
    session.save()
    again = client.get("/account/")
    assert again.status_code == 200 and text_of(again.content, "account-email").endswith(CUSTOMER["email"])
    assert client.session[SESSION_KEY]["access"] != "no-longer-valid"

    # when they sign out, then the session holds no token and the account asks to sign in again
    out = client.post("/account/sign-out/")
    assert (out.status_code, out["Location"]) == (303, "/")
    assert SESSION_KEY not in client.session
    assert client.get("/account/").status_code == 302
    return number


def lookup_journey(number: str, guest_number: str, goods: ProductRecord) -> None:
    guest = Client()
    page = read_html(guest.get("/orders/lookup/").content)
    assert page.all("input", name="csrfmiddlewaretoken")
    # when a guest gives the order's email (in other capitals) and its number, then the order is shown
    found = guest.post("/orders/lookup/", {"email": CUSTOMER["email"].upper(), "number": number})
    assert found.status_code == 200
    assert read_html(found.content).all("h1") and f"Đơn hàng {number}" in read_html(found.content).text
    assert text_of(found.content, "order-total") == money(price(goods) + SHIPPING)
    # when the email is wrong, or the number is someone else's, or no such number: the same answer
    not_found = "Không có đơn hàng nào khớp với email và mã đơn hàng này."
    for email, wrong in ((SHOPPER["email"], number), (CUSTOMER["email"], guest_number),
                         (CUSTOMER["email"], str(int(number) + 1000))):
        answer = guest.post("/orders/lookup/", {"email": email, "number": wrong})
        assert (answer.status_code, form_errors(answer.content)) == (404, not_found), (email, wrong)
        assert "order-total" not in answer.content.decode()


def password_reset_journey(client: Client, deliver_email: DeliverEmail) -> None:
    # when the customer forgot their password
    asked = client.post("/account/password/", {"email": CUSTOMER["email"]})
    assert asked.status_code == 200
    assert text_of(asked.content, "reset-sent") == \
        f"Nếu có tài khoản dùng {CUSTOMER['email']}, chúng tôi đã gửi tới đó một đường dẫn để chọn mật khẩu mới."
    email = deliver_email("set_password")
    assert (email.to, email.subject) == ([CUSTOMER["email"]], "Chọn mật khẩu mới tại OCOP Market")
    link, query = link_in(email, "/account/password/new/")
    form = read_html(client.get(link).content)
    assert [i["autocomplete"] for i in form.all("input", name="password")] == ["new-password"]
    # when they choose a new one
    changed = client.post("/account/password/new/", {**query, "password": NEW_PASSWORD})
    assert (changed.status_code, changed["Location"]) == (303, "/account/sign-in/?email=mai.tran%40example.com")
    # then the old password no longer signs in, and the new one does
    old = sign_in(client, CUSTOMER["email"], CUSTOMER["password"], OTHER_ADDRESS)
    assert (old.status_code, form_errors(old.content)) == (400, "Email hoặc mật khẩu không đúng.")
    assert sign_in(client, CUSTOMER["email"], NEW_PASSWORD).status_code == 303

    # when Saleor no longer accepts the session's refresh token (and the access token has expired)
    session = client.session
    session[SESSION_KEY] = {**session[SESSION_KEY], "access": expired_token(), "refresh": "no-longer-valid"}
    session.save()
    # then the customer is signed out here and asked to sign in again
    assert client.get("/account/")["Location"] == "/account/sign-in/?next=%2Faccount%2F"
    assert SESSION_KEY not in client.session


def english_pages(client: Client) -> None:
    page = client.get("/en/account/sign-in/")
    assert read_html(page.content).all("h1") and "Sign in Forgot your password?" in read_html(page.content).text
    assert "Look up an order" in read_html(client.get("/en/orders/lookup/").content).text
