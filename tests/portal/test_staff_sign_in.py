"""Staff sign in at /admin/login/: throttled as the portal is, with the producers' optional second factor."""

import datetime
import re

import pyotp
import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.utils import timezone

from portal.models import StaffSecondFactor

from .test_second_factor import not_a_code

pytestmark = pytest.mark.django_db

PASSWORD = "mật-khẩu-nhân-viên-2026"


@pytest.fixture
def staff():
    return User.objects.create_user("xuc-tien", email="xuctien@ocop.example.vn", password=PASSWORD, is_staff=True)


@pytest.fixture
def superuser():
    return User.objects.create_superuser("quan-tri", email="quantri@ocop.example.vn", password=PASSWORD)


def sign_in(client: Client, username: str, password: str = PASSWORD, next_url: str = "/admin/"):
    return client.post("/admin/login/", {"username": username, "password": password, "next": next_url})


def test_staff_sign_in_is_refused_after_five_wrong_passwords_and_says_how_long_to_wait(staff):
    # given five wrong passwords for a staff account
    client = Client()
    for _ in range(5):
        assert sign_in(client, "xuc-tien", "sai-mat-khau").status_code == 200
    # when the right password comes sixth
    response = sign_in(client, "xuc-tien")
    # then it is refused without signing in, saying how long to wait
    assert response.status_code == 429
    assert "Quá nhiều lần đăng nhập sai. Hãy thử lại sau 15 phút (lúc" in response.content.decode()
    assert 899 <= int(response["Retry-After"]) <= 901
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_staff_sign_in_counts_failures_per_address_whatever_the_name(staff):
    client = Client()
    for n in range(20):
        sign_in(client, f"ai-do-{n}", "sai")
    assert sign_in(client, "xuc-tien").status_code == 429


def test_staff_sign_in_opens_the_admin_and_keeps_next_on_this_site(staff):
    client = Client()
    response = sign_in(client, "xuc-tien", next_url="/registry/")
    assert response.status_code == 302 and response["Location"] == "/registry/"
    assert sign_in(Client(), "xuc-tien", next_url="https://evil.example/")["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def turn_on(client: Client) -> pyotp.TOTP:
    page = client.post("/staff/security/", {"action": "start"}).content.decode()
    totp = pyotp.TOTP(re.search(r'<code class="totp-secret">([A-Z2-7]+)</code>', page).group(1))
    done = client.post("/staff/security/", {"action": "confirm", "code": totp.now()}, follow=True)
    assert "Đã bật đăng nhập hai bước" in done.content.decode()
    return totp


def test_staff_who_turned_the_second_factor_on_need_a_code_after_the_password(staff):
    # given a staff member who turned two-step sign-in on from their security page
    own = Client()
    sign_in(own, "xuc-tien")
    totp = turn_on(own)
    assert totp.secret not in StaffSecondFactor.objects.get(user=staff).totp_sealed  # kept sealed
    # when they sign in again with the password
    client = Client()
    response = sign_in(client, "xuc-tien")
    # then a code is asked for and the staff pages stay closed until it is given
    assert response["Location"] == "/admin/login/code/"
    assert client.get("/admin/").status_code == 302
    assert client.post("/admin/login/code/", {"code": not_a_code(totp)}).status_code == 200
    assert client.get("/admin/").status_code == 302
    later = totp.at(timezone.now() + datetime.timedelta(seconds=30))
    assert client.post("/admin/login/code/", {"code": later})["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_staff_wrong_codes_lock_the_second_step_and_email_the_account(staff):
    own = Client()
    sign_in(own, "xuc-tien")
    totp = turn_on(own)
    mail.outbox.clear()
    client = Client()
    sign_in(client, "xuc-tien")
    statuses = [client.post("/admin/login/code/", {"code": not_a_code(totp)}).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    sign_in(client, "xuc-tien")  # a correct password does not open it again
    assert client.post("/admin/login/code/", {"code": totp.now()}).status_code == 429
    [email] = mail.outbox
    assert email.to == ["xuctien@ocop.example.vn"]
    assert "bị tạm khóa trong 15 phút" in email.body


def test_superusers_must_set_up_the_second_factor_when_staff_require_2fa_is_on(superuser, settings):
    # given STAFF_REQUIRE_2FA=1 and a superuser without an authenticator
    settings.STAFF_REQUIRE_2FA = True
    client = Client()
    # when they give the right password
    response = sign_in(client, "quan-tri")
    # then no session yet: the code page shows a key to add to an authenticator
    assert response["Location"] == "/admin/login/code/"
    assert client.get("/admin/").status_code == 302
    page = client.get("/admin/login/code/").content.decode()
    assert "Tài khoản nhân viên có toàn quyền phải đăng nhập hai bước" in page
    totp = pyotp.TOTP(re.search(r'<code class="totp-secret">([A-Z2-7]+)</code>', page).group(1))
    # and its code turns the second factor on and signs in
    assert client.post("/admin/login/code/", {"code": not_a_code(totp)}).status_code == 200
    assert client.post("/admin/login/code/", {"code": totp.now()})["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert StaffSecondFactor.objects.get(user=superuser).has_second_factor
    # and from then on the code is asked for, and cannot be turned off
    again = Client()
    assert sign_in(again, "quan-tri")["Location"] == "/admin/login/code/"
    assert "Tài khoản nhân viên có toàn quyền phải luôn bật" in client.get("/staff/security/").content.decode()


def test_a_superuser_session_opened_by_the_password_alone_ends_once_staff_require_2fa_is_on(superuser, settings):
    # given a superuser signed in with the password while the second factor was not required
    settings.STAFF_REQUIRE_2FA = False
    client = Client()
    sign_in(client, "quan-tri")
    assert client.get("/admin/").status_code == 200
    # when STAFF_REQUIRE_2FA is turned on, then their next request signs them out to the sign-in page
    settings.STAFF_REQUIRE_2FA = True
    response = client.get("/registry/reports/")
    assert response.status_code == 302 and response["Location"] == "/admin/login/?next=%2Fregistry%2Freports%2F"
    assert "_auth_user_id" not in client.session


def test_without_staff_require_2fa_a_superuser_signs_in_with_the_password(superuser, settings):
    settings.STAFF_REQUIRE_2FA = False
    assert sign_in(Client(), "quan-tri")["Location"] == "/admin/"
