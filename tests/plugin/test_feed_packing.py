"""The parsed feed kept in compact form beside its body (feed_packing): read back exactly, or not at all."""

import json
from datetime import date, timedelta, timezone

import pytest
from ocop_certification.feed import parse_feed
from ocop_certification.feed_packing import pack, unpack

from .builders import GENERATED_AT, cert_json, feed_json


def a_feed_of_every_kind():
    return parse_feed(feed_json([
        cert_json("LD-2022-0001", issued_on="2022-11-12", valid_until="2025-11-12"),
        cert_json("LD-2025-0100", stars=5, issued_on="2025-11-10", valid_until="2028-11-10",
                  supersedes="LD-2022-0001"),
        cert_json("HN-2024-0007", status="revoked", revoked_on="2026-03-01"),
        cert_json("HN-2024-0008", status="revoked"),
        cert_json("QN-2025-0001", valid_until="9999-12-31", product_name="Nước mắm Cửa Khe 40°N"),
    ]))


def test_a_packed_feed_reads_back_as_the_same_certificates_in_the_same_order():
    # given a parsed feed with a renewal, revocations with and without a date and a last day of date.max
    feed = a_feed_of_every_kind()
    # when packed and read back
    again = unpack(pack(feed), generated_at=GENERATED_AT, count=5)
    # then every certificate is equal field by field, in the feed's order, and so is the time it was made
    assert again is not None
    assert again.generated_at == feed.generated_at
    assert list(again.certificates.items()) == list(feed.certificates.items())
    assert again.certificates["QN-2025-0001"].valid_until == date.max
    assert again.certificates["HN-2024-0007"].revoked_on == date(2026, 3, 1)
    assert again.certificates["HN-2024-0008"].revoked_on is None
    assert again.renewals == {"LD-2022-0001": ("LD-2025-0100",)}


def test_a_packed_feed_is_refused_when_its_row_tells_another_generation_time_or_count():
    blob = pack(a_feed_of_every_kind())
    assert unpack(blob, generated_at=GENERATED_AT + timedelta(seconds=1), count=5) is None
    assert unpack(blob, generated_at=GENERATED_AT, count=4) is None
    # the same instant written in another offset is the same time
    assert unpack(blob, generated_at=GENERATED_AT.astimezone(timezone(timedelta(hours=7))), count=5) is not None


def packed(**document: object) -> bytes:
    return json.dumps({"layout": 1, "generated_at": GENERATED_AT.isoformat(), "certificates": [], **document}).encode()


@pytest.mark.parametrize("blob", [
    None,
    b"",
    b"not JSON",
    b"\xff\xfe",
    json.dumps("a string").encode(),
    json.dumps([1, 2]).encode(),
    packed(layout=0),  # another layout
    packed(generated_at="yesterday"),
    packed(generated_at=None),
    packed(certificates={}),
    json.dumps({"generated_at": GENERATED_AT.isoformat(), "certificates": []}).encode(),
])
def test_anything_that_is_not_a_packed_feed_reads_back_as_none(blob):
    assert unpack(blob, generated_at=GENERATED_AT, count=0) is None


def test_a_truncated_or_damaged_packed_feed_reads_back_as_none():
    blob = pack(a_feed_of_every_kind())
    assert unpack(blob[: len(blob) // 2], generated_at=GENERATED_AT, count=5) is None
    document = json.loads(blob)
    rows = document["certificates"]
    for damage in (rows[1][:5], ["LD-2022-0001", *rows[0][1:]], [*rows[1][:5], "2025-11-10", *rows[1][6:]],
                   [*rows[1][:5], 10**9, *rows[1][6:]]):
        # a certificate missing fields; two certificates with one id; a date not as a day number; a day out of range
        damaged = json.dumps({**document, "certificates": [rows[0], damage, *rows[2:]]}).encode()
        assert unpack(damaged, generated_at=GENERATED_AT, count=5) is None
