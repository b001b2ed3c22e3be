"""The 6 OCOP product groups and their 26 product sets (bộ sản phẩm).

Source: Decision 148/QĐ-TTg of 24/02/2023, Art. 1(1)(a) (the 6 groups) and its annex
"Danh mục phân loại sản phẩm tham gia Chương trình OCOP" (group I-VI -> nhóm -> phân nhóm;
the 26 leaves are the product sets, each evaluated with its own criteria set).
How far this was confirmed:
- the 6 groups and the food sets I.1a-I.3d: the annex table as reproduced at
  https://brandsvip.com.vn/phan-loai-6-nhom-san-pham-tham-gia-chuong-trinh-ocop.html and in
  a legal Q&A page quoting Art. 1 of Decision 148 (found with the project's search tool);
- the remaining sets (I.4 to VI): a public OCOP catalogue seeder that reproduces the annex
  leaf by leaf (13 + 4 + 3 + 2 + 3 + 1 = 26), NOT the gazetted text itself. Re-check
  against the official annex when it is at hand.
The Vietnamese leaf names follow that annex; the English names are ours.

No official codes exist, so the project defines stable ASCII slugs derived from the folded
Vietnamese names (shortened where the name is long). Slugs are identifiers: NEVER change one
once released; tests pin the full list.
"""

from dataclasses import dataclass

from . import _phrases
from ._phrases import Phrase


@dataclass(frozen=True)
class ProductSet:
    slug: str
    name_vi: str
    name_en: str
    group_slug: str


@dataclass(frozen=True)
class ProductGroup:
    slug: str
    name_vi: str
    name_en: str
    sets: tuple[ProductSet, ...]
    needs_shipping: bool


# group slug -> (name_vi, name_en, needs_shipping)
_GROUP_DATA: dict[str, tuple[str, str, bool]] = {
    "thuc-pham": ("Thực phẩm", "Food", True),
    "do-uong": ("Đồ uống", "Beverages", True),
    "duoc-lieu": (
        "Dược liệu và sản phẩm từ dược liệu",
        "Medicinal herbs and herbal products",
        True,
    ),
    "thu-cong-my-nghe": ("Hàng thủ công mỹ nghệ", "Handicrafts", True),
    "sinh-vat-canh": ("Sinh vật cảnh", "Ornamental plants and animals", True),
    "du-lich": (
        "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
        "Community tourism, eco-tourism and tourist attractions",
        False,  # a service: nothing to ship
    ),
}

# (group slug, set slug, name_vi, name_en, extra phrases that clearly name the set).
# Phrases are folded (diacritics optional) unless wrapped in _exact(): those must match
# with their diacritics, for short words whose folded form means something else
# ("chè" tea / "chế" processed, "hoa" flower / "hòa", "tương" sauce / "tượng" statue).
# The 2019 names of Decision 1048/QĐ-TTg are included where a set continues one of them.
# fmt: off
_SET_DATA: tuple[tuple[str, str, str, str, tuple[str | Phrase, ...]], ...] = (
    # I. Thực phẩm
    ("thuc-pham", "rau-cu-qua-hat-tuoi", "Rau, củ, quả, hạt tươi",
     "Fresh vegetables, tubers, fruits and nuts", ("rau củ quả tươi",)),
    ("thuc-pham", "thit-thuy-san-trung-sua-tuoi", "Thịt, thủy sản, trứng, sữa tươi",
     "Fresh meat, aquatic products, eggs and milk", ("thịt trứng sữa tươi",)),
    ("thuc-pham", "gao-ngu-coc-hat-so-che", "Gạo, ngũ cốc, hạt sơ chế khác",
     "Rice, cereals and other pre-processed grains", ("gạo ngũ cốc", "gạo")),
    ("thuc-pham", "mat-ong-nong-san-khac", "Mật ong, mật khác và nông sản thực phẩm khác",
     "Honey, other syrups and other farm food products", ("mật ong",)),
    ("thuc-pham", "do-an-nhanh", "Đồ ăn nhanh", "Convenience food", ()),
    ("thuc-pham", "che-bien-tu-gao-ngu-coc", "Chế biến từ gạo, ngũ cốc",
     "Processed rice and cereal products", ()),
    ("thuc-pham", "che-bien-tu-rau-cu-qua-hat", "Chế biến từ rau, củ, quả, hạt",
     "Processed vegetable, fruit and nut products", ("chế biến từ rau củ quả",)),
    ("thuc-pham", "che-bien-tu-thit-trung-sua-thuy-san",
     "Chế biến từ thịt, trứng, sữa, thủy sản, các sản phẩm từ mật ong, mật khác và nông "
     "sản thực phẩm khác",
     "Processed meat, egg, dairy, aquatic, honey and other farm food products",
     ("chế biến từ thịt trứng sữa thủy sản", "chế biến từ thịt trứng sữa",
      "chế biến từ thủy hải sản")),
    ("thuc-pham", "tuong-nuoc-mam-gia-vi-long", "Tương, nước mắm, gia vị dạng lỏng khác",
     "Sauces, fish sauce and other liquid condiments",
     ("tương nước mắm", "nước mắm", "gia vị dạng lỏng", "gia vị lỏng", Phrase.exact("tương"))),
    # "gia vị" alone (annexes write "Thực phẩm (gia vị)") means the general spice set.
    ("thuc-pham", "gia-vi-khac", "Gia vị khác", "Other spices and seasonings", ("gia vị",)),
    ("thuc-pham", "che-tuoi-che-bien", "Chè tươi, chế biến", "Tea, fresh or processed",
     ("chè tươi", "trà xanh", Phrase.exact("chè"), Phrase.exact("trà"))),
    ("thuc-pham", "che-tu-thuc-vat-khac", "Sản phẩm chè từ thực vật khác",
     "Herbal teas from other plants",
     ("chè từ thực vật khác", "trà từ thực vật khác", "trà thảo mộc", "trà thảo dược")),
    ("thuc-pham", "ca-phe-ca-cao", "Cà phê, ca cao", "Coffee and cocoa",
     ("cà phê", "ca cao", "cacao", "cafe")),
    # II. Đồ uống
    ("do-uong", "ruou-trang", "Rượu trắng", "White spirits", ()),
    ("do-uong", "do-uong-co-con-khac", "Đồ uống có cồn khác", "Other alcoholic beverages",
     ("rượu vang",)),
    ("do-uong", "nuoc-khoang-nuoc-uong-dong-chai",
     "Nước khoáng thiên nhiên, nước uống đóng chai", "Natural mineral and bottled water",
     ("nước khoáng", "nước uống đóng chai", "nước uống tinh khiết")),
    ("do-uong", "do-uong-khong-con", "Đồ uống không cồn", "Non-alcoholic beverages", ()),
    # III. Dược liệu và sản phẩm từ dược liệu
    ("duoc-lieu", "thuc-pham-chuc-nang-thuoc-duoc-lieu",
     "Thực phẩm chức năng, thuốc dược liệu, thuốc cổ truyền",
     "Functional foods, herbal and traditional medicines",
     ("thực phẩm chức năng", "thực phẩm bảo vệ sức khỏe", "thuốc dược liệu",
      "thuốc cổ truyền", "thuốc y học cổ truyền", "thuốc từ dược liệu")),
    ("duoc-lieu", "my-pham-tu-duoc-lieu", "Mỹ phẩm có thành phần từ dược liệu",
     "Cosmetics with herbal ingredients", ("mỹ phẩm",)),
    ("duoc-lieu", "tinh-dau-duoc-lieu-khac", "Tinh dầu và dược liệu khác",
     "Essential oils and other medicinal herbs",
     ("tinh dầu", "dược liệu khác", "thảo dược khác")),
    # IV. Hàng thủ công mỹ nghệ
    ("thu-cong-my-nghe", "thu-cong-my-nghe-gia-dung-trang-tri",
     "Thủ công mỹ nghệ gia dụng, trang trí", "Household and decorative handicrafts",
     ("thủ công mỹ nghệ gia dụng", "thủ công mỹ nghệ trang trí", "mây tre đan")),
    ("thu-cong-my-nghe", "vai-may-mac", "Vải, may mặc", "Textiles and garments",
     ("may mặc", "dệt may", "thổ cẩm")),
    # V. Sinh vật cảnh
    ("sinh-vat-canh", "hoa", "Hoa", "Flowers", (Phrase.exact("hoa"), "hoa lan")),
    ("sinh-vat-canh", "cay-canh", "Cây cảnh", "Ornamental plants", ("bonsai",)),
    ("sinh-vat-canh", "dong-vat-canh", "Động vật cảnh", "Ornamental animals",
     ("cá cảnh", "chim cảnh")),
    # VI. Dịch vụ du lịch
    ("du-lich", "dich-vu-du-lich",
     "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
     "Community tourism, eco-tourism and tourist attractions", ()),
)
# fmt: on

# Phrases that name a group in annexes, besides its own name. Older (Decision 1048/2019)
# group names are included: "Thảo dược", "Vải và may mặc", "Lưu niệm - nội thất - trang
# trí", "Dịch vụ du lịch nông thôn, bán hàng".
_GROUP_PHRASES: dict[str, tuple[str, ...]] = {
    "thuc-pham": ("thực phẩm", "hoa quả"),
    "do-uong": ("đồ uống",),
    "duoc-lieu": ("dược liệu", "thảo dược"),
    "thu-cong-my-nghe": (
        "thủ công mỹ nghệ",
        "vải và may mặc",
        "lưu niệm nội thất trang trí",
    ),
    "sinh-vat-canh": ("sinh vật cảnh",),
    "du-lich": ("du lịch",),
}


def _phrase(value: str | Phrase) -> Phrase:
    return value if isinstance(value, Phrase) else Phrase.folded(value)


def _build() -> tuple[tuple[ProductGroup, ...], tuple[ProductSet, ...]]:
    sets = tuple(ProductSet(slug, vi, en, group) for group, slug, vi, en, _ in _SET_DATA)
    groups = tuple(
        ProductGroup(slug, vi, en, tuple(s for s in sets if s.group_slug == slug), shipping)
        for slug, (vi, en, shipping) in _GROUP_DATA.items()
    )
    return groups, sets


GROUPS, PRODUCT_SETS = _build()

_GROUPS_BY_SLUG = {group.slug: group for group in GROUPS}
_SETS_BY_SLUG = {product_set.slug: product_set for product_set in PRODUCT_SETS}

_SET_PHRASES: tuple[tuple[Phrase, ProductSet], ...] = tuple(
    (_phrase(value), _SETS_BY_SLUG[slug])
    for _, slug, name_vi, _, extra in _SET_DATA
    for value in (name_vi, *extra)
)
_GROUP_NAME_PHRASES: tuple[tuple[Phrase, ProductGroup], ...] = tuple(
    (_phrase(value), _GROUPS_BY_SLUG[slug])
    for slug, (name_vi, _, _) in _GROUP_DATA.items()
    for value in (name_vi, *_GROUP_PHRASES[slug])
)


def group_by_slug(slug: str) -> ProductGroup:
    try:
        return _GROUPS_BY_SLUG[slug]
    except KeyError:
        raise KeyError(f"unknown OCOP product group slug {slug!r}") from None


def set_by_slug(slug: str) -> ProductSet:
    try:
        return _SETS_BY_SLUG[slug]
    except KeyError:
        raise KeyError(f"unknown OCOP product set slug {slug!r}") from None


def _set_hits(
    text_words: _phrases.Words, candidates: tuple[ProductSet, ...] | None = None
) -> list[_phrases.Hit[ProductSet]]:
    phrases = _SET_PHRASES
    if candidates is not None:
        phrases = tuple(pair for pair in _SET_PHRASES if pair[1] in candidates)
    return _phrases.find(text_words, phrases)


def _named_group(text_words: _phrases.Words) -> tuple[ProductGroup | None, bool]:
    """(group named by the text, whether the text names groups ambiguously)."""
    set_hits = _set_hits(text_words)
    group_hits = [
        hit
        for hit in _phrases.find(text_words, _GROUP_NAME_PHRASES)
        if not any(set_hit.covers(hit) for set_hit in set_hits)
    ]
    if group_hits:
        found = {hit.target for hit in group_hits}
        return (found.pop(), False) if len(found) == 1 else (None, True)
    groups_of_sets = {_GROUPS_BY_SLUG[hit.target.group_slug] for hit in set_hits}
    if len(groups_of_sets) == 1:
        return groups_of_sets.pop(), False
    product_set = _phrases.best(set_hits)
    if product_set is None:
        return None, bool(set_hits)
    return _GROUPS_BY_SLUG[product_set.group_slug], False


def match_group(text: str) -> ProductGroup | None:
    """The product group a text names, tolerant of how annexes write it; None if unclear.

    "Thực phẩm (gia vị)", "NHÓM ĐỒ UỐNG", "Nhóm 1: Thực phẩm", "Dược liệu", "Du lich cong
    dong" all match. A group word inside a longer set name does not count for itself
    ("Thực phẩm chức năng" is a herbal product). With no group word, a set name clearly
    named gives its group ("Rượu trắng" -> Đồ uống). Two different groups -> None.
    """
    return _named_group(_phrases.words(text))[0]


def match_set(text: str, group: ProductGroup | None = None) -> ProductSet | None:
    """The product set a text clearly names, e.g. "Thực phẩm (chè)"; None otherwise.

    Only sets of ``group`` are considered, or of the group the text itself names; a text
    naming two groups ("Thực phẩm (chè) / dược liệu?") gives None unless ``group`` is
    given. The longest set name found wins; two sets named equally long -> None. A group
    with a single set (tourism) gives that set when the text names no other group.
    """
    text_words = _phrases.words(text)
    named_group, ambiguous = _named_group(text_words)
    if group is None and ambiguous:
        return None
    scope = group or named_group
    product_set = _phrases.best(_set_hits(text_words, scope.sets if scope else None))
    if product_set is not None:
        return product_set
    if scope is not None and len(scope.sets) == 1 and named_group in (None, scope):
        return scope.sets[0]
    return None
