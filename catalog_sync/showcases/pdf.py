"""A trade catalogue as an A4 PDF: a cover, a contents page (product groups), then per product its
photo, names, stars, producer, province, group, certificate with a QR code to its verify page, last
valid day, prices and packaging. Fonts are embedded (``printing.fonts``: Vietnamese is correct)."""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable
from itertools import groupby
from typing import Any
from xml.sax.saxutils import escape

from babel.numbers import format_currency
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from catalog_sync.catalogue.rows import plain_text
from catalog_sync.domain.groups import GROUPS
from catalog_sync.printing import fonts, qr

from .entries import TradeCatalogue, TradeEntry

PHOTO = 34 * mm
Photos = Callable[[str | None], bytes | None]  # a photo's URL -> its JPEG at print size, None when there is none
MARGIN = 15 * mm
_GROUP_ORDER = {g.slug: i for i, g in enumerate(GROUPS)}


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=fonts.REGULAR, fontSize=9, leading=12)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10),
        "name": ParagraphStyle("name", parent=base, fontName=fonts.BOLD, fontSize=11, leading=14),
        "name_en": ParagraphStyle("name_en", parent=base, textColor="#444444"),
        "group": ParagraphStyle("group", parent=base, fontName=fonts.BOLD, fontSize=16, leading=20, spaceAfter=6),
        "title": ParagraphStyle("title", parent=base, fontName=fonts.BOLD, fontSize=26, leading=32,
                                alignment=TA_CENTER, spaceAfter=12),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=14, leading=18, alignment=TA_CENTER,
                                   spaceAfter=8),
        "contents": ParagraphStyle("contents", fontName=fonts.BOLD, fontSize=16, leading=20, spaceAfter=6),
        "centre": ParagraphStyle("centre", parent=base, alignment=TA_CENTER),
    }


def money(amount: Any, currency: str = "VND") -> str:
    return format_currency(amount, currency, locale="vi_VN").replace("\xa0", " ")


class QRCode(Flowable):
    """A QR code with its quiet zone (``qr.MODULE_MM`` modules)."""

    def __init__(self, data: str) -> None:
        super().__init__()
        self.code = qr.make(data)
        self.width = self.height = qr.side_mm(self.code) * mm

    def draw(self) -> None:
        qr.draw(self.canv, self.code, 0, 0)


class Photo(Flowable):
    """The product's photo fitted into a square, or a placeholder where there is none.

    The photo is asked for when the page is drawn, not when the story is made: the photos are still
    being fetched while the first pages are laid out.
    """

    def __init__(self, url: str | None, photos: Photos) -> None:
        super().__init__()
        self.url, self.photos = url, photos
        self.width = self.height = PHOTO

    def draw(self) -> None:
        canvas = self.canv
        data = self.photos(self.url)
        if data:
            image = ImageReader(io.BytesIO(data))
            width, height = image.getSize()
            scale = PHOTO / max(width, height)
            canvas.drawImage(image, (PHOTO - width * scale) / 2, PHOTO - height * scale, width * scale, height * scale)
            return
        canvas.setStrokeColorRGB(0.75, 0.75, 0.75)
        canvas.setFillColorRGB(0.95, 0.95, 0.95)
        canvas.rect(0, 0, PHOTO, PHOTO, stroke=1, fill=1)
        canvas.setFillColorRGB(0.4, 0.4, 0.4)
        canvas.setFont(fonts.REGULAR, 8)
        canvas.drawCentredString(PHOTO / 2, PHOTO / 2, "Chưa có ảnh")


class ContentsLine(Flowable):
    """A line of the contents: the section's name, dot leaders, and its first page.

    The page number is a PDF form drawn here and defined once the section has been laid out (a
    forward reference), so the catalogue is laid out in one pass instead of twice.
    """

    def __init__(self, text: str, form: str, width: float) -> None:
        super().__init__()
        self.text, self.form = text, form
        self.width, self.height = width, 18

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFont(fonts.REGULAR, 11)
        canvas.drawString(0, 4, self.text)
        start = canvas.stringWidth(self.text, fonts.REGULAR, 11) + 6
        dots = "." * max(0, int((self.width - start - 24) / canvas.stringWidth(". ", fonts.REGULAR, 11)))
        canvas.drawString(start, 4, " ".join(dots))
        canvas.saveState()
        canvas.translate(self.width, 4)
        canvas.doForm(self.form)
        canvas.restoreState()


class SectionStart(Flowable):
    """Marks where a section of the contents starts (nothing is drawn): its page and a bookmark."""

    def __init__(self, form: str) -> None:
        super().__init__()
        self.form = form
        self.width = self.height = 0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.form)


class _Document(BaseDocTemplate):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.section_pages: dict[str, int] = {}

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, SectionStart):
            self.section_pages[flowable.form] = self.page

    def _endBuild(self) -> None:
        self._doSave = 0
        super()._endBuild()
        for form, page in self.section_pages.items():  # the contents' page numbers, right-aligned
            self.canv.beginForm(form, lowerx=-60, lowery=-4, upperx=0, uppery=14)
            self.canv.setFont(fonts.REGULAR, 11)
            self.canv.drawRightString(0, 0, str(page))
            self.canv.endForm()
        self.canv.save()


def _product(entry: TradeEntry, photos: Photos, styles: dict[str, ParagraphStyle]) -> Flowable:
    text = [Paragraph(escape(entry.name_vi), styles["name"])]
    if entry.name_en:
        text.append(Paragraph(escape(entry.name_en), styles["name_en"]))
    text.append(Paragraph(f"{'★' * entry.stars} OCOP {entry.stars} sao", styles["base"]))
    text.append(Paragraph(f"Chủ thể: {escape(entry.producer)}", styles["base"]))
    place = " · ".join(escape(p) for p in (entry.province, entry.group, entry.product_set) if p)
    text.append(Paragraph(place, styles["small"]))
    text.append(Paragraph(
        f"Giấy chứng nhận {escape(entry.certificate_id)}, hiệu lực đến {entry.last_valid_day:%d/%m/%Y}",
        styles["small"]))
    for pack in entry.packaging:
        text.append(Paragraph(f"{escape(pack.name)}: <b>{money(pack.price, pack.currency)}</b>", styles["base"]))
    code = QRCode(entry.verify_url)
    qr_cell = [code, Paragraph(escape(entry.certificate_id), styles["small"])]
    widths = [PHOTO + 4 * mm, None, code.width + 2 * mm]
    table = Table([[Photo(entry.photo_url, photos), text, qr_cell]], colWidths=widths)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, "#bbbbbb"),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("LEFTPADDING", (0, 0), (0, 0), 0),
    ]))
    return KeepTogether([table])


def _footer(title: str) -> Callable[[Any, Any], None]:
    def draw(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont(fonts.REGULAR, 8)
        canvas.setFillColorRGB(0.35, 0.35, 0.35)
        canvas.drawString(MARGIN, 9 * mm, title)
        canvas.drawRightString(A4[0] - MARGIN, 9 * mm, f"Trang {document.page}")
        canvas.restoreState()

    return draw


def pdf_bytes(catalogue: TradeCatalogue, photos: Photos, *, today: datetime.date) -> bytes:
    fonts.register()
    styles = _styles()
    showcase = catalogue.showcase
    buffer = io.BytesIO()
    document = _Document(buffer, pagesize=A4, title=f"Catalogue OCOP: {showcase.name}", author="OCOP Market",
                         leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=16 * mm,
                         initialFontName=fonts.REGULAR)
    frame = Frame(MARGIN, 16 * mm, A4[0] - 2 * MARGIN, A4[1] - MARGIN - 16 * mm, id="body")
    document.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=_footer(showcase.name))])

    story: list[Flowable] = [Spacer(1, 60 * mm), Paragraph("Catalogue sản phẩm OCOP", styles["title"]),
                             Paragraph(escape(showcase.name), styles["subtitle"])]
    if showcase.name_en:
        story.append(Paragraph(escape(showcase.name_en), styles["subtitle"]))
    description = plain_text(showcase.description)
    if description:
        story += [Spacer(1, 8 * mm), Paragraph(escape(description), styles["centre"])]
    story += [Spacer(1, 12 * mm),
              Paragraph(f"{len(catalogue.entries)} sản phẩm · lập ngày {today:%d/%m/%Y}", styles["centre"]),
              Paragraph(escape(catalogue.showcase_url), styles["centre"]), PageBreak()]

    ordered = sorted(catalogue.entries, key=lambda e: _GROUP_ORDER.get(e.group_slug, len(_GROUP_ORDER)))
    sections = [list(members) for _slug, members in groupby(ordered, key=lambda e: e.group_slug)]
    story.append(Paragraph("Mục lục", styles["contents"]))
    titles = [f"{items[0].group or 'Khác'} ({len(items)})" for items in sections]
    story.extend(ContentsLine(title, f"section-{i}", frame.width) for i, title in enumerate(titles))
    story.append(PageBreak())
    for i, (title, items) in enumerate(zip(titles, sections, strict=True)):
        blocks = [_product(entry, photos, styles) for entry in items]
        # the section's mark, heading and first product stay on one page: the contents name that page
        story.append(KeepTogether([SectionStart(f"section-{i}"), Paragraph(escape(title), styles["group"]), blocks[0]]))
        story.extend(blocks[1:])
    if not catalogue.entries:
        story.append(Paragraph("Trưng bày này hiện không có sản phẩm nào đang bán.", styles["base"]))
    document.build(story)
    return buffer.getvalue()

