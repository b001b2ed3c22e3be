"""Parsing a published OCOP recognition list (annex) into accepted, rejected and skipped rows.

Plain Python: nothing here touches a database. Every row below the header ends up in
exactly one of ``rows``, ``rejected`` (one entry per problem, so a row may appear several
times) or ``skipped``; blank rows after the last non-blank row are not counted.
"""

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, BinaryIO

from catalog_sync.domain.groups import ProductGroup, ProductSet, match_group, match_set
from catalog_sync.domain.limits import (
    ADDRESS_MAX_LENGTH,
    DECISION_NUMBER_MAX_LENGTH,
    ISSUER_MAX_LENGTH,
    PRODUCER_NAME_MAX_LENGTH,
    PRODUCT_NAME_MAX_LENGTH,
    PROVINCE_AS_WRITTEN_MAX_LENGTH,
)
from catalog_sync.domain.producers import organisation_type_from_name
from catalog_sync.domain.provinces import Province, resolve_province
from catalog_sync.domain.stars import stars_from_score
from catalog_sync.domain.text import format_characters, match_key, normalize_text

from . import columns as c
from .bounds import DEFAULT_BOUNDS, ReadBounds, column_name
from .model import AnnexRow, ParsedAnnex, Rejection, Skip
from .readers import Cells, Table, open_table
from .row_checks import NUL, blank_run, check_length, check_term, has_nul, nul_columns
from .sections import (
    Section,
    classify_heading,
    is_enumerator_cell,
    is_note,
    is_subtotal,
    strip_enumerator,
)
from .values import cell_text, find_decision, parse_date, parse_score, parse_stars, quoted

Texts = tuple[str, ...]

PROGRESS_EVERY = 500
NO_DECISION_DATE = "no decision date in the row, the title or --decision-date"

_resolve_province = lru_cache(maxsize=512)(resolve_province)
_match_group = lru_cache(maxsize=512)(match_group)
_match_set = lru_cache(maxsize=1024)(match_set)
_organisation_type = lru_cache(maxsize=8192)(organisation_type_from_name)
_match_key = lru_cache(maxsize=8192)(match_key)
_parse_stars = lru_cache(maxsize=256, typed=True)(parse_stars)  # ValueErrors are not cached
_CACHE_LIMIT = 50_000
_CACHED_CHARS = 200  # longer texts are not remembered: a hostile file could fill memory with them
_FIELD_LABELS = {c.PRODUCT_NAME: "product name", c.PRODUCER: "producer name", c.ISSUER: "issuing authority"}


def _key(text: str) -> str:
    return _match_key(text) if len(text) <= _CACHED_CHARS else match_key(text)


def parse_annex(
    source: str | os.PathLike[str] | BinaryIO,
    *,
    filename: str | None = None,
    decision_no: str | None = None,
    decision_date: date | None = None,
    progress: Callable[[int, int], None] | None = None,
    bounds: ReadBounds = DEFAULT_BOUNDS,
) -> ParsedAnnex:
    """Read an XLSX or CSV recognition list; AnnexReadError if the file cannot be read.

    ``decision_no`` / ``decision_date`` override what the title rows say; a row's own
    decision columns override both. ``progress(done, total)`` is called every
    PROGRESS_EVERY rows and at the end (``total`` is an estimate until the end). A file over
    one of ``bounds`` is refused with ``FileTooLarge`` (an AnnexReadError).
    """
    table = open_table(source, c.find_header, bounds)
    try:
        title = "\n".join(text for _, cells in table.title_rows for text in map(cell_text, cells) if text)
        title_no, title_date, title_issuer = find_decision(title)
        result = ParsedAnnex(
            file=filename or _name_of(source),
            decision_no=normalize_text(decision_no) if decision_no else title_no,
            decision_date=decision_date or title_date,
            issuer=title_issuer,
        )
        _Parser(table, result, progress).run()
    finally:
        table.close()
    return result


def _name_of(source: object) -> str:
    if isinstance(source, str | os.PathLike):
        return os.fspath(source)
    name = getattr(source, "name", None)
    return name if isinstance(name, str) else "<upload>"


@dataclass
class _Context:
    """What the section headings above the current row said."""

    group: ProductGroup | None = None
    product_set: ProductSet | None = None
    stars: int | None = None
    province: str | None = None

    def enter(self, section: Section) -> None:
        if section.group is not None:
            self.group = section.group
            self.product_set = section.product_set
        elif section.product_set is not None:
            self.product_set = section.product_set
        if section.stars is not None:
            self.stars = section.stars
        if section.province is not None:
            self.province = section.province


class _Parser:
    def __init__(self, table: Table, result: ParsedAnnex, progress: Callable[[int, int], None] | None) -> None:
        self.table = table
        self.header = table.header
        self.result = result
        self.progress = progress
        self.context = _Context()
        self.seen: dict[tuple[str, str, str], int] = {}  # accepted (product, producer, province) -> row
        self.header_product = self.header.texts[self.header.columns[c.PRODUCT_NAME]]
        self.text_cache: dict[str, str] = {}

    def run(self) -> None:
        first_blank = last_blank = 0  # a run of blank rows, counted only if a non-blank row follows
        for number, cells in self.table.rows:
            texts = tuple(map(self._cell_text, cells)) if cells else ()
            if not any(texts) and not (cells and has_nul(cells)):
                if not first_blank:
                    first_blank = number
                last_blank = number
                continue
            if first_blank:
                self._count(blank_run(first_blank, last_blank))
                first_blank = 0
            self._count(self._examine(number, cells, texts))
        if self.progress is not None:
            self.progress(self.result.total_rows, self.result.total_rows)

    def _cell_text(self, value: object) -> str:
        """cell_text, remembered for values that repeat (provinces, groups, star levels)."""
        if not isinstance(value, str):
            return cell_text(value)
        cache = self.text_cache
        text = cache.get(value)
        if text is None:
            text = cell_text(value)
            if len(cache) < _CACHE_LIMIT and len(value) <= _CACHED_CHARS:
                cache[value] = text
        return text

    def _count(self, outcome: AnnexRow | Skip | list[Rejection]) -> None:
        result = self.result
        if isinstance(outcome, AnnexRow):
            result.rows.append(outcome)
        elif isinstance(outcome, Skip):
            result.skipped.append(outcome)
        else:
            result.rejected.extend(outcome)
        before = result.total_rows
        result.total_rows += outcome.rows if isinstance(outcome, Skip) else 1
        if self.progress is not None and result.total_rows // PROGRESS_EVERY > before // PROGRESS_EVERY:
            self.progress(result.total_rows, max(self.table.estimated_rows, result.total_rows))

    # --- what kind of row -----------------------------------------------------------------

    def _text(self, texts: Texts, name: str) -> str:
        index = self.header.columns.get(name)
        if index is None or index >= len(texts):
            return ""
        return texts[index]

    def _value(self, cells: Cells, name: str) -> Any:
        index = self.header.columns.get(name)
        if index is None or index >= len(cells):
            return None
        value = cells[index]
        return None if isinstance(value, str) and not value.strip() else value

    def _examine(self, number: int, cells: Cells, texts: Texts) -> AnnexRow | Skip | list[Rejection]:
        if has_nul(cells):
            return [Rejection(number, self._field_of(index), NUL) for index in nul_columns(cells)]
        product = self._text(texts, c.PRODUCT_NAME)
        producer = self._text(texts, c.PRODUCER)
        row_no = self._text(texts, c.ROW_NO)
        filled = [text for text in texts if text]
        if c.is_column_numbering_row(filled):
            return Skip(number, "column numbering row")
        if product == self.header_product and c.is_label_row(filled):
            return Skip(number, "repeated header row")
        if producer and self._text(texts, c.STARS):  # the common case: a product row
            return self._product_row(number, cells, texts)
        wordy = [text for text in filled if any(ch.isalpha() for ch in text)]
        if not wordy:
            return Skip(number, "no product data in the row (numbers only)")
        first_words = [text for text in wordy if not is_enumerator_cell(text)][:1]
        if first_words and is_subtotal(first_words[0]):
            return Skip(number, f"subtotal row '{' '.join(filled)}'")
        if producer:
            return self._product_row(number, cells, texts)
        heading_cells = [t for t in wordy if not (t == row_no and is_enumerator_cell(t))]
        heading, enumerated = strip_enumerator(" ".join(heading_cells))
        enumerated = enumerated or is_enumerator_cell(row_no)
        if is_note(heading):
            return Skip(number, f"note row {quoted(heading)}")
        numbered = row_no.isdigit()  # a product's row number, not a section's I / A
        if not (numbered and len(heading_cells) > 1):
            section = classify_heading(heading, enumerated, self.context.group, keyword_only=numbered)
            if section is not None:
                self.context.enter(section)
                return Skip(number, section.reason)
        if (product or numbered) and (numbered or self._has_data_besides_product(texts)):
            return self._product_row(number, cells, texts)
        return Skip(number, f"not a product row: {quoted(heading)}")

    def _field_of(self, index: int) -> str:
        """The field a column holds, as rejections name it ("column H" when unmapped)."""
        for name, column in self.header.columns.items():
            if column == index:
                return name
        if index in self.header.address_columns:
            return "address"
        return f"column {column_name(index)}"

    def _has_data_besides_product(self, texts: Texts) -> bool:
        others = set(self.header.columns.values()) | set(self.header.address_columns)
        others -= {self.header.columns[c.PRODUCT_NAME], self.header.columns.get(c.ROW_NO)}
        return any(index < len(texts) and texts[index] for index in others)

    # --- a product row --------------------------------------------------------------------

    def _product_row(self, number: int, cells: Cells, texts: Texts) -> AnnexRow | list[Rejection]:
        product = self._text(texts, c.PRODUCT_NAME)
        producer = self._text(texts, c.PRODUCER)
        problems: list[Rejection] = []

        def reject(field: str, reason: str) -> None:
            problems.append(Rejection(number, field, reason))

        if not product:
            reject("product_name", "product name is missing")
        if not producer:
            reject("producer", "producer is missing")
        check_length(product, "product_name", "product name", PRODUCT_NAME_MAX_LENGTH, reject, key=True)
        check_length(producer, "producer", "producer name", PRODUCER_NAME_MAX_LENGTH, reject, key=True)

        score: float | None = None
        raw_score = self._value(cells, c.SCORE)
        score_problem = None
        if raw_score is not None:
            try:
                score = parse_score(raw_score)
            except ValueError as error:
                score_problem = str(error)

        stars = self._stars(cells, score, reject)
        if score_problem:
            reject("score", score_problem)

        decision_no, decision_date = self._decision(cells, texts, reject)
        check_length(decision_no or "", "decision_no", "decision number", DECISION_NUMBER_MAX_LENGTH, reject)
        valid_until = self._date(cells, c.VALID_UNTIL, "valid_until", reject)
        if valid_until and decision_date and valid_until < decision_date:
            reject(
                "valid_until",
                f"last valid day {valid_until:%d/%m/%Y} is before the decision date {decision_date:%d/%m/%Y}",
            )
        check_term(decision_date, valid_until, reject)
        province_as_written, province = self._province(texts, reject)
        check_length(province_as_written or "", "province", "province", PROVINCE_AS_WRITTEN_MAX_LENGTH, reject)
        address = self._address(texts)
        check_length(address or "", "address", "address", ADDRESS_MAX_LENGTH, reject)
        issuer = self._text(texts, c.ISSUER) or self.result.issuer
        check_length(issuer or "", "issuer", "issuing authority", ISSUER_MAX_LENGTH, reject)

        # the registry's identity of a product: its name and its producer's (name, current province)
        key = (match_key(product), _key(producer), province.slug if province else "")
        if product and producer and key in self.seen:
            reject("row", f"duplicate of row {self.seen[key]}")
        if problems:
            return problems
        self.seen[key] = number
        group = self._group(texts)
        return AnnexRow(
            row=number,
            product_name=product,
            producer=producer,
            stars=stars or 0,
            group_slug=group.slug if group else None,
            set_slug=self._set_slug(texts, group),
            province_as_written=province_as_written,
            province_slug=province.slug if province else None,
            address=address,
            organisation_type=_organisation_type(producer).value,
            score=score,
            decision_no=decision_no,
            decision_date=decision_date,
            valid_until=valid_until,
            issuer=issuer,
            notes=self._notes(cells),
        )

    def _notes(self, cells: Cells) -> tuple[str, ...]:
        notes = []
        for name in (c.PRODUCT_NAME, c.PRODUCER, c.ISSUER):
            raw = self._value(cells, name)
            found = format_characters(raw) if isinstance(raw, str) and not raw.isascii() else []
            if found:
                label = _FIELD_LABELS.get(name, name)
                notes.append(f"invisible formatting characters removed from the {label}: {', '.join(found)}")
        return tuple(notes)

    def _stars(self, cells: Cells, score: float | None, reject: Callable[[str, str], None]) -> int | None:
        raw = self._value(cells, c.STARS)
        if raw is None and self.context.stars is not None:
            raw = self.context.stars
        if raw is None and score is not None:
            raw = stars_from_score(score)
        if raw is None:
            reject("stars", "star level is missing")
            return None
        try:
            stars = _parse_stars(raw)
        except ValueError as error:
            reject("stars", str(error))
            return None
        if score is not None and stars_from_score(score) != stars:
            expected = stars_from_score(score)
            reject("stars", f"{stars}★ does not match the score {score:g}, which is {expected}★")
            return None
        return stars

    def _date(self, cells: Cells, name: str, field: str, reject: Callable[[str, str], None]) -> date | None:
        raw = self._value(cells, name)
        if raw is None:
            return None
        try:
            return parse_date(raw, self.table.epoch)
        except ValueError as error:
            reject(field, str(error))
            return None

    def _decision(
        self, cells: Cells, texts: Texts, reject: Callable[[str, str], None]
    ) -> tuple[str | None, date | None]:
        number_text = self._text(texts, c.DECISION_NO)
        number, date_in_number = find_decision(number_text)[:2] if number_text else (None, None)
        number = number or number_text or self.result.decision_no
        raw_date = self._value(cells, c.DECISION_DATE)
        if raw_date is not None:
            try:
                return number, parse_date(raw_date, self.table.epoch)
            except ValueError as error:
                reject("decision_date", str(error))
                return number, None
        decision_date = date_in_number or self.result.decision_date
        if decision_date is None:
            reject("decision_date", NO_DECISION_DATE)
        return number, decision_date

    def _province(self, texts: Texts, reject: Callable[[str, str], None]) -> tuple[str | None, Province | None]:
        as_written = self._text(texts, c.PROVINCE) or self.context.province
        current = self._text(texts, c.PROVINCE_CURRENT)
        candidates = [text for text in (current, as_written) if text]
        for text in candidates:
            province = _resolve_province(text)
            if province is not None:
                return as_written or None, province
        if candidates:
            reject("province", f"unknown province {quoted(candidates[0])}")
        return as_written or None, None

    def _address(self, texts: Texts) -> str | None:
        parts: list[str] = []
        for index in self.header.address_columns:
            text = texts[index] if index < len(texts) else ""
            if text and not any(match_key(text) in match_key(part) for part in parts):
                parts.append(text)
        return ", ".join(parts) or None

    def _group(self, texts: Texts) -> ProductGroup | None:
        text = self._text(texts, c.GROUP)
        return (_match_group(text) if text else None) or self.context.group

    def _set_slug(self, texts: Texts, group: ProductGroup | None) -> str | None:
        for text in (self._text(texts, c.SET), self._text(texts, c.GROUP)):
            if text:
                product_set = _match_set(text, group)
                if product_set is not None:
                    return product_set.slug
        context_set = self.context.product_set
        if context_set is not None and (group is None or context_set.group_slug == group.slug):
            return context_set.slug
        return None
