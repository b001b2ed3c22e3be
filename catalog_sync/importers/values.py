"""Reading single cell values: text, star levels, dates, scores and decision references.

Each ``parse_*`` function returns the value or raises ``ValueError`` whose message is the
reason shown to staff (it quotes the value as written).
"""

import math
import re
from datetime import date, datetime, timedelta

from catalog_sync.domain.stars import is_certified
from catalog_sync.domain.text import fold, normalize_text

EXCEL_1900_EPOCH = datetime(1899, 12, 30)
# Serial numbers accepted in a date column: 1954-10-04 .. 2119-01-16. Anything else is
# more likely a typo than a date.
_SERIAL_MIN, _SERIAL_MAX = 20_000, 80_000


def cell_text(value: object) -> str:
    """A cell as normalised text ("" for an empty cell)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return normalize_text(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return normalize_text(str(value))


def quoted(value: object) -> str:
    text = cell_text(value)
    return f"'{text[:80]}…'" if len(text) > 80 else f"'{text}'"


# --- stars -------------------------------------------------------------------------------

_STAR_CHARS = "★⭐✭✮✯🌟"
_NUMBER_WORDS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "sau": 6, "bay": 7}
# "4", "04", "4.0", "4 sao", "4sao", "4*", "4 ★", "hạng 4 sao", "4 sao (cấp tỉnh)", "4 stars"
_STARS_NUMBER = re.compile(
    r"^(?:hang|xep hang|dat|dat hang)?\s*0*(\d+)(?:[.,]0+)?\s*"
    r"(?P<unit>sao|stars?|\*+|[" + _STAR_CHARS + r"])?(?P<rest>.*)$"
)
_STARS_WORD = re.compile(r"^(?:hang\s+)?(mot|hai|ba|bon|tu|nam|sau|bay)\s+sao\b")


def parse_stars(value: object) -> int:
    """A certified star level (3..5) from a cell; ValueError with the reason otherwise."""
    stars = _read_stars(value)
    if not 1 <= stars <= 5:
        raise ValueError(f"stars must be 1 to 5, got {stars}")
    if not is_certified(stars):
        raise ValueError(f"{stars}★ is not certified: OCOP certifies 3★ and above")
    return stars


def _read_stars(value: object) -> int:
    unreadable = ValueError(f"cannot read a star level from {quoted(value)}")
    if value is None or isinstance(value, bool):
        raise unreadable
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(f"stars must be a whole number 1 to 5, got {quoted(value)}")
        return int(value)
    text = cell_text(value)
    compact = "".join(text.split())
    if compact and all(ch in _STAR_CHARS + "☆" for ch in compact):
        filled = sum(1 for ch in compact if ch != "☆")
        if filled:
            return filled
        raise unreadable
    folded = fold(text)
    match = _STARS_NUMBER.match(folded)
    if match:
        rest = match.group("rest").strip()
        if not rest or (match.group("unit") and not rest[0].isdigit()):
            return int(match.group(1))
        raise unreadable
    match = _STARS_WORD.match(folded)
    if match:
        return _NUMBER_WORDS[match.group(1)]
    raise unreadable


# --- dates -------------------------------------------------------------------------------

_DMY = re.compile(r"^(?:ngay\s*)?(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_WORDS = re.compile(r"^(?:ngay\s*)?(\d{1,2})\s*thang\s*(\d{1,2})\s*(?:,\s*)?nam\s*(\d{4})$")
_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")


def parse_date(value: object, epoch: datetime = EXCEL_1900_EPOCH) -> date:
    """A date from a spreadsheet date, an Excel serial number or Vietnamese day-first text."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool) or value is None:
        raise ValueError(f"cannot read a date from {quoted(value)}")
    if isinstance(value, int | float):
        return _from_serial(value, epoch)
    text = cell_text(value)
    folded = fold(text).rstrip(".")
    if _SERIAL.match(folded):
        return _from_serial(float(folded), epoch)
    for pattern, order in ((_WORDS, "dmy"), (_DMY, "dmy"), (_ISO, "ymd")):
        match = pattern.match(folded)
        if match:
            first, second, third = (int(part) for part in match.groups())
            year, month, day = (third, second, first) if order == "dmy" else (first, second, third)
            if year < 100:
                year += 2000
            try:
                return date(year, month, day)
            except ValueError:
                raise ValueError(f"not a real date: {quoted(value)}") from None
    raise ValueError(f"cannot read a date from {quoted(value)}")


def _from_serial(number: float, epoch: datetime) -> date:
    if math.isnan(number) or not _SERIAL_MIN <= number <= _SERIAL_MAX:
        raise ValueError(f"cannot read a date from {quoted(number)}")
    return (epoch + timedelta(days=int(number))).date()


# --- score -------------------------------------------------------------------------------

_SCORE = re.compile(r"^(\d{1,3})(?:[.,](\d+))?(?:\s*(?:diem|/\s*100))?$")


def parse_score(value: object) -> float:
    """An evaluation score 0..100 ("85", "85,5", 85.5, "85 điểm")."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    else:
        match = _SCORE.match(fold(cell_text(value)))
        if not match:
            raise ValueError(f"cannot read a score from {quoted(value)}")
        number = float(f"{match.group(1)}.{match.group(2) or 0}")
    if not 0 <= number <= 100:
        raise ValueError(f"score must be 0 to 100, got {quoted(value)}")
    return number


# --- decision references in free text ---------------------------------------------------

# "1180/QĐ-UBND", "2361/QĐ-BNNMT", "123/2024/QĐ-UBND", also without the stroke on Đ.
_DECISION_NO = re.compile(r"(?<![\w/])(\d+[A-Za-z]?(?:/\d{2,4})?/(?:QĐ|QD)(?:-\w+(?:[.\-]\w+)*)?)", re.IGNORECASE)
# "Quyết định số 15/2024" when the number lacks "QĐ".
_DECISION_KEYWORD = re.compile(
    r"\b(?:quyết\s*định|quyet\s*dinh|qđ|qd)\s*(?:số|so)?\s*[:.]?\s*(\d[\w/.\-]*\w|\d)",
    re.IGNORECASE,
)
_DATE_IN_TEXT = re.compile(
    r"ngay\s*(\d{1,2}\s*thang\s*\d{1,2}\s*(?:,\s*)?nam\s*\d{4}"
    r"|\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4})"
)
_ISSUER_IN_TEXT = re.compile(
    r"\bcủa\s+((?:Ủy|Uỷ|UỶ|ỦY)\s+ban\s+nhân\s+dân|UBND|Chủ\s+tịch|Bộ|Hội\s+đồng)"
    r"([^,;()\n]*)",
    re.IGNORECASE,
)
_DATE_WINDOW = 80


def find_decision(text: str) -> tuple[str | None, date | None, str | None]:
    """(number, date, issuer) of the recognition decision mentioned in free text.

    The date is the "ngày ..." that follows the number; an impossible date there is ignored.
    Prime Minister's decisions (".../QĐ-TTg") are the legal basis cited in titles, never a
    recognition, so they are passed over. The first number followed by a date wins, else the
    first number. Missing parts are None.
    """
    text = normalize_text(text)
    found: list[tuple[str, date | None, str]] = []
    for pattern in (_DECISION_NO, _DECISION_KEYWORD):
        for match in pattern.finditer(text):
            number = match.group(1)
            if fold(number).endswith("-ttg"):
                continue
            after = text[match.end() :]
            found.append((number, _date_after(after), after))
        if found:
            break
    if not found:
        return None, None, None
    number, decision_date, after = next((f for f in found if f[1] is not None), found[0])
    issuer: str | None = None
    issuer_match = _ISSUER_IN_TEXT.search(after)
    if issuer_match:
        issuer = normalize_text(issuer_match.group(1) + issuer_match.group(2)) or None
    return number, decision_date, issuer


def _date_after(text: str) -> date | None:
    date_match = _DATE_IN_TEXT.search(fold(text[:_DATE_WINDOW]))
    if date_match is None:
        return None
    try:
        return parse_date(date_match.group(1))
    except ValueError:
        return None
