"""The base class of the generated typed client (``generated/``; ariadne-codegen copies this file there).

Every typed operation goes through ``SaleorClient``'s pooled ``httpx.Client`` and transport
(retries, recording, replay); a file (``Upload``) goes as a GraphQL multipart request. Its errors are
``SaleorError``s: a reply without data names the
operation (``graphql_data``); a mutation whose payload lists ``errors`` raises
``SaleorMutationError`` naming the mutation's field and Saleor's field, code and message.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from typing import Any

import httpx
from pydantic import BaseModel

from catalog_sync.saleor.client import graphql_data, mutation_payloads


@dataclass(frozen=True)
class TypedReply:
    operation: str
    status_code: int
    content: bytes
    mutation: bool


def _is_upload(value: Any) -> bool:
    """The generated ``Upload`` (a file sent as a multipart part)."""
    return type(value).__name__ == "Upload" and hasattr(value, "content") and hasattr(value, "filename")


def _jsonable(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(by_alias=True, exclude_unset=True, mode="json")
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime.date):  # a DateTime or Date variable: ISO-8601 (with its offset)
        return value.isoformat()
    return value


class TypedBaseClient:
    raise_mutation_errors = True  # False: the caller reads each payload's ``errors`` itself

    def __init__(self, url: str = "", headers: dict[str, str] | None = None,
                 http_client: httpx.Client | None = None) -> None:
        self.url = url
        self.headers = headers or {}
        self.http_client = http_client or httpx.Client()

    def execute(self, query: str, operation_name: str | None = None, variables: dict[str, Any] | None = None,
                **kwargs: Any) -> TypedReply:
        name = operation_name or "(anonymous)"
        given = {key: value for key, value in (variables or {}).items() if type(value).__name__ != "UnsetType"}
        files = {key: value for key, value in given.items() if _is_upload(value)}
        values = {key: None if key in files else _jsonable(value) for key, value in given.items()}
        body = {"operationName": name, "query": query, "variables": values}
        if files:  # the GraphQL multipart request: the operation, where each file goes, then the files
            response = self.http_client.post(self.url, data={
                "operations": json.dumps(body), "map": json.dumps({str(n): [f"variables.{key}"]
                                                                   for n, key in enumerate(files)})},
                files={str(n): (upload.filename, upload.content, upload.content_type)
                       for n, upload in enumerate(files.values())}, headers=self.headers, **kwargs)
        else:
            response = self.http_client.post(self.url, json=body, headers=self.headers, **kwargs)
        return TypedReply(name, response.status_code, response.content, query.lstrip().startswith("mutation"))

    def get_data(self, reply: TypedReply) -> dict[str, Any]:
        data = graphql_data(reply.operation, reply.status_code, reply.content)
        if reply.mutation and self.raise_mutation_errors:
            mutation_payloads(data)
        return data
