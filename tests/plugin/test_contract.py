"""The registry (catalog_sync) and the plugin read the same feed and the same rules.

The plugin runs inside Saleor and cannot import catalog_sync, so it carries copies: the feed's
shape, the Vietnam time zone, the renewal-chain walk, Saleor's slugs. Each test here builds the
registry's side for real and checks that the plugin's copy agrees, so the two cannot drift.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from ocop_certification import config, rules
from ocop_certification.feed import parse_feed
from ocop_certification.rules import Verdicts

from . import builders


def vietnam(day: date, at: time = time(0)) -> datetime:
    return datetime.combine(day, at, tzinfo=rules.VIETNAM_TZ)


def registry_feed():
    """The feed document exactly as the registry serves it, read by the plugin."""
    from catalog_sync.registry.feed import build_feed_document

    return parse_feed(build_feed_document())


@pytest.mark.django_db
def test_the_registrys_feed_parses_into_the_certificates_it_holds(make_certificate):
    # given certificates of every kind: active, a renewal, revoked at once, revoked from a day ahead
    old = make_certificate(id="LD-2022-0001", issued_on=date(2022, 11, 12), province="lam-dong")
    make_certificate(id="LD-2025-0100", product_name="Cà phê Arabica Cầu Đất", stars=5,
                     issued_on=date(2025, 11, 10), supersedes=old, province="lam-dong", group="do-uong")
    make_certificate(id="TQ-2024-0002", revoked_on=date(2025, 6, 1), revocation_reason="vi phạm")
    make_certificate(id="TQ-2024-0003", revoked_on=date(2027, 3, 1), decision_no="15/QĐ-UBND")
    from catalog_sync.registry.models import Certificate

    # when the plugin parses the registry's feed document
    feed = registry_feed()

    # then it holds every certificate with every field as the registry has it
    expected = {
        c.id: (c.product_name, c.producer.name, c.stars, "revoked" if c.revoked_on else "active", c.issued_on,
               c.valid_until, c.decision.number, c.decision.issuer, c.province, c.group, c.supersedes_id,
               c.revoked_on)
        for c in Certificate.objects.select_related("producer", "decision")
    }
    assert {
        c.id: (c.product_name, c.producer, c.stars, c.status, c.issued_on, c.valid_until, c.decision_no, c.issuer,
               c.province, c.group, c.supersedes, c.revoked_on)
        for c in feed.certificates.values()
    } == expected
    assert feed.certificates["TQ-2024-0003"].revoked_on == date(2027, 3, 1)
    assert dict(feed.renewals) == {"LD-2022-0001": ("LD-2025-0100",)}


@pytest.mark.django_db
def test_plugin_and_registry_agree_on_which_days_a_certificate_is_valid(make_certificate):
    # given certificates that start, end, are revoked at once and are revoked from a day ahead
    certificates = [
        make_certificate(id="TQ-2023-0001", issued_on=date(2023, 1, 20), valid_until=date(2026, 1, 20)),
        make_certificate(id="TQ-2026-0002", issued_on=date(2026, 1, 25)),
        make_certificate(id="TQ-2024-0003", issued_on=date(2024, 5, 2), revoked_on=date(2026, 1, 10)),
        make_certificate(id="TQ-2024-0004", issued_on=date(2024, 5, 2), revoked_on=date(2026, 1, 28),
                         product_name="Chè Shan tuyết"),
        make_certificate(id="TQ-2023-0005", issued_on=date(2023, 1, 18), valid_until=date(2026, 1, 18),
                         revoked_on=date(2026, 1, 30)),
    ]
    book = Verdicts(registry_feed())
    # when both judge every day from 2026-01-05 to 2026-02-05, at its first and last second
    for day in (date(2026, 1, 5) + timedelta(days=n) for n in range(32)):
        for at in (time(0), time(23, 59, 59)):
            # then the plugin sells exactly what the registry says is valid that day
            plugin = {c.id: book.verdict(c.id, vietnam(day, at)).sellable for c in certificates}
            registry = {c.id: c.status_on(day).value == "active" for c in certificates}
            assert plugin == registry, (day, at)


@pytest.mark.django_db
def test_a_revocation_dated_ahead_ends_sale_at_midnight_vietnam_time_on_its_day(make_certificate):
    # given a certificate the registry revokes from 2027-03-01 (the verify page says valid until 2027-02-28)
    certificate = make_certificate(id="TQ-2024-0009", issued_on=date(2024, 11, 12), revoked_on=date(2027, 3, 1))
    book = Verdicts(registry_feed())
    # when the plugin judges it on the eve and at 00:00 Vietnam time on that day
    eve = book.verdict("TQ-2024-0009", vietnam(date(2027, 2, 28), time(23, 59, 59)))
    day = book.verdict("TQ-2024-0009", vietnam(date(2027, 3, 1)))
    # then sellable until the registry's last day in force, withdrawn from the revocation day
    assert certificate.in_force_until == date(2027, 2, 28)
    assert (eve.sellable, eve.reason) == (True, "valid until 2027-02-28; revoked from 2027-03-01 (TQ-2024-0009)")
    assert (day.sellable, day.reason) == (False, "revoked from 2027-03-01 (TQ-2024-0009)")
    # and the run is queued for that instant
    assert book.next_change(vietnam(date(2026, 6, 1), time(10))) == vietnam(date(2027, 3, 1))


@pytest.mark.django_db
def test_plugin_follows_renewals_to_the_certificate_the_catalogue_lists(make_certificate):
    from catalog_sync.saleor.catalogue import catalogue_from_registry

    # given chains: A1 <- A2 (in force) <- A3 (not yet started); B1 <- B2 revoked from a day ahead;
    # C1 alone, expired
    a1 = make_certificate(id="LD-2021-0001", issued_on=date(2021, 3, 1))
    a2 = make_certificate(id="LD-2024-0001", issued_on=date(2024, 2, 20), supersedes=a1)
    make_certificate(id="LD-2027-0001", issued_on=date(2027, 2, 15), supersedes=a2)
    b1 = make_certificate(id="LD-2022-0002", issued_on=date(2022, 6, 1))
    make_certificate(id="LD-2025-0002", issued_on=date(2025, 5, 20), supersedes=b1, revoked_on=date(2026, 4, 1))
    make_certificate(id="LD-2022-0003", issued_on=date(2022, 1, 5))
    book = Verdicts(registry_feed())
    for day in (date(2026, 1, 15), date(2026, 4, 1), date(2027, 2, 15)):
        # when the catalogue picks each chain's certificate for the day, and the plugin judges the
        # first certificate of every chain (what a product created from the catalogue links to)
        _producers, products = catalogue_from_registry(day)
        listed = {entry.chain_root: entry.certificate_id for entry in products}
        judged = {
            root: book.verdict(root, vietnam(day, time(12)))
            for root in ("LD-2021-0001", "LD-2022-0002", "LD-2022-0003")
        }
        # then the plugin sells exactly the chains the catalogue lists, through the same certificate
        assert {root: v.certificate.id for root, v in judged.items() if v.sellable} == listed, day


def test_the_plugin_and_the_registry_use_the_same_vietnam_time_zone():
    from catalog_sync.domain import validity

    assert rules.VIETNAM_TZ.key == validity.VIETNAM_TZ.key == "Asia/Ho_Chi_Minh"


@pytest.mark.parametrize("valid_until", [date(2026, 1, 15), date(2026, 12, 31), date(2028, 2, 29)])
def test_the_plugin_withdraws_at_the_instant_the_registry_says_a_certificate_stops_being_sellable(valid_until):
    from catalog_sync.domain.validity import sellable_until

    # given a certificate's last valid day
    book = Verdicts(builders.feed_of(builders.cert("A-1", issued_on=date(2025, 1, 1), valid_until=valid_until)))
    end = sellable_until(valid_until)
    # when the plugin judges it a microsecond before and at the registry's end instant
    # then it is sellable before and not at it, and queues its run for exactly that instant
    assert book.verdict("A-1", end - timedelta(microseconds=1)).sellable is True
    assert book.verdict("A-1", end).sellable is False
    assert book.next_change(end - timedelta(hours=1)) == end


def test_the_plugin_reads_the_slugs_the_catalogue_creates_in_saleor():
    from catalog_sync.saleor import spec

    assert (config.OCOP_PRODUCT_TYPES, config.CERTIFICATE_ATTRIBUTE, config.STARS_ATTRIBUTE,
            config.VALID_UNTIL_ATTRIBUTE) == ((spec.PRODUCT_TYPE_SLUG, spec.SERVICE_TYPE_SLUG), spec.CERTIFICATE,
                                              spec.STARS, spec.VALID_UNTIL)


def test_the_test_feeds_use_the_registrys_group_and_province_slugs():
    from catalog_sync.domain.groups import GROUPS
    from catalog_sync.domain.provinces import PROVINCES
    from tests.tier2 import test_expiry_schedule, test_sync

    # given the feed items the plugin's tests (tier 1 and tier 2) serve
    items = [
        builders.cert_json(),
        test_sync.certificate("LD-1", today=date(2026, 1, 15), valid_until="2027-01-01"),
        test_expiry_schedule.certificate("LD-2", issued_on=date(2026, 1, 1), valid_until=date(2027, 1, 1)),
    ]
    certificates = [builders.cert()]
    # then their groups and provinces are slugs the registry writes into its feed
    groups, provinces = {g.slug for g in GROUPS}, {p.slug for p in PROVINCES}
    assert {item["group"] for item in items} | {c.group for c in certificates} <= groups
    assert {item["province"] for item in items} | {c.province for c in certificates} <= provinces
