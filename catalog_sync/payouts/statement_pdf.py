"""A producer's monthly statement as an A4 PDF (Vietnamese, fonts embedded: ``printing.fonts``): who, the
month, the bank account payouts go to, one row per line (refunds as negative rows), the totals."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from catalog_sync.core.formats import money
from catalog_sync.printing import fonts

from .bank_details import Details, current
from .statements import Statement

MARGIN = 15 * mm
ROWS_PER_TABLE = 50
PRODUCT_CHARS = 48


def _fit(text: str) -> str:
    """A product's name on one line of its column."""
    return text if len(text) <= PRODUCT_CHARS else text[:PRODUCT_CHARS - 1] + "…"


def _dong(amount: int) -> str:
    return money(amount, "VND", "vi")


def pdf_bytes(statement: Statement) -> bytes:
    fonts.register()
    base = ParagraphStyle("base", fontName=fonts.REGULAR, fontSize=9, leading=12)
    title = ParagraphStyle("title", parent=base, fontName=fonts.BOLD, fontSize=16, leading=20, spaceAfter=6)
    producer = statement.producer
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                                 bottomMargin=MARGIN, title=f"Bảng kê {statement.month}: {producer.name}",
                                 author="OCOP Market", initialFontName=fonts.REGULAR)
    account = current(producer)
    story = [
        Paragraph(f"Bảng kê doanh thu tháng {statement.first:%m/%Y}", title),
        Paragraph(escape(f"{producer.name} · {statement.certificate}"), base),
        Paragraph(escape("Tài khoản nhận: " + (Details(account.bank_bin, account.account_number,
                                                          account.account_name).shown() if account
                                                  else "chưa có tài khoản đã xác nhận")), base),
        Spacer(1, 5 * mm),
    ]
    header = ["Ngày", "Đơn", "Sản phẩm", "SL", "Thành tiền", "Hoa hồng", "Thực nhận"]
    rows: list[list[object]] = [[f"{line.earned_on:%d/%m}", f"#{line.order}", _fit(line.product), line.quantity,
                                 _dong(line.gross), _dong(line.commission), _dong(line.net)]
                                for line in statement.lines]
    if not rows:
        rows.append(["", "", "Không có dòng hàng nào trong tháng", "", "", "", ""])
    style = TableStyle([
        ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 8), ("FONT", (0, 0), (-1, 0), fonts.BOLD, 8),
        ("ALIGN", (3, 0), (-1, -1), "RIGHT"), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.5, "#444444"), ("ROWBACKGROUNDS", (0, 1), (-1, -1), ["#ffffff", "#f3f3f3"]),
    ])
    widths = [14 * mm, 16 * mm, 62 * mm, 10 * mm, 26 * mm, 24 * mm, 28 * mm]
    # a table per page's worth of rows: ReportLab splits one long table across pages in quadratic time
    for start in range(0, len(rows), ROWS_PER_TABLE):
        table = Table([header, *rows[start:start + ROWS_PER_TABLE]], colWidths=widths)
        table.setStyle(style)
        story.append(table)
    totals = Table([
        ["Doanh thu (gross)", _dong(statement.gross)], ["Hoàn tiền / trả hàng", _dong(-statement.refunds)],
        ["Hoa hồng sàn", _dong(-statement.commission)], ["Thực nhận của tháng (net)", _dong(statement.net)],
        ["Đã chuyển trong tháng", _dong(statement.paid)],
        [f"Còn phải trả đến {statement.last:%d/%m/%Y}", _dong(statement.due)],
    ], colWidths=[70 * mm, 40 * mm], hAlign="RIGHT")
    totals.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), fonts.REGULAR, 9), ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                                ("FONT", (0, -1), (-1, -1), fonts.BOLD, 9), ("LINEABOVE", (0, -1), (-1, -1), 0.5,
                                                                            "#444444")]))
    story += [Spacer(1, 6 * mm), totals]
    document.build(story)
    return buffer.getvalue()
