"""A small GraphQL client for Saleor's API, authenticated with an app token.

Callers above this package never see GraphQL: they use ``catalog_sync.saleor.catalogue``.
Errors name the operation and Saleor's own error field, code and message. Only
connection errors (nothing reached Saleor) are retried; an answer is never retried.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

PAGE_SIZE = 100  # Saleor returns at most 100 nodes per page

# What the app behind SALEOR_APP_TOKEN needs for bootstrap and import-catalogue.
APP_PERMISSIONS = (
    "MANAGE_PRODUCTS", "MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES", "MANAGE_CHANNELS", "MANAGE_SHIPPING",
    "MANAGE_PAGES", "MANAGE_PAGE_TYPES_AND_ATTRIBUTES", "MANAGE_TRANSLATIONS",
)


class SaleorError(Exception):
    """Anything that went wrong talking to Saleor."""


class SaleorConnectionError(SaleorError):
    """Saleor could not be reached (after retries)."""


class SaleorResponseError(SaleorError):
    """Saleor answered, but not with a usable GraphQL reply (HTTP error, not JSON, top-level errors)."""


@dataclass(frozen=True)
class FieldError:
    field: str | None
    code: str | None
    message: str | None

    def __str__(self) -> str:
        return f"{self.field or '(no field)'}: {self.code or '?'}: {self.message or ''}".rstrip(": ")


class SaleorMutationError(SaleorError):
    """A mutation returned errors in its ``errors`` list."""

    def __init__(self, mutation: str, errors: list[FieldError]):
        self.mutation = mutation
        self.errors = errors
        super().__init__(f"{mutation} failed: " + "; ".join(str(e) for e in errors))


@dataclass(frozen=True)
class Reply:
    status: int
    body: bytes


class Transport(Protocol):
    def __call__(self, url: str, payload: dict[str, Any], headers: Mapping[str, str]) -> Reply: ...


class UrllibTransport:
    """POSTs JSON with the standard library; retries connection errors only."""

    def __init__(self, *, timeout: float = 60.0, retries: int = 3, backoff: float = 0.5,
                 sleep: Callable[[float], None] = time.sleep):
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.sleep = sleep

    def __call__(self, url: str, payload: dict[str, Any], headers: Mapping[str, str]) -> Reply:
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        attempt = 0
        while True:
            request = urllib.request.Request(url, data=data, headers=dict(headers), method="POST")  # noqa: S310
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                    return Reply(response.status, response.read())
            except urllib.error.HTTPError as error:
                return Reply(error.code, error.read())
            except (urllib.error.URLError, ConnectionError) as error:
                reason = getattr(error, "reason", error)
                if not isinstance(reason, ConnectionError | OSError) or isinstance(reason, TimeoutError):
                    raise SaleorConnectionError(f"cannot reach Saleor at {url}: {reason}") from None
                attempt += 1
                if attempt > self.retries:
                    raise SaleorConnectionError(
                        f"cannot reach Saleor at {url} after {attempt} attempts: {reason}"
                    ) from None
                self.sleep(self.backoff * 2 ** (attempt - 1))
            except TimeoutError as error:
                # the request may have been carried out: never repeat it
                raise SaleorConnectionError(
                    f"no reply from Saleor at {url} within {self.timeout:g} s: {error}") from None


def operation_name(document: str) -> str:
    """The name of the first operation in a document (``mutation BootstrapChannel`` -> ``BootstrapChannel``)."""
    for word_before, word in zip(document.split(), document.split()[1:], strict=False):
        if word_before in ("query", "mutation"):
            return word.split("(")[0].split("{")[0]
    return "(anonymous)"


class SaleorClient:
    def __init__(self, url: str, token: str | None, *, transport: Transport | None = None):
        if not url:
            raise SaleorError("no Saleor API URL: set SALEOR_API_URL")
        self.url = url
        self.token = token
        self.transport = transport or UrllibTransport()
        self.requests = 0

    def execute(self, document: str, variables: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Run a query or mutation; return ``data``. Raises ``SaleorResponseError`` on top-level errors."""
        name = operation_name(document)
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        payload = {"operationName": name, "query": document, "variables": dict(variables or {})}
        self.requests += 1
        reply = self.transport(self.url, payload, headers)
        try:
            body = json.loads(reply.body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            snippet = reply.body[:200].decode("utf-8", "replace")
            raise SaleorResponseError(
                f"{name}: Saleor answered HTTP {reply.status} with something that is not JSON: {snippet!r}"
            ) from None
        errors = body.get("errors") if isinstance(body, dict) else None
        if errors:
            messages = "; ".join(_top_level_message(e) for e in errors)
            hint = ""
            if "PermissionDenied" in messages:
                hint = (" — check SALEOR_APP_TOKEN: it must be the token of an active app with the permissions "
                        + ", ".join(APP_PERMISSIONS))
            raise SaleorResponseError(f"{name}: Saleor refused the request (HTTP {reply.status}): {messages}{hint}")
        if reply.status >= 400 or not isinstance(body, dict) or not isinstance(body.get("data"), dict):
            raise SaleorResponseError(f"{name}: Saleor answered HTTP {reply.status} without data")
        return body["data"]

    def mutate(self, document: str, variables: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Run a mutation with a single root field; return that field's payload or raise its errors."""
        data = self.execute(document, variables)
        (field, result), *_ = data.items()
        errors = field_errors((result or {}).get("errors"))
        if errors:
            raise SaleorMutationError(field, errors)
        if result is None:
            raise SaleorResponseError(f"{field}: Saleor returned nothing")
        return result

    def paginate(self, document: str, variables: Mapping[str, Any] | None, path: str) -> Iterator[dict[str, Any]]:
        """Yield every node of a connection, 100 at a time. ``document`` takes ``$first`` and ``$after``;
        ``path`` is the dotted path of the connection in ``data`` (e.g. ``products``)."""
        after: str | None = None
        while True:
            data = self.execute(document, {**dict(variables or {}), "first": PAGE_SIZE, "after": after})
            connection: Any = data
            for key in path.split("."):
                connection = connection[key] if connection else None
            if not connection:
                return
            for edge in connection["edges"]:
                yield edge["node"]
            info = connection["pageInfo"]
            if not info["hasNextPage"]:
                return
            after = info["endCursor"]


def field_errors(raw: Any) -> list[FieldError]:
    return [FieldError(e.get("field") or e.get("path"), e.get("code"), e.get("message")) for e in raw or []]


def _top_level_message(error: Any) -> str:
    if not isinstance(error, dict):
        return str(error)
    code = (error.get("extensions") or {}).get("exception", {}).get("code")
    return f"{code}: {error.get('message')}" if code else str(error.get("message"))
