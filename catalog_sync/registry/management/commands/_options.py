from __future__ import annotations

import argparse
import datetime


def parse_date(value: str) -> datetime.date:
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"not a date (use YYYY-MM-DD or DD/MM/YYYY): {value!r}")
