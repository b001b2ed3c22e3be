"""Invisible format characters never reach a name; the issuing authority gives the decision level."""

import pytest

from catalog_sync.domain.decisions import IssuerLevel, level_from_issuer
from catalog_sync.domain.text import format_characters, match_key, normalize_text

BIDI_AND_FORMAT = [
    "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",  # embeddings and overrides
    "\u2066", "\u2067", "\u2068", "\u2069",  # isolates
    "\u200e", "\u200f", "\u061c",  # marks
    "\u200b", "\ufeff", "\u2060", "\u00ad", "\u200c", "\u200d",  # zero-width, BOM, soft hyphen
]


@pytest.mark.parametrize("char", BIDI_AND_FORMAT)
def test_normalize_text_strips_every_bidi_control_and_format_character(char):
    assert normalize_text(f"HTX {char}Thống{char} Nhất") == "HTX Thống Nhất"


def test_a_reversed_name_no_longer_displays_as_another():
    # "HTX ‮gnohT‬" displays as "HTX Thong"; stripped, it reads as stored
    assert normalize_text("HTX \u202egnohT\u202c") == "HTX gnohT"
    assert match_key("HTX \u202egnohT\u202c") == "htx gnoht"


def test_vietnamese_diacritics_and_decomposed_marks_are_kept():
    decomposed = "Đo\u0302\u0300 uo\u0302\u0301ng Hu\u031bng Ye\u0302n"
    assert normalize_text(decomposed) == "Đồ uống Hưng Yên"


def test_control_characters_are_removed_from_names():
    assert normalize_text("Mật\x00 ong\x07 rừng\x1b") == "Mật ong rừng"


def test_format_characters_names_what_is_removed_once_each():
    assert format_characters("\u202eA\u202cB\u202eC\u200b") == [
        "U+202E RIGHT-TO-LEFT OVERRIDE", "U+202C POP DIRECTIONAL FORMATTING", "U+200B ZERO WIDTH SPACE",
    ]
    assert format_characters("Mật ong rừng") == []


@pytest.mark.parametrize(
    ("issuer", "level"),
    [
        # the Ministry, in the forms the decisions use
        ("Bộ Nông nghiệp và Môi trường", IssuerLevel.CENTRAL),
        ("Bộ Nông nghiệp và Phát triển nông thôn", IssuerLevel.CENTRAL),
        ("Bộ NN&PTNT", IssuerLevel.CENTRAL),
        ("Bộ NN và PTNT", IssuerLevel.CENTRAL),
        ("BNN&PTNT", IssuerLevel.CENTRAL),
        ("Bộ trưởng Bộ Nông nghiệp và Môi trường", IssuerLevel.CENTRAL),
        ("Bo Nong nghiep va PTNT", IssuerLevel.CENTRAL),
        # districts and provinces whose names begin with "Bố", "Bộ", "Bồ", "Bù"...: never the Ministry
        ("UBND huyện Bố Trạch", IssuerLevel.DISTRICT),
        ("Ủy ban nhân dân huyện Bố Trạch", IssuerLevel.DISTRICT),
        ("UBND huyen Bo Trach", IssuerLevel.DISTRICT),
        ("Chủ tịch UBND huyện Bù Đốp", IssuerLevel.DISTRICT),
        ("UBND thị xã Bỉm Sơn", IssuerLevel.DISTRICT),
        ("UBND thành phố Bảo Lộc", IssuerLevel.DISTRICT),
        ("UBND quận Bình Thạnh", IssuerLevel.DISTRICT),
        ("UBND tỉnh Bình Định", IssuerLevel.PROVINCE),
        ("UBND tỉnh Bến Tre", IssuerLevel.PROVINCE),
        ("Chủ tịch Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu", IssuerLevel.PROVINCE),
        ("UBND thành phố Hà Nội", IssuerLevel.PROVINCE),
        ("UBND TP. Hồ Chí Minh", IssuerLevel.PROVINCE),
        # a place name alone does not say
        ("Bố Trạch", None),
        ("bo trach", None),
        ("Hội đồng đánh giá", None),
    ],
)
def test_level_from_issuer_reads_the_authority_on_the_accented_text(issuer, level):
    assert level_from_issuer(issuer) == level
