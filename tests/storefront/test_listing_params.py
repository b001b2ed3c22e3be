"""A listing's whole state lives in its URL: reading it, writing it back, and naming what was wrong."""

from decimal import Decimal

from django.http import QueryDict
from django.utils import translation

from storefront.listing import parse_listing


def state_of(query_string: str, **options):
    with translation.override("en"):
        return parse_listing(QueryDict(query_string), **options)


def test_filters_combine_and_are_written_back_in_one_canonical_order():
    state = state_of("sort=price&in_stock=1&province=lam-dong&stars=5&stars=4&group=thuc-pham&set=ca-phe-ca-cao"
                     "&price_max=300.000&price_min=50000&page=2")
    query = state.query
    assert (query.groups, query.sets, query.stars, query.provinces) == (
        ("thuc-pham",), ("ca-phe-ca-cao",), (5, 4), ("lam-dong",))
    assert (query.price_min, query.price_max, query.in_stock, query.sort, query.page) == (
        Decimal(50000), Decimal(300000), True, "price", 2)
    assert state.errors == ()
    assert state.url() == ("?group=thuc-pham&set=ca-phe-ca-cao&stars=5,4&province=lam-dong&price_min=50000"
                           "&price_max=300000&in_stock=1&sort=price&page=2")
    # a filter change starts again from the first page; the rest is kept
    assert state.url(stars="3", page=None) == ("?group=thuc-pham&set=ca-phe-ca-cao&stars=3&province=lam-dong"
                                               "&price_min=50000&price_max=300000&in_stock=1&sort=price")


def test_comma_lists_and_former_province_names_are_understood():
    state = state_of("stars=4,5&province=Đắk Nông,ba-ria-vung-tau,Hà Giang")
    assert state.query.stars == (4, 5)
    assert state.query.provinces == ("lam-dong", "ho-chi-minh", "tuyen-quang")
    assert state.errors == ()


def test_each_bad_parameter_is_named_and_the_good_ones_are_kept():
    state = state_of("stars=4,7&group=thuc-pham,banh-keo&province=Atlantis&price_min=rẻ&in_stock=maybe"
                     "&sort=cheapest&page=0")
    assert state.query.stars == (4,)
    assert state.query.groups == ("thuc-pham",)
    assert state.query.provinces == ()
    assert state.query.sort == "relevance" and state.query.page == 1
    assert state.errors == (
        "Unknown product group “banh-keo” in group.",
        "stars takes 3, 4 or 5 (OCOP certifies 3 stars and up), not “7”.",
        "Unknown province “Atlantis” in province.",
        "price_min must be a whole number of đồng, not “rẻ”.",
        "in_stock takes 1 or 0, not “maybe”.",
        "Unknown sort order “cheapest”; the default order was used.",
        "page must be a page number from 1 to 1000, not “0”.",
    )


def test_search_text_is_read_only_where_the_page_searches_and_is_bounded():
    assert state_of("q=nuoc+mam").query.text == ""
    assert state_of("q=  nuoc   mam  phu quoc ", with_text=True).query.text == "nuoc mam phu quoc"
    long = state_of("q=" + "a" * 500, with_text=True)
    assert len(long.query.text) == 100
    assert long.errors == ("The search text is longer than 100 characters; only the start was used.",)


def test_reversed_price_range_is_swapped_and_said():
    state = state_of("price_min=500000&price_max=100000")
    assert (state.query.price_min, state.query.price_max) == (Decimal(100000), Decimal(500000))
    assert state.errors == ("price_min is above price_max; the two were swapped.",)


def test_vietnamese_messages_for_vietnamese_pages():
    with translation.override("vi"):
        state = parse_listing(QueryDict("stars=2"))
    assert state.errors == ("stars chỉ nhận 3, 4 hoặc 5 (OCOP công nhận từ 3 sao trở lên), không nhận “2”.",)
