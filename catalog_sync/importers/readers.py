"""Reading the cells of an annex file, XLSX or CSV, told apart by content.

``open_table`` finds the first table with a recognisable header and returns its rows as a
stream of ``(row number, cells)``; the row number is the one the spreadsheet shows (CSV: the
physical line where the record starts). Nothing here knows what a product is.
"""

import codecs
import csv
import io
import os
import re
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import datetime
from itertools import chain
from typing import IO, Any, BinaryIO

from .bounds import DEFAULT_BOUNDS, FileTooLarge, ReadBounds
from .columns import HEADER_SCAN_ROWS, Header
from .model import AnnexReadError
from .values import EXCEL_1900_EPOCH
from .xlsx_rows import Sheet, Workbook

Cells = Sequence[Any]
RawRow = tuple[int, Cells]
HeaderFinder = Callable[[Sequence[RawRow]], Header | None]

_ZIP_MAGIC = b"PK\x03\x04"
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SNIFF_BYTES = 64 * 1024
_CHUNK = 1024 * 1024
_NO_HEADER = (
    "no header row found in the first {rows} rows{where}: expected a product name column "
    "(e.g. 'Tên sản phẩm') and a producer ('Chủ thể') or star level ('Hạng sao') column"
)


@dataclass
class Table:
    """The rows after the header of the table found, streamed once."""

    header: Header
    title_rows: list[RawRow]  # the rows above the header
    rows: Iterator[RawRow]  # the rows below the header
    estimated_rows: int  # for progress; 0 when unknown
    epoch: datetime = EXCEL_1900_EPOCH
    description: str = ""
    _closers: ExitStack = field(default_factory=ExitStack)

    def close(self) -> None:
        self._closers.close()


def open_table(
    source: str | os.PathLike[str] | BinaryIO, find_header: HeaderFinder, bounds: ReadBounds = DEFAULT_BOUNDS
) -> Table:
    """Open ``source`` and return its first table with a header; AnnexReadError otherwise
    (FileTooLarge, one kind of it, when the file is over one of ``bounds``)."""
    stack = ExitStack()
    try:
        stream = _binary_stream(source, stack)
        head = stream.read(_SNIFF_BYTES)
        stream.seek(0)
        kind = _kind(head)
        if kind == "xlsx":
            table = _open_xlsx(stream, find_header, stack, bounds)
        else:
            table = _open_text(stream, head, find_header, stack, bounds)
    except BaseException:
        stack.close()
        raise
    table._closers = stack
    return table


def _binary_stream(source: str | os.PathLike[str] | BinaryIO, stack: ExitStack) -> BinaryIO:
    if isinstance(source, str | os.PathLike):
        try:
            return stack.enter_context(open(source, "rb"))
        except FileNotFoundError:
            raise AnnexReadError(f"file not found: {os.fspath(source)}") from None
        except IsADirectoryError:
            raise AnnexReadError(f"is a folder, not a file: {os.fspath(source)}") from None
        except OSError as error:
            raise AnnexReadError(f"cannot open the file: {error.strerror}") from None
    if not hasattr(source, "read"):
        raise TypeError(f"expected a path or a binary file object, got {type(source).__name__}")
    if hasattr(source, "seekable") and source.seekable():
        return source
    spool = stack.enter_context(io.BytesIO())  # an upload stream that cannot seek
    while chunk := source.read(_CHUNK):
        spool.write(chunk)
    spool.seek(0)
    return spool


def _kind(head: bytes) -> str:
    if not head.removeprefix(b"\xef\xbb\xbf").strip() or head in (b"\xff\xfe", b"\xfe\xff"):
        raise AnnexReadError("the file is empty")
    if head.startswith(_ZIP_MAGIC):
        return "xlsx"
    if head.startswith(_OLE2_MAGIC):
        raise AnnexReadError(
            "this is an old Excel 97-2003 .xls file (or a password-protected workbook): open it "
            "in Excel or LibreOffice and save it as .xlsx (Excel Workbook) without a password"
        )
    if head.startswith(b"%PDF"):
        raise AnnexReadError("this is a PDF, not a spreadsheet: the list is needed as .xlsx or .csv")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"  # UTF-16 text with a byte-order mark
    if b"\x00" in head:
        utf16 = _utf16_without_bom(head)
        if utf16:
            raise AnnexReadError(
                f"the text looks like UTF-16 without a byte-order mark ({utf16}): save it again as "
                'CSV UTF-8 (or as UTF-16 with a byte-order mark, which Excel\'s "Unicode Text" writes)'
            )
        if not _text_with_stray_nuls(head):
            raise AnnexReadError("this is not a spreadsheet or a CSV text file (it holds binary data)")
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    if start.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml")):
        raise AnnexReadError(
            "this is a web page or XML document, not a spreadsheet (files exported as .xls by "
            "some portals are web pages): open it in Excel and save it as .xlsx"
        )
    return "text"


def _text_with_stray_nuls(head: bytes) -> bool:
    """UTF-8 text with a few NUL bytes (a damaged cell): read on, and the rows holding them
    are rejected one by one."""
    if head.count(0) > max(16, len(head) // 1000):
        return False
    if head.translate(None, b"\x00\t\n\r\x0c").translate(None, bytes(range(32, 256))):
        return False  # other control bytes: binary
    try:
        codecs.getincrementaldecoder("utf-8-sig")().decode(head)
    except UnicodeDecodeError:
        return False
    return True


def _utf16_without_bom(head: bytes) -> str | None:
    """'UTF-16LE' or 'UTF-16BE' when ``head`` reads as text in that encoding: the zero bytes
    of ASCII characters all fall on one side of each pair and the whole decodes to printable text."""
    sample = head[: len(head) - len(head) % 2]
    for name, zeros in (("UTF-16LE", sample[1::2]), ("UTF-16BE", sample[0::2])):
        if zeros.count(0) < len(zeros) // 2:
            continue
        try:  # not final: the sample may end inside a pair
            text = codecs.getincrementaldecoder(name.lower().replace("utf-16", "utf-16-"))().decode(sample)
        except UnicodeDecodeError:
            continue
        if text and all(ch.isprintable() or ch in "\r\n\t" for ch in text):
            return name
    return None


# --- XLSX -------------------------------------------------------------------------------


def _open_xlsx(stream: BinaryIO, find_header: HeaderFinder, stack: ExitStack, bounds: ReadBounds) -> Table:
    try:
        archive = stack.enter_context(zipfile.ZipFile(stream))
    except zipfile.BadZipFile:
        raise AnnexReadError("the file looks like an .xlsx workbook but is damaged") from None
    titles = []
    try:
        workbook = Workbook(archive, bounds)
        for sheet in workbook.sheets:
            titles.append(sheet.title)
            table = _sheet_table(workbook, sheet, find_header)
            if table is not None:
                return table
    except AnnexReadError:
        raise
    except Exception as error:  # a damaged archive or malformed XML
        raise AnnexReadError(f"the .xlsx workbook cannot be read ({error})") from None
    where = " of any sheet (" + ", ".join(f"'{t}'" for t in titles) + ")" if titles else ""
    raise AnnexReadError(_NO_HEADER.format(rows=HEADER_SCAN_ROWS, where=where))


def _sheet_table(workbook: Workbook, sheet: Sheet, find_header: HeaderFinder) -> Table | None:
    declared_rows = workbook.declared_rows(sheet)
    rows = workbook.rows(sheet)
    first = [row for _, row in zip(range(HEADER_SCAN_ROWS), rows, strict=False)]
    header = find_header(first)
    if header is None:
        return None
    merges = _vertical_merges(workbook, sheet, header.last_row)
    below: Iterator[RawRow] = chain((row for row in first if row[0] > header.last_row), _guarded(rows))
    if merges:
        below = _fill_merged(below, merges)
    return Table(
        header=header,
        title_rows=[row for row in first if row[0] < header.first_row],
        rows=below,
        estimated_rows=max(declared_rows - header.last_row, 0),
        epoch=workbook.epoch,
        description=f"sheet '{sheet.title}'",
    )


def _guarded(rows: Iterator[RawRow]) -> Iterator[RawRow]:
    number = 0
    try:
        for number, cells in rows:
            yield number, cells
    except AnnexReadError:
        raise
    except Exception as error:
        raise AnnexReadError(
            f"the .xlsx workbook is damaged after row {number} and cannot be read on ({error})"
        ) from None


_MERGE_REF = re.compile(rb"<(?:\w+:)?mergeCell\s[^>]*?ref=\"([A-Z]+)(\d+):([A-Z]+)(\d+)\"")


def _column_index(letters: bytes) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + (letter - 64)
    return index - 1


def _vertical_merges(workbook: Workbook, sheet: Sheet, header_row: int) -> dict[int, list[tuple]]:
    """Cells merged down several rows below the header: {top row: [(column, last row)]}.

    read_only mode gives a merged range's value in its top-left cell only; a producer merged
    over the rows of its three products must reach all three. Only the first column of a
    range is filled, and ranges starting in or above the header are left alone.
    """
    merges: dict[int, list[tuple]] = {}
    found = 0
    tail = b""
    with workbook.open_part(sheet.path, workbook.bounds.sheet_bytes, f"sheet '{sheet.title}'") as xml:
        while chunk := xml.read(_CHUNK):
            data = tail + chunk
            for match in _MERGE_REF.finditer(data):
                first_col, first_row, _, last_row = match.groups()
                top, bottom = int(first_row), int(last_row)
                if bottom > top and top > header_row:
                    merges.setdefault(top, []).append((_column_index(first_col), bottom))
                    found += 1
                    if found > 2 * workbook.bounds.merges:  # each may be found twice, see below
                        raise FileTooLarge(
                            f"sheet '{sheet.title}' merges more than {workbook.bounds.merges:,} ranges of cells"
                        )
            tail = data[-256:]
            # a match wholly inside the overlap is found twice; dedupe below
    for top, spans in merges.items():
        merges[top] = sorted(set(spans))
    return merges


def _fill_merged(rows: Iterator[RawRow], merges: dict[int, list[tuple]]) -> Iterator[RawRow]:
    active: list[tuple[int, int, Any]] = []  # (column, last row, value)
    for number, cells in rows:
        active = [span for span in active if span[1] >= number]
        if active:
            filled = list(cells)
            for column, _, value in active:
                while len(filled) <= column:
                    filled.append(None)
                if filled[column] is None:
                    filled[column] = value
            cells = tuple(filled)
        for column, last in merges.get(number, ()):
            value = cells[column] if column < len(cells) else None
            if value is not None:
                active.append((column, last, value))
        yield number, cells


# --- CSV --------------------------------------------------------------------------------

_DELIMITERS = (",", ";", "\t", "|")


def _open_text(stream: BinaryIO, head: bytes, find_header: HeaderFinder, stack: ExitStack, bounds: ReadBounds) -> Table:
    encoding, lines = _encoding_and_lines(stream, head)
    if lines > bounds.rows:
        raise FileTooLarge(f"the text has {lines:,} lines; at most {bounds.rows:,} are read")
    text = io.TextIOWrapper(stream, encoding=encoding, newline="")  # type: ignore[arg-type]
    stack.callback(text.detach)  # leave the caller's stream open
    sample = text.read(_SNIFF_BYTES)
    best: tuple[int, str, Header] | None = None
    for delimiter in _DELIMITERS:
        first = list(_csv_rows(io.StringIO(sample), delimiter, limit=HEADER_SCAN_ROWS))
        header = find_header(first)
        if header is not None and (best is None or header.width > best[0]):
            best = (header.width, delimiter, header)
    if best is None:
        raise AnnexReadError(_NO_HEADER.format(rows=HEADER_SCAN_ROWS, where=""))
    _, delimiter, header = best
    text.seek(0)
    rows = _csv_rows(text, delimiter)
    title_rows: list[RawRow] = []
    for number, cells in rows:
        if number >= header.first_row:
            if number >= header.last_row:
                break
            continue
        title_rows.append((number, cells))
    name = "tab" if delimiter == "\t" else f"'{delimiter}'"
    return Table(
        header=header,
        title_rows=title_rows,
        rows=rows,
        estimated_rows=max(lines - header.last_row, 0),
        description=f"CSV text ({encoding}, {name}-separated)",
    )


def _csv_rows(text: IO[str], delimiter: str, limit: int | None = None) -> Iterator[RawRow]:
    reader = csv.reader(text, delimiter=delimiter, quotechar='"', strict=False)
    start = 1
    try:
        for count, cells in enumerate(reader):
            if limit is not None and count >= limit:
                return
            yield start, cells
            start = reader.line_num + 1
    except csv.Error as error:
        raise AnnexReadError(f"the CSV text is malformed near line {reader.line_num}: {error}") from None
    except UnicodeDecodeError as error:  # pragma: no cover - the encoding was checked first
        raise AnnexReadError(f"the text cannot be decoded: {error}") from None


def _encoding_and_lines(stream: BinaryIO, head: bytes) -> tuple[str, int]:
    """The encoding (UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1258), checked
    over the whole file, and the number of lines (for progress)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates: tuple[str, ...] = ("utf-16",)
    else:
        candidates = ("utf-8-sig", "cp1258")
    failure = ""
    for encoding in candidates:
        decoder = codecs.getincrementaldecoder(encoding)()
        stream.seek(0)
        lines = 0
        try:
            while chunk := stream.read(_CHUNK):
                lines += decoder.decode(chunk).count("\n")
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as error:
            failure = str(error)
            continue
        stream.seek(0)
        return encoding, lines + 1
    raise AnnexReadError(f"the text is neither UTF-8 nor Windows-1258 (cp1258); save it as CSV UTF-8 ({failure})")
