"""Finance staff's VietQR refunds page: pending refunds with the customer's account, marked done with the bank's
reference (Saleor told REFUND_SUCCESS), and only for staff with the permission."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client

from catalog_sync.payments.models import VietQRRefund

from .conftest import vietqr_payload
from .test_vietqr import answer, reports, started

pytestmark = pytest.mark.django_db


@pytest.fixture
def make_staff():
    def make(*codenames: str, name: str = "finance") -> Client:
        user = get_user_model().objects.create_user(name, f"{name}@ocop.test", "x", is_staff=True)
        for codename in codenames:
            user.user_permissions.add(Permission.objects.get(codename=codename))
        client = Client()
        client.force_login(user)
        return client
    return make


@pytest.fixture
def pending_refund(saleor_vietqr, vietqr) -> VietQRRefund:
    reply = started(saleor_vietqr)
    vietqr.transfer(125000, reply["data"]["description"], counterAccountNumber="0123456789",
                    counterAccountName="NGUYEN VAN AN", counterAccountBankName="Vietcombank")
    vietqr.post(vietqr.next_webhook())
    answer(saleor_vietqr, vietqr_payload("refund_vnd"))
    return VietQRRefund.objects.get()


def test_finance_staff_see_each_pending_refund_with_the_customers_account(make_staff, pending_refund):
    page = make_staff("view_vietqrrefund").get("/staff/refunds/vietqr/")
    assert page.status_code == 200
    html = page.content.decode()
    assert pending_refund.psp_reference in html
    for shown in ("25000 ₫", "NGUYEN VAN AN", "0123456789", "Vietcombank"):
        assert shown in html
    assert 'name="bank_reference"' not in html  # viewing only: no form to mark it done


def test_marking_a_refund_transferred_tells_saleor_and_keeps_the_bank_reference(make_staff, pending_refund,
                                                                                fake_saleor):
    finance = make_staff("transfer_vietqr_refunds")
    done = finance.post("/staff/refunds/vietqr/", {"refund": pending_refund.pk, "bank_reference": "FT26341123456"})
    assert (done.status_code, done["Location"]) == (302, "/staff/refunds/vietqr/")
    refund = VietQRRefund.objects.get()
    assert (refund.status, refund.bank_reference, refund.done_by.username) == ("done", "FT26341123456", "finance")
    refund_reports = [r for r in reports(fake_saleor) if r["type"] == "REFUND_SUCCESS"]
    assert refund_reports == [{"id": vietqr_payload("refund_vnd")["transaction"]["id"],
                               "pspReference": refund.psp_reference, "type": "REFUND_SUCCESS", "amount": "25000",
                               "message": "transferred back by bank transfer FT26341123456", "availableActions": []}]
    again = finance.post("/staff/refunds/vietqr/", {"refund": refund.pk, "bank_reference": "FT26341123456"})
    assert again.status_code == 400
    assert "this refund was marked done already (FT26341123456)" in again.content.decode()
    assert len([r for r in reports(fake_saleor) if r["type"] == "REFUND_SUCCESS"]) == 1


def test_a_bank_reference_that_cannot_be_one_is_refused_next_to_the_field(make_staff, pending_refund):
    page = make_staff("transfer_vietqr_refunds").post(
        "/staff/refunds/vietqr/", {"refund": pending_refund.pk, "bank_reference": "<x>"})
    assert page.status_code == 400
    assert f'id="bank-reference-error-{pending_refund.pk}"' in page.content.decode()
    assert VietQRRefund.objects.get().status == "pending"


def test_staff_without_the_permission_cannot_see_or_mark_refunds(make_staff, pending_refund):
    other = make_staff(name="clerk")
    assert other.get("/staff/refunds/vietqr/").status_code == 403
    viewer = make_staff("view_vietqrrefund", name="viewer")
    assert viewer.post("/staff/refunds/vietqr/", {"refund": pending_refund.pk,
                                                  "bank_reference": "FT26341123456"}).status_code == 403
    assert json.loads(json.dumps(VietQRRefund.objects.get().status)) == "pending"
