import dataclasses
import re
import unicodedata

import pytest

from catalog_sync.domain.provinces import (
    FORMER_PROVINCES,
    PROVINCES,
    Province,
    province_by_slug,
    resolve_province,
)
from catalog_sync.domain.text import fold

# Resolution 202/2025/QH15: current slug <- former provinces (Vietnamese, NFC).
MERGERS = {
    "ha-noi": ["Hà Nội"],
    "hue": ["Thừa Thiên Huế"],
    "lai-chau": ["Lai Châu"],
    "dien-bien": ["Điện Biên"],
    "son-la": ["Sơn La"],
    "lang-son": ["Lạng Sơn"],
    "quang-ninh": ["Quảng Ninh"],
    "thanh-hoa": ["Thanh Hóa"],
    "nghe-an": ["Nghệ An"],
    "ha-tinh": ["Hà Tĩnh"],
    "cao-bang": ["Cao Bằng"],
    "tuyen-quang": ["Hà Giang", "Tuyên Quang"],
    "lao-cai": ["Yên Bái", "Lào Cai"],
    "thai-nguyen": ["Bắc Kạn", "Thái Nguyên"],
    "phu-tho": ["Vĩnh Phúc", "Hòa Bình", "Phú Thọ"],
    "bac-ninh": ["Bắc Giang", "Bắc Ninh"],
    "hung-yen": ["Thái Bình", "Hưng Yên"],
    "hai-phong": ["Hải Dương", "Hải Phòng"],
    "ninh-binh": ["Hà Nam", "Nam Định", "Ninh Bình"],
    "quang-tri": ["Quảng Bình", "Quảng Trị"],
    "da-nang": ["Quảng Nam", "Đà Nẵng"],
    "quang-ngai": ["Kon Tum", "Quảng Ngãi"],
    "gia-lai": ["Bình Định", "Gia Lai"],
    "khanh-hoa": ["Ninh Thuận", "Khánh Hòa"],
    "lam-dong": ["Đắk Nông", "Bình Thuận", "Lâm Đồng"],
    "dak-lak": ["Phú Yên", "Đắk Lắk"],
    "ho-chi-minh": ["Bình Dương", "Bà Rịa – Vũng Tàu", "Thành phố Hồ Chí Minh"],
    "dong-nai": ["Bình Phước", "Đồng Nai"],
    "tay-ninh": ["Long An", "Tây Ninh"],
    "can-tho": ["Sóc Trăng", "Hậu Giang", "Cần Thơ"],
    "vinh-long": ["Bến Tre", "Trà Vinh", "Vĩnh Long"],
    "dong-thap": ["Tiền Giang", "Đồng Tháp"],
    "ca-mau": ["Bạc Liêu", "Cà Mau"],
    "an-giang": ["Kiên Giang", "An Giang"],
}
FORMER_TABLE = [(former, slug) for slug, formers in MERGERS.items() for former in formers]

# Current province: (name, name_en, code, is_city). Pinned: codes open printed ids.
CURRENT = {
    "ha-noi": ("Hà Nội", "Hanoi", "HN", True),
    "hue": ("Huế", "Hue", "HUE", True),
    "lai-chau": ("Lai Châu", "Lai Chau", "LCH", False),
    "dien-bien": ("Điện Biên", "Dien Bien", "DB", False),
    "son-la": ("Sơn La", "Son La", "SL", False),
    "lang-son": ("Lạng Sơn", "Lang Son", "LS", False),
    "quang-ninh": ("Quảng Ninh", "Quang Ninh", "QNH", False),
    "thanh-hoa": ("Thanh Hóa", "Thanh Hoa", "TH", False),
    "nghe-an": ("Nghệ An", "Nghe An", "NA", False),
    "ha-tinh": ("Hà Tĩnh", "Ha Tinh", "HT", False),
    "cao-bang": ("Cao Bằng", "Cao Bang", "CB", False),
    "tuyen-quang": ("Tuyên Quang", "Tuyen Quang", "TQ", False),
    "lao-cai": ("Lào Cai", "Lao Cai", "LC", False),
    "thai-nguyen": ("Thái Nguyên", "Thai Nguyen", "TNG", False),
    "phu-tho": ("Phú Thọ", "Phu Tho", "PT", False),
    "bac-ninh": ("Bắc Ninh", "Bac Ninh", "BN", False),
    "hung-yen": ("Hưng Yên", "Hung Yen", "HY", False),
    "hai-phong": ("Hải Phòng", "Hai Phong", "HP", True),
    "ninh-binh": ("Ninh Bình", "Ninh Binh", "NB", False),
    "quang-tri": ("Quảng Trị", "Quang Tri", "QT", False),
    "da-nang": ("Đà Nẵng", "Da Nang", "DNG", True),
    "quang-ngai": ("Quảng Ngãi", "Quang Ngai", "QNG", False),
    "gia-lai": ("Gia Lai", "Gia Lai", "GL", False),
    "khanh-hoa": ("Khánh Hòa", "Khanh Hoa", "KH", False),
    "lam-dong": ("Lâm Đồng", "Lam Dong", "LD", False),
    "dak-lak": ("Đắk Lắk", "Dak Lak", "DL", False),
    "ho-chi-minh": ("Thành phố Hồ Chí Minh", "Ho Chi Minh City", "HCM", True),
    "dong-nai": ("Đồng Nai", "Dong Nai", "DNI", False),
    "tay-ninh": ("Tây Ninh", "Tay Ninh", "TNH", False),
    "can-tho": ("Cần Thơ", "Can Tho", "CT", True),
    "vinh-long": ("Vĩnh Long", "Vinh Long", "VL", False),
    "dong-thap": ("Đồng Tháp", "Dong Thap", "DT", False),
    "ca-mau": ("Cà Mau", "Ca Mau", "CM", False),
    "an-giang": ("An Giang", "An Giang", "AG", False),
}


def test_there_are_34_current_provinces():
    assert len(PROVINCES) == 34
    assert len({p.slug for p in PROVINCES}) == 34


def test_the_test_tables_cover_63_former_and_34_current_provinces():
    assert len(FORMER_TABLE) == 63
    assert len({former for former, _ in FORMER_TABLE}) == 63
    assert len(MERGERS) == len(CURRENT) == 34


def test_provinces_are_pinned():
    assert {p.slug: (p.name, p.name_en, p.code, p.is_city) for p in PROVINCES} == CURRENT


def test_former_provinces_are_the_63_of_resolution_202():
    assert len(FORMER_PROVINCES) == 63
    assert dict(FORMER_TABLE) == FORMER_PROVINCES


def test_every_current_province_takes_in_at_least_one_former_province():
    assert set(FORMER_PROVINCES.values()) == {p.slug for p in PROVINCES}


def test_11_provinces_are_unchanged_and_23_merged():
    sizes = [len(formers) for formers in MERGERS.values()]
    assert sizes.count(1) == 11
    assert sizes.count(2) + sizes.count(3) == 23


def test_six_centrally_run_cities():
    assert sorted(p.slug for p in PROVINCES if p.is_city) == [
        "can-tho",
        "da-nang",
        "ha-noi",
        "hai-phong",
        "ho-chi-minh",
        "hue",
    ]


def test_codes_are_unique_two_or_three_uppercase_letters():
    codes = [p.code for p in PROVINCES]
    assert len(set(codes)) == 34
    assert all(re.fullmatch(r"[A-Z]{2,3}", code) for code in codes), codes


def test_slugs_are_ascii_and_derived_from_the_folded_name():
    for p in PROVINCES:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", p.slug)
        assert p.slug.replace("-", " ") in fold(p.name)


def test_names_are_nfc_and_english_names_have_no_diacritics():
    for p in PROVINCES:
        assert unicodedata.is_normalized("NFC", p.name)
        assert p.name_en.isascii()
    for former in FORMER_PROVINCES:
        assert unicodedata.is_normalized("NFC", former)


def test_province_by_slug():
    assert province_by_slug("lam-dong") == Province("lam-dong", "Lâm Đồng", "Lam Dong", "LD", False)
    with pytest.raises(KeyError, match="binh-thuan"):
        province_by_slug("binh-thuan")  # a former province has no slug


def test_province_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        PROVINCES[0].code = "XX"  # type: ignore[misc]


@pytest.mark.parametrize(("former", "slug"), FORMER_TABLE)
def test_every_former_province_resolves_to_its_current_province(former, slug):
    # exactly as written, without diacritics, upper case, with a prefix, decomposed
    for text in (
        former,
        fold(former),
        former.upper(),
        f"Tỉnh {former}",
        unicodedata.normalize("NFD", former),
    ):
        province = resolve_province(text)
        assert province is not None, text
        assert province.slug == slug, text


@pytest.mark.parametrize("province", PROVINCES, ids=lambda p: p.slug)
def test_every_current_province_resolves_to_itself(province):
    for text in (province.name, province.name_en, fold(province.name), province.name.lower()):
        assert resolve_province(text) is province, text


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Tỉnh Lâm Đồng", "lam-dong"),
        ("tinh lam dong", "lam-dong"),
        ("Thành phố Hồ Chí Minh", "ho-chi-minh"),
        ("Hồ Chí Minh", "ho-chi-minh"),
        ("TP. Hồ Chí Minh", "ho-chi-minh"),
        ("TP Hồ Chí Minh", "ho-chi-minh"),
        ("T.P Hồ Chí Minh", "ho-chi-minh"),
        ("T.P. Hồ Chí Minh", "ho-chi-minh"),
        ("Tp.Hồ Chí Minh", "ho-chi-minh"),
        ("TP.HCM", "ho-chi-minh"),
        ("TP. HCM", "ho-chi-minh"),
        ("TPHCM", "ho-chi-minh"),
        ("HCM", "ho-chi-minh"),
        ("Sài Gòn", "ho-chi-minh"),
        ("Ho Chi Minh City", "ho-chi-minh"),
        ("Bà Rịa - Vũng Tàu", "ho-chi-minh"),
        ("Bà Rịa – Vũng Tàu", "ho-chi-minh"),
        ("Bà Rịa-Vũng Tàu", "ho-chi-minh"),
        ("BR-VT", "ho-chi-minh"),
        ("Tỉnh Bình Dương", "ho-chi-minh"),
        ("Thừa Thiên Huế", "hue"),
        ("Thừa Thiên - Huế", "hue"),
        ("Tỉnh Thừa Thiên Huế", "hue"),
        ("Thành phố Huế", "hue"),
        ("Huế", "hue"),
        ("Hoà Bình", "phu-tho"),
        ("Hòa Bình", "phu-tho"),
        ("Thanh Hoá", "thanh-hoa"),
        ("Khánh Hoà", "khanh-hoa"),
        ("TP. Đà Nẵng", "da-nang"),
        ("Thành phố Đà Nẵng", "da-nang"),
        ("Thành phố Hà Nội", "ha-noi"),
        ("Hanoi", "ha-noi"),
        ("TP Cần Thơ", "can-tho"),
        ("Thành phố Hải Phòng", "hai-phong"),
        ("Đăk Lăk", "dak-lak"),
        ("Daklak", "dak-lak"),
        ("Đắk Nông", "lam-dong"),
        ("Bắc Cạn", "thai-nguyen"),
        ("Kontum", "quang-ngai"),
        ("Lam Dong Province", "lam-dong"),
        ("  Tỉnh\u00a0 Bến  Tre ", "vinh-long"),
    ],
)
def test_resolve_province_understands_common_spellings(text, slug):
    province = resolve_province(text)
    assert province is not None
    assert province.slug == slug


@pytest.mark.parametrize(
    "text",
    ["", "  ", "Tỉnh", "Thành phố", "TP", "Xyz", "Hà", "Việt Nam", "huyện Tiểu Cần", "Lâm"],
)
def test_resolve_province_returns_none_for_unknown_text(text):
    assert resolve_province(text) is None


@pytest.mark.parametrize(
    ("at_certification", "after_merger"),
    # province_at_certification -> province_after_2025_merger, from the real rows in
    # shared/data/ocop-certified-products.csv (blank "after" means unchanged).
    [
        ("Cà Mau", "Cà Mau"),
        ("Bình Thuận", "Lâm Đồng"),
        ("Lâm Đồng", "Lâm Đồng"),
        ("Bến Tre", "Vĩnh Long"),
        ("Bình Dương", "TP. Hồ Chí Minh"),
        ("Quảng Nam", "TP. Đà Nẵng"),
        ("Kiên Giang", "An Giang"),
        ("Nghệ An", "Nghệ An"),
        ("Trà Vinh", "Vĩnh Long"),
        ("Hòa Bình", "Phú Thọ"),
        ("Quảng Ninh", "Quảng Ninh"),
        ("Phú Thọ", "Phú Thọ"),
        ("Quảng Trị", "Quảng Trị"),
        ("Thái Nguyên", "Thái Nguyên"),
    ],
)
def test_real_rows_resolve_to_the_province_they_were_merged_into(at_certification, after_merger):
    assert resolve_province(at_certification) is resolve_province(after_merger) is not None
