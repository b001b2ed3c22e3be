"""QR codes (segno) drawn as vector squares on a reportlab canvas: sharp at any print size."""

from __future__ import annotations

import segno
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

# Phone cameras read a printed QR code reliably from modules of 0.5 mm up; labels and catalogues use 0.8 mm.
MODULE_MM = 0.8
QUIET_ZONE_MODULES = 4  # the white border the QR standard asks for


def make(data: str) -> segno.QRCode:
    return segno.make_qr(data, error="m")


def side_mm(code: segno.QRCode, module_mm: float = MODULE_MM) -> float:
    """The printed side of the code with its quiet zone, in millimetres."""
    return (code.symbol_size(border=QUIET_ZONE_MODULES)[0]) * module_mm


def draw(canvas: Canvas, code: segno.QRCode, x: float, y: float, module_mm: float = MODULE_MM) -> None:
    """Draw ``code`` with its lower-left quiet-zone corner at (x, y) points; dark runs of a row are one rectangle."""
    module = module_mm * mm
    rows = list(code.matrix)
    size = len(rows)
    origin_x = x + QUIET_ZONE_MODULES * module
    top = y + (QUIET_ZONE_MODULES + size) * module
    path = canvas.beginPath()
    for r, row in enumerate(rows):
        c = 0
        while c < size:
            if row[c] & 1:
                start = c
                while c < size and row[c] & 1:
                    c += 1
                # a hair of overlap between neighbouring rows leaves no white seam when rasterised
                path.rect(origin_x + start * module, top - (r + 1) * module, (c - start) * module, module * 1.02)
            else:
                c += 1
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
