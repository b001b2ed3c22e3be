"""A producer cancels a tourism-service line, against Saleor's replies recorded by
tests/tier2/test_portal_cancel.py (``OCOP_RECORD_PORTAL_CANCEL=1``) from a real Saleor 3.23: a booking paid
by card, one cash on delivery, and an order of coffee (goods), all the coffee producer's."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from django.core import mail

from portal.models import CancelledServiceLine, PortalChange
from portal.service_lines import REASON

pytestmark = pytest.mark.django_db

CASSETTES = Path(__file__).resolve().parents[1] / "fixtures" / "saleor" / "portal" / "orders"
TOUR = "Tham quan đồi cà phê Cầu Đất"


def recorded(name: str) -> list[dict]:
    return json.loads((CASSETTES / f"{name}.json").read_text(encoding="utf-8"))


def order_in(name: str) -> tuple[int, dict]:
    """The order number the portal asked for first in cassette ``name``, and that order as Saleor answered."""
    first = recorded(name)[0]
    number = first["request"]["variables"]["number"]
    [edge] = first["response"]["body"]["data"]["orders"]["edges"]
    return number, edge["node"]


def requests_in(name: str) -> list[dict]:
    return [exchange["request"] for exchange in recorded(name)]


@pytest.fixture
def minh(two_producers, producer_person):
    """The coffee producer's person (the tour is theirs); their invitation is not what the tests look at."""
    person = producer_person(two_producers[1], "minh@example.vn")
    mail.outbox.clear()
    return person


def test_a_producer_is_asked_to_confirm_and_told_a_paid_customer_gets_the_money_back(cassette, minh):
    # given the paid booking of the tour
    cassette("portal/orders/06_cancel_confirm")
    number, order = order_in("06_cancel_confirm")
    [line] = order["lines"]
    # when its producer asks to cancel it
    page = minh.post(f"/portal/orders/{number}/", {"cancel": line["id"]})
    # then a confirmation (with CSRF) names the service and the refund, and nothing is done yet
    html = page.content.decode()
    assert page.status_code == 200 and 'name="csrfmiddlewaretoken"' in html
    assert f"Hủy 1 × {TOUR}?" in html
    assert "Khách hàng đã thanh toán dịch vụ này: 440.000 ₫ sẽ được hoàn lại cho khách." in html
    assert 'name="confirm" value="yes"' in html
    assert not CancelledServiceLine.objects.exists() and mail.outbox == []


def test_a_cancelled_paid_service_asks_saleor_for_that_lines_refund_and_tells_the_customer(cassette, minh):
    # given the paid booking of the tour
    cassette("portal/orders/06_cancel_paid_service")
    number, order = order_in("06_cancel_paid_service")
    [line] = order["lines"]
    # when its producer confirms the cancellation
    done = minh.post(f"/portal/orders/{number}/", {"cancel": line["id"], "confirm": "yes"})
    # then Saleor was asked for a granted refund of exactly that line, with the reason
    assert done.status_code == 302 and done["Location"] == f"/portal/orders/{number}/"
    [grant] = [r for r in requests_in("06_cancel_paid_service") if r["operationName"] == "ProducerLineRefundGrant"]
    assert (grant["variables"]["line"], grant["variables"]["quantity"], grant["variables"]["reason"]) == (
        line["id"], 1, REASON)
    # and the web database holds the cancellation with Saleor's refund, and the audit trail says who
    record = CancelledServiceLine.objects.get()
    assert (record.order_number, record.product_name, record.quantity, record.amount, record.refund_amount) == (
        number, TOUR, 1, Decimal("440000"), Decimal("440000"))
    assert record.refund_id and record.customer_told and record.email == "minh@example.vn"
    assert PortalChange.objects.filter(object_id=line["id"]).values_list("field", "after").get() == (
        "cancelled", "cancelled 1 · refund 440000 VND")
    # and the customer was told in Vietnamese that the money comes back
    [told] = mail.outbox
    assert told.to == ["an.nguyen@example.com"]
    assert told.subject == f"OCOP Market: đơn hàng #{number}, đã hủy {TOUR}"
    assert "Bạn đã thanh toán dịch vụ này: 440.000 ₫ sẽ được hoàn lại vào thẻ hoặc tài khoản bạn đã dùng để trả." \
        in told.body
    assert f"/account/orders/{number}/" in told.body


def test_a_cancelled_cash_on_delivery_service_owes_nothing(cassette, minh):
    cassette("portal/orders/06_cancel_unpaid_service")
    number, order = order_in("06_cancel_unpaid_service")
    [line] = order["lines"]
    assert minh.post(f"/portal/orders/{number}/", {"cancel": line["id"], "confirm": "yes"}).status_code == 302
    # then no refund was asked, and the customer is told nothing is owed
    assert "ProducerLineRefundGrant" not in [r["operationName"] for r in requests_in("06_cancel_unpaid_service")]
    assert CancelledServiceLine.objects.get().refund_id == ""
    [told] = mail.outbox
    assert told.to == ["binh.tran@example.com"]
    assert "Bạn chưa thanh toán dịch vụ này: không có khoản nào phải hoàn." in told.body


def test_goods_are_never_cancelled_from_the_portal(cassette, minh):
    cassette("portal/orders/06_cancel_goods_refused")
    number, order = order_in("06_cancel_goods_refused")
    [line] = order["lines"]
    refused = minh.post(f"/portal/orders/{number}/", {"cancel": line["id"], "confirm": "yes"})
    assert refused.status_code == 400 and "Hàng hóa được gửi đi, không hủy ở đây." in refused.content.decode()
    assert not CancelledServiceLine.objects.exists() and mail.outbox == []


def test_another_producer_cannot_cancel_a_line_that_is_not_theirs(cassette, two_producers, producer_person):
    cassette("portal/orders/06_cancel_goods_refused")
    number, order = order_in("06_cancel_goods_refused")
    [line] = order["lines"]
    lan = producer_person(two_producers[0], "lan@example.vn")
    assert lan.post(f"/portal/orders/{number}/", {"cancel": line["id"], "confirm": "yes"}).status_code == 404
    assert not CancelledServiceLine.objects.exists()


def test_a_cancellation_needs_the_forms_csrf_token(two_producers, producer_person):
    from django.test import Client
    minh = producer_person(two_producers[1], "minh@example.vn")
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = minh.cookies
    assert strict.post("/portal/orders/1/", {"cancel": "T3JkZXJMaW5lOjE=", "confirm": "yes"}).status_code == 403
