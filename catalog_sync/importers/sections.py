"""Rows that are not products: section headings, subtotals and notes.

Annexes split their tables with heading rows ("I. NHÓM THỰC PHẨM", "1. Bộ sản phẩm ...",
"A. SẢN PHẨM ĐẠT 4 SAO", "Tỉnh Lâm Đồng"); a heading sets the group, set, star level or
province of the rows below it.
"""

import re
from dataclasses import dataclass
from functools import cache

from catalog_sync.domain.groups import (
    GROUPS,
    ProductGroup,
    ProductSet,
    group_by_slug,
    match_group,
    match_set,
)
from catalog_sync.domain.provinces import resolve_province
from catalog_sync.domain.text import fold, match_key

# "I.", "IV -", "A)", "1." at the start of a heading, or a whole TT cell "I", "A".
_ENUMERATOR_PREFIX = re.compile(r"^(?:[IVXLC]{1,6}|[A-Z]|\d{1,2})\s*[.):\-–]\s*")
_ENUMERATOR_CELL = re.compile(r"^(?:[IVXLC]{1,6}|[A-Z]|[a-z])\.?$")
_SUBTOTAL = re.compile(
    r"^(?:tong cong|cong tong|tong so|tong|cong|total|subtotal|sub total)"
    r"(?: \d.*| san pham.*)?$"
)
_NOTE = re.compile(r"^(?:\*|(?:ghi chu|chu thich|chu y|luu y|nguon|notes?)\b)")
_STAR_HEADING = re.compile(r"(?<!\d)([1-5]) ?(?:sao\b|\*|★)")
_STAR_HEADING_START = re.compile(r"^(?:cac )?(?:san pham|sp|hang|xep hang|nhom san pham|\d)")
_PROVINCE_START = re.compile(r"^(?:tinh|thanh pho|tp)\b")


@dataclass(frozen=True)
class Section:
    reason: str
    group: ProductGroup | None = None
    product_set: ProductSet | None = None
    stars: int | None = None
    province: str | None = None  # as written


def is_enumerator_cell(text: str) -> bool:
    """A TT cell holding a roman numeral or a letter (a section), not a row number."""
    return bool(_ENUMERATOR_CELL.match(text))


def strip_enumerator(text: str) -> tuple[str, bool]:
    """The heading text without a leading "I." / "A)" / "1." and whether there was one."""
    stripped = _ENUMERATOR_PREFIX.sub("", text, count=1)
    return stripped, stripped != text


def is_subtotal(text: str) -> bool:
    """ "Cộng", "Tổng cộng", "Tổng", "Total", "Tổng cộng: 24 sản phẩm"."""
    return bool(_SUBTOTAL.match(match_key(text)))


def is_note(text: str) -> bool:
    """ "Ghi chú: ...", "Nguồn: ...", "* ..."."""
    return bool(_NOTE.match(fold(text)))


@cache
def _group_names() -> frozenset[str]:
    return frozenset(match_key(group.name_vi) for group in GROUPS)


def classify_heading(
    text: str, enumerated: bool, current_group: ProductGroup | None, keyword_only: bool = False
) -> Section | None:
    """The section a heading row opens, or None when the text is not recognisably one.

    Without an enumerator the text must say what it is: start with "Nhóm" / "Bộ", name a
    group exactly, name a star level ("Sản phẩm 4 sao") or a province ("Tỉnh Lâm Đồng").
    A product name alone ("Mật ong") is never taken for a heading. ``keyword_only`` (a row
    with a product's row number) accepts only headings starting with "Nhóm" / "Bộ".
    """
    key = match_key(text)
    words = key.split()
    if not words or (keyword_only and words[0] not in ("bo", "nhom")):
        return None
    if words[0] == "bo":
        product_set = match_set(text, current_group) or match_set(text)
        if product_set is not None:
            return Section(
                f"product set section: {product_set.name_vi}",
                group=group_by_slug(product_set.group_slug),
                product_set=product_set,
            )
    star = _STAR_HEADING.search(key)
    if star and (enumerated or _STAR_HEADING_START.match(key)):
        return Section(f"star section: {star.group(1)}★", stars=int(star.group(1)))
    if enumerated or words[0] == "nhom" or key in _group_names():
        group = match_group(text)
        if group is not None:
            product_set = match_set(text, group)
            named = f" ({product_set.name_vi})" if product_set and len(group.sets) > 1 else ""
            return Section(f"group section: {group.name_vi}{named}", group=group, product_set=product_set)
    if enumerated or _PROVINCE_START.match(key):
        province = resolve_province(text)
        if province is not None:
            return Section(f"province section: {province.name}", province=text)
    if enumerated:
        return Section(f"section heading: '{text}'")
    return None
