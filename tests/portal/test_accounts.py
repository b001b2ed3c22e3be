"""Accounts: invitations (expired, reused, wrong producer), sign-in throttling, suspension, password reset."""

from __future__ import annotations

import io
import json
import time

import pytest
from django.contrib.auth.models import Permission, User
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client

from portal.models import ProducerAccount

from .conftest import PASSWORD, invite_json, link_in, path_of

pytestmark = pytest.mark.django_db


def test_invite_prints_exactly_producer_email_and_link_and_emails_that_link(two_producers, settings):
    # given the producer holding TQ-2025-0901
    settings.PUBLIC_URL = "https://ocop.example/"
    # when staff invite a person for that certificate with --json
    out = io.StringIO()
    call_command("producers_invite", "TQ-2025-0901", "--email", "Lan@Example.VN", "--json", stdout=out)
    # then exactly one JSON object with the three keys, and the same link in the email
    printed = json.loads(out.getvalue())
    assert set(printed) == {"producer", "email", "invite_url"}
    assert printed["producer"] == "HTX Ong mật Mèo Vạc"
    assert printed["email"] == "Lan@example.vn"
    assert printed["invite_url"].startswith("https://ocop.example/portal/invitation/")
    [message] = mail.outbox
    assert message.to == ["Lan@example.vn"]
    assert "HTX Ong mật Mèo Vạc" in message.subject
    assert link_in(message) == printed["invite_url"]
    # and the person is not staff and cannot sign in yet (no password)
    user = User.objects.get(email="Lan@example.vn")
    assert (user.is_staff, user.is_superuser, user.has_usable_password()) == (False, False, False)


def test_the_invitation_page_sets_the_password_once_and_signs_in(two_producers, client):
    # given an invitation
    url = path_of(invite_json("TQ-2025-0901", "lan@example.vn")["invite_url"])
    # when the person opens it
    page = client.get(url)
    # then two password fields marked new-password
    html = page.content.decode()
    assert page.status_code == 200
    assert html.count('autocomplete="new-password"') == 2
    # when they set a password
    response = client.post(url, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    # then they are signed in to their producer's portal
    assert response.status_code == 302 and response["Location"] == "/portal/"
    assert "HTX Ong mật Mèo Vạc" in client.get("/portal/").content.decode()
    # and the link is used up, even signed out
    client.logout()
    again = client.get(url)
    assert again.status_code == 410
    assert "Lời mời này đã được dùng" in again.content.decode()
    posted = client.post(url, {"new_password1": "khac-hoan-toan-99", "new_password2": "khac-hoan-toan-99"})
    assert posted.status_code == 410
    assert client.login(username="lan@example.vn", password=PASSWORD)  # the password did not change


def test_an_invitation_older_than_its_lifetime_is_refused(two_producers, client, monkeypatch, settings):
    # given an invitation sent 8 days ago (links last 7)
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() - 8 * 24 * 3600)
    url = path_of(invite_json("TQ-2025-0901", "lan@example.vn")["invite_url"])
    monkeypatch.setattr(time, "time", real_time)
    # when it is opened or posted
    page = client.get(url)
    posted = client.post(url, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    # then it says it has expired, and no password is set
    assert page.status_code == 410 and posted.status_code == 410
    assert "Lời mời này đã hết hạn" in page.content.decode()
    assert not User.objects.get(email="lan@example.vn").has_usable_password()


def test_a_tampered_link_is_not_an_invitation(two_producers, client):
    url = path_of(invite_json("TQ-2025-0901", "lan@example.vn")["invite_url"])
    response = client.get(url[:-3] + ("AAA" if not url.endswith("AAA/") else "BBB") + "/")
    assert response.status_code == 404


def test_a_person_belongs_to_one_producer(two_producers):
    # given a person invited for the honey producer
    invite_json("TQ-2025-0901", "lan@example.vn")
    # when staff invite the same email for the coffee producer
    with pytest.raises(CommandError) as error:
        invite_json("LD-2025-0901", "LAN@example.vn")
    # then it is refused, naming the producer they belong to; nothing is sent
    assert str(error.value) == ("producers invite: email: LAN@example.vn already belongs to producer "
                                "'HTX Ong mật Mèo Vạc'; a person belongs to one producer")
    assert len(mail.outbox) == 1
    assert ProducerAccount.objects.get().producer.name == "HTX Ong mật Mèo Vạc"


def test_a_link_for_one_producer_stops_working_when_the_account_is_moved_to_another(two_producers, client):
    # given an invitation for the honey producer, and the account then moved by staff to the coffee producer
    honey, coffee = two_producers
    url = path_of(invite_json(honey.id, "lan@example.vn")["invite_url"])
    ProducerAccount.objects.filter(user__email="lan@example.vn").update(producer=coffee.producer)
    # when the old link is used
    response = client.post(url, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    # then it is refused and no password is set
    assert response.status_code == 410
    assert not User.objects.get(email="lan@example.vn").has_usable_password()


def test_inviting_again_before_the_password_is_set_replaces_the_first_link(two_producers, client):
    first = path_of(invite_json("TQ-2025-0901", "lan@example.vn")["invite_url"])
    second = path_of(invite_json("TQ-2025-0901", "lan@example.vn")["invite_url"])
    assert first != second
    assert client.get(first).status_code == 410
    assert client.get(second).status_code == 200


@pytest.mark.parametrize(("certificate_id", "email", "message"), [
    ("TQ-2099-0001", "lan@example.vn", "producers invite: certificate: no certificate 'TQ-2099-0001' in the registry"),
    ("TQ-2025-0901", "not-an-email", "producers invite: email: 'not-an-email' is not an email address"),
])
def test_an_invitation_that_cannot_be_sent_names_the_parameter(two_producers, certificate_id, email, message):
    with pytest.raises(CommandError) as error:
        invite_json(certificate_id, email)
    assert str(error.value) == message
    assert mail.outbox == []


def test_a_staff_account_is_never_made_a_producer_account(two_producers, admin_user):
    with pytest.raises(CommandError) as error:
        invite_json("TQ-2025-0901", admin_user.email)
    assert "belongs to a staff account" in str(error.value)
    assert not ProducerAccount.objects.exists()


def test_staff_invite_from_the_certificate_page(two_producers, client):
    # given a staff member who may add producer accounts
    staff = User.objects.create_user("staff", "staff@ocop.vn", "x", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="change_certificate"),
                               Permission.objects.get(codename="add_produceraccount"))
    client.force_login(staff)
    # when they open a certificate and send an invitation from it
    page = client.get("/registry/certificates/TQ-2025-0901/").content.decode()
    assert 'action="/registry/certificates/TQ-2025-0901/invite/"' in page
    response = client.post("/registry/certificates/TQ-2025-0901/invite/", {"email": "lan@example.vn"}, follow=True)
    # then the person gets the link and the page says so
    assert response.redirect_chain[-1][0] == "/registry/certificates/TQ-2025-0901/"
    assert "lan@example.vn" in response.content.decode()
    [message] = mail.outbox
    assert link_in(message).startswith("http://testserver/portal/invitation/")
    assert ProducerAccount.objects.get().invited_by == staff


def test_staff_without_the_permission_cannot_invite(two_producers, client):
    staff = User.objects.create_user("staff", "staff@ocop.vn", "x", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="change_certificate"))
    client.force_login(staff)
    assert "/invite/" not in client.get("/registry/certificates/TQ-2025-0901/").content.decode()
    assert client.post("/registry/certificates/TQ-2025-0901/invite/", {"email": "lan@example.vn"}).status_code == 403
    assert mail.outbox == [] and not ProducerAccount.objects.exists()


def test_the_sign_in_form_names_its_fields_for_password_managers(client):
    html = client.get("/portal/sign-in/").content.decode()
    assert 'autocomplete="username"' in html and 'autocomplete="current-password"' in html
    assert 'name="username"' in html and 'name="password"' in html


def test_sign_in_opens_a_session_that_expires(two_producers, producer_person, client, settings):
    producer_person(two_producers[0], "lan@example.vn")
    response = client.post("/portal/sign-in/", {"username": "lan@example.vn", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/portal/"
    assert client.session.get_expiry_age() == settings.PORTAL_SESSION_SECONDS == 12 * 3600
    assert not client.session.get_expire_at_browser_close()


def test_sign_in_is_refused_after_five_failures_even_with_the_right_password(two_producers, producer_person, client):
    # given an account, and five wrong passwords for it
    producer_person(two_producers[0], "lan@example.vn")
    for _ in range(5):
        wrong = client.post("/portal/sign-in/", {"username": "lan@example.vn", "password": "sai-mat-khau"})
        assert wrong.status_code == 200
        assert "Sai email hoặc mật khẩu." in wrong.content.decode()
    # when the right password comes sixth
    response = client.post("/portal/sign-in/", {"username": "LAN@example.vn", "password": PASSWORD})
    # then it is refused without signing in, saying to wait
    assert response.status_code == 429
    assert "Quá nhiều lần đăng nhập sai" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # and another person's sign-in is not held up
    producer_person(two_producers[1], "minh@example.vn")
    other = client.post("/portal/sign-in/", {"username": "minh@example.vn", "password": PASSWORD})
    assert other.status_code == 302


def test_password_reset_requests_are_throttled_like_sign_ins(two_producers, producer_person, client):
    # given an account, and five reset requests for it
    producer_person(two_producers[0], "lan@example.vn")
    mail.outbox.clear()
    for _ in range(5):
        sent = client.post("/portal/password-reset/", {"email": "lan@example.vn"})
        assert sent.status_code == 302
    # when a sixth comes within the window
    response = client.post("/portal/password-reset/", {"email": "LAN@example.vn"})
    # then it is refused with how long to wait, and no more email is sent
    assert response.status_code == 429
    assert "Quá nhiều yêu cầu. Hãy thử lại sau 15 phút (lúc" in response.content.decode()
    assert len(mail.outbox) == 5
    # and from one address, twenty requests for any emails hold up the next
    other = Client(REMOTE_ADDR="198.51.100.30")
    for n in range(20):
        other.post("/portal/password-reset/", {"email": f"ai-do-{n}@example.vn"})
    assert other.post("/portal/password-reset/", {"email": "minh@example.vn"}).status_code == 429


def test_twenty_failures_from_one_address_hold_up_every_name_from_it(two_producers, producer_person, client):
    producer_person(two_producers[0], "lan@example.vn")
    for n in range(20):
        client.post("/portal/sign-in/", {"username": f"ai-do-{n}@example.vn", "password": "sai"})
    response = client.post("/portal/sign-in/", {"username": "lan@example.vn", "password": PASSWORD})
    assert response.status_code == 429


def test_a_suspended_account_is_signed_out_at_its_next_request_and_cannot_sign_in(two_producers, producer_person):
    # given a signed-in producer person
    person = producer_person(two_producers[0], "lan@example.vn")
    assert person.get("/portal/").status_code == 200
    # when staff suspend the account
    from portal.accounts import suspend

    suspend(ProducerAccount.objects.get(user__email="lan@example.vn"))
    # then the next request goes to the sign-in page, and signing in again is refused
    response = person.get("/portal/")
    assert response.status_code == 302 and response["Location"].startswith("/portal/sign-in/")
    again = person.post("/portal/sign-in/", {"username": "lan@example.vn", "password": PASSWORD})
    assert again.status_code == 200
    assert "Tài khoản này không dùng được cổng chủ thể" in again.content.decode()


def test_staff_suspend_from_the_admin(two_producers, producer_person, admin_client):
    producer_person(two_producers[0], "lan@example.vn")
    account = ProducerAccount.objects.get()
    response = admin_client.post("/admin/portal/produceraccount/", {
        "action": "suspend_accounts", "_selected_action": [account.pk]})
    assert response.status_code == 302
    account.refresh_from_db()
    assert account.suspended


def test_producers_never_get_staff_rights(two_producers, producer_person):
    person = producer_person(two_producers[0], "lan@example.vn")
    assert person.get("/admin/").status_code == 302  # to the admin's sign-in
    assert person.get("/registry/reports/").status_code == 302


def test_staff_cannot_use_the_portal_and_keep_their_own_session(two_producers, admin_client):
    response = admin_client.get("/portal/")
    assert response.status_code == 302 and response["Location"].startswith("/portal/sign-in/")
    assert admin_client.get("/admin/").status_code == 200


def test_password_reset_by_email(two_producers, producer_person, client):
    # given a producer person who forgot their password
    producer_person(two_producers[0], "lan@example.vn")
    mail.outbox.clear()
    # when they ask for a reset
    response = client.post("/portal/password-reset/", {"email": "lan@example.vn"})
    assert response.status_code == 302 and response["Location"] == "/portal/password-reset/sent/"
    # then the email links to the portal's reset page, which sets a new password once
    [message] = mail.outbox
    link = path_of(link_in(message))
    assert link.startswith("/portal/password-reset/")
    form_page = client.get(link, follow=True)
    assert form_page.content.decode().count('autocomplete="new-password"') == 2
    set_url = form_page.redirect_chain[-1][0]
    done = client.post(set_url, {"new_password1": "mat-khau-moi-2026", "new_password2": "mat-khau-moi-2026"})
    assert done.status_code == 302 and done["Location"] == "/portal/password-reset/done/"
    signed = client.post("/portal/sign-in/", {"username": "lan@example.vn", "password": "mat-khau-moi-2026"})
    assert signed.status_code == 302
    client.logout()
    assert "Không dùng được liên kết này" in client.get(link, follow=True).content.decode()  # used once


def test_password_reset_sends_nothing_to_staff_or_unknown_emails(admin_user, client):
    client.post("/portal/password-reset/", {"email": admin_user.email})
    client.post("/portal/password-reset/", {"email": "nobody@example.vn"})
    assert mail.outbox == []


def test_the_portal_speaks_english_under_en(client):
    html = client.get("/en/portal/sign-in/").content.decode()
    assert "Sign in to the producer portal" in html
    assert "Đăng nhập vào cổng chủ thể" in client.get("/portal/sign-in/").content.decode()
