import datetime

import pytest

from catalog_sync.registry import reports
from catalog_sync.registry.actions import RegistryActionError, renew_certificate, revoke_certificate

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 22)


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
    with pytest.raises(RegistryActionError, match="already revoked on 01/01/2025"):
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
