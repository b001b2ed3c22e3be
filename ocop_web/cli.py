"""``ocop``: the operator's command line.

``ocop <area> <action> ...`` runs the Django management command ``<area>_<action>``
(``ocop registry import FILE`` is ``registry_import FILE``); any other Django
command works as well (``ocop migrate``, ``ocop runserver``).
"""

from __future__ import annotations

import os
import sys

AREAS = ("registry", "saleor", "search", "producers", "showcase", "payments", "payouts")


def translate_argv(argv: list[str]) -> list[str]:
    if len(argv) >= 2 and argv[0] in AREAS and not argv[1].startswith("-"):
        return [f"{argv[0]}_{argv[1].replace('-', '_')}", *argv[2:]]
    return argv


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ocop_web.settings")
    from django.core.management import execute_from_command_line

    args = translate_argv(list(sys.argv[1:] if argv is None else argv))
    execute_from_command_line(["ocop", *args])


if __name__ == "__main__":
    main()
