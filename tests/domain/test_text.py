import unicodedata

import pytest

from catalog_sync.domain.text import fold, match_key, normalize_text

NFD = "NFD"


def decomposed(value: str) -> str:
    return unicodedata.normalize(NFD, value)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Trà   Vinh  ", "Trà Vinh"),
        ("Trà\u00a0Vinh", "Trà Vinh"),  # no-break space
        ("Trà\u202fVinh", "Trà Vinh"),  # narrow no-break space
        ("Tr\u200bà Vinh", "Trà Vinh"),  # zero-width space inside a word
        ("\ufeffTrà Vinh", "Trà Vinh"),  # BOM at the start of a cell
        ("Trà\u200d\u200c Vinh\u2060", "Trà Vinh"),
        ("Trà\t\n\r Vinh", "Trà Vinh"),
        ("Mật\u00adong", "Mậtong"),  # soft hyphen is invisible
        ("", ""),
        (" \u00a0\u200b ", ""),
    ],
)
def test_normalize_text_cleans_spacing_and_invisible_characters(raw, expected):
    assert normalize_text(raw) == expected


def test_normalize_text_composes_decomposed_unicode_to_nfc():
    # given a name typed on a system that stores decomposed Unicode
    raw = decomposed("Đồ uống Hưng Yên")
    assert raw != "Đồ uống Hưng Yên"
    # when normalised
    result = normalize_text(raw)
    # then it is the NFC string, code point for code point
    assert result == "Đồ uống Hưng Yên"
    assert unicodedata.is_normalized("NFC", result)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Đồ uống", "do uong"),
        ("ĐỒ UỐNG", "do uong"),
        ("Dược liệu và sản phẩm từ dược liệu", "duoc lieu va san pham tu duoc lieu"),
        ("Hoà Bình", "hoa binh"),  # old-style tone placement
        ("Hòa Bình", "hoa binh"),
        ("Đắk Lắk", "dak lak"),
        ("Sinh vật cảnh", "sinh vat canh"),
        ("  Thực\u00a0phẩm (gia vị) ", "thuc pham (gia vi)"),
        ("Công ty TNHH  Trà Vinh FARM", "cong ty tnhh tra vinh farm"),
        ("", ""),
    ],
)
def test_fold_lowercases_strips_diacritics_and_maps_d_stroke(raw, expected):
    assert fold(raw) == expected


@pytest.mark.parametrize(
    "name", ["Đồ uống", "Thừa Thiên Huế", "Bà Rịa – Vũng Tàu", "Hợp tác xã Khe Sanh"]
)
def test_fold_of_decomposed_unicode_equals_fold_of_nfc(name):
    assert fold(decomposed(name)) == fold(name)


def test_fold_keeps_punctuation_for_match_key_to_handle():
    assert fold("Thực phẩm (chè) / dược liệu?") == "thuc pham (che) / duoc lieu?"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Công ty TNHH  Trà Vinh FARM", "cong ty tnhh tra vinh farm"),
        ("cong ty tnhh tra vinh farm", "cong ty tnhh tra vinh farm"),
        ("Bà Rịa – Vũng Tàu", "ba ria vung tau"),
        ("Bà Rịa - Vũng Tàu", "ba ria vung tau"),
        ("BR-VT", "br vt"),
        ("TP.HCM", "tp hcm"),
        ("Thực phẩm (gia vị)", "thuc pham gia vi"),
        ("Nhóm 1: Thực phẩm", "nhom 1 thuc pham"),
        ("  --Rượu__trắng!!  ", "ruou trang"),  # underscore counts as a separator
        ("Nước mắm 40°N", "nuoc mam 40 n"),
        ("", ""),
        ("?!", ""),
    ],
)
def test_match_key_reduces_names_to_words_separated_by_single_spaces(raw, expected):
    assert match_key(raw) == expected


def test_match_key_treats_producer_name_variants_as_equal():
    written = [
        "Công ty TNHH  Trà Vinh FARM",
        "CÔNG TY TNHH TRÀ VINH FARM",
        decomposed("Công ty TNHH Trà Vinh FARM"),
        "Công\u00a0ty TNHH Trà Vinh FARM.",
        "Cong ty TNHH Tra Vinh Farm",
    ]
    assert {match_key(name) for name in written} == {"cong ty tnhh tra vinh farm"}


def test_match_key_keeps_different_names_different():
    assert match_key("Hà Nam") != match_key("Hà Nội")
    assert match_key("Chè tươi") != match_key("Chế biến")
