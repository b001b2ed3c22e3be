"""QR codes (segno) drawn as vector squares on a reportlab canvas: sharp at any print size."""

from __future__ import annotations

import segno
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

# Phone cameras read a printed QR code reliably from modules of 0.5 mm up; labels and catalogues use 0.8 mm.
MODULE_MM = 0.8
QUIET_ZONE_MODULES = 4  # the white border the QR standard asks for
# One data mask for every code: any mask reads the same, and choosing the best of eight by their
# penalty scores costs six times as long (8 ms a code: 8 s of a 1,000-product catalogue).
MASK = 0


def make(data: str) -> segno.QRCode:
    return segno.make_qr(data, error="m", mask=MASK)


def side_mm(code: segno.QRCode, module_mm: float = MODULE_MM) -> float:
    """The printed side of the code with its quiet zone, in millimetres."""
    return (code.symbol_size(border=QUIET_ZONE_MODULES)[0]) * module_mm


def draw(canvas: Canvas, code: segno.QRCode, x: float, y: float, module_mm: float = MODULE_MM) -> None:
    """Draw ``code`` with its lower-left quiet-zone corner at (x, y) points, black on the page.

    Each dark run of a row is one filled rectangle, written as PDF path operators in one literal
    (reportlab's path objects would format each number in Python: ten times slower for a catalogue).
    """
    module = module_mm * mm
    rows = list(code.matrix)
    size = len(rows)
    origin_x = x + QUIET_ZONE_MODULES * module
    top = y + (QUIET_ZONE_MODULES + size) * module
    height = module * 1.02  # a hair of overlap: no white seam between rows when rasterised
    ops = ["q 0 g"]
    for r, row in enumerate(rows):
        bottom = top - (r + 1) * module
        c = 0
        while c < size:
            if row[c] & 1:
                start = c
                while c < size and row[c] & 1:
                    c += 1
                ops.append(f"{origin_x + start * module:.3f} {bottom:.3f} {(c - start) * module:.3f} {height:.3f} re")
            else:
                c += 1
    ops.append("f Q")
    canvas.addLiteral("\n".join(ops))
