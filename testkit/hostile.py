"""Hostile annex files, built with zipfile byte by byte: decompression bombs and huge sheets.

Used by the tests and by ``benchmarks/hostile.py``, which measures memory and time on them.
Every workbook is a valid annex up to the hostile part: a title, a header row and one good
product row, so a reader that does not bound what it reads gets as far as the bomb.
"""

import zipfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}">'
    '<sheets><sheet name="Phụ lục" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)
HEADER = ("TT", "Tên sản phẩm", "Chủ thể sản xuất", "Tỉnh", "Hạng sao")
GOOD = ("1", "Mật ong rừng U Minh", "HTX Ong mật U Minh", "Cà Mau", "4 sao")
TITLE = "Ban hành kèm theo Quyết định số 2417/QĐ-UBND ngày 12/11/2024 của UBND tỉnh Lâm Đồng"
MIB = 1024 * 1024


def inline_row(number: int, values: Iterable[str]) -> str:
    cells = "".join(
        f'<c r="{chr(65 + i)}{number}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'
        for i, value in enumerate(values)
    )
    return f'<row r="{number}">{cells}</row>'


def _sheet_start() -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'
        + inline_row(1, [TITLE])
        + inline_row(2, HEADER)
        + inline_row(3, GOOD)
    )


_SHEET_END = "</sheetData></worksheet>"


class _RepeatingDeflate:
    """A deflate compressor that packs the 1 MiB ``block`` once and repeats the packed bytes.

    After a full flush deflate forgets what came before, so the block packed after one is
    always the same bytes: a gigabyte bomb is written in about a second instead of half a
    minute. zipfile still counts the size and the CRC of every byte written."""

    def __init__(self, block: bytes) -> None:
        self.real = zlib.compressobj(9, zlib.DEFLATED, -15)
        self.block = block
        fresh = zlib.compressobj(9, zlib.DEFLATED, -15)
        self.packed = fresh.compress(block) + fresh.flush(zlib.Z_FULL_FLUSH)
        self.flushed = False

    def compress(self, data: bytes) -> bytes:
        if len(data) == len(self.block) and data == self.block:
            head = b"" if self.flushed else self.real.flush(zlib.Z_FULL_FLUSH)
            self.flushed = True
            return head + self.packed
        self.flushed = False
        return self.real.compress(data)

    def flush(self, mode: int = zlib.Z_FINISH) -> bytes:
        return self.real.flush(mode)


def workbook(path: Path, sheet: Iterable[bytes], shared: Iterable[bytes] = (), repeated: bytes = b"") -> Path:
    """An XLSX whose sheet XML (and shared strings XML, if any) are streamed from chunks;
    chunks equal to ``repeated`` (1 MiB of one byte) are packed once and repeated."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        empty = [f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}"/>'.encode()]
        for name, chunks in (("xl/sharedStrings.xml", shared or empty), ("xl/worksheets/sheet1.xml", sheet)):
            with archive.open(name, "w", force_zip64=True) as part:
                if repeated:
                    part._compressor = _RepeatingDeflate(repeated)  # type: ignore[attr-defined]
                for chunk in chunks:
                    part.write(chunk)
    return path


def _block(piece: bytes) -> bytes:
    return piece * (MIB // len(piece))


def _repeat(piece: bytes, size: int) -> Iterator[bytes]:
    block = _block(piece)
    written = 0
    while written < size:
        chunk = block[: size - written]
        yield chunk
        written += len(chunk)


def huge_shared_cell(path: Path, size: int = 1 << 30) -> Path:
    """One product name of ``size`` characters, kept in the shared strings (Excel's way)."""
    shared = [f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}"><si><t>'.encode()]
    sheet = _sheet_start() + '<row r="4"><c r="A4"><v>2</v></c><c r="B4" t="s"><v>0</v></c></row>' + _SHEET_END
    chunks = (*shared, *_repeat(b"A", size), b"</t></si></sst>")
    return workbook(path, [sheet.encode()], chunks, repeated=_block(b"A"))


def huge_inline_cell(path: Path, size: int = 1 << 30) -> Path:
    """One product name of ``size`` characters written inside the sheet."""
    start = _sheet_start() + '<row r="4"><c r="A4"><v>2</v></c><c r="B4" t="inlineStr"><is><t>'
    end = b"</t></is></c></row>" + _SHEET_END.encode()
    return workbook(path, [start.encode(), *_repeat(b"A", size), end], repeated=_block(b"A"))


def wide_rows(path: Path, rows: int = 5_000_000) -> Path:
    """Rows that each hold one value in the last column Excel allows (XFD): tiny when
    compressed, a 16,384-cell list per row when read naively."""
    start = _sheet_start().encode()
    row = b'<row><c r="XFD1"><v>1</v></c></row>'
    return workbook(path, [start, *_repeat(row, rows * len(row)), _SHEET_END.encode()], repeated=_block(row))


def sheet_whitespace(path: Path, size: int = 2 << 30) -> Path:
    """``size`` bytes of whitespace between the rows of the sheet."""
    start = _sheet_start().encode()
    return workbook(path, [start, *_repeat(b" ", size), _SHEET_END.encode()], repeated=_block(b" "))


def blank_rows_then_product(path: Path, blanks: int = 1_000_000) -> Path:
    """A product row after ``blanks`` stored, empty rows (as formatted blank rows are stored)."""
    start = _sheet_start().encode()
    rows = (f'<row r="{n}" spans="1:5"/>'.encode() for n in range(4, 4 + blanks))
    last = inline_row(4 + blanks, ["2", "Trà shan tuyết", "HTX Trà Suối Giàng", "Lào Cai", "4 sao"])
    return workbook(path, [start, *_batched(rows), (last + _SHEET_END).encode()])


def _batched(pieces: Iterable[bytes], size: int = MIB) -> Iterator[bytes]:
    buffer: list[bytes] = []
    length = 0
    for piece in pieces:
        buffer.append(piece)
        length += len(piece)
        if length >= size:
            yield b"".join(buffer)
            buffer, length = [], 0
    if buffer:
        yield b"".join(buffer)
