"""Fetch and validate the certification feed (docs/design.md, "The certification feed").

Pure: standard library and ``requests`` only, no Django, no Saleor. Every fault upstream is
raised as a :class:`FeedError` with a stable ``kind`` so the caller can record it and keep
the products as they are: a feed that is down, slow, truncated, empty, malformed or stale
must never withdraw anything.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from operator import itemgetter
from types import MappingProxyType
from typing import NamedTuple

import requests

__all__ = [
    "FEED_ERROR_KINDS",
    "Feed",
    "FeedCertificate",
    "FeedError",
    "FetchResult",
    "ensure_not_older",
    "fetch_feed",
    "parse_feed",
]

FEED_ERROR_KINDS = frozenset(
    {
        "unreachable",
        "timeout",
        "http_error",
        "unauthorised",
        "truncated",
        "malformed",
        "schema",
        "empty",
        "stale",
        "too_large",
    }
)

SUPPORTED_VERSIONS = frozenset({1})
STATUSES = frozenset({"active", "revoked"})
_CHUNK = 64 * 1024
_MAX_LISTED_PROBLEMS = 20


class FeedCertificate(NamedTuple):
    """One certificate of the feed. Immutable; a tuple, so that building the 20,000 of a feed
    costs a fifth of what a frozen dataclass's field-by-field ``__init__`` costs."""

    id: str
    product_name: str
    producer: str
    stars: int
    status: str
    issued_on: date
    valid_until: date
    decision_no: str
    issuer: str
    province: str
    group: str
    supersedes: str | None
    # The day from which a revoked certificate is no longer valid (may lie ahead); None for an
    # active one, and for a revoked one without a date (revoked at once).
    revoked_on: date | None = None


@dataclass(frozen=True)
class Feed:
    generated_at: datetime
    certificates: Mapping[str, FeedCertificate]

    @cached_property
    def renewals(self) -> Mapping[str, tuple[str, ...]]:
        """Certificate id -> ids of the certificates whose ``supersedes`` names it (sorted)."""
        index: dict[str, list[str]] = {}
        for certificate in self.certificates.values():
            if certificate.supersedes is not None:
                index.setdefault(certificate.supersedes, []).append(certificate.id)
        return MappingProxyType({old: tuple(sorted(new)) for old, new in index.items()})


class FeedError(Exception):
    """The feed could not be used. ``kind`` is one of FEED_ERROR_KINDS; str() is one line."""

    def __init__(self, kind: str, message: str, *, problems: tuple[str, ...] = ()) -> None:
        if kind not in FEED_ERROR_KINDS:
            raise ValueError(f"unknown FeedError kind {kind!r}")
        self.kind = kind
        self.message = " ".join(message.split())
        # Schema problems (the first 20), for an audit record; the message names the first.
        self.problems = problems
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"FeedError({self.kind!r}, {self.message!r})"


@dataclass(frozen=True)
class FetchResult:
    not_modified: bool
    feed: Feed | None
    etag: str | None
    body: bytes | None


# --------------------------------------------------------------------------- fetching


def fetch_feed(
    url: str,
    token: str,
    *,
    etag: str | None = None,
    timeout: tuple[float, float] = (5.0, 30.0),
    max_bytes: int = 64 * 1024 * 1024,
    session: requests.Session | None = None,
) -> FetchResult:
    """GET the feed (conditional on ``etag``) and parse it. Raises FeedError.

    ``timeout`` is (connect, read): the read timeout bounds each wait for bytes, and the
    whole exchange must finish within connect + read seconds, so a server that trickles
    bytes cannot hold a sync forever. Redirects are never followed.
    """
    if not token or not token.strip():
        raise FeedError("unauthorised", "no feed token configured")
    connect_timeout, read_timeout = timeout
    deadline = time.monotonic() + connect_timeout + read_timeout
    headers = {"Authorization": f"Bearer {token.strip()}", "Accept": "application/json"}
    if etag:
        headers["If-None-Match"] = etag

    own_session = session is None
    http = requests.Session() if session is None else session
    try:
        try:
            response = http.get(url, headers=headers, timeout=timeout, stream=True, allow_redirects=False)
        except requests.exceptions.Timeout as error:
            raise FeedError("timeout", f"feed at {url} did not answer in time: {_reason(error)}") from error
        except requests.exceptions.RequestException as error:
            raise FeedError("unreachable", f"feed at {url} is unreachable: {_reason(error)}") from error
        with response:
            return _handle_response(response, url, etag, max_bytes, deadline, connect_timeout + read_timeout)
    finally:
        if own_session:
            http.close()


def _handle_response(
    response: requests.Response, url: str, etag: str | None, max_bytes: int, deadline: float, budget: float
) -> FetchResult:
    status = response.status_code
    if status == 304:
        if not etag:
            raise FeedError("http_error", f"feed at {url} answered 304 Not Modified to an unconditional request")
        return FetchResult(not_modified=True, feed=None, etag=response.headers.get("ETag") or etag, body=None)
    if status in (401, 403):
        raise FeedError("unauthorised", f"feed at {url} refused the token (HTTP {status})")
    if 300 <= status < 400:
        location = response.headers.get("Location", "")
        where = f" to {location}" if location else ""
        raise FeedError("http_error", f"feed at {url} redirected (HTTP {status}){where}; redirects are not followed")
    if status != 200:
        reason = f" {response.reason}" if response.reason else ""
        raise FeedError("http_error", f"feed at {url} answered HTTP {status}{reason}")

    body = _read_body(response, url, max_bytes, deadline, budget)
    feed = parse_feed(body)
    return FetchResult(not_modified=False, feed=feed, etag=response.headers.get("ETag"), body=body)


def _declared_length(response: requests.Response) -> int | None:
    value = response.headers.get("Content-Length")
    if value is None or response.headers.get("Transfer-Encoding"):
        return None
    try:
        length = int(value.strip())
    except ValueError:
        return None
    return length if length >= 0 else None


def _read_body(response: requests.Response, url: str, max_bytes: int, deadline: float, budget: float) -> bytes:
    """The decoded body, read one socket read at a time, within ``max_bytes`` and the deadline.

    ``read1`` returns whatever one socket read brings, so a slow trickle is noticed between
    reads instead of being buffered up to a full chunk; each single read is bounded by the
    read timeout, so the whole body takes at most about deadline + read timeout.
    """
    declared = _declared_length(response)
    encoded = response.headers.get("Content-Encoding", "").strip().lower() not in ("", "identity")
    if declared is not None and not encoded and declared > max_bytes:
        raise FeedError("too_large", f"feed at {url} is {declared} bytes, more than the limit of {max_bytes}")

    raw = response.raw
    read = getattr(raw, "read1", None) or raw.read
    chunks: list[bytes] = []
    received = 0
    while True:
        if time.monotonic() > deadline:
            raise FeedError("timeout", f"feed at {url} took longer than {budget:g} s to arrive ({received} bytes read)")
        try:
            chunk = read(_CHUNK, decode_content=True)
        except Exception as error:
            if _is_timeout(error):
                raise FeedError("timeout", f"feed at {url} stopped sending after {received} bytes") from error
            if _is_decoding_error(error):
                raise FeedError("malformed", f"feed at {url} could not be decoded: {_reason(error)}") from error
            of_declared = f" of {declared}" if declared is not None and not encoded else ""
            raise FeedError("truncated", f"feed at {url} broke off after {received}{of_declared} bytes") from error
        if not chunk:
            break
        received += len(chunk)
        if received > max_bytes:
            raise FeedError("too_large", f"feed at {url} is more than the limit of {max_bytes} bytes")
        chunks.append(chunk)
    if declared is not None and not encoded and received < declared:
        raise FeedError("truncated", f"feed at {url} broke off after {received} of {declared} bytes")
    return b"".join(chunks)


def _causes(error: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _is_timeout(error: BaseException) -> bool:
    # urllib3 wraps socket timeouts in its own ReadTimeoutError; look through the chain
    # instead of importing urllib3 (this module depends on requests alone).
    return any(
        isinstance(e, TimeoutError | requests.exceptions.Timeout) or "Timeout" in type(e).__name__
        for e in _causes(error)
    )


def _is_decoding_error(error: BaseException) -> bool:
    return any(type(e).__name__ in {"DecodeError", "ContentDecodingError"} for e in _causes(error))


def _reason(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return text[:300] or type(error).__name__


# --------------------------------------------------------------------------- parsing

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TEXT_FIELDS = ("product_name", "producer", "decision_no", "issuer", "province", "group")
_REQUIRED_TEXT = frozenset({"product_name", "producer"})


def parse_feed(body: bytes) -> Feed:
    """Parse and validate a feed body. Raises FeedError truncated / malformed / schema / empty."""
    document = _load_json(body)
    if not isinstance(document, dict):
        raise FeedError("malformed", f"feed is not a JSON object but {_json_type(document)}")

    if "version" in document:
        version = document["version"]
        if type(version) is not int or version not in SUPPORTED_VERSIONS:
            raise FeedError("schema", f"feed version {version!r} is not understood (supported: 1)")
    generated_at = _generated_at(document)
    if "certificates" not in document:
        raise FeedError("schema", "certificates: missing")
    items = document["certificates"]
    if not isinstance(items, list):
        raise FeedError("schema", f"certificates: must be a list, got {_json_type(items)}")
    if not items:
        raise FeedError("empty", "feed lists no certificates")

    certificates: dict[str, FeedCertificate] = {}
    first_index: dict[str, int] = {}
    problems: list[str] = []
    dates: dict[str, date] = {}
    for index, item in enumerate(items):
        certificate = _well_formed_certificate(item, dates)
        if certificate is None:
            certificate = _certificate(index, item, dates, problems)
        if certificate is None:
            continue
        if certificate.id in certificates:
            first = first_index[certificate.id]
            problems.append(f"certificates[{index}] (id {certificate.id}): id: duplicate of certificates[{first}]")
            continue
        certificates[certificate.id] = certificate
        first_index[certificate.id] = index
    if problems:
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        raise FeedError("schema", problems[0] + more, problems=tuple(problems[:_MAX_LISTED_PROBLEMS]))
    return Feed(generated_at=generated_at, certificates=MappingProxyType(certificates))


def _load_json(body: bytes) -> object:
    if not isinstance(body, bytes | bytearray | memoryview):
        raise TypeError(f"body must be bytes, got {type(body).__name__}")
    try:
        text = bytes(body).decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data":
            raise FeedError("truncated", "feed ends in the middle of a UTF-8 character") from error
        raise FeedError("malformed", f"feed is not UTF-8: invalid byte at offset {error.start}") from error
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        if error.msg.startswith("Unterminated string"):
            raise FeedError(
                "truncated",
                f"feed JSON ends early inside a string starting at line {error.lineno} column {error.colno}",
            ) from error
        if error.pos >= len(text.rstrip()):
            where = "is empty" if not text.strip() else f"ends early at line {error.lineno} column {error.colno}"
            raise FeedError("truncated", f"feed JSON {where} ({error.msg})") from error
        raise FeedError(
            "malformed", f"feed is not valid JSON: {error.msg} at line {error.lineno} column {error.colno}"
        ) from error
    except RecursionError as error:
        raise FeedError("malformed", "feed JSON is nested too deeply") from error


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"


def _generated_at(document: dict) -> datetime:
    if "generated_at" not in document:
        raise FeedError("schema", "generated_at: missing")
    value = document["generated_at"]
    if not isinstance(value, str):
        raise FeedError("schema", f"generated_at: must be an ISO-8601 string, got {_json_type(value)}")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise FeedError("schema", f"generated_at: {value!r} is not an ISO-8601 date and time") from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise FeedError("schema", f"generated_at: {value!r} has no UTC offset")
    return moment


_FIELDS = itemgetter(
    "id", "product_name", "producer", "stars", "status", "issued_on", "valid_until",
    "decision_no", "issuer", "province", "group", "supersedes",
)


def _well_formed_certificate(item: object, dates: dict[str, date]) -> FeedCertificate | None:
    """Fast path for the common case: the certificate when every field is right, else None.

    Must accept exactly what _certificate accepts; _certificate then explains any rejection.
    """
    if type(item) is not dict:
        return None
    try:
        (cid, product_name, producer, stars, status, issued, until,
         decision_no, issuer, province, group, supersedes) = _FIELDS(item)
    except KeyError:
        return None
    if not (
        type(cid) is str and cid and cid.strip() == cid
        and type(product_name) is str and product_name.strip()
        and type(producer) is str and producer.strip()
        and type(stars) is int and 1 <= stars <= 5
        and (status == "active" or status == "revoked")
        and type(decision_no) is str and type(issuer) is str and type(province) is str and type(group) is str
        and (supersedes is None or (type(supersedes) is str and supersedes.strip()))
    ):
        return None
    issued_on = dates.get(issued) if type(issued) is str else None
    if issued_on is None:
        issued_on = _parse_date(issued, dates)
    valid_until = dates.get(until) if type(until) is str else None
    if valid_until is None:
        valid_until = _parse_date(until, dates)
    if issued_on is None or valid_until is None or valid_until < issued_on:
        return None
    revoked = item.get("revoked_on")
    revoked_on = None
    if revoked is not None:
        revoked_on = _parse_date(revoked, dates)
        if revoked_on is None or status == "active":
            return None
    return FeedCertificate(
        cid, product_name, producer, stars, status, issued_on, valid_until,
        decision_no, issuer, province, group, supersedes, revoked_on,
    )


def _parse_date(value: object, cache: dict[str, date]) -> date | None:
    if not isinstance(value, str):
        return None
    known = cache.get(value)
    if known is not None:
        return known
    if not _DATE.fullmatch(value):
        return None
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        return None
    cache[value] = parsed
    return parsed


def _certificate(index: int, item: object, dates: dict[str, date], problems: list[str]) -> FeedCertificate | None:
    if not isinstance(item, dict):
        problems.append(f"certificates[{index}]: must be an object, got {_json_type(item)}")
        return None
    raw_id = item.get("id")
    valid_id = isinstance(raw_id, str) and raw_id.strip() == raw_id and raw_id != ""
    where = f"certificates[{index}] (id {raw_id})" if valid_id else f"certificates[{index}]"
    before = len(problems)

    def problem(field: str, text: str) -> None:
        problems.append(f"{where}: {field}: {text}")

    if "id" not in item:
        problem("id", "missing")
    elif not valid_id:
        problem("id", f"must be a non-empty string without surrounding spaces, got {raw_id!r}")

    texts: dict[str, str] = {}
    for field in _TEXT_FIELDS:
        if field not in item:
            problem(field, "missing")
            continue
        value = item[field]
        if not isinstance(value, str):
            problem(field, f"must be a string, got {_json_type(value)}")
        elif field in _REQUIRED_TEXT and not value.strip():
            problem(field, "must not be blank")
        else:
            texts[field] = value

    stars = item.get("stars")
    if "stars" not in item:
        problem("stars", "missing")
    elif isinstance(stars, bool) or not isinstance(stars, int):
        problem("stars", f"must be a whole number 1-5, got {stars!r}")
    elif not 1 <= stars <= 5:
        problem("stars", f"must be 1-5, got {stars}")

    status = item.get("status")
    if "status" not in item:
        problem("status", "missing")
    elif not isinstance(status, str) or status not in STATUSES:
        problem("status", f"must be 'active' or 'revoked', got {status!r}")

    issued_on = _date_field(item, "issued_on", dates, problem)
    valid_until = _date_field(item, "valid_until", dates, problem)
    if issued_on is not None and valid_until is not None and valid_until < issued_on:
        problem("valid_until", f"{valid_until.isoformat()} is before issued_on {issued_on.isoformat()}")

    revoked_on = None
    if item.get("revoked_on") is not None:  # optional: missing or null when not revoked, or revoked at once
        revoked_on = _parse_date(item["revoked_on"], dates)
        if revoked_on is None:
            problem("revoked_on", f"must be a date YYYY-MM-DD or null, got {item['revoked_on']!r}")
        elif status == "active":
            problem("revoked_on", f"must be null for an active certificate, got {item['revoked_on']!r}")

    supersedes = item.get("supersedes")
    if "supersedes" not in item:
        problem("supersedes", "missing (use null when the certificate renews nothing)")
    elif supersedes is not None and (not isinstance(supersedes, str) or not supersedes.strip()):
        problem("supersedes", f"must be a certificate id or null, got {supersedes!r}")

    if len(problems) > before:
        return None
    assert isinstance(raw_id, str) and isinstance(stars, int) and isinstance(status, str)
    assert issued_on is not None and valid_until is not None
    return FeedCertificate(
        id=raw_id,
        product_name=texts["product_name"],
        producer=texts["producer"],
        stars=stars,
        status=status,
        issued_on=issued_on,
        valid_until=valid_until,
        decision_no=texts["decision_no"],
        issuer=texts["issuer"],
        province=texts["province"],
        group=texts["group"],
        supersedes=supersedes,
        revoked_on=revoked_on,
    )


def _date_field(item: dict, field: str, cache: dict[str, date], problem) -> date | None:
    if field not in item:
        problem(field, "missing")
        return None
    parsed = _parse_date(item[field], cache)
    if parsed is None:
        problem(field, f"must be a date YYYY-MM-DD, got {item[field]!r}")
    return parsed


# --------------------------------------------------------------------------- freshness


def ensure_not_older(feed: Feed, last_generated_at: datetime | None) -> None:
    """FeedError("stale") when the feed was generated before the last one accepted."""
    if last_generated_at is None:
        return
    if last_generated_at.tzinfo is None or last_generated_at.utcoffset() is None:
        raise ValueError(f"last_generated_at must be timezone-aware, got {last_generated_at.isoformat()}")
    if feed.generated_at < last_generated_at:
        raise FeedError(
            "stale",
            f"feed generated at {feed.generated_at.isoformat()} is older than the last accepted one "
            f"({last_generated_at.isoformat()})",
        )
