"""A fast streaming reader for the cell values of one worksheet.

openpyxl's read-only mode builds a dictionary and several objects per cell and reads a
20,000-row annex in about 6 s on a small machine. This reader parses the same worksheet
XML with expat and gives the same values as ``iter_rows(values_only=True)`` (data_only:
formulas give their cached value) in a fraction of the time. It reuses what
``load_workbook(read_only=True)`` already read: the shared strings, the styles that are
dates and the date epoch. If those are not where openpyxl 3.1 keeps them,
``worksheet_rows`` returns None and the caller falls back to openpyxl.
"""

from collections.abc import Iterator
from typing import Any
from xml.parsers import expat

from openpyxl.utils.datetime import from_excel, from_ISO8601

_CHUNK = 256 * 1024


def worksheet_rows(workbook: Any, sheet: Any) -> Iterator[tuple[int, tuple[Any, ...]]] | None:
    """(row number, cell values) for every row up to the last one stored, gaps filled with
    empty rows; None when openpyxl's internals are not as expected."""
    try:
        archive = workbook._archive
        path = sheet._worksheet_path
        shared = sheet._shared_strings
        date_styles = frozenset(workbook._date_formats)
        epoch = workbook.epoch
    except AttributeError:  # pragma: no cover - another openpyxl version
        return None
    return _rows(archive, path, shared, date_styles, epoch)


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
    """expat handlers collecting finished rows into ``done``."""

    def __init__(self, shared: Any, date_styles: frozenset[int], epoch: Any) -> None:
        self.shared = shared
        self.date_styles = date_styles
        self.epoch = epoch
        self.done: list[tuple[int, tuple[Any, ...]]] = []
        self.row_number = 0
        self.cells: list[Any] = []
        self.column = -1
        self.kind = "n"
        self.style = 0
        self.text: list[str] | None = None
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
            self.style = int(attrs.get("s", 0) or 0)
            self.value = []
            self.inline = []
            self.in_cell = True
        elif tag == "v" and self.in_cell:
            self.text = self.value
        elif tag == "t" and self.in_cell and not self.in_phonetic:
            self.text = self.inline
        elif tag == "rPh":
            self.in_phonetic = True
        elif tag == "row":
            number = attrs.get("r")
            self.row_number = int(number) if number else self.row_number + 1
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
                while len(self.cells) <= self.column:
                    self.cells.append(None)
                self.cells[self.column] = value
        elif tag == "row":
            self.done.append((self.row_number, tuple(self.cells)))

    def chars(self, data: str) -> None:
        if self.text is not None:
            self.text.append(data)

    def _value(self) -> Any:
        kind = self.kind
        if kind == "inlineStr":
            return "".join(self.inline) if self.inline else None
        text = "".join(self.value)
        if not text:
            return None
        if kind == "n":
            number = _number(text)
            if self.style in self.date_styles:
                try:
                    return from_excel(number, self.epoch)
                except (OverflowError, ValueError):
                    return "#VALUE!"
            return number
        if kind == "s":
            return self.shared[int(text)]
        if kind == "b":
            return bool(int(text))
        if kind == "d":
            return from_ISO8601(text)
        return text  # "str" (formula result) and "e" (error such as #N/A)


def _rows(
    archive: Any, path: str, shared: Any, date_styles: frozenset[int], epoch: Any
) -> Iterator[tuple[int, tuple[Any, ...]]]:
    sheet = _Sheet(shared, date_styles, epoch)
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.StartElementHandler = sheet.start
    parser.EndElementHandler = sheet.end
    parser.CharacterDataHandler = sheet.chars
    expected = 1
    with archive.open(path) as source:
        while True:
            chunk = source.read(_CHUNK)
            parser.Parse(chunk, not chunk)
            for number, cells in sheet.done:
                while expected < number:  # rows not stored are empty
                    yield expected, ()
                    expected += 1
                if number >= expected:
                    yield number, cells
                    expected = number + 1
            sheet.done.clear()
            if not chunk:
                break
