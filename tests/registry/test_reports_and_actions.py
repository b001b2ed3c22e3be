import datetime
from io import StringIO
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from catalog_sync.registry import reports
from catalog_sync.registry.actions import RegistryActionError, renew_certificate, revoke_certificate
from catalog_sync.registry.models import Certificate

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 22)


@pytest.fixture(autouse=True)
def _english():
    """The actions' messages as the English pages and the command line show them."""
    with translation.override("en"):
        yield


def registry_today(day: datetime.date):
    return mock.patch("catalog_sync.registry.actions.vietnam_today", return_value=day)


def test_expiring_within_includes_the_last_day_of_the_window_and_not_expired_or_revoked(make_certificate):
    make_certificate(id="A", product_name="a", valid_until=TODAY + datetime.timedelta(days=30))
    make_certificate(id="B", product_name="b", valid_until=TODAY + datetime.timedelta(days=31))
    make_certificate(id="C", product_name="c", valid_until=TODAY - datetime.timedelta(days=1))
    make_certificate(id="D", product_name="d", valid_until=TODAY, revoked_on=TODAY - datetime.timedelta(days=3))
    make_certificate(id="E", product_name="e", valid_until=TODAY)
    assert [c.pk for c in reports.expiring_within(30, today=TODAY)] == ["E", "A"]


def test_counts_by_stars_group_and_province_count_only_valid_certificates(make_certificate):
    make_certificate(id="A", product_name="a", stars=5, province="lam-dong", issued_on=datetime.date(2025, 1, 1))
    make_certificate(id="B", product_name="b", stars=4, province="lam-dong", issued_on=datetime.date(2025, 1, 1))
    make_certificate(id="C", product_name="c", stars=4, province="ca-mau", issued_on=datetime.date(2025, 1, 1),
                     group="do-uong")
    make_certificate(id="D", product_name="d", stars=4, issued_on=datetime.date(2020, 1, 1))  # expired
    assert [(r.key, r.count) for r in reports.counts_by("stars", today=TODAY)] == [("5", 1), ("4", 2)]
    assert [(r.label, r.count) for r in reports.counts_by("province", today=TODAY)] == [
        ("Lâm Đồng", 2), ("Cà Mau", 1)]
    assert [(r.label, r.count) for r in reports.counts_by("group", today=TODAY)] == [
        ("Thực phẩm", 2), ("Đồ uống", 1)]


def test_revocation_needs_a_reason_and_cannot_happen_twice(make_certificate):
    make_certificate(id="A")
    with pytest.raises(RegistryActionError, match="needs a reason"):
        revoke_certificate("A", reason=" ", decision_no="1/QĐ")
    revoke_certificate("A", reason="vi phạm", decision_no="1/QĐ", revoked_on=datetime.date(2025, 1, 1))
    with pytest.raises(RegistryActionError, match="already revoked from 01/01/2025"):
        revoke_certificate("A", reason="vi phạm", decision_no="2/QĐ")


def test_renewal_gets_a_new_id_and_cannot_be_recorded_twice(make_certificate):
    make_certificate(id="TQ-2024-0001", province="tuyen-quang")
    renewal = renew_certificate("TQ-2024-0001", decision_no="7/QĐ-UBND",
                                decision_date=datetime.date(2027, 10, 1), stars=3)
    assert renewal.pk == "TQ-2027-0001"
    assert renewal.supersedes_id == "TQ-2024-0001"
    with pytest.raises(RegistryActionError, match="already been renewed"):
        renew_certificate("TQ-2024-0001", decision_no="8/QĐ-UBND", decision_date=datetime.date(2027, 10, 2),
                          stars=4)


def test_renewal_below_three_stars_is_refused(make_certificate):
    make_certificate(id="A")
    with pytest.raises(RegistryActionError, match="2★ is not certified"):
        renew_certificate("A", decision_no="7", decision_date=datetime.date(2027, 10, 1), stars=2)


def test_a_revocation_dated_ahead_keeps_the_certificate_valid_until_that_day(make_certificate):
    # given a certificate revoked from 01/03/2027, decided on 22/11/2026
    make_certificate(id="A", issued_on=datetime.date(2024, 11, 12), stars=4)
    with registry_today(TODAY):
        revoke_certificate("A", reason="vi phạm", decision_no="9/QĐ-UBND", revoked_on=datetime.date(2027, 3, 1))
    # then the registry counts it as valid until the eve of that day, and not from it
    assert [r.count for r in reports.counts_by("stars", today=datetime.date(2027, 2, 28))] == [1]
    assert reports.counts_by("stars", today=datetime.date(2027, 3, 1)) == []


def test_a_revocation_more_than_a_year_ahead_is_refused(make_certificate):
    make_certificate(id="A")
    with registry_today(TODAY), pytest.raises(
        RegistryActionError,
        match="revocation date 23/11/2027 is more than a year ahead; the latest allowed is 22/11/2027",
    ):
        revoke_certificate("A", reason="vi phạm", decision_no="1/QĐ", revoked_on=datetime.date(2027, 11, 23))
    with registry_today(TODAY):
        revoke_certificate("A", reason="vi phạm", decision_no="1/QĐ", revoked_on=datetime.date(2027, 11, 22))


def test_a_renewal_decision_more_than_a_year_ahead_is_refused(make_certificate):
    make_certificate(id="A")
    with registry_today(TODAY), pytest.raises(RegistryActionError, match="31/12/9999 is more than a year ahead"):
        renew_certificate("A", decision_no="7", decision_date=datetime.date(9999, 12, 31), stars=4)


@pytest.mark.parametrize(("command", "args"), [
    ("registry_revoke", ["--reason", "vi phạm", "--decision-no", "1/QĐ", "--on", "31/12/9999"]),
    ("registry_renew", ["--decision-no", "7/QĐ", "--decision-date", "9999-12-31", "--stars", "4"]),
])
def test_the_command_line_refuses_a_date_in_year_9999_with_a_clear_error(make_certificate, command, args):
    # given a certificate
    make_certificate(id="TQ-2024-0001")
    # when an operator types year 9999
    with pytest.raises(CommandError, match=r"31/12/9999 is more than a year ahead; the latest allowed is \d\d/"):
        call_command(command, "TQ-2024-0001", *args, stdout=StringIO())
    # then nothing is recorded
    assert Certificate.objects.get(pk="TQ-2024-0001").revoked_on is None
    assert not Certificate.objects.filter(supersedes="TQ-2024-0001").exists()
