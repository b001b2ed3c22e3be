"""The feed client against a real HTTP server on 127.0.0.1 that misbehaves (feed.fetch_feed)."""

from __future__ import annotations

import gzip
import json

import pytest
import requests
from ocop_certification.feed import FeedError, FetchResult, ensure_not_older, fetch_feed, parse_feed

from .builders import GENERATED_AT, cert, cert_json, feed_json

TOKEN = "feed-token-for-tests"
FAST = (0.5, 1.0)  # connect, read: keeps every failure here well under a second or two
GOOD_BODY = feed_json([cert_json("LD-2024-0001")])


def fetch_error(url: str, **kwargs) -> FeedError:
    with pytest.raises(FeedError) as caught:
        fetch_feed(url, TOKEN, timeout=FAST, **kwargs)
    return caught.value


def test_good_feed_is_fetched_with_its_etag_and_body(feed_server):
    # given a server with a good feed
    url = feed_server.respond("/registry/feed.json", body=GOOD_BODY, headers={"ETag": '"registry-7"'})
    # when fetched
    result = fetch_feed(url, TOKEN, timeout=FAST)
    # then the feed, its ETag and the raw body come back
    assert result.not_modified is False
    assert result.etag == '"registry-7"'
    assert result.body == GOOD_BODY
    assert result.feed == parse_feed(GOOD_BODY)
    assert result.feed.certificates["LD-2024-0001"] == cert("LD-2024-0001")
    # and the request carried the bearer token and no If-None-Match
    [(path, headers)] = feed_server.requests
    assert path == "/registry/feed.json"
    assert headers["Authorization"] == f"Bearer {TOKEN}"
    assert "If-None-Match" not in headers


def test_unchanged_feed_answers_304_to_a_matching_if_none_match(feed_server):
    # given a server that answers 304 when If-None-Match matches its ETag
    def conditional(handler):
        if handler.headers.get("If-None-Match") == '"registry-7"':
            feed_server.send(handler, 304, b"", {"ETag": '"registry-7"'}, content_length=None)
        else:
            feed_server.send(handler, 200, GOOD_BODY, {"ETag": '"registry-7"'})

    url = feed_server.route("/registry/feed.json", conditional)
    first = fetch_feed(url, TOKEN, timeout=FAST)
    # when fetched again with the ETag of the first answer
    second = fetch_feed(url, TOKEN, etag=first.etag, timeout=FAST)
    # then nothing is downloaded or parsed
    assert second == FetchResult(not_modified=True, feed=None, etag='"registry-7"', body=None)
    # and the request carried the bearer token and If-None-Match
    _path, headers = feed_server.requests[1]
    assert headers["Authorization"] == f"Bearer {TOKEN}"
    assert headers["If-None-Match"] == '"registry-7"'


def test_304_without_a_conditional_request_is_an_http_error(feed_server):
    url = feed_server.respond("/feed", status=304, content_length=None)
    error = fetch_error(url)
    assert (error.kind, str(error)) == (
        "http_error", f"feed at {url} answered 304 Not Modified to an unconditional request"
    )


def test_closed_port_is_unreachable(closed_port):
    # given nothing listening on the port / when fetched / then unreachable
    url = f"http://127.0.0.1:{closed_port}/registry/feed.json"
    error = fetch_error(url)
    assert error.kind == "unreachable"
    assert str(error).startswith(f"feed at {url} is unreachable: ")


def test_server_slow_to_send_headers_is_a_timeout(feed_server):
    # given a server that waits longer than the read timeout before answering
    def slow_headers(handler):
        feed_server.stopping.wait(3)
        feed_server.send(handler, 200, GOOD_BODY)

    url = feed_server.route("/feed", slow_headers)
    # when fetched / then timeout
    error = fetch_error(url)
    assert error.kind == "timeout"
    assert str(error).startswith(f"feed at {url} did not answer in time: ")


def test_body_trickling_past_the_overall_deadline_is_a_timeout(feed_server):
    # given a server that sends a byte every 50 ms: each read is quick, the whole never ends
    def trickle(handler):
        handler.send_response(200)
        handler.send_header("Content-Length", "1000000")
        handler.end_headers()
        while not feed_server.stopping.wait(0.05):
            handler.wfile.write(b" ")
            handler.wfile.flush()

    url = feed_server.route("/feed", trickle)
    # when fetched with (0.5, 1.0) / then the 1.5 s overall deadline stops it
    error = fetch_error(url)
    assert error.kind == "timeout"
    assert str(error).startswith(f"feed at {url} took longer than 1.5 s to arrive (")


def test_server_that_stalls_mid_body_is_a_timeout(feed_server):
    def stall(handler):
        handler.send_response(200)
        handler.send_header("Content-Length", "1000")
        handler.end_headers()
        handler.wfile.write(b'{"generated_at": ')
        handler.wfile.flush()
        feed_server.stopping.wait(3)

    url = feed_server.route("/feed", stall)
    error = fetch_error(url)
    assert (error.kind, str(error)) == ("timeout", f"feed at {url} stopped sending after 17 bytes")


def test_server_error_is_an_http_error_naming_the_status(feed_server):
    url = feed_server.respond("/feed", status=500, body=b"boom")
    error = fetch_error(url)
    assert (error.kind, str(error)) == ("http_error", f"feed at {url} answered HTTP 500 Internal Server Error")


@pytest.mark.parametrize("status", [401, 403])
def test_refused_token_is_unauthorised(feed_server, status):
    url = feed_server.respond("/feed", status=status, body=b"no")
    error = fetch_error(url)
    assert (error.kind, str(error)) == ("unauthorised", f"feed at {url} refused the token (HTTP {status})")


def test_blank_token_is_unauthorised_without_asking(feed_server):
    url = feed_server.respond("/feed", body=GOOD_BODY)
    with pytest.raises(FeedError) as caught:
        fetch_feed(url, "  ", timeout=FAST)
    assert (caught.value.kind, str(caught.value)) == ("unauthorised", "no feed token configured")
    assert feed_server.requests == []


def test_body_shorter_than_content_length_is_truncated(feed_server):
    # given a server that promises 5000 bytes, sends 100 and closes
    url = feed_server.respond("/feed", body=GOOD_BODY[:100], content_length=5000)
    # when fetched / then truncated
    error = fetch_error(url)
    assert (error.kind, str(error)) == ("truncated", f"feed at {url} broke off after 100 of 5000 bytes")


def test_json_cut_short_without_content_length_is_truncated(feed_server):
    # given a body that ends at connection close, cut in the middle of the JSON
    url = feed_server.respond("/feed", body=GOOD_BODY[:-20], content_length=None)
    error = fetch_error(url)
    assert error.kind == "truncated"
    assert str(error).startswith("feed JSON ends early")


def test_malformed_json_is_malformed(feed_server):
    url = feed_server.respond("/feed", body=b"<html>Bad gateway</html>")
    error = fetch_error(url)
    assert (error.kind, str(error)) == ("malformed", "feed is not valid JSON: Expecting value at line 1 column 1")


@pytest.mark.parametrize(
    ("certificate", "message"),
    [
        ({key: value for key, value in cert_json("LD-9").items() if key != "valid_until"},
         "certificates[1] (id LD-9): valid_until: missing"),
        (cert_json("LD-9", stars="4"), "certificates[1] (id LD-9): stars: must be a whole number 1-5, got '4'"),
        (cert_json("LD-9", status="expired"),
         "certificates[1] (id LD-9): status: must be 'active' or 'revoked', got 'expired'"),
        (cert_json("LD-9", issued_on="2024-13-01"),
         "certificates[1] (id LD-9): issued_on: must be a date YYYY-MM-DD, got '2024-13-01'"),
    ],
)
def test_valid_json_with_a_wrong_schema_is_a_schema_error(feed_server, certificate, message):
    url = feed_server.respond("/feed", body=feed_json([cert_json("LD-1"), certificate]))
    error = fetch_error(url)
    assert (error.kind, str(error)) == ("schema", message)


def test_empty_certificate_list_is_empty(feed_server):
    url = feed_server.respond("/feed", body=feed_json([]))
    error = fetch_error(url)
    assert (error.kind, str(error)) == ("empty", "feed lists no certificates")


def test_body_declared_larger_than_the_limit_is_too_large(feed_server):
    url = feed_server.respond("/feed", body=GOOD_BODY)
    error = fetch_error(url, max_bytes=100)
    assert (error.kind, str(error)) == (
        "too_large", f"feed at {url} is {len(GOOD_BODY)} bytes, more than the limit of 100"
    )


def test_body_growing_past_the_limit_without_content_length_is_too_large(feed_server):
    url = feed_server.respond("/feed", body=GOOD_BODY, content_length=None)
    error = fetch_error(url, max_bytes=100)
    assert (error.kind, str(error)) == ("too_large", f"feed at {url} is more than the limit of 100 bytes")


def test_gzip_body_beyond_the_limit_once_decoded_is_too_large(feed_server):
    # given a small compressed body that inflates past the limit
    body = feed_json([cert_json(f"LD-{i}") for i in range(200)])
    url = feed_server.respond("/feed", body=gzip.compress(body), headers={"Content-Encoding": "gzip"})
    error = fetch_error(url, max_bytes=len(body) - 1)
    assert (error.kind, str(error)) == ("too_large", f"feed at {url} is more than the limit of {len(body) - 1} bytes")


def test_gzip_encoded_feed_is_decoded(feed_server):
    url = feed_server.respond("/feed", body=gzip.compress(GOOD_BODY), headers={"Content-Encoding": "gzip"})
    result = fetch_feed(url, TOKEN, timeout=FAST)
    assert result.body == GOOD_BODY
    assert list(result.feed.certificates) == ["LD-2024-0001"]


def test_redirect_is_not_followed(feed_server):
    # given a server that redirects to another host
    url = feed_server.respond("/feed", status=302, headers={"Location": "http://feeds.example.net/feed.json"})
    # when fetched / then an http_error naming the status and target, and no second request
    error = fetch_error(url)
    assert (error.kind, str(error)) == (
        "http_error",
        f"feed at {url} redirected (HTTP 302) to http://feeds.example.net/feed.json; redirects are not followed",
    )
    assert [path for path, _headers in feed_server.requests] == ["/feed"]


def test_redirect_to_the_same_host_is_not_followed_either(feed_server):
    feed_server.respond("/new", body=GOOD_BODY)
    url = feed_server.respond("/feed", status=301, headers={"Location": feed_server.url("/new")})
    assert fetch_error(url).kind == "http_error"
    assert [path for path, _headers in feed_server.requests] == ["/feed"]


def test_stale_feed_is_refused_by_ensure_not_older(feed_server):
    # given the last accepted feed is newer than what the server now serves
    url = feed_server.respond("/feed", body=feed_json([cert_json()], generated_at="2026-01-15T02:00:00+00:00"))
    result = fetch_feed(url, TOKEN, timeout=FAST)
    # when checked against it / then stale
    with pytest.raises(FeedError) as caught:
        ensure_not_older(result.feed, GENERATED_AT)
    assert (caught.value.kind, str(caught.value)) == (
        "stale",
        "feed generated at 2026-01-15T02:00:00+00:00 is older than the last accepted one (2026-01-15T03:00:00+00:00)",
    )


def test_given_session_is_used_and_left_open(feed_server):
    url = feed_server.respond("/feed", body=GOOD_BODY)
    with requests.Session() as session:
        session.headers["User-Agent"] = "ocop-sync-test"
        fetch_feed(url, TOKEN, timeout=FAST, session=session)
        fetch_feed(url, TOKEN, timeout=FAST, session=session)
    assert [headers["User-Agent"] for _path, headers in feed_server.requests] == ["ocop-sync-test"] * 2


def test_body_is_json_the_registry_would_serve(feed_server):
    # the registry serves compact UTF-8 JSON (ensure_ascii=False); Vietnamese text survives
    body = json.dumps({"generated_at": "2026-01-15T03:00:00+00:00", "certificates": [cert_json()]},
                      ensure_ascii=False, separators=(",", ":")).encode()
    url = feed_server.respond("/feed", body=body, headers={"Content-Type": "application/json; charset=utf-8"})
    assert fetch_feed(url, TOKEN, timeout=FAST).feed.certificates["LD-2024-0001"].producer == "HTX Ong mật Mèo Vạc"


def chunked(body: bytes, *, complete: bool = True, size: int = 500) -> bytes:
    pieces = [body[i:i + size] for i in range(0, len(body), size)]
    encoded = b"".join(b"%x\r\n%s\r\n" % (len(piece), piece) for piece in pieces)
    return encoded + (b"0\r\n\r\n" if complete else b"")


def test_chunked_feed_is_read_whole(feed_server):
    body = feed_json([cert_json(f"LD-{i}") for i in range(50)])
    url = feed_server.respond("/feed", body=chunked(body), headers={"Transfer-Encoding": "chunked"},
                              content_length=None)
    result = fetch_feed(url, TOKEN, timeout=FAST)
    assert result.body == body
    assert len(result.feed.certificates) == 50


def test_chunked_feed_closed_before_its_last_chunk_is_truncated(feed_server):
    body = feed_json([cert_json(f"LD-{i}") for i in range(50)])
    url = feed_server.respond("/feed", body=chunked(body, complete=False)[:-700],
                              headers={"Transfer-Encoding": "chunked"}, content_length=None)
    error = fetch_error(url)
    assert error.kind == "truncated"
    assert str(error).startswith(f"feed at {url} broke off after ")
