"""The pages: a producer's statements (page, PDF, monthly email) and finance staff's /staff/payouts/."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Permission, User
from django.core import mail
from django.test import Client
from django.utils import timezone

from catalog_sync.payouts.ledger import record
from catalog_sync.payouts.models import BankAccount, BankAccountChange, Payout, StatementSent
from catalog_sync.payouts.notices import send_monthly
from tests.pdf_reading import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def november(two_producers, order_of):
    honey, coffee = two_producers
    record(order_of([(honey, "Mật ong bạc hà", 2, 205_000), (coffee, "Cà phê Arabica", 1, 180_000)],
                    paid="2026-11-02", delivered="2026-11-03", number=41))
    record(order_of([(honey, "Mật ong bạc hà", 2, 205_000), (coffee, "Cà phê Arabica", 1, 180_000)],
                    paid="2026-11-02", delivered="2026-11-03", number=41, refunds=[(0, 1, "2026-11-20")]))
    return honey, coffee


@pytest.fixture
def finance():
    user = User.objects.create_user("ke-toan", password="mat-khau-dai-12345", is_staff=True)
    user.user_permissions.add(Permission.objects.get(content_type__app_label="payouts", codename="add_payout"))
    client = Client()
    client.force_login(user)
    return client


def test_a_producer_reads_their_statement_only_as_a_page_and_a_pdf(november, producer_person, tmp_path):
    honey, _coffee = november
    lan = producer_person(honey, "lan@example.vn")
    # when the honey producer opens November's statement
    page = lan.get("/portal/payouts/2026-11/").content.decode()
    # then it shows their line and its refund, the totals, in Vietnamese; nothing of coffee
    assert "Mật ong bạc hà" in page and "Cà phê" not in page
    assert re.search(r'id="gross">410\.000\s₫<', page) and re.search(r'id="refunds">205\.000\s₫<', page)
    assert re.search(r'id="commission">16\.400\s₫<', page) and re.search(r'id="net">188\.600\s₫<', page)
    assert "<h1>Bảng kê 2026-11</h1>" in page and "Tải về bản PDF" in page
    # and the PDF has the same figures
    answer = lan.get("/portal/payouts/2026-11.pdf")
    assert answer["Content-Type"] == "application/pdf"
    pdf = tmp_path / "statement.pdf"
    pdf.write_bytes(b"".join(answer.streaming_content) if answer.streaming else answer.content)
    text = pdf_text(pdf)
    assert "Bảng kê doanh thu tháng 11/2026" in text and "HTX Ong mật Mèo Vạc" in text
    assert "410.000" in text and "188.600" in text and "Cà phê" not in text
    # and a bad month is 404
    assert lan.get("/portal/payouts/2026-13/").status_code == 404


def test_each_producer_s_statement_is_emailed_once_with_its_pdf(november, producer_person):
    honey, coffee = november
    producer_person(honey, "lan@example.vn")
    producer_person(coffee, "minh@example.vn")
    mail.outbox.clear()
    sent = send_monthly("2026-11")
    again = send_monthly("2026-11")
    assert sorted(sent) == [("Công ty TNHH Cà phê Cầu Đất", ("minh@example.vn",)),
                            ("HTX Ong mật Mèo Vạc", ("lan@example.vn",))] and again == []
    to_lan = next(message for message in mail.outbox if message.to == ["lan@example.vn"])
    assert "HTX Ong mật Mèo Vạc" in to_lan.subject and "/portal/payouts/2026-11/" in to_lan.body
    assert [name for name, _content, _type in to_lan.attachments] == ["bang-ke-2026-11.pdf"]
    assert len(mail.outbox) == 2 and StatementSent.objects.count() == 2


def test_staff_see_what_is_due_who_has_no_bank_details_what_is_held_and_every_bank_change(november, finance):
    honey, _coffee = november
    BankAccount.objects.create(producer=honey.producer, bank_bin="970436", account_number="0071001234567",
                               account_name="HTX ONG MAT MEO VAC", confirmed_at=timezone.now())
    BankAccountChange.objects.create(producer=honey.producer, bank_bin="970436", account_number="0071001234567",
                                     account_name="HTX ONG MAT MEO VAC", asked_by="lan@example.vn",
                                     status="confirmed", confirmed_at=timezone.now())
    page = finance.get("/staff/payouts/").content.decode()
    dues = page[page.index('id="dues"'):page.index("</table>", page.index('id="dues"'))]
    assert "HTX Ong mật Mèo Vạc" in dues and "0071001234567" in dues
    assert re.search(r"Công ty TNHH Cà phê Cầu Đất</td><td>165\.600\s₫</td><td><strong>", dues)
    assert re.search(r'id="held">354\.200\s₫<', page) and re.search(r'id="dues-sum">354\.200\s₫<', page)
    assert "lan@example.vn" in page[page.index('id="bank-changes"'):]


def test_a_run_started_by_staff_names_a_missing_payos_account_and_stays_to_be_sent(november, finance):
    honey, _ = november
    BankAccount.objects.create(producer=honey.producer, bank_bin="970436", account_number="0071001234567",
                               account_name="HTX ONG MAT MEO VAC", confirmed_at=timezone.now())
    answer = finance.post("/staff/payouts/runs/", {"month": "2026-11"})
    payout = Payout.objects.get()
    assert answer.status_code == 302 and answer["Location"] == f"/staff/payouts/runs/{payout.pk}/"
    page = finance.get(answer["Location"]).content.decode()
    assert "OCOP202611R1" in page and "--payout-client-id" in page and "188.600" in page


def test_the_payouts_pages_are_for_finance_staff_only(november, producer_person):
    honey, _ = november
    clerk = User.objects.create_user("thu-ky", password="mat-khau-dai-12345", is_staff=True)
    client = Client()
    client.force_login(clerk)
    assert client.get("/staff/payouts/").status_code == 403
    assert client.post("/staff/payouts/runs/", {"month": "2026-11"}).status_code == 403
    assert producer_person(honey, "lan@example.vn").get("/staff/payouts/").status_code == 302
    assert Payout.objects.count() == 0


def test_the_staff_navigation_links_to_payouts_for_finance_staff_only():
    link = '<a href="/staff/payouts/">Chi trả nhà sản xuất</a>'
    # given finance staff, and a clerk who is staff but may not run payouts, both reading the registry
    reading = Permission.objects.get(content_type__app_label="registry", codename="view_certificate")
    paying = Permission.objects.get(content_type__app_label="payouts", codename="add_payout")
    finance, client = Client(), Client()
    for name, browser, permissions in (("ke-toan", finance, (reading, paying)), ("thu-ky", client, (reading,))):
        user = User.objects.create_user(name, password="mat-khau-dai-12345", is_staff=True)
        user.user_permissions.add(*permissions)
        browser.force_login(user)
    # when each opens a staff page (the registry's report, in Vietnamese)
    seen_by_finance = finance.get("/registry/reports/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    seen_by_clerk = client.get("/registry/reports/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    # then finance staff find the payouts in the navigation, the clerk does not
    assert link in seen_by_finance
    assert link not in seen_by_clerk and "/staff/payouts/" not in seen_by_clerk
