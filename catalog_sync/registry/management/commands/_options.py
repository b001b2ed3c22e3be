from __future__ import annotations

import argparse
import datetime
from collections.abc import Callable, Mapping


def parse_date(value: str) -> datetime.date:
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"not a date (use YYYY-MM-DD or DD/MM/YYYY): {value!r}")


def progress_to(stream, labels: Mapping[str, str] | None = None) -> Callable[[str, int, int], None]:
    """Progress lines on the command's stderr (rewritten in place on a terminal)."""
    tty = getattr(stream, "isatty", lambda: False)()

    def progress(phase: str, done: int, total: int) -> None:
        if tty or done == total or done % 500 == 0:
            label = (labels or {}).get(phase, phase)
            stream.write(f"{label}: {done}/{total}", ending="\r" if tty and done < total else "\n")
            stream.flush()

    return progress
