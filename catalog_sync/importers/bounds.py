"""How much of a file the importers read before refusing it.

An annex of national size has some 20,000 rows of a dozen columns; a workbook of a few
megabytes can nevertheless unpack to gigabytes (a "decompression bomb"). Every bound below is
checked while reading, before the memory is spent, and a file over one is refused with
``FileTooLarge`` naming the bound. Excel's own sheet limits (1,048,576 rows, 32,767
characters in a cell) are bounds no genuine annex exceeds.
"""

from dataclasses import dataclass
from decimal import Decimal

from .model import AnnexReadError

MEGABYTE = 1024 * 1024


class FileTooLarge(AnnexReadError):
    """The file is over one of the bounds below; the message names which."""


@dataclass(frozen=True)
class ReadBounds:
    sheet_bytes: int = 256 * MEGABYTE  # one worksheet's XML, uncompressed
    shared_strings_bytes: int = 64 * MEGABYTE  # the workbook's shared texts, uncompressed
    part_bytes: int = 16 * MEGABYTE  # any other part read (workbook, relationships, styles)
    total_bytes: int = 512 * MEGABYTE  # all the parts read, the sheets searched for a header included
    parts: int = 10_000  # entries in the archive
    cell_chars: int = 32_767  # one cell's text: Excel's own limit
    rows: int = 1_048_576  # the last row number: Excel's own limit (a CSV: its lines)
    columns: int = 256  # the last column read (A..IV); an annex uses a dozen or two
    cells: int = 10_000_000  # cell positions read across all rows, blanks between values included
    merges: int = 500_000  # ranges of cells merged down several rows


DEFAULT_BOUNDS = ReadBounds()


def size_in_megabytes(size: int) -> Decimal:
    """Megabytes rounded up to a tenth, so that a file over a bound never reads as the bound
    itself: 52_533_658 -> 50.1, 50 MB and 1 byte -> 50.1, 50 MB -> 50."""
    tenths = -(-size * 10 // MEGABYTE)
    return (Decimal(tenths) / 10).normalize() if tenths % 10 else Decimal(tenths // 10)


def megabytes(size: int) -> str:
    """A size for people: '50.1 MB' (see ``size_in_megabytes``)."""
    return f"{size_in_megabytes(size)} MB"


def column_name(index: int) -> str:
    """The spreadsheet letters of a 0-based column index: 0 -> 'A', 16_383 -> 'XFD'."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters
