"""Validating a feed body (feed.parse_feed) and its freshness (feed.ensure_not_older)."""

import json
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from ocop_certification.feed import FEED_ERROR_KINDS, Feed, FeedError, ensure_not_older, parse_feed

from .builders import GENERATED_AT, cert, cert_json, feed_json


def error_of(body: bytes) -> FeedError:
    with pytest.raises(FeedError) as caught:
        parse_feed(body)
    return caught.value


def test_valid_feed_is_parsed_into_certificates_by_id():
    # given a feed with a certificate and its renewal
    body = feed_json([
        cert_json("LD-2022-0001", issued_on="2022-11-12", valid_until="2025-11-12"),
        cert_json("LD-2025-0100", stars=5, issued_on="2025-11-10", valid_until="2028-11-10",
                  supersedes="LD-2022-0001", status="revoked"),
    ])
    # when parsed
    feed = parse_feed(body)
    # then every field is typed and the certificates are keyed by id
    assert feed.generated_at == GENERATED_AT
    assert list(feed.certificates) == ["LD-2022-0001", "LD-2025-0100"]
    assert feed.certificates["LD-2022-0001"] == cert(
        "LD-2022-0001", issued_on=date(2022, 11, 12), valid_until=date(2025, 11, 12)
    )
    assert feed.certificates["LD-2025-0100"] == cert(
        "LD-2025-0100", stars=5, status="revoked", issued_on=date(2025, 11, 10), valid_until=date(2028, 11, 10),
        supersedes="LD-2022-0001",
    )
    assert dict(feed.renewals) == {"LD-2022-0001": ("LD-2025-0100",)}


def test_revoked_on_is_the_day_a_revocation_takes_effect_and_may_lie_ahead():
    # given revocations dated ahead, dated null and undated (an older registry), and an active certificate
    body = feed_json([
        cert_json("LD-1", status="revoked", revoked_on="2027-03-01"),
        cert_json("LD-2", status="revoked", revoked_on=None),
        {key: value for key, value in cert_json("LD-3", status="revoked").items() if key != "revoked_on"},
        cert_json("LD-4"),
    ])
    # when parsed
    certificates = parse_feed(body).certificates
    # then the dated one keeps its day; the others have none (revoked at once, or not revoked)
    assert [(c.id, c.status, c.revoked_on) for c in certificates.values()] == [
        ("LD-1", "revoked", date(2027, 3, 1)),
        ("LD-2", "revoked", None),
        ("LD-3", "revoked", None),
        ("LD-4", "active", None),
    ]


def test_generated_at_keeps_its_offset_and_accepts_z():
    feed = parse_feed(feed_json([cert_json()], generated_at="2026-01-15T10:00:00+07:00"))
    assert feed.generated_at == GENERATED_AT
    assert feed.generated_at.utcoffset() == timedelta(hours=7)
    assert parse_feed(feed_json([cert_json()], generated_at="2026-01-15T03:00:00Z")).generated_at == GENERATED_AT


def test_body_with_utf8_bom_and_unknown_extra_fields_is_accepted():
    body = b"\xef\xbb\xbf" + feed_json([cert_json(note="ignored")], version=1, source="registry")
    assert list(parse_feed(body).certificates) == ["LD-2024-0001"]


def test_empty_certificate_list_is_an_empty_feed():
    error = error_of(feed_json([]))
    assert (error.kind, str(error)) == ("empty", "feed lists no certificates")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "feed JSON is empty (Expecting value)"),
        (b'{"generated_at": "2026-01-15T03:00:00+00:00", "certificates": [{"id": "LD',
         "feed JSON ends early inside a string starting at line 1 column 71"),
        (b'{"generated_at": "2026-01-15T03:00:00+00:00", "certificates": [{"id": "LD-1"}, ',
         "feed JSON ends early at line 1 column 80 (Expecting value)"),
        (b'{"generated_at": "2026-01-15T03:00:00+00:00", "certificates": [\n',
         "feed JSON ends early at line 2 column 1 (Expecting value)"),
        ('{"generated_at": "2026-01-15T03:00:00+00:00", "certificates": [{"producer": "HTX Ong mậ'.encode()[:-1],
         "feed ends in the middle of a UTF-8 character"),
    ],
)
def test_json_that_ends_early_is_truncated(body, message):
    error = error_of(body)
    assert (error.kind, str(error)) == ("truncated", message)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"not json{", "feed is not valid JSON: Expecting value at line 1 column 1"),
        (b'{"certificates": []} trailing', "feed is not valid JSON: Extra data at line 1 column 22"),
        (b'{"certificates": [1,,2]}', "feed is not valid JSON: Expecting value at line 1 column 21"),
        (b"\xff\xfe{}", "feed is not UTF-8: invalid byte at offset 0"),
        (b"[]", "feed is not a JSON object but a list"),
        (b'"feed"', "feed is not a JSON object but a string"),
        (b"null", "feed is not a JSON object but null"),
    ],
)
def test_invalid_json_or_wrong_top_level_shape_is_malformed(body, message):
    error = error_of(body)
    assert (error.kind, str(error)) == ("malformed", message)


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"generated_at": "2026-01-15T03:00:00+00:00", "certificates": [], "version": 2},
         "feed version 2 is not understood (supported: 1)"),
        ({"generated_at": "2026-01-15T03:00:00+00:00", "certificates": [], "version": "1.0"},
         "feed version '1.0' is not understood (supported: 1)"),
        ({"generated_at": "2026-01-15T03:00:00+00:00", "certificates": [], "version": 1.0},
         "feed version 1.0 is not understood (supported: 1)"),
        ({"generated_at": "2026-01-15T03:00:00+00:00", "certificates": [], "version": [1]},
         "feed version [1] is not understood (supported: 1)"),
        ({"generated_at": "2026-01-15T03:00:00+00:00", "certificates": {"LD-1": {}}},
         "certificates: must be a list, got an object"),
        ({"generated_at": "2026-01-15T03:00:00+00:00"}, "certificates: missing"),
        ({"certificates": [cert_json()]}, "generated_at: missing"),
        ({"generated_at": 1768446000, "certificates": [cert_json()]},
         "generated_at: must be an ISO-8601 string, got a number"),
        ({"generated_at": "yesterday", "certificates": [cert_json()]},
         "generated_at: 'yesterday' is not an ISO-8601 date and time"),
        ({"generated_at": "2026-01-15T03:00:00", "certificates": [cert_json()]},
         "generated_at: '2026-01-15T03:00:00' has no UTC offset"),
    ],
)
def test_unknown_top_level_schema_is_a_schema_error(document, message):
    error = error_of(json.dumps(document).encode())
    assert (error.kind, str(error)) == ("schema", message)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"valid_until": None}, "valid_until: must be a date YYYY-MM-DD, got None"),
        ({"stars": "4"}, "stars: must be a whole number 1-5, got '4'"),
        ({"stars": 4.0}, "stars: must be a whole number 1-5, got 4.0"),
        ({"stars": True}, "stars: must be a whole number 1-5, got True"),
        ({"stars": 0}, "stars: must be 1-5, got 0"),
        ({"stars": 6}, "stars: must be 1-5, got 6"),
        ({"status": "expired"}, "status: must be 'active' or 'revoked', got 'expired'"),
        ({"status": "Active"}, "status: must be 'active' or 'revoked', got 'Active'"),
        ({"issued_on": "12/11/2024"}, "issued_on: must be a date YYYY-MM-DD, got '12/11/2024'"),
        ({"issued_on": "2024-02-30"}, "issued_on: must be a date YYYY-MM-DD, got '2024-02-30'"),
        ({"issued_on": "20241112"}, "issued_on: must be a date YYYY-MM-DD, got '20241112'"),
        ({"valid_until": "2027-11-12T00:00:00"},
         "valid_until: must be a date YYYY-MM-DD, got '2027-11-12T00:00:00'"),
        ({"valid_until": "2024-11-11"}, "valid_until: 2024-11-11 is before issued_on 2024-11-12"),
        ({"product_name": 42}, "product_name: must be a string, got a number"),
        ({"producer": "  "}, "producer: must not be blank"),
        ({"province": None}, "province: must be a string, got null"),
        ({"supersedes": ""}, "supersedes: must be a certificate id or null, got ''"),
        ({"supersedes": 17}, "supersedes: must be a certificate id or null, got 17"),
        ({"status": "revoked", "revoked_on": "01/03/2027"},
         "revoked_on: must be a date YYYY-MM-DD or null, got '01/03/2027'"),
        ({"status": "revoked", "revoked_on": "2027-02-30"},
         "revoked_on: must be a date YYYY-MM-DD or null, got '2027-02-30'"),
        ({"status": "revoked", "revoked_on": 20270301}, "revoked_on: must be a date YYYY-MM-DD or null, got 20270301"),
        ({"revoked_on": "2027-03-01"}, "revoked_on: must be null for an active certificate, got '2027-03-01'"),
    ],
)
def test_bad_certificate_field_is_a_schema_error_naming_index_id_and_field(overrides, message):
    # given a bad certificate between two good ones
    body = feed_json([cert_json("LD-1"), cert_json("LD-2"), cert_json("LD-3", **overrides)])
    # when parsed / then the error names the index, the id and the field
    error = error_of(body)
    assert (error.kind, str(error)) == ("schema", f"certificates[2] (id LD-3): {message}")


@pytest.mark.parametrize(
    "field",
    ["id", "product_name", "producer", "stars", "status", "issued_on", "valid_until", "decision_no", "issuer",
     "province", "group"],
)
def test_missing_certificate_field_is_a_schema_error(field):
    item = cert_json("LD-1")
    del item[field]
    where = "certificates[0]" if field == "id" else "certificates[0] (id LD-1)"
    error = error_of(feed_json([item]))
    assert (error.kind, str(error)) == ("schema", f"{where}: {field}: missing")


def test_missing_supersedes_must_be_explicitly_null():
    item = cert_json("LD-1")
    del item["supersedes"]
    assert str(error_of(feed_json([item]))) == (
        "certificates[0] (id LD-1): supersedes: missing (use null when the certificate renews nothing)"
    )


@pytest.mark.parametrize(
    ("bad_id", "message"),
    [
        ("", "certificates[0]: id: must be a non-empty string without surrounding spaces, got ''"),
        (" LD-1", "certificates[0]: id: must be a non-empty string without surrounding spaces, got ' LD-1'"),
        (42, "certificates[0]: id: must be a non-empty string without surrounding spaces, got 42"),
    ],
)
def test_bad_certificate_id_is_a_schema_error(bad_id, message):
    error = error_of(feed_json([cert_json(bad_id)]))
    assert (error.kind, str(error)) == ("schema", message)


def test_certificate_that_is_not_an_object_is_a_schema_error():
    error = error_of(feed_json([cert_json("LD-1"), "LD-2"]))
    assert (error.kind, str(error)) == ("schema", "certificates[1]: must be an object, got a string")


def test_duplicate_ids_are_a_schema_error_naming_both_places():
    error = error_of(feed_json([cert_json("LD-1"), cert_json("LD-2"), cert_json("LD-1")]))
    assert (error.kind, str(error)) == ("schema", "certificates[2] (id LD-1): id: duplicate of certificates[0]")


def test_every_problem_is_collected_and_the_first_one_named():
    # given three certificates with three problems between them
    body = feed_json([cert_json("LD-1", stars="4"), cert_json("LD-2"), cert_json("LD-3", status="x", group=None)])
    # when parsed / then the message names the first and counts the rest; all are kept
    error = error_of(body)
    assert str(error) == "certificates[0] (id LD-1): stars: must be a whole number 1-5, got '4' (and 2 more problems)"
    assert error.problems == (
        "certificates[0] (id LD-1): stars: must be a whole number 1-5, got '4'",
        "certificates[2] (id LD-3): group: must be a string, got null",
        "certificates[2] (id LD-3): status: must be 'active' or 'revoked', got 'x'",
    )


def test_national_scale_feed_of_20000_certificates_parses():
    # given 20,000 certificates (the national catalogue)
    items = [cert_json(f"XX-2025-{i:05d}", supersedes=f"XX-2022-{i:05d}" if i % 3 == 0 else None)
             for i in range(20_000)]
    # when parsed / then all are there, none dropped
    feed = parse_feed(feed_json(items))
    assert len(feed.certificates) == 20_000
    assert feed.certificates["XX-2025-19999"].supersedes is None
    assert feed.certificates["XX-2025-19998"].supersedes == "XX-2022-19998"


def test_feed_error_is_one_line_and_has_a_known_kind():
    error = FeedError("http_error", "feed answered\nHTTP 500")
    assert (error.kind, error.message, str(error)) == ("http_error", "feed answered HTTP 500", "feed answered HTTP 500")
    assert FEED_ERROR_KINDS == {"unreachable", "timeout", "http_error", "unauthorised", "truncated", "malformed",
                                "schema", "empty", "stale", "too_large"}
    with pytest.raises(ValueError, match="unknown FeedError kind 'gone'"):
        FeedError("gone", "x")


def test_feed_older_than_the_last_accepted_one_is_stale():
    # given the last accepted feed was generated one second after this one
    feed = Feed(generated_at=GENERATED_AT, certificates={})
    last = GENERATED_AT + timedelta(seconds=1)
    # when checked / then stale, naming both instants
    with pytest.raises(FeedError) as caught:
        ensure_not_older(feed, last)
    assert (caught.value.kind, str(caught.value)) == (
        "stale",
        "feed generated at 2026-01-15T03:00:00+00:00 is older than the last accepted one (2026-01-15T03:00:01+00:00)",
    )


def test_feed_as_new_as_or_newer_than_the_last_one_is_accepted():
    feed = Feed(generated_at=GENERATED_AT, certificates={})
    assert ensure_not_older(feed, None) is None
    assert ensure_not_older(feed, GENERATED_AT) is None
    assert ensure_not_older(feed, datetime(2026, 1, 15, 10, 0, tzinfo=timezone(timedelta(hours=7)))) is None
    assert ensure_not_older(feed, datetime(2026, 1, 15, 2, 59, tzinfo=UTC)) is None


def test_ensure_not_older_refuses_a_naive_last_instant():
    with pytest.raises(ValueError, match="timezone-aware"):
        ensure_not_older(Feed(generated_at=GENERATED_AT, certificates={}), datetime(2026, 1, 15, 3, 0))
