"""The banks a producer may be paid at: Napas 247 members by their six-digit BIN (``data/napas_banks.json``,
shipped with the app: a payout never depends on fetching a list)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "napas_banks.json"


@dataclass(frozen=True)
class Bank:
    bin: str
    code: str
    short_name: str
    name: str

    @property
    def label(self) -> str:
        return f"{self.short_name} — {self.name}"


@cache
def banks() -> dict[str, Bank]:
    """{BIN: bank}, by short name."""
    rows = json.loads(DATA.read_text(encoding="utf-8"))["banks"]
    return {bank.bin: bank for bank in sorted((Bank(**row) for row in rows), key=lambda bank: bank.short_name.lower())}


def bank(bin_: str) -> Bank | None:
    return banks().get(bin_)
