"""A bounded, streaming reader for the cell values of an XLSX workbook.

openpyxl builds several objects per cell and, even in read-only mode, reads the shared
strings, the styles and (when a sheet does not state its size) a whole worksheet into
memory before the first row is seen: a 1 MB workbook holding one 1 GiB cell takes it past
9 GB. This reader parses the same XML parts with expat, chunk by chunk, and checks the
bounds of ``ReadBounds`` before spending the memory: the uncompressed size of every part it
opens (the archive states it, and zipfile never yields more), the characters of every text,
the last row and column, and the cells read. Values are those of openpyxl's
``iter_rows(values_only=True)`` with ``data_only=True`` (formulas give their cached value);
only openpyxl's public helpers for dates and number formats are used.
"""

import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import IO, Any
from xml.parsers import expat

from openpyxl.styles.numbers import builtin_format_code, is_date_format
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel, from_ISO8601

from .bounds import FileTooLarge, ReadBounds, column_name, megabytes
from .model import AnnexReadError

_CHUNK = 256 * 1024
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"[A-Z]+\d+(?::[A-Z]+(\d+))?\"")

Row = tuple[int, tuple[Any, ...]]


@dataclass(frozen=True)
class Sheet:
    title: str
    path: str


class Workbook:
    """The sheets, shared strings, date styles and epoch of an open XLSX archive."""

    def __init__(self, archive: zipfile.ZipFile, bounds: ReadBounds) -> None:
        self.archive = archive
        self.bounds = bounds
        infos = archive.infolist()
        if len(infos) > bounds.parts:
            raise FileTooLarge(f"the workbook holds {len(infos):,} parts; at most {bounds.parts:,} are read")
        self.sizes = {info.filename: info.file_size for info in infos}
        self.opened: set[str] = set()
        workbook_path = self._office_document()
        self.sheets, self.epoch, rels = self._workbook(workbook_path)
        base = posixpath.dirname(workbook_path)
        self.shared: list[str] = []
        self.date_styles: frozenset[int] = frozenset()
        for kind, target in rels.values():
            path = _resolve(base, target)
            if kind.endswith("/sharedStrings") and path in self.sizes:
                self.shared = self._shared_strings(path)
            elif kind.endswith("/styles") and path in self.sizes:
                self.date_styles = self._date_styles(path)

    # -- parts -------------------------------------------------------------------------

    def open_part(self, path: str, limit: int, what: str) -> IO[bytes]:
        size = self.sizes.get(path)
        if size is None:
            raise AnnexReadError(f"the .xlsx workbook is damaged: its part {path} is missing")
        if size > limit:
            raise FileTooLarge(f"{what} unpacks to {megabytes(size)}; at most {megabytes(limit)} is read")
        if path not in self.opened:
            self.opened.add(path)
            total = sum(self.sizes[opened] for opened in self.opened)
            if total > self.bounds.total_bytes:
                raise FileTooLarge(
                    f"the workbook's parts read up to {what} unpack to {megabytes(total)}; "
                    f"at most {megabytes(self.bounds.total_bytes)} is read"
                )
        return self.archive.open(path)

    def _parse(self, path: str, limit: int, what: str, start: Any, end: Any = None, chars: Any = None) -> None:
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.buffer_text = True
        parser.StartElementHandler = start
        if end is not None:
            parser.EndElementHandler = end
        if chars is not None:
            parser.CharacterDataHandler = chars
        with self.open_part(path, limit, what) as source:
            while chunk := source.read(_CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)

    def _office_document(self) -> str:
        found: list[str] = []

        def start(tag: str, attrs: dict[str, str]) -> None:
            if tag.endswith(" Relationship") and attrs.get("Type", "").endswith("/officeDocument"):
                found.append(attrs.get("Target", ""))

        if "_rels/.rels" in self.sizes:
            self._parse("_rels/.rels", self.bounds.part_bytes, "the package relationships", start)
        path = _resolve("", found[0]) if found else "xl/workbook.xml"
        if path not in self.sizes:
            raise AnnexReadError("this is a ZIP archive but not an Excel workbook (.xlsx): save the list as .xlsx")
        return path

    def _workbook(self, path: str) -> tuple[list[Sheet], datetime, dict[str, tuple[str, str]]]:
        named: list[tuple[str, str]] = []
        epoch = [CALENDAR_WINDOWS_1900]

        def start(tag: str, attrs: dict[str, str]) -> None:
            local = tag.rpartition(" ")[2]
            if local == "sheet":
                named.append((attrs.get("name", ""), attrs.get(f"{_REL} id", "")))
            elif local == "workbookPr" and attrs.get("date1904", "").lower() in ("1", "true"):
                epoch[0] = CALENDAR_MAC_1904

        self._parse(path, self.bounds.part_bytes, "the workbook part", start)
        rels: dict[str, tuple[str, str]] = {}

        def relationship(tag: str, attrs: dict[str, str]) -> None:
            if tag.endswith(" Relationship"):
                rels[attrs.get("Id", "")] = (attrs.get("Type", ""), attrs.get("Target", ""))

        rels_path = posixpath.join(posixpath.dirname(path), "_rels", posixpath.basename(path) + ".rels")
        if rels_path in self.sizes:
            self._parse(rels_path, self.bounds.part_bytes, "the workbook relationships", relationship)
        base = posixpath.dirname(path)
        sheets = [
            Sheet(title, _resolve(base, rels[rid][1]))
            for title, rid in named
            if rid in rels and rels[rid][0].endswith("/worksheet")
        ]
        return sheets, epoch[0], rels

    def _shared_strings(self, path: str) -> list[str]:
        strings: list[str] = []
        texts: list[str] = []
        state = {"phonetic": 0, "in_t": False, "chars": 0}
        limit = self.bounds.cell_chars
        most = self.bounds.cells

        def start(tag: str, attrs: dict[str, str]) -> None:
            local = tag.rpartition(" ")[2]
            if local == "t":
                state["in_t"] = not state["phonetic"]
            elif local == "rPh":
                state["phonetic"] += 1
            elif local == "si":
                texts.clear()
                state["chars"] = 0

        def end(tag: str) -> None:
            local = tag.rpartition(" ")[2]
            if local == "t":
                state["in_t"] = False
            elif local == "rPh":
                state["phonetic"] -= 1
            elif local == "si":
                if len(strings) >= most:
                    raise FileTooLarge(f"the workbook holds more than {most:,} shared texts")
                strings.append("".join(texts).replace("x005F_", ""))

        def chars(data: str) -> None:
            if state["in_t"]:
                state["chars"] += len(data)
                if state["chars"] > limit:
                    raise FileTooLarge(_long_cell(f"shared text {len(strings) + 1:,}", limit))
                texts.append(data)

        self._parse(path, self.bounds.shared_strings_bytes, "the shared texts (sharedStrings.xml)", start, end, chars)
        return strings

    def _date_styles(self, path: str) -> frozenset[int]:
        custom: dict[int, str] = {}
        formats: list[int] = []
        depth = {"cellXfs": False}

        def start(tag: str, attrs: dict[str, str]) -> None:
            local = tag.rpartition(" ")[2]
            if local == "numFmt":
                custom[_int(attrs.get("numFmtId"))] = attrs.get("formatCode", "")
            elif local == "cellXfs":
                depth["cellXfs"] = True
            elif local == "xf" and depth["cellXfs"]:
                formats.append(_int(attrs.get("numFmtId")))

        def end(tag: str) -> None:
            if tag.endswith("cellXfs"):
                depth["cellXfs"] = False

        self._parse(path, self.bounds.part_bytes, "the styles part", start, end)
        return frozenset(
            index
            for index, number in enumerate(formats)
            if is_date_format(custom[number] if number in custom else builtin_format_code(number))
        )

    # -- rows --------------------------------------------------------------------------

    def declared_rows(self, sheet: Sheet) -> int:
        """The last row the sheet says it uses (0 when it does not say); for progress only."""
        with self.open_part(sheet.path, self.bounds.sheet_bytes, f"sheet '{sheet.title}'") as source:
            match = _DIMENSION.search(source.read(4096))
        return int(match.group(1)) if match and match.group(1) else 0

    def rows(self, sheet: Sheet) -> Iterator[Row]:
        """(row number, cell values) for every row up to the last one stored, gaps filled
        with empty rows; FileTooLarge past a bound."""
        what = f"sheet '{sheet.title}'"
        reader = _Sheet(self.shared, self.date_styles, self.epoch, self.bounds, what)
        parser = expat.ParserCreate()
        parser.buffer_text = True
        parser.StartElementHandler = reader.start
        parser.EndElementHandler = reader.end
        parser.CharacterDataHandler = reader.chars
        expected = 1
        with self.open_part(sheet.path, self.bounds.sheet_bytes, what) as source:
            while True:
                chunk = source.read(_CHUNK)
                parser.Parse(chunk, not chunk)
                for number, cells in reader.done:
                    while expected < number:  # rows not stored are empty
                        yield expected, ()
                        expected += 1
                    if number >= expected:
                        yield number, cells
                        expected = number + 1
                reader.done.clear()
                if not chunk:
                    break


def _resolve(base: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(base, target))


def _int(text: str | None) -> int:
    try:
        return int(text or 0)
    except ValueError:
        return -1


def _long_cell(where: str, limit: int) -> str:
    return f"{where} is longer than {limit:,} characters, the most a spreadsheet cell holds"


def _column(reference: str) -> int:
    index = 0
    for char in reference:
        if "A" <= char <= "Z":
            index = index * 26 + ord(char) - 64
        else:
            break
    return index - 1


def _number(text: str) -> int | float:
    if "." in text or "E" in text or "e" in text:
        return float(text)
    return int(text)


class _Sheet:
    """expat handlers collecting finished rows into ``done``, within ``bounds``."""

    def __init__(
        self, shared: list[str], date_styles: frozenset[int], epoch: Any, bounds: ReadBounds, what: str
    ) -> None:
        self.shared = shared
        self.date_styles = date_styles
        self.epoch = epoch
        self.bounds = bounds
        self.what = what
        self.done: list[Row] = []
        self.row_number = 0
        self.cells: list[Any] = []
        self.cell_count = 0
        self.row_count = 0
        self.column = -1
        self.kind = "n"
        self.style = 0
        self.text: list[str] | None = None
        self.text_chars = 0
        self.value: list[str] = []
        self.inline: list[str] = []
        self.in_phonetic = False
        self.in_cell = False

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if ":" in tag:  # a prefixed element such as <x:c>
            tag = tag.rpartition(":")[2]
        if tag == "c":
            reference = attrs.get("r")
            self.column = _column(reference) if reference else self.column + 1
            self.kind = attrs.get("t", "n")
            self.style = _int(attrs.get("s"))
            self.value = []
            self.inline = []
            self.text_chars = 0
            self.in_cell = True
        elif tag == "v" and self.in_cell:
            self.text = self.value
        elif tag == "t" and self.in_cell and not self.in_phonetic:
            self.text = self.inline
        elif tag == "rPh":
            self.in_phonetic = True
        elif tag == "row":
            number = attrs.get("r")
            self.row_number = _int(number) if number else self.row_number + 1
            self.row_count += 1
            if self.row_number > self.bounds.rows or self.row_count > self.bounds.rows:
                raise FileTooLarge(f"{self.what} has more than {self.bounds.rows:,} rows, the most a sheet holds")
            self.cells = []
            self.column = -1

    def end(self, tag: str) -> None:
        if ":" in tag:
            tag = tag.rpartition(":")[2]
        if tag in ("v", "t"):
            self.text = None
        elif tag == "rPh":
            self.in_phonetic = False
        elif tag == "c":
            self.in_cell = False
            value = self._value()
            if value is not None:
                column = self.column
                if column >= self.bounds.columns or column < 0:
                    raise FileTooLarge(
                        f"{self.what} has a value in cell {column_name(max(column, 0))}{self.row_number}; "
                        f"at most {self.bounds.columns} columns ({column_name(self.bounds.columns - 1)}) are read"
                    )
                cells = self.cells
                if column >= len(cells):
                    self.cell_count += column + 1 - len(cells)
                    if self.cell_count > self.bounds.cells:
                        raise FileTooLarge(f"{self.what} holds more than {self.bounds.cells:,} cells")
                    cells.extend([None] * (column + 1 - len(cells)))
                cells[column] = value
        elif tag == "row":
            self.done.append((self.row_number, tuple(self.cells)))

    def chars(self, data: str) -> None:
        if self.text is not None:
            self.text_chars += len(data)
            if self.text_chars > self.bounds.cell_chars:
                where = f"cell {column_name(max(self.column, 0))}{self.row_number} of {self.what}"
                raise FileTooLarge(_long_cell(where, self.bounds.cell_chars))
            self.text.append(data)

    def _value(self) -> Any:
        kind = self.kind
        if kind == "inlineStr":
            return "".join(self.inline) if self.inline else None
        text = "".join(self.value)
        if not text:
            return None
        if kind == "n":
            try:
                number = _number(text)
            except ValueError:
                return text
            if self.style in self.date_styles:
                try:
                    return from_excel(number, self.epoch)
                except (OverflowError, ValueError):
                    return "#VALUE!"
            return number
        if kind == "s":
            index = _int(text)
            return self.shared[index] if 0 <= index < len(self.shared) else None
        if kind == "b":
            return text in ("1", "true")
        if kind == "d":
            try:
                return from_ISO8601(text)
            except ValueError:
                return text
        return text  # "str" (formula result) and "e" (error such as #N/A)
