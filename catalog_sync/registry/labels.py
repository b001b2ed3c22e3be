"""Packaging labels: an A4 sheet of labels, each with a QR code to its certificate's verify page.

The sheet is the common 21-up label stock (3 × 7 labels of 63.5 × 38.1 mm, as Avery L7160); each
label carries the QR code (0.8 mm modules, ``printing.qr.MODULE_MM``), the certificate id, its star
level and the product's name. Certificates that are expired or revoked get no label: a label is
printed only for a certificate valid today or later.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from catalog_sync.domain.validity import CertificateStatus, vietnam_today
from catalog_sync.printing import fonts, qr
from catalog_sync.printing.links import verify_url

from .models import Certificate

COLUMNS, ROWS = 3, 7
LABEL_W, LABEL_H = 63.5 * mm, 38.1 * mm
COLUMN_GAP = 2.5 * mm
LEFT = (A4[0] - COLUMNS * LABEL_W - (COLUMNS - 1) * COLUMN_GAP) / 2
TOP = (A4[1] - ROWS * LABEL_H) / 2
PER_SHEET = COLUMNS * ROWS
MAX_LABELS = 5000


@dataclass
class LabelSheet:
    """What was printed: the PDF (None when no label could be printed), and each id refused with why."""

    pdf: bytes | None
    printed: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)


def _refusal(certificate: Certificate | None, certificate_id: str, today: datetime.date) -> str | None:
    if certificate is None:
        return f"unknown certificate id {certificate_id}"
    status = certificate.status_on(today)
    if status == CertificateStatus.EXPIRED:
        return f"certificate {certificate_id} expired after {certificate.valid_until:%d/%m/%Y}: no label printed"
    if status == CertificateStatus.REVOKED:
        return f"certificate {certificate_id} is revoked: no label printed"
    return None


def _draw_label(canvas: Canvas, certificate: Certificate, url: str, x: float, y: float) -> None:
    canvas.setStrokeColorRGB(0.8, 0.8, 0.8)
    canvas.setLineWidth(0.25)
    canvas.roundRect(x, y, LABEL_W, LABEL_H, 2 * mm, stroke=1, fill=0)
    code = qr.make(url)
    side = qr.side_mm(code) * mm
    qr.draw(canvas, code, x + 0.5 * mm, y + (LABEL_H - side) / 2)
    text_x = x + side + 1 * mm
    width = LABEL_W - side - 2.5 * mm
    canvas.setFillColorRGB(0, 0, 0)
    line_y = y + LABEL_H - 6.5 * mm
    canvas.setFont(fonts.BOLD, 8)
    canvas.drawString(text_x, line_y, f"OCOP {'★' * certificate.stars}")
    line_y -= 3.6 * mm
    canvas.setFont(fonts.REGULAR, 7)
    canvas.drawString(text_x, line_y, f"{certificate.stars} sao")
    line_y -= 4.4 * mm
    canvas.setFont(fonts.BOLD, 8.5)
    canvas.drawString(text_x, line_y, certificate.id)
    canvas.setFont(fonts.REGULAR, 6.5)
    for line in simpleSplit(certificate.product_name, fonts.REGULAR, 6.5, width)[:3]:
        line_y -= 2.9 * mm
        canvas.drawString(text_x, line_y, line)
    canvas.setFont(fonts.REGULAR, 5.5)
    canvas.drawString(text_x, y + 2.5 * mm, "Quét mã để kiểm tra")


def label_sheet(
    certificate_ids: Sequence[str], *, base_url: str, copies: int = 1, today: datetime.date | None = None
) -> LabelSheet:
    """Labels for these ids, in the order given, ``copies`` of each; unknown or invalid ids are refused."""
    if copies < 1:
        raise ValueError("copies must be at least 1")
    today = today or vietnam_today()
    wanted = [i.strip().upper() for i in certificate_ids if i.strip()]
    if len(wanted) * copies > MAX_LABELS:
        raise ValueError(f"at most {MAX_LABELS} labels at once (asked for {len(wanted) * copies})")
    found = Certificate.objects.in_bulk(list(dict.fromkeys(wanted)))
    result = LabelSheet(pdf=None)
    printable: list[Certificate] = []
    for certificate_id in wanted:
        certificate = found.get(certificate_id)
        reason = _refusal(certificate, certificate_id, today)
        if reason or certificate is None:
            result.refused.append((certificate_id, reason or ""))
            continue
        result.printed.append(certificate_id)
        printable.extend([certificate] * copies)
    if not printable:
        return result
    fonts.register()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1, initialFontName=fonts.REGULAR)
    canvas.setTitle("Tem OCOP")
    canvas.setSubject(", ".join(dict.fromkeys(result.printed)))
    for index, certificate in enumerate(printable):
        place = index % PER_SHEET
        if index and place == 0:
            canvas.showPage()
        column, row = place % COLUMNS, place // COLUMNS
        x = LEFT + column * (LABEL_W + COLUMN_GAP)
        y = A4[1] - TOP - (row + 1) * LABEL_H
        _draw_label(canvas, certificate, verify_url(certificate.id, base_url), x, y)
    canvas.showPage()
    canvas.save()
    result.pdf = buffer.getvalue()
    return result
