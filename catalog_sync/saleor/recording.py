"""Record Saleor's replies to JSON, and replay them (httpx transports under ``SaleorClient``).

Tier-1 tests replay replies recorded from a real Saleor 3.23; they are never hand-written.
A cassette is a JSON list of ``{"request": {"operationName", "variables"}, "response":
{"status", "body"}}`` in the order they happened. The Authorization header is never written,
and any string under a key containing "token" is replaced by ``"<scrubbed>"``.

Record from the command line with ``OCOP_SALEOR_RECORD=/path/to/cassette.json`` in the
environment of any ``ocop saleor ...`` / ``ocop search reindex`` / ``ocop demo`` run.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import httpx

from .client import SaleorError

SCRUBBED = "<scrubbed>"


SECRET_KEYS = ("token", "password", "secret")


def scrub(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: (SCRUBBED if any(word in k.lower() for word in SECRET_KEYS) and isinstance(v, str) and v
                    else scrub(v))
                for k, v in value.items()}
    if isinstance(value, list):
        return [scrub(v) for v in value]
    return value


def _multipart_operations(request: httpx.Request) -> Any:
    """The ``operations`` part of a GraphQL multipart request (the files are left out: a file variable is null),
    with each file's name and size in ``files``."""
    boundary = request.headers["content-type"].split("boundary=", 1)[1].strip('"').encode()
    operations: Any = {}
    files: list[dict[str, Any]] = []
    for part in request.read().split(b"--" + boundary):
        head, _, content = part.partition(b"\r\n\r\n")
        content = content.removesuffix(b"\r\n")
        if b'name="operations"' in head:
            operations = json.loads(content.decode("utf-8"))
        elif b"filename=" in head:
            filename = head.split(b'filename="', 1)[1].split(b'"', 1)[0].decode("utf-8", "replace")
            files.append({"filename": filename, "bytes": len(content)})
    if isinstance(operations, dict):
        operations = {**operations, "variables": {**(operations.get("variables") or {}), "files": files}}
    return operations


def _request_key(request: httpx.Request) -> dict[str, Any]:
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        payload = _multipart_operations(request)
    else:
        payload = json.loads(request.read().decode("utf-8"))
    return scrub({"operationName": payload.get("operationName"), "variables": payload.get("variables")})


_WRITING = threading.Lock()


class RecordingTransport(httpx.BaseTransport):
    """Passes requests to a real transport and appends each exchange to ``path`` as it happens."""

    def __init__(self, inner: httpx.BaseTransport, path: str | Path):
        self.inner = inner
        self.path = Path(path)
        self.exchanges: list[dict[str, Any]] = []  # this transport's own
        self.path.parent.mkdir(parents=True, exist_ok=True)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        content = response.read()
        try:
            body: Any = json.loads(content.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            body = {"__raw__": content.decode("utf-8", "replace")}
        exchange = {"request": _request_key(request), "response": {"status": response.status_code, "body": scrub(body)}}
        self.exchanges.append(exchange)
        with _WRITING:  # several clients (threads) may record into one cassette: append as each answer comes
            recorded = json.loads(self.path.read_text(encoding="utf-8")) if self.path.exists() else []
            lines = ",\n".join(json.dumps(e, ensure_ascii=False, sort_keys=True) for e in [*recorded, exchange])
            self.path.write_text(f"[\n{lines}\n]\n", encoding="utf-8")  # one exchange per line
        headers = [(k, v) for k, v in response.headers.multi_items()
                   if k.lower() not in ("content-encoding", "content-length", "transfer-encoding")]
        return httpx.Response(response.status_code, headers=headers, content=content)  # content is decoded

    def close(self) -> None:
        self.inner.close()


class CassetteMismatch(SaleorError):
    pass


class ReplayTransport(httpx.BaseTransport):
    """Answers from a cassette, in order, checking each request is the one recorded.

    Requests sent at once from several threads (the reindex reads pages of products in parallel)
    reach Saleor in any order: a request that is not the next one recorded is answered by the first
    unused exchange recorded for exactly that request, if any.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.exchanges: list[dict[str, Any]] = json.loads(self.path.read_text(encoding="utf-8"))
        self.used = [False] * len(self.exchanges)
        self.position = 0  # the first unused exchange
        self._lock = threading.Lock()

    def _take(self, got: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            if self.position >= len(self.exchanges):
                raise CassetteMismatch(
                    f"{self.path.name}: request {self.position + 1} ({got['operationName']}) was never "
                    "recorded; re-record the cassette"
                )
            index = next((i for i in range(self.position, len(self.exchanges))
                          if not self.used[i] and self.exchanges[i]["request"] == got), self.position)
            wanted = self.exchanges[index]["request"]
            if got != wanted:
                raise CassetteMismatch(
                    f"{self.path.name}: request {self.position + 1} differs from the recording; re-record the "
                    f"cassette\n  recorded: {json.dumps(wanted, ensure_ascii=False)[:600]}\n"
                    f"  now:      {json.dumps(got, ensure_ascii=False)[:600]}"
                )
            self.used[index] = True
            while self.position < len(self.exchanges) and self.used[self.position]:
                self.position += 1
            return self.exchanges[index]

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        exchange = self._take(json.loads(json.dumps(_request_key(request), ensure_ascii=False)))
        body = exchange["response"]["body"]
        raw = body["__raw__"].encode("utf-8") if isinstance(body, dict) and "__raw__" in body else json.dumps(
            body, ensure_ascii=False).encode("utf-8")
        return httpx.Response(exchange["response"]["status"], content=raw,
                              headers={"Content-Type": "application/json"})

    @property
    def finished(self) -> bool:
        return all(self.used)
