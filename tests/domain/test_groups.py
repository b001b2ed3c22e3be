import dataclasses
import re
import unicodedata

import pytest

from catalog_sync.domain.groups import (
    GROUPS,
    PRODUCT_SETS,
    ProductGroup,
    ProductSet,
    group_by_slug,
    match_group,
    match_set,
    set_by_slug,
)
from catalog_sync.domain.text import match_key

# Pinned: slugs are identifiers stored in the registry, the feed and Saleor attributes.
# If this test fails, you renamed a slug. Don't: add an alias instead.
PINNED_GROUP_SLUGS = [
    "thuc-pham",
    "do-uong",
    "duoc-lieu",
    "thu-cong-my-nghe",
    "sinh-vat-canh",
    "du-lich",
]
PINNED_SET_SLUGS = {
    "thuc-pham": [
        "rau-cu-qua-hat-tuoi",
        "thit-thuy-san-trung-sua-tuoi",
        "gao-ngu-coc-hat-so-che",
        "mat-ong-nong-san-khac",
        "do-an-nhanh",
        "che-bien-tu-gao-ngu-coc",
        "che-bien-tu-rau-cu-qua-hat",
        "che-bien-tu-thit-trung-sua-thuy-san",
        "tuong-nuoc-mam-gia-vi-long",
        "gia-vi-khac",
        "che-tuoi-che-bien",
        "che-tu-thuc-vat-khac",
        "ca-phe-ca-cao",
    ],
    "do-uong": [
        "ruou-trang",
        "do-uong-co-con-khac",
        "nuoc-khoang-nuoc-uong-dong-chai",
        "do-uong-khong-con",
    ],
    "duoc-lieu": [
        "thuc-pham-chuc-nang-thuoc-duoc-lieu",
        "my-pham-tu-duoc-lieu",
        "tinh-dau-duoc-lieu-khac",
    ],
    "thu-cong-my-nghe": ["thu-cong-my-nghe-gia-dung-trang-tri", "vai-may-mac"],
    "sinh-vat-canh": ["hoa", "cay-canh", "dong-vat-canh"],
    "du-lich": ["dich-vu-du-lich"],
}

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def test_there_are_6_groups_and_26_product_sets():
    assert len(GROUPS) == 6
    assert len(PRODUCT_SETS) == 26
    assert [len(group.sets) for group in GROUPS] == [13, 4, 3, 2, 3, 1]


def test_group_slugs_are_pinned():
    assert [group.slug for group in GROUPS] == PINNED_GROUP_SLUGS


def test_set_slugs_are_pinned_per_group():
    assert {group.slug: [s.slug for s in group.sets] for group in GROUPS} == PINNED_SET_SLUGS


def test_product_sets_are_the_groups_sets_in_order():
    assert tuple(s for group in GROUPS for s in group.sets) == PRODUCT_SETS


def test_slugs_are_unique_across_groups_and_sets():
    slugs = [group.slug for group in GROUPS] + [s.slug for s in PRODUCT_SETS]
    assert len(slugs) == len(set(slugs)) == 32


def test_slugs_are_lowercase_ascii_hyphenated():
    for slug in [group.slug for group in GROUPS] + [s.slug for s in PRODUCT_SETS]:
        assert SLUG.match(slug), slug


def _is_subsequence(needle: list[str], haystack: list[str]) -> bool:
    words = iter(haystack)
    return all(word in words for word in needle)


def test_slugs_are_derived_from_the_folded_vietnamese_name():
    for item in [*GROUPS, *PRODUCT_SETS]:
        assert _is_subsequence(item.slug.split("-"), match_key(item.name_vi).split()), item


def test_group_names_are_the_decision_148_names():
    assert [group.name_vi for group in GROUPS] == [
        "Thực phẩm",
        "Đồ uống",
        "Dược liệu và sản phẩm từ dược liệu",
        "Hàng thủ công mỹ nghệ",
        "Sinh vật cảnh",
        "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
    ]


def test_names_are_nfc_and_english_names_are_ascii():
    for item in [*GROUPS, *PRODUCT_SETS]:
        assert unicodedata.is_normalized("NFC", item.name_vi)
        assert item.name_en.isascii() and item.name_en.strip() == item.name_en != ""


def test_every_set_points_back_to_its_group():
    for group in GROUPS:
        assert all(s.group_slug == group.slug for s in group.sets)


def test_only_tourism_services_need_no_shipping():
    assert {group.slug: group.needs_shipping for group in GROUPS} == {
        "thuc-pham": True,
        "do-uong": True,
        "duoc-lieu": True,
        "thu-cong-my-nghe": True,
        "sinh-vat-canh": True,
        "du-lich": False,
    }


def test_groups_and_sets_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        GROUPS[0].slug = "food"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        PRODUCT_SETS[0].slug = "fresh"  # type: ignore[misc]


def test_lookup_by_slug():
    assert group_by_slug("do-uong").name_vi == "Đồ uống"
    assert set_by_slug("ruou-trang") == ProductSet(
        "ruou-trang", "Rượu trắng", "White spirits", "do-uong"
    )
    assert isinstance(group_by_slug("du-lich"), ProductGroup)


@pytest.mark.parametrize("lookup", [group_by_slug, set_by_slug])
def test_lookup_of_unknown_slug_raises_key_error_naming_it(lookup):
    with pytest.raises(KeyError, match="nonexistent"):
        lookup("nonexistent")


@pytest.mark.parametrize(
    ("text", "group_slug"),
    [
        ("Thực phẩm", "thuc-pham"),
        ("thuc pham", "thuc-pham"),
        ("THỰC PHẨM", "thuc-pham"),
        ("Thực phẩm (gia vị)", "thuc-pham"),
        ("Thực phẩm (chè)", "thuc-pham"),
        ("Nhóm 1: Thực phẩm", "thuc-pham"),
        ("I. SẢN PHẨM THỰC PHẨM", "thuc-pham"),
        ("Đồ uống", "do-uong"),
        ("NHÓM ĐỒ UỐNG", "do-uong"),
        ("do uong", "do-uong"),
        ("Dược liệu và sản phẩm từ dược liệu", "duoc-lieu"),
        ("Dược liệu", "duoc-lieu"),
        ("Thảo dược", "duoc-lieu"),  # 2019 name
        ("Hàng thủ công mỹ nghệ", "thu-cong-my-nghe"),
        ("Thủ công mỹ nghệ", "thu-cong-my-nghe"),
        ("thu cong my nghe", "thu-cong-my-nghe"),
        ("Vải và may mặc", "thu-cong-my-nghe"),  # 2019 group, now a set of handicrafts
        ("Sinh vật cảnh", "sinh-vat-canh"),
        ("Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch", "du-lich"),
        ("Du lịch cộng đồng", "du-lich"),
        ("Điểm du lịch", "du-lich"),
        ("Nhóm 6 - Dịch vụ du lịch", "du-lich"),
        # a set name alone gives its group
        ("Rượu trắng", "do-uong"),
        ("Chè", "thuc-pham"),
        ("Cà phê", "thuc-pham"),
        ("Cây cảnh", "sinh-vat-canh"),
        # a group word inside a longer set name belongs to the set
        ("Thực phẩm chức năng", "duoc-lieu"),
        ("Thực phẩm bảo vệ sức khỏe", "duoc-lieu"),
        ("Hoa quả sấy", "thuc-pham"),
    ],
)
def test_match_group_tolerates_how_annexes_write_groups(text, group_slug):
    group = match_group(text)
    assert group is not None
    assert group.slug == group_slug


def test_match_group_accepts_decomposed_unicode_and_odd_spacing():
    text = unicodedata.normalize("NFD", "  NHÓM\u00a0ĐỒ   UỐNG ")
    assert match_group(text) == group_by_slug("do-uong")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "Khác",
        "Nông sản",
        "Sản phẩm",
        "Thực phẩm chế biến / đồ uống",  # two groups
        "Thực phẩm (chè) / dược liệu?",  # two groups
        "Thủ công mỹ nghệ, sinh vật cảnh",
    ],
)
def test_match_group_returns_none_when_nothing_or_several_match(text):
    assert match_group(text) is None


@pytest.mark.parametrize(
    ("text", "set_slug"),
    [
        ("Thực phẩm (gia vị)", "gia-vi-khac"),
        ("Thực phẩm (chè)", "che-tuoi-che-bien"),
        ("Thực phẩm (cà phê)", "ca-phe-ca-cao"),
        ("Thuc pham (ca phe)", "ca-phe-ca-cao"),
        ("Thực phẩm (trà)", "che-tuoi-che-bien"),
        ("Trà thảo mộc", "che-tu-thuc-vat-khac"),
        ("Sản phẩm chè từ thực vật khác", "che-tu-thuc-vat-khac"),
        ("Chè tươi, chế biến", "che-tuoi-che-bien"),
        ("Tương, nước mắm, gia vị dạng lỏng khác", "tuong-nuoc-mam-gia-vi-long"),
        ("Thực phẩm (nước mắm)", "tuong-nuoc-mam-gia-vi-long"),
        ("Gia vị khác", "gia-vi-khac"),
        ("Rau, củ, quả, hạt tươi", "rau-cu-qua-hat-tuoi"),
        ("rau cu qua hat tuoi", "rau-cu-qua-hat-tuoi"),
        ("Thịt, thủy sản, trứng, sữa tươi", "thit-thuy-san-trung-sua-tuoi"),
        ("Gạo, ngũ cốc, hạt sơ chế khác", "gao-ngu-coc-hat-so-che"),
        ("Mật ong, mật khác và nông sản thực phẩm khác", "mat-ong-nong-san-khac"),
        ("Thực phẩm (mật ong)", "mat-ong-nong-san-khac"),
        ("Đồ ăn nhanh", "do-an-nhanh"),
        ("Chế biến từ gạo, ngũ cốc", "che-bien-tu-gao-ngu-coc"),
        ("Chế biến từ rau, củ, quả, hạt", "che-bien-tu-rau-cu-qua-hat"),
        (
            "Chế biến từ thịt, trứng, sữa, thủy sản, các sản phẩm từ mật ong, mật khác"
            " và nông sản thực phẩm khác",
            "che-bien-tu-thit-trung-sua-thuy-san",
        ),
        ("Đồ uống (rượu trắng)", "ruou-trang"),
        ("Đồ uống có cồn khác", "do-uong-co-con-khac"),
        ("Nước khoáng thiên nhiên, nước uống đóng chai", "nuoc-khoang-nuoc-uong-dong-chai"),
        ("Đồ uống không cồn", "do-uong-khong-con"),
        ("Thực phẩm chức năng", "thuc-pham-chuc-nang-thuoc-duoc-lieu"),
        ("Dược liệu (mỹ phẩm)", "my-pham-tu-duoc-lieu"),
        ("Tinh dầu và dược liệu khác", "tinh-dau-duoc-lieu-khac"),
        ("Thủ công mỹ nghệ gia dụng, trang trí", "thu-cong-my-nghe-gia-dung-trang-tri"),
        ("Vải, may mặc", "vai-may-mac"),
        ("Sinh vật cảnh (hoa lan)", "hoa"),
        ("Hoa", "hoa"),
        ("Cây cảnh", "cay-canh"),
        ("Động vật cảnh", "dong-vat-canh"),
        ("Du lịch cộng đồng", "dich-vu-du-lich"),
        ("Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch", "dich-vu-du-lich"),
    ],
)
def test_match_set_finds_a_clearly_named_set(text, set_slug):
    product_set = match_set(text)
    assert product_set is not None
    assert product_set.slug == set_slug


def test_every_set_is_found_by_its_own_name_with_or_without_diacritics():
    for product_set in PRODUCT_SETS:
        assert match_set(product_set.name_vi) is product_set
        assert match_set(match_key(product_set.name_vi)) is product_set
        assert match_set(unicodedata.normalize("NFD", product_set.name_vi)) is product_set
        assert match_group(product_set.name_vi) == group_by_slug(product_set.group_slug)


def test_every_group_is_found_by_its_own_name_with_or_without_diacritics():
    for group in GROUPS:
        assert match_group(group.name_vi) is group
        assert match_group(match_key(group.name_vi).upper()) is group


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Thực phẩm",  # a group of 13 sets: no set named
        "Thực phẩm chế biến",  # "chế" is not "chè"
        "Đồ uống",
        "Thủ công mỹ nghệ",
        "Hoa quả sấy",  # fruit, not flowers
        "Gạo, chè",  # two sets named equally
        "Thực phẩm (chè) / dược liệu?",  # two groups
        "Rượu",  # white spirit or another alcoholic drink
        "Khác",
    ],
)
def test_match_set_returns_none_unless_a_set_is_clearly_named(text):
    assert match_set(text) is None


def test_match_set_within_a_group_ignores_sets_of_other_groups():
    food = group_by_slug("thuc-pham")
    drinks = group_by_slug("do-uong")
    assert match_set("Rượu trắng", group=food) is None
    assert match_set("Rượu trắng", group=drinks) == set_by_slug("ruou-trang")
    # the group decides a text that names two groups
    assert match_set("Thực phẩm (chè) / dược liệu?", group=food) == set_by_slug("che-tuoi-che-bien")


def test_match_set_gives_the_only_set_of_a_single_set_group():
    tourism = group_by_slug("du-lich")
    assert match_set("Homestay bản Lác", group=tourism) == set_by_slug("dich-vu-du-lich")
    assert match_set("Dịch vụ du lịch") == set_by_slug("dich-vu-du-lich")
    # but not when the text names another group
    assert match_set("Thực phẩm", group=tourism) is None


def test_set_names_are_the_leaf_names_of_the_decision_148_annex():
    assert [s.name_vi for s in PRODUCT_SETS] == [
        "Rau, củ, quả, hạt tươi",
        "Thịt, thủy sản, trứng, sữa tươi",
        "Gạo, ngũ cốc, hạt sơ chế khác",
        "Mật ong, mật khác và nông sản thực phẩm khác",
        "Đồ ăn nhanh",
        "Chế biến từ gạo, ngũ cốc",
        "Chế biến từ rau, củ, quả, hạt",
        "Chế biến từ thịt, trứng, sữa, thủy sản, các sản phẩm từ mật ong, mật khác và nông"
        " sản thực phẩm khác",
        "Tương, nước mắm, gia vị dạng lỏng khác",
        "Gia vị khác",
        "Chè tươi, chế biến",
        "Sản phẩm chè từ thực vật khác",
        "Cà phê, ca cao",
        "Rượu trắng",
        "Đồ uống có cồn khác",
        "Nước khoáng thiên nhiên, nước uống đóng chai",
        "Đồ uống không cồn",
        "Thực phẩm chức năng, thuốc dược liệu, thuốc cổ truyền",
        "Mỹ phẩm có thành phần từ dược liệu",
        "Tinh dầu và dược liệu khác",
        "Thủ công mỹ nghệ gia dụng, trang trí",
        "Vải, may mặc",
        "Hoa",
        "Cây cảnh",
        "Động vật cảnh",
        "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
    ]
