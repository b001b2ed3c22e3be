"""Building annex files for the tests: workbooks with openpyxl, CSV as bytes."""

import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from catalog_sync.importers import ParsedAnnex

HEADER = ("TT", "Tên sản phẩm", "Chủ thể sản xuất", "Xã/phường", "Tỉnh", "Hạng sao", "Nhóm sản phẩm")
GOOD_ROWS = [
    (1, "Mật ong rừng U Minh", "HTX Ong mật U Minh", "xã Khánh An", "Cà Mau", "4 sao", "Thực phẩm"),
    (2, "Rượu cần Lạc Dương", "Hộ kinh doanh K'Brel", "xã Lát", "Lâm Đồng", "3 sao", "Đồ uống"),
]
TITLE = (
    "DANH SÁCH SẢN PHẨM OCOP ĐƯỢC CÔNG NHẬN",
    "Ban hành kèm theo Quyết định số 2417/QĐ-UBND ngày 12/11/2024 của UBND tỉnh Lâm Đồng",
)


def xlsx(
    path: Path,
    rows: Iterable[Sequence[Any]],
    *,
    title: Sequence[str] = TITLE,
    header: Sequence[str] | None = HEADER,
    merge_title: bool = True,
    merges: Iterable[str] = (),
    sheet_title: str = "Phụ lục",
    extra_sheets_before: Sequence[tuple[str, Sequence[Sequence[Any]]]] = (),
) -> Path:
    """A workbook whose first sheet(s) may hold other tables, then the annex: title rows
    (merged across the header width), the header row and ``rows``."""
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    sheets = []
    for name, sheet_rows in extra_sheets_before:
        sheet = workbook.create_sheet(name)
        for row in sheet_rows:
            sheet.append(list(row))
        sheets.append(sheet)
    annex = workbook.create_sheet(sheet_title)
    workbook.remove(first)
    width = len(header) if header else 7
    for number, text in enumerate(title, start=1):
        annex.append([text])
        if merge_title:
            annex.merge_cells(start_row=number, start_column=1, end_row=number, end_column=width)
    if header is not None:
        annex.append(list(header))
    for row in rows:
        annex.append(list(row))
    for cell_range in merges:
        annex.merge_cells(cell_range)
    workbook.save(path)
    return path


def csv_bytes(lines: Iterable[str], encoding: str = "utf-8", newline: str = "\r\n") -> bytes:
    return newline.join(lines).encode(encoding) + newline.encode(encoding)


def accounted(result: ParsedAnnex) -> bool:
    """Every data row is in exactly one of rows / rejected / skipped."""
    accepted = [row.row for row in result.rows]
    rejected = result.rejected_row_numbers
    skipped = [row for skip in result.skipped for row in range(skip.row, skip.row + skip.rows)]
    together = accepted + rejected + skipped
    return len(together) == len(set(together)) == result.total_rows


def reasons(result: ParsedAnnex) -> list[tuple[int, str, str]]:
    return [(r.row, r.field, r.reason) for r in result.rejected]


def skips(result: ParsedAnnex) -> list[tuple[int, str]]:
    return [(s.row, s.reason) for s in result.skipped]


def cp1258(text: str) -> bytes:
    """Windows-1258 bytes the way Vietnamese Windows writes them: base letters that the code
    page has (ê, ơ, ư, ă, đ ...) precomposed, tone marks as separate combining bytes."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", char)
        base, marks = decomposed[0], decomposed[1:]
        for mark in marks:  # ặ = a + dot below + breve -> ă + dot below
            composed = unicodedata.normalize("NFC", base + mark)
            if len(composed) == 1 and _encodable(composed):
                base, marks = composed, marks.replace(mark, "", 1)
                break
        out += (base + marks).encode("cp1258")
    return bytes(out)


def _encodable(text: str) -> bool:
    try:
        text.encode("cp1258")
    except UnicodeEncodeError:
        return False
    return True
