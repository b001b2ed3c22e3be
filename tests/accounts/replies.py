"""Saleor answering single requests with replies recorded from a real Saleor (21_accounts.json), counted."""

from __future__ import annotations

import json

import httpx

from .conftest import CASSETTE


def recorded(operation: str, index: int = 0) -> dict:
    """The ``index``-th recorded response (``{"status", "body"}``) to ``operation``."""
    replies = [e["response"] for e in json.loads(CASSETTE.read_text()) if e["request"]["operationName"] == operation]
    return replies[index]


class Answering(httpx.BaseTransport):
    """Answers every request with one recorded reply, and counts the requests by operation."""

    def __init__(self, operation: str, index: int = 0):
        self.reply = recorded(operation, index)
        self.asked: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.asked.append(json.loads(request.read())["operationName"])
        return httpx.Response(self.reply["status"], json=self.reply["body"])
