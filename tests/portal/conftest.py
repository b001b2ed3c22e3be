"""Two producers, each with a certificate, and helpers to invite and sign in their people."""

from __future__ import annotations

import datetime
import io
import json
import re
from collections.abc import Callable

import pytest
from django.core import mail
from django.core.management import call_command

PASSWORD = "mật-khẩu-dài-2026"


@pytest.fixture
def two_producers(make_certificate):
    """(honey, coffee): certificates of two producers."""
    honey = make_certificate(id="TQ-2025-0901", product_name="Mật ong bạc hà Mèo Vạc", producer="HTX Ong mật Mèo Vạc",
                             issued_on=datetime.date(2025, 3, 10), province="tuyen-quang")
    coffee = make_certificate(id="LD-2025-0901", product_name="Cà phê Arabica Cầu Đất",
                              producer="Công ty TNHH Cà phê Cầu Đất", stars=5, issued_on=datetime.date(2025, 1, 20),
                              decision_no="120/QĐ-BNNMT", province="lam-dong")
    return honey, coffee


def invite_json(certificate_id: str, email: str) -> dict:
    out = io.StringIO()
    call_command("producers_invite", certificate_id, "--email", email, "--json", stdout=out)
    return json.loads(out.getvalue())


def link_in(message) -> str:
    [url] = re.findall(r"https?://\S+", message.body)
    return url


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


@pytest.fixture
def producer_person(client_factory) -> Callable[..., object]:
    """``producer_person(certificate, email)``: invited, password set; returns a signed-in test client."""

    def make(certificate, email: str):
        invitation = invite_json(certificate.id, email)
        client = client_factory()
        response = client.post(path_of(invitation["invite_url"]),
                               {"new_password1": PASSWORD, "new_password2": PASSWORD})
        assert response.status_code == 302, response.content.decode()
        return client

    return make


@pytest.fixture
def client_factory():
    from django.test import Client

    return lambda: Client()


@pytest.fixture(autouse=True)
def _empty_outbox():
    mail.outbox.clear()


from tests.saleor_client.conftest import cassette  # noqa: E402,F401  (recorded Saleor replies for the portal)
