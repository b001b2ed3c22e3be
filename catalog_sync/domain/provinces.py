"""Vietnam's 34 provinces in force from 1 July 2025 and the 63 they replaced.

Source: Resolution 202/2025/QH15 of the National Assembly on rearranging provincial
administrative units (in force 12/06/2025; local government of the new provinces from
01/07/2025). 11 provinces kept their territory; 23 were formed by merging. "Thừa Thiên Huế"
had already become the centrally-run city of Huế on 01/01/2025; it is listed among the 63
former names, under which most OCOP certificates before 2025 were issued.

Slugs and codes are identifiers defined by this project: never change one once released.
``code`` opens printed certificate ids (e.g. ``LD-2026-0042``).
"""

from dataclasses import dataclass

from .text import match_key


@dataclass(frozen=True)
class Province:
    slug: str
    name: str
    name_en: str
    code: str
    is_city: bool


def _province(slug: str, name: str, name_en: str, code: str, is_city: bool = False) -> Province:
    return Province(slug, name, name_en, code, is_city)


PROVINCES: tuple[Province, ...] = (
    # Unchanged (11)
    _province("ha-noi", "Hà Nội", "Hanoi", "HN", is_city=True),
    _province("hue", "Huế", "Hue", "HUE", is_city=True),
    _province("lai-chau", "Lai Châu", "Lai Chau", "LCH"),
    _province("dien-bien", "Điện Biên", "Dien Bien", "DB"),
    _province("son-la", "Sơn La", "Son La", "SL"),
    _province("lang-son", "Lạng Sơn", "Lang Son", "LS"),
    _province("quang-ninh", "Quảng Ninh", "Quang Ninh", "QNH"),
    _province("thanh-hoa", "Thanh Hóa", "Thanh Hoa", "TH"),
    _province("nghe-an", "Nghệ An", "Nghe An", "NA"),
    _province("ha-tinh", "Hà Tĩnh", "Ha Tinh", "HT"),
    _province("cao-bang", "Cao Bằng", "Cao Bang", "CB"),
    # Merged (23)
    _province("tuyen-quang", "Tuyên Quang", "Tuyen Quang", "TQ"),
    _province("lao-cai", "Lào Cai", "Lao Cai", "LC"),
    _province("thai-nguyen", "Thái Nguyên", "Thai Nguyen", "TNG"),
    _province("phu-tho", "Phú Thọ", "Phu Tho", "PT"),
    _province("bac-ninh", "Bắc Ninh", "Bac Ninh", "BN"),
    _province("hung-yen", "Hưng Yên", "Hung Yen", "HY"),
    _province("hai-phong", "Hải Phòng", "Hai Phong", "HP", is_city=True),
    _province("ninh-binh", "Ninh Bình", "Ninh Binh", "NB"),
    _province("quang-tri", "Quảng Trị", "Quang Tri", "QT"),
    _province("da-nang", "Đà Nẵng", "Da Nang", "DNG", is_city=True),
    _province("quang-ngai", "Quảng Ngãi", "Quang Ngai", "QNG"),
    _province("gia-lai", "Gia Lai", "Gia Lai", "GL"),
    _province("khanh-hoa", "Khánh Hòa", "Khanh Hoa", "KH"),
    _province("lam-dong", "Lâm Đồng", "Lam Dong", "LD"),
    _province("dak-lak", "Đắk Lắk", "Dak Lak", "DL"),
    _province("ho-chi-minh", "Thành phố Hồ Chí Minh", "Ho Chi Minh City", "HCM", is_city=True),
    _province("dong-nai", "Đồng Nai", "Dong Nai", "DNI"),
    _province("tay-ninh", "Tây Ninh", "Tay Ninh", "TNH"),
    _province("can-tho", "Cần Thơ", "Can Tho", "CT", is_city=True),
    _province("vinh-long", "Vĩnh Long", "Vinh Long", "VL"),
    _province("dong-thap", "Đồng Tháp", "Dong Thap", "DT"),
    _province("ca-mau", "Cà Mau", "Ca Mau", "CM"),
    _province("an-giang", "An Giang", "An Giang", "AG"),
)

# The 63 provinces and centrally-run cities before 1 July 2025 -> current province slug.
FORMER_PROVINCES: dict[str, str] = {
    # Unchanged
    "Hà Nội": "ha-noi",
    "Thừa Thiên Huế": "hue",
    "Lai Châu": "lai-chau",
    "Điện Biên": "dien-bien",
    "Sơn La": "son-la",
    "Lạng Sơn": "lang-son",
    "Quảng Ninh": "quang-ninh",
    "Thanh Hóa": "thanh-hoa",
    "Nghệ An": "nghe-an",
    "Hà Tĩnh": "ha-tinh",
    "Cao Bằng": "cao-bang",
    # Merged
    "Hà Giang": "tuyen-quang",
    "Tuyên Quang": "tuyen-quang",
    "Yên Bái": "lao-cai",
    "Lào Cai": "lao-cai",
    "Bắc Kạn": "thai-nguyen",
    "Thái Nguyên": "thai-nguyen",
    "Vĩnh Phúc": "phu-tho",
    "Hòa Bình": "phu-tho",
    "Phú Thọ": "phu-tho",
    "Bắc Giang": "bac-ninh",
    "Bắc Ninh": "bac-ninh",
    "Thái Bình": "hung-yen",
    "Hưng Yên": "hung-yen",
    "Hải Dương": "hai-phong",
    "Hải Phòng": "hai-phong",
    "Hà Nam": "ninh-binh",
    "Nam Định": "ninh-binh",
    "Ninh Bình": "ninh-binh",
    "Quảng Bình": "quang-tri",
    "Quảng Trị": "quang-tri",
    "Quảng Nam": "da-nang",
    "Đà Nẵng": "da-nang",
    "Kon Tum": "quang-ngai",
    "Quảng Ngãi": "quang-ngai",
    "Bình Định": "gia-lai",
    "Gia Lai": "gia-lai",
    "Ninh Thuận": "khanh-hoa",
    "Khánh Hòa": "khanh-hoa",
    "Đắk Nông": "lam-dong",
    "Bình Thuận": "lam-dong",
    "Lâm Đồng": "lam-dong",
    "Phú Yên": "dak-lak",
    "Đắk Lắk": "dak-lak",
    "Bình Dương": "ho-chi-minh",
    "Bà Rịa – Vũng Tàu": "ho-chi-minh",
    "Thành phố Hồ Chí Minh": "ho-chi-minh",
    "Bình Phước": "dong-nai",
    "Đồng Nai": "dong-nai",
    "Long An": "tay-ninh",
    "Tây Ninh": "tay-ninh",
    "Sóc Trăng": "can-tho",
    "Hậu Giang": "can-tho",
    "Cần Thơ": "can-tho",
    "Bến Tre": "vinh-long",
    "Trà Vinh": "vinh-long",
    "Vĩnh Long": "vinh-long",
    "Tiền Giang": "dong-thap",
    "Đồng Tháp": "dong-thap",
    "Bạc Liêu": "ca-mau",
    "Cà Mau": "ca-mau",
    "Kiên Giang": "an-giang",
    "An Giang": "an-giang",
}

# Other ways lists write a province (compared as match keys).
_ALIASES: dict[str, str] = {
    "tphcm": "ho-chi-minh",
    "hcm": "ho-chi-minh",
    "hcmc": "ho-chi-minh",
    "sai gon": "ho-chi-minh",
    "saigon": "ho-chi-minh",
    "br vt": "ho-chi-minh",
    "brvt": "ho-chi-minh",
    "ba ria": "ho-chi-minh",
    "vung tau": "ho-chi-minh",
    "thua thien": "hue",
    "hn": "ha-noi",
    "daklak": "dak-lak",
    "daknong": "lam-dong",
    "bac can": "thai-nguyen",
    "kontum": "quang-ngai",
}

# Prefixes stripped before lookup (as match-key word runs), longest first.
_PREFIXES: tuple[tuple[str, ...], ...] = (
    ("thanh", "pho"),
    ("thu", "do"),
    ("t", "p"),
    ("tinh",),
    ("tp",),
)
_SUFFIXES: tuple[tuple[str, ...], ...] = (("province",), ("city",))

_BY_SLUG: dict[str, Province] = {province.slug: province for province in PROVINCES}


def _strip(words: list[str]) -> list[str]:
    changed = True
    while changed:
        changed = False
        for prefix in _PREFIXES:
            if len(words) > len(prefix) and tuple(words[: len(prefix)]) == prefix:
                words = words[len(prefix) :]
                changed = True
                break
        for suffix in _SUFFIXES:
            if len(words) > len(suffix) and tuple(words[-len(suffix) :]) == suffix:
                words = words[: -len(suffix)]
                changed = True
                break
    return words


def _index() -> dict[str, str]:
    index: dict[str, str] = {}

    def add(text: str, slug: str) -> None:
        for key in {match_key(text), " ".join(_strip(match_key(text).split()))}:
            if index.setdefault(key, slug) != slug:
                raise ValueError(f"province key {key!r} is ambiguous")

    for province in PROVINCES:
        add(province.name, province.slug)
        add(province.name_en, province.slug)
    for name, slug in FORMER_PROVINCES.items():
        add(name, slug)
    for alias, slug in _ALIASES.items():
        add(alias, slug)
    return index


_INDEX = _index()


def province_by_slug(slug: str) -> Province:
    try:
        return _BY_SLUG[slug]
    except KeyError:
        raise KeyError(f"unknown province slug {slug!r}") from None


def resolve_province(text: str) -> Province | None:
    """The CURRENT province for a current or former province name; None if unknown.

    Diacritics, case, old-style tone marks ("Hoà"), punctuation and the prefixes "Tỉnh",
    "Thành phố", "TP.", "TP", "T.P" do not matter; "TP.HCM", "HCM", "Sài Gòn", "BR-VT",
    "Thừa Thiên - Huế" and English names are understood.
    """
    words = match_key(text).split()
    for candidate in (" ".join(words), " ".join(_strip(words))):
        slug = _INDEX.get(candidate)
        if slug is not None:
            return _BY_SLUG[slug]
    return None
