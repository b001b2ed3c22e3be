"""The portal's home and certificates pages, and certificate reminders at 90, 30 and 7 days (Vietnam time)."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core import mail

from catalog_sync.domain.validity import vietnam_today
from catalog_sync.registry.models import Certificate
from portal.accounts import suspend
from portal.models import CertificateReminder, ProducerAccount
from portal.reminders import send_due_reminders

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def test_home_links_to_each_of_the_producers_pages_in_their_language(two_producers, producer_person):
    person = producer_person(two_producers[0], "lan@example.vn")
    home = person.get("/portal/").content.decode()
    assert 'href="/portal/certificates/"' in home and 'href="/portal/products/"' in home
    assert "Giấy chứng nhận của bạn" in home
    english = person.get("/en/portal/").content.decode()
    assert 'href="/en/portal/certificates/"' in english and 'href="/en/portal/products/"' in english
    assert "Your certificates" in english


def test_certificates_show_status_last_valid_day_days_left_and_renewal_history(
        two_producers, producer_person, make_certificate):
    # given the honey producer's certificate renewed by a newer one ending in 45 days, and an expired one
    honey, coffee = two_producers
    today = vietnam_today()
    renewal = make_certificate(id="TQ-2026-0007", product_name=honey.product_name, producer="HTX Ong mật Mèo Vạc",
                               stars=5, issued_on=today - datetime.timedelta(days=10),
                               valid_until=today + datetime.timedelta(days=45), decision_no="77/QĐ-UBND",
                               province="tuyen-quang", supersedes=honey)
    make_certificate(id="TQ-2020-0003", product_name="Chè Shan tuyết", producer="HTX Ong mật Mèo Vạc",
                     issued_on=datetime.date(2020, 1, 5), decision_no="3/QĐ-UBND", province="tuyen-quang")
    person = producer_person(honey, "lan@example.vn")
    # when they open their certificates
    html = person.get("/portal/certificates/").content.decode()
    # then the renewal is shown with its days left and the old one in its history
    section = re.search(r'<section class="card certificate" id="certificate-TQ-2026-0007">(.*?)</section>',
                        html, re.S).group(1)
    assert "còn hiệu lực" in section
    assert f'<dd class="last-valid-day">{renewal.valid_until:%d/%m/%Y}</dd>' in section
    assert '<dd class="days-left">45</dd>' in section
    assert "Lịch sử đánh giá lại" in section and "TQ-2025-0901 · 4★ · 10/03/2025 – 10/03/2028" in section
    assert 'id="certificate-TQ-2025-0901"' not in html  # only inside its renewal's history
    expired = re.search(r'id="certificate-TQ-2020-0003">(.*?)</section>', html, re.S).group(1)
    assert "hết hiệu lực" in expired and "days-left" not in expired
    assert "Cần làm gì để được công nhận lại" in html
    # and nothing of the other producer
    assert coffee.id not in html and "Cà phê" not in html


def _at_vietnam(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    """The UTC instant of ``hour:minute`` in Vietnam on ``day``."""
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC) - datetime.timedelta(hours=7)


@pytest.fixture
def ending(make_certificate, producer_person):
    """A certificate whose last valid day is 30/05/2026, and a person of its producer."""
    certificate = make_certificate(id="TQ-2023-0100", product_name="Miến dong", producer="HTX Miến dong Bình Lư",
                                   issued_on=datetime.date(2023, 5, 30), valid_until=datetime.date(2026, 5, 30),
                                   province="tuyen-quang", decision_no="100/QĐ-UBND")
    producer_person(certificate, "hoa@example.vn")
    mail.outbox.clear()
    return certificate


def test_reminders_go_once_at_90_30_and_7_days_counted_in_vietnam_time(ending):
    last = ending.valid_until
    day_90 = last - datetime.timedelta(days=90)  # 01/03/2026
    # at 23:59 Vietnam time on the eve of the 90th day before: nothing yet (07:00 UTC is the same day there)
    assert send_due_reminders(_at_vietnam(day_90 - datetime.timedelta(days=1), 23, 59)) == []
    # at 00:00 Vietnam time on it (still the day before in UTC): the 90-day reminder
    [sent] = send_due_reminders(_at_vietnam(day_90, 0, 0))
    assert (sent.certificate_id, sent.days_before, sent.recipients) == ("TQ-2023-0100", 90, ("hoa@example.vn",))
    [message] = mail.outbox
    assert message.to == ["hoa@example.vn"]
    assert message.subject == "Giấy chứng nhận OCOP TQ-2023-0100: còn 90 ngày"
    assert "có hiệu lực đến hết ngày 30/05/2026 (còn 90 ngày)" in message.body
    # the same day again, and the days after: nothing more
    assert send_due_reminders(_at_vietnam(day_90, 18)) == []
    assert send_due_reminders(_at_vietnam(day_90 + datetime.timedelta(days=1), 9)) == []
    assert send_due_reminders(_at_vietnam(last - datetime.timedelta(days=31), 9)) == []
    # 30 and 7 days before: one each
    assert [s.days_before for s in send_due_reminders(_at_vietnam(last - datetime.timedelta(days=30), 9))] == [30]
    assert send_due_reminders(_at_vietnam(last - datetime.timedelta(days=29), 9)) == []
    assert [s.days_before for s in send_due_reminders(_at_vietnam(last - datetime.timedelta(days=7), 9))] == [7]
    assert send_due_reminders(_at_vietnam(last, 9)) == []
    assert [m.subject for m in mail.outbox] == [
        "Giấy chứng nhận OCOP TQ-2023-0100: còn 90 ngày",
        "Giấy chứng nhận OCOP TQ-2023-0100: còn 30 ngày",
        "Giấy chứng nhận OCOP TQ-2023-0100: còn 7 ngày",
    ]
    assert list(CertificateReminder.objects.order_by("days_before").values_list("days_before", "sent_on")) == [
        (7, datetime.date(2026, 5, 23)), (30, datetime.date(2026, 4, 30)), (90, datetime.date(2026, 3, 1))]


def test_a_missed_day_sends_the_reminder_now_due_and_never_a_less_urgent_one(ending):
    # given the worker did not run from 95 to 20 days before the last valid day
    [sent] = send_due_reminders(_at_vietnam(ending.valid_until - datetime.timedelta(days=20), 9))
    # then only the 30-day reminder goes, saying how many days are really left
    assert sent.days_before == 30
    assert mail.outbox[0].subject == "Giấy chứng nhận OCOP TQ-2023-0100: còn 20 ngày"


def test_no_reminder_for_a_renewed_or_revoked_certificate(ending, make_certificate):
    make_certificate(id="TQ-2026-0100", product_name="Miến dong", producer="HTX Miến dong Bình Lư",
                     issued_on=datetime.date(2026, 2, 1), province="tuyen-quang", decision_no="9/QĐ-UBND",
                     supersedes=ending)
    assert send_due_reminders(_at_vietnam(datetime.date(2026, 3, 1), 9)) == []
    Certificate.objects.filter(pk="TQ-2026-0100").delete()
    Certificate.objects.filter(pk=ending.pk).update(revoked_on=datetime.date(2026, 6, 1))
    assert send_due_reminders(_at_vietnam(datetime.date(2026, 3, 1), 9)) == []
    assert mail.outbox == []


def test_a_reminder_waits_for_someone_to_send_it_to_and_skips_suspended_people(ending, producer_person):
    suspend(ProducerAccount.objects.get(user__email="hoa@example.vn"))
    assert send_due_reminders(_at_vietnam(datetime.date(2026, 3, 1), 9)) == []
    assert not CertificateReminder.objects.exists()
    producer_person(ending, "an@example.vn")
    mail.outbox.clear()
    [sent] = send_due_reminders(_at_vietnam(datetime.date(2026, 3, 2), 9))
    assert sent.recipients == ("an@example.vn",)


def test_reminders_are_a_beat_task_of_the_web_worker(ending, settings):
    from ocop_web.celery import app

    entry = settings.CELERY_BEAT_SCHEDULE["certificate-reminders"]
    assert entry["task"] == "portal.tasks.send_certificate_reminders"
    app.loader.import_default_modules()
    assert entry["task"] in app.tasks


def test_the_beat_task_sends_todays_reminders(make_certificate, producer_person):
    # given a certificate whose last valid day is 30 days after today in Vietnam, and a person of its producer
    from portal.tasks import send_certificate_reminders

    today = vietnam_today()
    certificate = make_certificate(id="TQ-2024-0300", product_name="Chè Shan tuyết", producer="HTX Chè Shan",
                                   issued_on=today - datetime.timedelta(days=400),
                                   valid_until=today + datetime.timedelta(days=30), province="tuyen-quang")
    producer_person(certificate, "tuan@example.vn")
    mail.outbox.clear()
    # when the worker runs the task twice
    assert send_certificate_reminders.apply().get() == 1
    assert send_certificate_reminders.apply().get() == 0
    # then one email went
    assert [m.subject for m in mail.outbox] == ["Giấy chứng nhận OCOP TQ-2024-0300: còn 30 ngày"]
