"""What shoppers notice about search, for every backend.

A backend's test module provides a ``searcher`` fixture (a ``SearchSetup``) and imports these
tests; products go in through the store, as the app's webhooks put them in.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from catalog_sync.catalogue import store
from catalog_sync.catalogue.records import ProductRecord, SearchQuery, SearchResult
from catalog_sync.catalogue.search.base import SearchBackend
from testkit.catalogue_builders import NOW, editorjs, product_record, variant_record


@dataclass
class SearchSetup:
    backend: SearchBackend
    refresh: Callable[[], None]

    def add(self, record: ProductRecord) -> ProductRecord:
        assert store.apply_product(record)
        self.refresh()
        return record

    def product(self, name: str, **overrides) -> ProductRecord:
        overrides.setdefault("name_en", None)
        overrides.setdefault("product_set", None)  # (the builder's default set is the fish sauces')
        overrides.setdefault("province_at_certification", None)
        overrides.setdefault("description", editorjs(f"{name}, sản phẩm OCOP."))
        overrides.setdefault("description_en", None)
        overrides.setdefault("seo_description", None)
        return self.add(product_record(name=name, **overrides))

    def search(self, text: str = "", **filters) -> SearchResult:
        return self.backend.search(SearchQuery(text=text, **filters))

    def names(self, text: str = "", **filters) -> list[str]:
        return [p.name for p in self.search(text, **filters).products]


def _price(amount: int, stock: int = 10) -> tuple:
    return (variant_record(price=Decimal(amount), quantity_available=stock),)


def facet(result: SearchResult, name: str) -> dict[str, int]:
    return {value.value: value.count for value in result.facets[name]}


# --- folding -------------------------------------------------------------------------------------


def test_a_query_without_diacritics_finds_a_name_written_with_them(searcher):
    searcher.product("Cà phê Arabica Đà Lạt", province="lam-dong")
    searcher.product("Chè Tân Cương Thái Nguyên", province="thai-nguyen")
    assert searcher.names("da lat") == ["Cà phê Arabica Đà Lạt"]
    assert searcher.names("DA LAT") == ["Cà phê Arabica Đà Lạt"]


def test_a_query_with_diacritics_finds_a_name_written_without_them(searcher):
    searcher.product("Ca phe Da Lat rang xay")
    assert searcher.names("Đà Lạt") == ["Ca phe Da Lat rang xay"]
    assert searcher.names("đà lạt") == ["Ca phe Da Lat rang xay"]


def test_the_fish_sauce_is_found_by_its_folded_name_first(searcher):
    searcher.product("Nước mắm Phú Quốc Khải Hoàn 40 độ đạm", stars=5)
    searcher.product("Nước mắm Nam Ô", stars=4, province="da-nang")
    searcher.product("Tiêu Phú Quốc", stars=4, product_set="gia-vi-khac")
    assert searcher.names("nuoc mam phu quoc") == ["Nước mắm Phú Quốc Khải Hoàn 40 độ đạm"]


# --- prefixes and typos ----------------------------------------------------------------------------


def test_word_prefixes_match_as_the_shopper_types(searcher):
    searcher.product("Mật ong bạc hà Mèo Vạc")
    searcher.product("Gạo ST25 Ông Cua", producer_title="HTX Ông Cua")
    assert searcher.names("mat o") == ["Mật ong bạc hà Mèo Vạc"]
    assert searcher.names("bac h meo") == ["Mật ong bạc hà Mèo Vạc"]


def test_one_slip_in_a_syllable_of_three_or_four_letters_is_forgiven(searcher):
    # given short Vietnamese syllables, as most product names are made of
    searcher.product("Nước mắm Nam Ô", producer_title="HTX Nam Ô")
    searcher.product("Tỏi Lý Sơn", producer_title="HTX Tỏi Lý Sơn")
    searcher.product("Sâm Ngọc Linh", producer_title="Công ty Sâm Ngọc Linh Kon Tum")
    searcher.product("Chè Tân Cương Thái Nguyên", producer_title="HTX Chè Tân Cương")
    # then a letter doubled, two letters swapped, a letter dropped or a letter changed still finds it
    assert searcher.names("nuoc mamm") == ["Nước mắm Nam Ô"]
    assert searcher.names("tio ly son") == ["Tỏi Lý Sơn"]
    assert searcher.names("sam ngc linh") == ["Sâm Ngọc Linh"]
    assert searcher.names("che tan cuomg") == ["Chè Tân Cương Thái Nguyên"]


def test_one_typo_is_forgiven_in_longer_words_and_two_from_eight_letters(searcher):
    searcher.product("Cà phê Arabica Cầu Đất", producer_title="HTX Cầu Đất")
    searcher.product("Trà Shan tuyết cổ thụ", producer_title="HTX Suối Giàng")
    searcher.product("Kẹo chocolate Bến Tre", producer_title="Cơ sở Thanh Long")
    assert searcher.names("arbica") == ["Cà phê Arabica Cầu Đất"]  # a letter missing
    assert searcher.names("arabicca") == ["Cà phê Arabica Cầu Đất"]  # a letter too many
    assert searcher.names("tuyet shan") == ["Trà Shan tuyết cổ thụ"]
    assert searcher.names("tuyrt") == ["Trà Shan tuyết cổ thụ"]  # a wrong letter
    assert searcher.names("chokolade") == ["Kẹo chocolate Bến Tre"]  # two wrong letters in nine


def test_two_typos_in_a_word_under_eight_letters_and_one_in_two_letters_are_not_guessed(searcher):
    searcher.product("Cà phê Arabica Cầu Đất", producer_title="HTX Cầu Đất")
    assert searcher.names("arbca") == []  # two letters missing from seven
    assert searcher.names("cau dt") == []  # "dt": two letters, no typo allowed
    assert searcher.names("cau dst") == ["Cà phê Arabica Cầu Đất"]  # one letter wrong in three


def test_a_keyboard_with_its_input_method_off_still_finds_the_product(searcher):
    searcher.product("Nước mắm Phú Quốc", producer_title="Cơ sở Khải Hoàn")
    searcher.product("Dừa sáp Cầu Kè", producer_title="HTX Dừa sáp Cầu Kè")
    searcher.product("Đặc sản Đà Lạt", producer_title="Cơ sở Lâm Viên")
    assert searcher.names("nuowcs mawms") == ["Nước mắm Phú Quốc"]  # Telex
    assert searcher.names("duwaf") == ["Dừa sáp Cầu Kè"]
    assert searcher.names("ddawcj sarn") == ["Đặc sản Đà Lạt"]
    assert searcher.names("nu7o7c1 ma8m1") == ["Nước mắm Phú Quốc"]  # VNI
    assert searcher.names("du7a2") == ["Dừa sáp Cầu Kè"]
    assert searcher.names("d9a2 la5t") == ["Đặc sản Đà Lạt"]


def test_syllables_run_together_and_odd_spaces_or_punctuation_are_read_as_words(searcher):
    searcher.product("Nước mắm Phú Quốc", producer_title="Cơ sở Khải Hoàn")
    searcher.product("Mật ong rừng U Minh", producer_title="HTX Ong mật U Minh Hạ")
    assert searcher.names("nuocmam") == ["Nước mắm Phú Quốc"]
    assert searcher.names("nuocmam phuquoc") == ["Nước mắm Phú Quốc"]
    assert searcher.names("matong") == ["Mật ong rừng U Minh"]
    assert searcher.names("mattong") == ["Mật ong rừng U Minh"]  # run together, a letter doubled
    assert searcher.names("  nuoc-mam,,phu.quoc  ") == ["Nước mắm Phú Quốc"]


def test_y_and_i_find_each_other_where_both_spellings_occur(searcher):
    searcher.product("Tỏi Lý Sơn", producer_title="HTX Tỏi Lý Sơn")
    searcher.product("Thịt trâu gác bếp Kì Sơn", producer_title="HTX Kì Sơn")
    assert searcher.names("toi li son") == ["Tỏi Lý Sơn"]
    assert searcher.names("ky son") == ["Thịt trâu gác bếp Kì Sơn"]
    assert searcher.names("kí sơn") == ["Thịt trâu gác bếp Kì Sơn"]


# --- ranking -------------------------------------------------------------------------------------


def test_an_exact_name_ranks_above_a_prefix_and_a_prefix_above_a_typo(searcher):
    # stars would put them the other way round: relevance must win
    searcher.product("Cacau Bến Tre", stars=5)  # one letter away from the query word
    searcher.product("Cacaoline hạt rang", stars=5)  # a prefix of the query word
    searcher.product("Cacao", stars=3)  # the whole name
    searcher.product("Cacao nguyên chất Bến Tre", stars=3)  # the whole word
    assert searcher.names("cacao") == [
        "Cacao",
        "Cacao nguyên chất Bến Tre",
        "Cacaoline hạt rang",
        "Cacau Bến Tre",
    ]


def test_the_product_name_ranks_above_the_producer_and_the_producer_above_the_description(searcher):
    searcher.product(
        "Trà xanh thượng hạng",
        stars=5,
        description=editorjs("Trà của vùng Hoàng Bình, hái tay."),
    )
    searcher.product("Chè búp khô", stars=5, producer_title="Hợp tác xã Hoàng Bình")
    searcher.product("Chè Hoàng Bình", stars=3)
    assert searcher.names("hoang binh") == ["Chè Hoàng Bình", "Chè búp khô", "Trà xanh thượng hạng"]


def test_an_exact_word_ranks_above_its_typos_and_is_never_hidden_by_them(searcher):
    # the typo matches have more stars: relevance still puts the exact word first
    searcher.product("Sâm Ngọc Linh", stars=3, producer_title="Công ty Ngọc Linh")
    searcher.product("Rượu sim Phú Quốc", stars=5, producer_title="Cơ sở Hàm Ninh")
    searcher.product("Miến dong Sán Dìu", stars=5, producer_title="HTX Tam Đảo")
    assert searcher.names("sam") == ["Sâm Ngọc Linh", "Rượu sim Phú Quốc", "Miến dong Sán Dìu"]


# --- filters, facets, sorting, pages ------------------------------------------------------------------


def _catalogue(searcher) -> None:
    searcher.product("Nước mắm Phú Quốc", stars=5, province="an-giang", variants=_price(125_000))
    searcher.product("Nước mắm Nam Ô", stars=4, province="da-nang", variants=_price(90_000, stock=0))
    searcher.product("Mật ong rừng U Minh", stars=4, province="ca-mau", product_set="mat-ong-nong-san-khac",
                     variants=_price(350_000))
    searcher.product("Rượu cần Đạ Tẻh", stars=3, province="lam-dong", group="do-uong",
                     product_set="do-uong-co-con-khac", variants=_price(150_000))
    searcher.product("Cà phê Cầu Đất", stars=5, province="lam-dong", product_set="ca-phe-ca-cao",
                     variants=_price(180_000))


def test_filters_combine(searcher):
    _catalogue(searcher)
    assert searcher.names(stars=(4, 5), provinces=("lam-dong",)) == ["Cà phê Cầu Đất"]
    assert sorted(searcher.names(stars=(4, 5), in_stock=True, price_max=Decimal(200_000))) == [
        "Cà phê Cầu Đất",
        "Nước mắm Phú Quốc",
    ]
    assert searcher.names("nuoc mam", in_stock=True) == ["Nước mắm Phú Quốc"]
    assert searcher.names(groups=("do-uong",), price_min=Decimal(100_000)) == ["Rượu cần Đạ Tẻh"]
    assert searcher.names(sets=("ca-phe-ca-cao",)) == ["Cà phê Cầu Đất"]


def test_each_facet_counts_with_the_other_filters_applied(searcher):
    _catalogue(searcher)
    result = searcher.search(stars=(5,), provinces=("lam-dong",))
    assert result.total == 1
    # the stars facet ignores the stars filter but keeps the province filter: 5★ and 3★ in Lâm Đồng
    assert facet(result, "stars") == {"5": 1, "3": 1}
    # the province facet ignores the province filter but keeps stars=5
    assert facet(result, "province") == {"an-giang": 1, "lam-dong": 1}
    # the other facets apply both filters
    assert facet(result, "group") == {"thuc-pham": 1}
    assert facet(result, "set") == {"ca-phe-ca-cao": 1}
    assert facet(result, "price_band") == {"100000-200000": 1}
    assert facet(result, "in_stock") == {"1": 1}


def test_the_price_band_facet_ignores_the_price_range_and_the_others_keep_it(searcher):
    _catalogue(searcher)
    result = searcher.search(price_max=Decimal(160_000), stars=(4, 5))
    assert [p.name for p in result.products] == ["Nước mắm Phú Quốc", "Nước mắm Nam Ô"]
    # every 4★/5★ product counts in its price band, whatever the price range
    assert facet(result, "price_band") == {"0-100000": 1, "100000-200000": 2, "200000-500000": 1}
    # the stars facet keeps the price range: the 3★ rượu cần at 150.000 ₫ counts, the 5★ coffee at 180.000 ₫ not
    assert facet(result, "stars") == {"5": 1, "4": 1, "3": 1}
    assert facet(result, "province") == {"an-giang": 1, "da-nang": 1}


def test_facets_follow_the_text_query(searcher):
    _catalogue(searcher)
    result = searcher.search("nuoc mam")
    assert result.total == 2
    assert facet(result, "stars") == {"5": 1, "4": 1}
    assert facet(result, "in_stock") == {"1": 1}
    assert facet(result, "price_band") == {"0-100000": 1, "100000-200000": 1}
    assert [v.value for v in result.facets["stars"]] == ["5", "4"]


def test_sorting_by_price_newest_and_stars(searcher):
    searcher.product("Mật ong", stars=4, variants=_price(350_000), created=NOW - datetime.timedelta(days=3))
    searcher.product("Nước mắm", stars=5, variants=_price(125_000), created=NOW - datetime.timedelta(days=9))
    searcher.product("Rượu cần", stars=3, variants=_price(150_000), created=NOW - datetime.timedelta(days=1))
    assert searcher.names(sort="price") == ["Nước mắm", "Rượu cần", "Mật ong"]
    assert searcher.names(sort="-price") == ["Mật ong", "Rượu cần", "Nước mắm"]
    assert searcher.names(sort="newest") == ["Rượu cần", "Mật ong", "Nước mắm"]
    assert searcher.names(sort="stars") == ["Nước mắm", "Mật ong", "Rượu cần"]


def test_pages_split_the_results_without_gaps_or_repeats(searcher):
    for day in range(5):
        searcher.product(f"Bánh tráng số {day}", created=NOW - datetime.timedelta(days=day))
    first = searcher.search("banh trang", sort="newest", per_page=2, page=1)
    second = searcher.search("banh trang", sort="newest", per_page=2, page=2)
    third = searcher.search("banh trang", sort="newest", per_page=2, page=3)
    beyond = searcher.search("banh trang", sort="newest", per_page=2, page=4)
    assert [p.name for p in first.products + second.products + third.products] == [
        f"Bánh tráng số {day}" for day in range(5)
    ]
    assert (first.total, second.total, third.total, beyond.total) == (5, 5, 5, 5)
    assert beyond.products == ()
    assert (second.page, second.per_page) == (2, 2)


def test_a_producer_and_a_showcase_filter_their_products(searcher):
    from catalog_sync.catalogue.records import ProducerRef
    from testkit.catalogue_builders import collection_record

    producer = ProducerRef(id="UGFnZTo3Nw==", slug="htx-meo-vac", title="Hợp tác xã Ong mật Mèo Vạc")
    honey = searcher.product("Mật ong bạc hà", producer=producer)
    searcher.product("Mật ong hoa cà phê", producer=producer)
    other = searcher.product("Mật ong rừng U Minh")
    store.apply_collection(collection_record(product_ids=(other.id, honey.id)))
    showcase = store.published_collections()[0]
    assert sorted(searcher.names(producer_id=producer.id)) == ["Mật ong bạc hà", "Mật ong hoa cà phê"]
    assert sorted(searcher.names("mat ong", collection_id=showcase.id)) == ["Mật ong bạc hà", "Mật ong rừng U Minh"]


# --- changes reach search at once ---------------------------------------------------------------------


def test_a_removed_product_leaves_search_at_once(searcher):
    record = searcher.product("Nước mắm Phú Quốc")
    assert searcher.names("nuoc mam") == ["Nước mắm Phú Quốc"]
    store.remove_product(record.id, at=record.updated_at + datetime.timedelta(seconds=1))
    searcher.refresh()
    result = searcher.search("nuoc mam")
    assert (result.total, result.products) == (0, ())
    assert searcher.search().total == 0


def test_an_edited_name_is_found_by_its_new_words_only(searcher):
    record = searcher.product("Nước mắm Phú Quốc")
    from testkit.catalogue_builders import later

    searcher.add(later(record, name="Mật ong Hạnh Phúc", description=None))
    assert searcher.names("hanh phuc") == ["Mật ong Hạnh Phúc"]
    assert searcher.names("nuoc mam") == []


# --- suggestions --------------------------------------------------------------------------------------


def test_suggestions_complete_the_words_being_typed(searcher):
    searcher.product("Mật ong bạc hà Mèo Vạc", name_en="Meo Vac mint honey", stars=5)
    searcher.product("Mật ong rừng U Minh", stars=4)
    searcher.product("Gạo ST25", stars=5)
    suggestions = searcher.backend.suggest("mat on", limit=8)
    assert [s.text for s in suggestions] == ["Mật ong bạc hà Mèo Vạc", "Mật ong rừng U Minh"]
    assert suggestions[0].url_slug.startswith("mat-ong-bac-ha-meo-vac")
    assert [s.text for s in searcher.backend.suggest("mint hon", language="en")] == ["Meo Vac mint honey"]
    assert searcher.backend.suggest("   ") == []


# --- bounds -------------------------------------------------------------------------------------------


def test_an_overlong_query_or_an_odd_page_is_bounded_not_an_error(searcher):
    searcher.product("Nước mắm Phú Quốc")
    assert searcher.names("nuoc mam " + "x" * 5000) == []
    assert searcher.names("nuoc " * 500) == ["Nước mắm Phú Quốc"]
    result = searcher.search(page=0, per_page=10_000)
    assert (result.page, result.per_page, [p.name for p in result.products]) == (1, 100, ["Nước mắm Phú Quốc"])
