"""Recognising the header row of a recognition list and what each column holds."""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from catalog_sync.domain.text import match_key

from .values import cell_text

HEADER_SCAN_ROWS = 30

# Our field names. "address" and "district" both feed AnnexRow.address.
ROW_NO = "row_no"
PRODUCT_NAME = "product_name"
PRODUCER = "producer"
STARS = "stars"
SCORE = "score"
GROUP = "group"
SET = "set"
PROVINCE = "province"
PROVINCE_CURRENT = "province_current"
ADDRESS = "address"
DISTRICT = "district"
DECISION_NO = "decision_no"
DECISION_DATE = "decision_date"
VALID_UNTIL = "valid_until"
ISSUER = "issuer"
IGNORED = "ignored"  # known columns we do not use; listed so a longer name wins over a prefix

# Column names as published, with or without diacritics, any case. A name matches a cell
# exactly or as its leading words ("Tên sản phẩm OCOP" is a product name), the longest
# name winning; names in _EXACT_ONLY are too short or ambiguous to match as leading words.
# fmt: off
_ALIASES: dict[str, tuple[str, ...]] = {
    ROW_NO: ("TT", "STT", "Số TT", "Số thứ tự", "Thứ tự", "No", "#"),
    PRODUCT_NAME: (
        "Tên sản phẩm", "Sản phẩm", "Tên SP", "SP", "product_name", "Product", "Tên hàng hóa",
        "Tên hàng hoá", "Tên sản phẩm OCOP", "Sản phẩm OCOP", "Tên sản phẩm dịch vụ",
    ),
    PRODUCER: (
        "Chủ thể", "Chủ thể sản xuất", "Tên chủ thể", "Đơn vị", "Cơ sở sản xuất", "Cơ sở",
        "producer", "Đơn vị sản xuất", "Chủ thể OCOP", "Tên chủ thể sản xuất", "Tổ chức cá nhân",
        "Tên tổ chức cá nhân", "Tên đơn vị", "Nhà sản xuất", "Chủ sản phẩm",
    ),
    STARS: (
        "Hạng sao", "Số sao", "Xếp hạng", "Kết quả xếp hạng", "Sao", "star_level", "Stars",
        "Star level", "Hạng", "Phân hạng", "Kết quả phân hạng", "Xếp hạng sao", "Hạng OCOP",
        "Đạt hạng", "Số sao đạt", "Kết quả đánh giá phân hạng",
    ),
    SCORE: ("Điểm", "Tổng điểm", "score", "Số điểm", "Điểm đánh giá", "Điểm số", "Điểm chấm"),
    GROUP: (
        "Nhóm", "Nhóm sản phẩm", "Phân nhóm", "product_group_inferred", "product_group",
        "Group", "Nhóm ngành", "Ngành hàng", "Nhóm SP",
    ),
    SET: ("Bộ sản phẩm", "Bộ", "product_set", "Bộ SP", "Phân bộ"),
    PROVINCE: (
        "Tỉnh", "Tỉnh/thành phố", "Tỉnh/TP", "Tỉnh thành", "province_at_certification",
        "Province", "Tỉnh (trước sáp nhập)", "Tỉnh cũ", "Tỉnh/thành phố (trước sáp nhập)",
    ),
    PROVINCE_CURRENT: (
        "Tỉnh (sau sáp nhập)", "Tỉnh mới", "Tỉnh hiện nay", "province_after_2025_merger",
        "Tỉnh/thành phố (sau sáp nhập)", "Tỉnh/TP (sau sáp nhập)", "Current province",
        "Tỉnh/thành phố mới", "Tỉnh thành sau sáp nhập",
    ),
    ADDRESS: (
        "Địa chỉ", "Xã/phường", "Xã", "Phường", "Xã/phường/thị trấn", "commune_or_address",
        "Address", "Commune", "Địa chỉ chủ thể", "Địa chỉ sản xuất", "Địa bàn", "Xã, phường",
    ),
    DISTRICT: (
        "Huyện", "Quận/huyện", "Huyện/thị xã/thành phố", "Huyện/thị xã", "Huyện/TX/TP",
        "district_at_certification", "District",
    ),
    DECISION_NO: (
        "Số quyết định", "Quyết định", "Số QĐ", "Quyết định công nhận", "decision_no",
        "Decision", "Decision number", "QĐ công nhận", "Số hiệu quyết định", "Số, ngày quyết định",
        "Số/ngày quyết định", "Số, ngày QĐ", "Quyết định số",
    ),
    DECISION_DATE: (
        "Ngày quyết định", "Ngày ký", "Ngày công nhận", "Ngày QĐ", "Ngày ban hành", "decision_date",
        "Decision date", "Ngày ký quyết định", "Ngày cấp", "Ngày cấp giấy chứng nhận",
        "Ngày chứng nhận", "Ngày ra quyết định",
    ),
    VALID_UNTIL: (
        "Ngày hết hạn", "Hiệu lực đến", "Có giá trị đến", "Giá trị đến", "Hết hạn", "valid_until",
        "Hạn hiệu lực", "Có hiệu lực đến", "Ngày hết hiệu lực", "Expiry", "Expiry date",
        "Expires", "Thời hạn đến", "Hiệu lực đến ngày",
    ),
    ISSUER: (
        "Cơ quan công nhận", "Cấp công nhận", "certifying_body", "Cơ quan cấp", "Đơn vị công nhận",
        "Cơ quan ban hành", "Issuer", "Cấp ra quyết định", "Cấp quyết định",
    ),
    IGNORED: (
        "Đơn vị tính", "Ghi chú", "Mã sản phẩm", "Mã số", "star_inferred", "source_url", "Nguồn",
        "notes", "certification_round", "source_type", "Quy cách", "Giá", "Tình trạng",
        "Trạng thái", "Năm công nhận", "Đợt",
    ),
}
_EXACT_ONLY = {
    "tt", "stt", "so tt", "no", "sp", "bo", "xa", "phuong", "tinh", "hang", "don vi", "co so",
    "group", "decision", "product", "gia", "dot",
}
# fmt: on


def label_key(text: str) -> str:
    """match_key for column names; underscores count as spaces."""
    return match_key(text.replace("_", " "))


@cache
def _alias_table() -> tuple[dict[str, str], dict[str, str]]:
    """(every alias key -> field, the aliases that may match as leading words -> field)."""
    exact: dict[str, str] = {}
    for field_name, aliases in _ALIASES.items():
        for alias in aliases:
            exact.setdefault(label_key(alias), field_name)
    leading = {key: name for key, name in exact.items() if key not in _EXACT_ONLY}
    return exact, leading


@lru_cache(maxsize=4096)
def field_for_label(text: str) -> str | None:
    """Our field name for a column name, IGNORED for known unused columns, None if unknown."""
    key = label_key(text)
    if not key:
        return None
    exact, leading = _alias_table()
    if key in exact:
        return exact[key]
    words = key.split()
    for count in range(len(words) - 1, 0, -1):  # the longest leading alias wins
        name = leading.get(" ".join(words[:count]))
        if name is not None:
            return name
    return None


@dataclass
class Header:
    """Where the header is and which column holds which field (0-based indexes)."""

    first_row: int  # row number of the (first) header row
    last_row: int  # the same, or the next row for a two-row header
    columns: dict[str, int] = field(default_factory=dict)
    address_columns: list[int] = field(default_factory=list)  # address first, then district
    labels: dict[int, str] = field(default_factory=dict)  # column -> label key
    texts: dict[int, str] = field(default_factory=dict)  # column -> the label as written

    @property
    def width(self) -> int:
        return len(self.columns) + len(self.address_columns)

    def is_complete(self) -> bool:
        return PRODUCT_NAME in self.columns and (PRODUCER in self.columns or STARS in self.columns)

    def add_labels(self, cells: Sequence[object]) -> int:
        """Map a row of column names into the header; returns how many columns it recognised."""
        recognised = 0
        for index, value in enumerate(cells):
            text = cell_text(value)
            name = field_for_label(text) if text else None
            if name is None:
                continue
            recognised += 1
            if index in self.labels:
                continue
            self.labels[index] = label_key(text)
            self.texts[index] = text
            if name in (ADDRESS, DISTRICT):
                self.address_columns.append(index)
                self.columns.setdefault(name, index)
            elif name != IGNORED:
                self.columns.setdefault(name, index)
        district = self.columns.get(DISTRICT)
        if district in self.address_columns:  # address parts read small to large
            self.address_columns.remove(district)
            self.address_columns.append(district)
        return recognised


def is_label_row(texts: Sequence[str]) -> bool:
    """Every text (the non-empty cells of a row, normalised) is a known column name: a
    second header row or a repeated header."""
    return bool(texts) and all(field_for_label(text) is not None for text in texts)


_COLUMN_NUMBER = re.compile(r"^\(?(\d{1,2}|[A-Za-z])\)?$")


def is_column_numbering_row(texts: Sequence[str]) -> bool:
    """The "(1) (2) (3)" or "1 2 3" row some annexes put under the header (``texts``: the
    non-empty cells of the row, normalised)."""
    if len(texts) < 3 or not all(_COLUMN_NUMBER.match(text) for text in texts):
        return False
    digits = [int(text.strip("()")) for text in texts if text.strip("()").isdigit()]
    return len(digits) == len(texts) and digits == list(range(digits[0], digits[0] + len(digits)))


def find_header(rows: Sequence[tuple[int, Sequence[object]]]) -> Header | None:
    """The first row (within the first rows given) that names a product column and a producer
    or stars column. A following row made only of column names (a two-row header) adds the
    columns it names."""
    for position, (number, cells) in enumerate(rows):
        header = Header(first_row=number, last_row=number)
        if header.add_labels(cells) == 0 or PRODUCT_NAME not in header.columns:
            continue
        following = rows[position + 1] if position + 1 < len(rows) else None
        if following is not None and is_label_row(_filled(following[1])):
            header.add_labels(following[1])
            header.last_row = following[0]
        if header.is_complete():
            return header
    return None


def _filled(cells: Sequence[object]) -> list[str]:
    return [text for text in map(cell_text, cells) if text]
