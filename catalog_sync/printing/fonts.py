"""The TrueType fonts embedded in every PDF: DejaVu Sans, which covers Vietnamese (and ★).

Found in ``OCOP_FONT_DIR`` when set, else in Debian's ``fonts-dejavu-core``
(``/usr/share/fonts/truetype/dejavu``). reportlab embeds the subset of glyphs a document uses.
"""

from __future__ import annotations

import os
from pathlib import Path

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "OCOPSans"
BOLD = "OCOPSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
DEBIAN_DIR = Path("/usr/share/fonts/truetype/dejavu")


class FontMissingError(RuntimeError):
    pass


def font_dirs() -> list[Path]:
    configured = os.environ.get("OCOP_FONT_DIR")
    return [Path(configured)] if configured else [DEBIAN_DIR]


def register() -> None:
    """Make ``REGULAR`` and ``BOLD`` usable in reportlab (once per process)."""
    # Binary streams as they are: ASCII85 (reportlab's default) makes photos a quarter larger and
    # costs time in pure Python, for 7-bit-clean files nobody needs.
    rl_config.useA85 = 0
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, file_name in _FILES.items():
        if name in registered:
            continue
        path = next((d / file_name for d in font_dirs() if (d / file_name).is_file()), None)
        if path is None:
            where = ", ".join(str(d) for d in font_dirs())
            raise FontMissingError(
                f"the PDF font {file_name} was not found in {where}: "
                "install Debian's fonts-dejavu-core, or set OCOP_FONT_DIR to a folder holding it"
            )
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
