"""The weekly digest to provincial OCOP offices: what it lists, that it goes once, and its beat schedule."""

from __future__ import annotations

import datetime
import json
import re
from io import StringIO

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command

from catalog_sync.domain.validity import VIETNAM_TZ
from catalog_sync.domain.withdrawals import LogEntry
from catalog_sync.registry.digest import DigestSender, digest_for, parse_week, previous_week
from catalog_sync.registry.models import DigestSent, ProvinceOffice
from catalog_sync.registry.withdrawals import record

pytestmark = pytest.mark.django_db

# The week reported: Monday 16/11/2026 - Sunday 22/11/2026; the digest goes on Monday 23/11/2026.
WEEK = datetime.date(2026, 11, 16)
SENT_ON = datetime.date(2026, 11, 23)
SITE = "https://ocop.example.vn"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_PUBLIC_URL = SITE + "/"


def _days(n: int) -> datetime.date:
    return SENT_ON + datetime.timedelta(days=n)


def _ids(items) -> list[str]:
    return [getattr(item, "certificate", item).id for item in items]


def test_expiring_lists_only_the_provinces_certificates_up_to_exactly_60_days(make_certificate):
    # given certificates of Tuyên Quang ending in 60 and 61 days, and one of Lâm Đồng ending in 10 days
    make_certificate(id="TQ-2023-0001", issued_on=datetime.date(2023, 1, 1), valid_until=_days(60))
    make_certificate(id="TQ-2023-0002", issued_on=datetime.date(2023, 1, 1), valid_until=_days(61),
                     product_name="Chè Shan tuyết")
    make_certificate(id="LD-2023-0001", issued_on=datetime.date(2023, 1, 1), valid_until=_days(10),
                     province="lam-dong", producer="HTX Cà phê Cầu Đất")
    # when the digest of the week is computed for each province
    tuyen_quang, lam_dong = digest_for("tuyen-quang", WEEK), digest_for("lam-dong", WEEK)
    # then day 60 is in, day 61 is out, and each province sees only its own
    assert _ids(tuyen_quang.expiring) == ["TQ-2023-0001"]
    assert _ids(lam_dong.expiring) == ["LD-2023-0001"]


def vn(day: datetime.date, hour: int = 0, minute: int = 0, second: int = 0) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=VIETNAM_TZ)


def logged(entry_id: int, action: str, at: datetime.datetime, certificate: str, product: str = "UHJvZHVjdDox",
           name: str = "Mật ong bạc hà", reason: str | None = None) -> None:
    """An entry of the plugin's log, as the app's webhook hands it to the registry."""
    record(product, [LogEntry(entry_id, action, reason or f"revoked ({certificate})", certificate, name, at)])


def test_withdrawn_are_the_products_the_plugin_withdrew_from_monday_to_sunday_vietnam_time(make_certificate):
    # given certificates of Tuyên Quang and one of Lâm Đồng
    for cid in ("TQ-2024-0001", "TQ-2024-0002", "TQ-2024-0003", "TQ-2024-0004"):
        make_certificate(id=cid, issued_on=datetime.date(2024, 1, 1), product_name=f"Sản phẩm {cid}")
    make_certificate(id="LD-2024-0001", issued_on=datetime.date(2024, 1, 1), province="lam-dong")
    sunday = WEEK + datetime.timedelta(days=6)
    # and the plugin's log: withdrawals just before the week, at its first and its last second, and just after
    logged(1, "withdrawn", vn(WEEK - datetime.timedelta(days=1), 23, 59, 59), "TQ-2024-0001", "UHJvZHVjdDox")
    logged(2, "withdrawn", vn(WEEK), "TQ-2024-0002", "UHJvZHVjdDoy", name="Chè Shan tuyết",
           reason=f"expired on {(WEEK - datetime.timedelta(days=1)).isoformat()} (TQ-2024-0002)")
    logged(3, "withdrawn", vn(sunday, 23, 59, 59), "TQ-2024-0003", "UHJvZHVjdDoz", name="Cam sành")
    logged(4, "withdrawn", vn(SENT_ON), "TQ-2024-0004", "UHJvZHVjdDo0")
    # and in the week: a restore, a product withdrawn twice (published again by hand), another province's
    logged(5, "restored", vn(WEEK, 9), "TQ-2024-0002", "UHJvZHVjdDoy", reason="valid until 2027-01-01")
    logged(6, "withdrawn", vn(WEEK, 10), "TQ-2024-0002", "UHJvZHVjdDoy", name="Chè Shan tuyết")
    logged(7, "withdrawn", vn(WEEK, 11), "LD-2024-0001", "UHJvZHVjdDo1")
    # when the week's digest is computed for Tuyên Quang
    withdrawn = digest_for("tuyen-quang", WEEK).withdrawn
    # then it lists each product withdrawn from Monday 00:00 to Sunday 24:00 Vietnam time once, at its first
    # withdrawal of the week, with the plugin's reason said in Vietnamese
    assert [(w.event.certificate_id, w.event.product_name, w.event.at, w.reason_vi) for w in withdrawn] == [
        ("TQ-2024-0002", "Chè Shan tuyết", vn(WEEK), "hết hiệu lực (ngày hiệu lực cuối 15/11/2026)"),
        ("TQ-2024-0003", "Cam sành", vn(sunday, 23, 59, 59), "bị thu hồi"),
    ]
    assert [w.certificate.id if w.certificate else None for w in withdrawn] == ["TQ-2024-0002", "TQ-2024-0003"]


def test_a_withdrawal_under_a_certificate_the_registry_does_not_know_is_listed_without_a_link():
    # given the plugin withdrew a product whose certificate id is not in the registry (its province unknown)
    ProvinceOffice.objects.create(province="tuyen-quang", emails="vp.ocop@tuyenquang.gov.vn")
    logged(1, "withdrawn", vn(WEEK, 8), "XX-0000-0001", reason="unknown certificate XX-0000-0001")
    # when the digest is sent / then no province claims it: Tuyên Quang's says nothing was withdrawn
    DigestSender(week=WEEK).run()
    assert "Sản phẩm bị rút khỏi bán tuần trước" not in mail.outbox[0].body
    assert "không có sản phẩm nào bị rút khỏi bán tuần trước" in mail.outbox[0].body


def test_the_default_week_is_the_one_before_today_in_vietnam_time_across_sunday_midnight():
    # given Sunday 22/11 23:59 and Monday 23/11 00:00 in Vietnam (both still Sunday in UTC)
    sunday_late = datetime.datetime(2026, 11, 22, 16, 59, tzinfo=datetime.UTC)
    monday_start = datetime.datetime(2026, 11, 22, 17, 0, tzinfo=datetime.UTC)
    from catalog_sync.domain.validity import vietnam_today
    # when the week before each is taken
    # then Sunday still reports the week before, Monday 00:00 reports the week just ended
    assert previous_week(vietnam_today(sunday_late)) == datetime.date(2026, 11, 9)
    assert previous_week(vietnam_today(monday_start)) == WEEK
    assert parse_week("2026-W47") == WEEK
    with pytest.raises(ValueError, match="--week"):
        parse_week("2026-47")


def test_an_office_gets_its_digest_once_a_week_with_correct_vietnamese_and_links(make_certificate):
    # given Tuyên Quang's office, one certificate expiring in 30 days and one revoked last week
    ProvinceOffice.objects.create(province="tuyen-quang", emails="vp.ocop@tuyenquang.gov.vn, so.nn@tuyenquang.gov.vn")
    make_certificate(id="TQ-2023-0001", issued_on=datetime.date(2023, 1, 1), valid_until=_days(30))
    make_certificate(id="TQ-2024-0002", issued_on=datetime.date(2024, 1, 1), product_name="Chè Shan tuyết",
                     revoked_on=WEEK + datetime.timedelta(days=3), revocation_reason="Vi phạm chất lượng")
    logged(1, "withdrawn", vn(WEEK + datetime.timedelta(days=3), 0, 0, 0), "TQ-2024-0002", name="Chè Shan tuyết")
    # when the digests of the week are sent, twice
    first = DigestSender(week=WEEK).run()
    second = DigestSender(week=WEEK).run()
    # then one email went, to both addresses, and the rerun sent nothing
    assert [o.status for o in first.offices] == ["sent"] and [o.status for o in second.offices] == ["already_sent"]
    [message] = mail.outbox
    assert message.to == ["vp.ocop@tuyenquang.gov.vn", "so.nn@tuyenquang.gov.vn"]
    assert message.subject == "OCOP Tuyên Quang: bản tin tuần 16/11–22/11/2026"
    body = message.body
    assert "Kính gửi Văn phòng OCOP Tuyên Quang," in body
    assert "Giấy chứng nhận hết hạn trong 60 ngày tới (tính từ 23/11/2026): 1" in body
    assert ("- TQ-2023-0001 · Mật ong bạc hà · HTX Ong mật Mèo Vạc · 4 sao · ngày hiệu lực cuối 23/12/2026\n"
            f"  {SITE}/verify/TQ-2023-0001/") in body
    assert "Sản phẩm bị rút khỏi bán tuần trước: 1" in body
    assert ("- TQ-2024-0002 · Chè Shan tuyết · HTX Ong mật Mèo Vạc · rút lúc 00:00 19/11/2026 · bị thu hồi "
            f"(Vi phạm chất lượng)\n  {SITE}/verify/TQ-2024-0002/") in body
    assert "nhật ký của hệ thống bán hàng" in body
    assert f"Báo cáo đầy đủ: {SITE}/registry/reports/?province=tuyen-quang&days=60" in body
    assert isinstance(message, EmailMultiAlternatives)
    html, mime = message.alternatives[0]
    assert isinstance(html, str)
    assert mime == "text/html"
    assert f'<a href="{SITE}/verify/TQ-2024-0002/">TQ-2024-0002</a>' in html
    assert f'href="{SITE}/registry/reports/?province=tuyen-quang&amp;days=60"' in html
    assert DigestSent.objects.get().recipients == "vp.ocop@tuyenquang.gov.vn, so.nn@tuyenquang.gov.vn"


def test_digest_links_lead_to_the_certificates_verify_page_and_the_staff_reports(make_certificate, client,
                                                                                 admin_client):
    # given a sent digest
    ProvinceOffice.objects.create(province="tuyen-quang", emails="vp.ocop@tuyenquang.gov.vn")
    make_certificate(id="TQ-2023-0001", issued_on=datetime.date(2023, 1, 1), valid_until=_days(30))
    DigestSender(week=WEEK).run()
    links = re.findall(r"https://ocop\.example\.vn(/\S*)", str(mail.outbox[0].body))
    # when each link is followed on the site
    verify, reports = links
    # then the verify page shows the certificate and staff see the province's report
    assert "TQ-2023-0001" in client.get(verify).content.decode()
    assert admin_client.get(reports).status_code == 200


def test_a_province_with_nothing_to_report_gets_a_short_nothing_this_week_email():
    # given Lâm Đồng's office and nothing in the registry
    ProvinceOffice.objects.create(province="lam-dong", emails="ocop@lamdong.gov.vn")
    # when the week's digests are sent
    DigestSender(week=WEEK).run()
    # then it is told so
    [message] = mail.outbox
    assert message.subject == "OCOP Lâm Đồng: bản tin tuần 16/11–22/11/2026 (không có gì mới)"
    assert "Tuần này không có gì cần báo" in message.body


def test_a_dry_run_sends_nothing_and_records_nothing_and_inactive_offices_get_nothing():
    # given an active and an inactive office
    ProvinceOffice.objects.create(province="tuyen-quang", emails="vp.ocop@tuyenquang.gov.vn")
    ProvinceOffice.objects.create(province="lam-dong", emails="ocop@lamdong.gov.vn", active=False)
    # when the command runs dry, then for real
    out = StringIO()
    call_command("registry_send_digests", "--week", "2026-W47", "--dry-run", "--json", stdout=out)
    dry = json.loads(out.getvalue())
    assert mail.outbox == [] and not DigestSent.objects.exists()
    call_command("registry_send_digests", "--week", "2026-W47", stdout=StringIO())
    # then the dry run named only the active office, and only it got an email
    assert dry == {"week": "2026-W47", "dry_run": True, "offices": [
        {"province": "tuyen-quang", "recipients": ["vp.ocop@tuyenquang.gov.vn"], "expiring": 0, "withdrawn": 0,
         "status": "would_send"}]}
    assert [m.to for m in mail.outbox] == [["vp.ocop@tuyenquang.gov.vn"]]


def test_a_bad_week_or_a_bad_email_is_refused_naming_it():
    # given a malformed week, and an office with one bad address
    from django.core.management.base import CommandError
    with pytest.raises(CommandError, match=r"--week: not an ISO week .*'2026-11-16'"):
        call_command("registry_send_digests", "--week", "2026-11-16")
    office = ProvinceOffice(province="hue", emails="ocop@hue.gov.vn\nkhong-phai-email")
    # when it is validated, then the field and the address are named
    with pytest.raises(ValidationError) as refused:
        office.full_clean()
    assert refused.value.message_dict == {"emails": ["Email: địa chỉ không hợp lệ: khong-phai-email"]}


def test_the_admin_edits_offices_under_a_vietnamese_label(admin_client):
    # when staff open the admin's registry section and add an office with a bad address
    index = admin_client.get("/admin/").content.decode()
    response = admin_client.post("/admin/registry/provinceoffice/add/",
                                 {"province": "hue", "emails": "ocop@hue", "active": "on"})
    # then the model shows under its Vietnamese name and the bad address is refused
    assert "Văn phòng OCOP tỉnh" in index
    assert "Email: địa chỉ không hợp lệ: ocop@hue" in response.content.decode()
    assert not ProvinceOffice.objects.exists()


def test_the_beat_sends_the_digests_on_mondays_at_7_vietnam_time():
    # given the web worker's beat schedule
    from celery.schedules import crontab

    from ocop_web.celery import app
    app.loader.import_default_modules()
    entry = django_settings.CELERY_BEAT_SCHEDULE["weekly-digests"]
    schedule: crontab = entry["schedule"]
    # then it is the registered digest task, weekly on Monday at 07:00 in Vietnam time
    assert entry["task"] in app.tasks
    assert (schedule.day_of_week, schedule.hour, schedule.minute) == ({1}, {7}, {0})
    assert app.conf.timezone == "Asia/Ho_Chi_Minh"
    # and from Sunday 23:00 UTC (Monday 06:00 in Vietnam) the next run is an hour away
    schedule = crontab(minute="0", hour="7", day_of_week="mon", app=app,
                       nowfun=lambda: datetime.datetime(2026, 11, 22, 23, 0, tzinfo=datetime.UTC))
    last_run = datetime.datetime(2026, 11, 16, 0, 0, tzinfo=datetime.UTC)
    assert schedule.remaining_estimate(last_run) == datetime.timedelta(hours=1)
