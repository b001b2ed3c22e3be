"""A progress bar on a command's stderr: redrawn in place on a terminal, one line per step otherwise."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

WIDTH = 30


def progress_bar(stream: Any) -> Callable[[str, int, int], None]:
    tty = getattr(stream, "isatty", lambda: False)()

    def show(phase: str, done: int, total: int) -> None:
        share = done / total if total else 1.0
        filled = round(WIDTH * share)
        line = f"{phase:10} [{'#' * filled}{'.' * (WIDTH - filled)}] {done}/{total} {share:4.0%}"
        stream.write(line, ending="\r" if tty and done < total else "\n")
        stream.flush()

    return show
