"""Small builders for feed documents and certificates used by the plugin tests."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from types import MappingProxyType

from ocop_certification.feed import Feed, FeedCertificate
from ocop_certification.rules import Verdict, Verdicts

GENERATED_AT = datetime(2026, 1, 15, 3, 0, tzinfo=UTC)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def cert(
    id: str = "LD-2024-0001",
    *,
    stars: int = 4,
    status: str = "active",
    issued_on: date = date(2024, 11, 12),
    valid_until: date = date(2027, 11, 12),
    supersedes: str | None = None,
    revoked_on: date | None = None,
) -> FeedCertificate:
    return FeedCertificate(
        id=id,
        product_name="Mật ong bạc hà",
        producer="HTX Ong mật Mèo Vạc",
        stars=stars,
        status=status,
        issued_on=issued_on,
        valid_until=valid_until,
        decision_no="2417/QĐ-UBND",
        issuer="UBND tỉnh Lâm Đồng",
        province="lam-dong",
        group="thuc-pham",
        supersedes=supersedes,
        revoked_on=revoked_on,
    )


def feed_of(*certificates: FeedCertificate, generated_at: datetime = GENERATED_AT) -> Feed:
    return Feed(generated_at=generated_at, certificates=MappingProxyType({c.id: c for c in certificates}))


def cert_json(id: str = "LD-2024-0001", **overrides: object) -> dict[str, object]:
    item: dict[str, object] = {
        "id": id,
        "product_name": "Mật ong bạc hà",
        "producer": "HTX Ong mật Mèo Vạc",
        "stars": 4,
        "status": "active",
        "issued_on": "2024-11-12",
        "valid_until": "2027-11-12",
        "decision_no": "2417/QĐ-UBND",
        "issuer": "UBND tỉnh Lâm Đồng",
        "province": "lam-dong",
        "group": "thuc-pham",
        "supersedes": None,
        "revoked_on": None,
    }
    item.update(overrides)
    return item


def feed_json(certificates: list[object], *, generated_at: str = "2026-01-15T03:00:00+00:00", **top: object) -> bytes:
    document = {"generated_at": generated_at, "certificates": certificates, **top}
    return json.dumps(document, ensure_ascii=False).encode()


def verdict(certificate_id: str | None, feed: Feed, now: datetime) -> Verdict:
    """The verdict judged from scratch (a fresh Verdicts remembers nothing yet)."""
    return Verdicts(feed).verdict(certificate_id, now)


def next_change(feed: Feed, after: datetime) -> datetime | None:
    return Verdicts(feed).next_change(after)
