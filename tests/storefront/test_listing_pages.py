"""The catalogue and search pages: filters that combine, facets, sorting, pages, JSON-LD, bad parameters."""

import datetime
from decimal import Decimal

import pytest

from testkit.catalogue_builders import NOW, variant_record

from .html_reading import read_html, text_of

pytestmark = pytest.mark.django_db


def on_sale(shop, name, *, stars=4, province="lam-dong", group="thuc-pham", product_set=None, price=100_000,
            quantity=10, minutes_old=0, **overrides):
    return shop.product(name=name, name_en=None, stars=stars, province=province, group=group,
                        product_set=product_set, created=NOW - datetime.timedelta(minutes=minutes_old),
                        variants=(variant_record(price=Decimal(price), quantity_available=quantity),), **overrides)


def listed_names(response) -> list[str]:
    return [item["name"] for item in read_html(response.content).jsonld[0]["itemListElement"]]


def card_names(response) -> list[str]:
    html = response.content.decode()
    return [read_html(part.split("</span>")[0]).text for part in html.split('<span class="product-name">')[1:]]


@pytest.fixture
def highland(shop):
    """Five products of Lâm Đồng and elsewhere, in several groups, stars, prices and stock."""
    return {
        "coffee": on_sale(shop, "Cà phê Arabica Cầu Đất", stars=5, product_set="ca-phe-ca-cao", price=180_000,
                          minutes_old=1),
        "tea": on_sale(shop, "Trà Ô long Bảo Lộc", stars=4, product_set="che-tuoi-che-bien", price=260_000,
                       minutes_old=2),
        "wine": on_sale(shop, "Rượu cần Đạ Tẻh", stars=3, group="do-uong", product_set="do-uong-co-con-khac",
                        price=150_000, quantity=0, minutes_old=3),
        "honey": on_sale(shop, "Mật ong bạc hà Mèo Vạc", stars=5, province="tuyen-quang",
                         product_set="mat-ong-nong-san-khac", price=450_000, minutes_old=4),
        "rice": on_sale(shop, "Gạo ST25 Ông Cua", stars=4, province="can-tho", product_set="gao-ngu-coc-hat-so-che",
                        price=45_000, minutes_old=5),
    }


def test_catalogue_lists_every_product_with_json_ld_in_display_order(client, highland):
    response = client.get("/products/")
    assert response.status_code == 200
    names = card_names(response)
    # default order: most stars first, then newest
    assert names == ["Cà phê Arabica Cầu Đất", "Mật ong bạc hà Mèo Vạc", "Trà Ô long Bảo Lộc", "Gạo ST25 Ông Cua",
                     "Rượu cần Đạ Tẻh"]
    (item_list,) = read_html(response.content).jsonld
    assert item_list["@type"] == "ItemList"
    assert item_list["itemListElement"][0] == {
        "@type": "ListItem", "position": 1, "name": "Cà phê Arabica Cầu Đất",
        "url": f"http://testserver/products/{highland['coffee'].slug}/"}
    assert [i["position"] for i in item_list["itemListElement"]] == [1, 2, 3, 4, 5]
    assert listed_names(response) == names
    assert text_of(response.content, "result-count") == "5 sản phẩm"


def test_filters_combine_and_facets_count_beside_each_choice(client, highland):
    # given a shopper who wants 4★ or 5★ food from Lâm Đồng
    response = client.get("/products/?group=thuc-pham&stars=4,5&province=lam-dong")
    assert response.status_code == 200
    assert card_names(response) == ["Cà phê Arabica Cầu Đất", "Trà Ô long Bảo Lộc"]
    page = read_html(response.content)
    # each star choice counts what the other filters leave (3★ wine is a drink: not counted)
    labels = {attrs["for"] for _tag, attrs in page.tags if _tag == "label" and attrs.get("for")}
    assert {"f-stars-5", "f-stars-4", "f-stars-3", "f-in-stock", "f-sort"} <= labels
    html = response.content.decode()
    assert 'for="f-stars-5">5 sao <span class="count">(1)</span>' in html
    assert 'for="f-stars-4">4 sao <span class="count">(1)</span>' in html
    assert 'for="f-stars-3">3 sao <span class="count">(0)</span>' in html
    # the province facet counts the other provinces the shopper could switch to
    assert 'for="f-province-tuyen-quang">Tuyên Quang <span class="count">(1)</span>' in html
    assert 'for="f-province-can-tho">Cần Thơ <span class="count">(1)</span>' in html
    # the chosen filters stay checked
    assert "checked" in page.all("input", id="f-stars-5")[0]
    assert "checked" in page.all("input", id="f-province-lam-dong")[0]
    assert "checked" not in page.all("input", id="f-stars-3")[0]


def test_a_former_province_name_finds_its_current_province(client, highland):
    response = client.get("/products/?province=Đắk Nông", follow=True)
    assert response.redirect_chain == [("/products/?province=lam-dong", 302)]
    assert sorted(card_names(response)) == ["Cà phê Arabica Cầu Đất", "Rượu cần Đạ Tẻh", "Trà Ô long Bảo Lộc"]
    # and the page's own links write the current province
    assert read_html(response.content).all("link", rel="canonical")[0]["href"] == \
        "http://testserver/products/?province=lam-dong"


def test_price_range_in_stock_and_sorting(client, highland):
    response = client.get("/products/?price_min=100000&price_max=300.000&sort=price", follow=True)
    assert card_names(response) == ["Rượu cần Đạ Tẻh", "Cà phê Arabica Cầu Đất", "Trà Ô long Bảo Lộc"]
    response = client.get("/products/?price_min=100000&price_max=300000&in_stock=1&sort=-price")
    assert card_names(response) == ["Trà Ô long Bảo Lộc", "Cà phê Arabica Cầu Đất"]
    response = client.get("/products/?sort=newest")
    assert card_names(response)[0] == "Cà phê Arabica Cầu Đất"
    assert card_names(response)[-1] == "Gạo ST25 Ông Cua"
    # the price bands link to their range, with counts
    html = client.get("/products/").content.decode()
    assert '<a href="?price_min=0&amp;price_max=99999">dưới 100.000 ₫</a> <span class="count">(1)</span>' in html
    assert '<a href="?price_min=100000&amp;price_max=199999">100.000 ₫ – 200.000 ₫</a> ' \
           '<span class="count">(2)</span>' in html


def test_pagination_keeps_the_filters_and_json_ld_continues_positions(client, shop):
    # given 30 Lâm Đồng coffees and one honey from elsewhere
    for n in range(30):
        on_sale(shop, f"Cà phê Cầu Đất số {n:02d}", stars=4, minutes_old=n)
    on_sale(shop, "Mật ong", province="tuyen-quang")
    first = client.get("/products/?province=lam-dong")
    assert len(card_names(first)) == 24
    page = read_html(first.content)
    assert page.all("a", rel="next")[0]["href"] == "?province=lam-dong&page=2"
    second = client.get("/products/?province=lam-dong&page=2")
    assert second.status_code == 200
    assert card_names(second) == [f"Cà phê Cầu Đất số {n:02d}" for n in range(24, 30)]
    page = read_html(second.content)
    assert page.all("a", rel="prev")[0]["href"] == "?province=lam-dong"
    assert [i["position"] for i in page.jsonld[0]["itemListElement"]] == list(range(25, 31))
    assert text_of(second.content, "result-count") == "30 sản phẩm"
    assert "trang 2" in second.content.decode().split("<title>")[1].split("</title>")[0]


def test_a_page_past_the_end_is_404_with_the_way_back(client, highland):
    response = client.get("/products/?stars=5&page=4")
    assert response.status_code == 404
    page = read_html(response.content)
    assert "Không có trang 4: danh sách này có 1 trang." in page.text
    assert card_names(response) == []


def test_bad_parameters_get_a_clear_message_and_the_good_ones_still_apply(client, highland):
    response = client.get("/products/?stars=4,9&province=Atlantis&sort=cheap&price_min=abc&group=thuc-pham")
    assert response.status_code == 400
    assert text_of(response.content, "filter-errors") == (
        "Một số bộ lọc không hợp lệ và đã được bỏ qua: "
        "stars chỉ nhận 3, 4 hoặc 5 (OCOP công nhận từ 3 sao trở lên), không nhận “9”. "
        "province: không có tỉnh, thành phố “Atlantis”. "
        "price_min phải là số đồng nguyên, không nhận “abc”. "
        "sort: không có cách sắp xếp “cheap”; đã dùng thứ tự mặc định.")
    assert card_names(response) == ["Trà Ô long Bảo Lộc", "Gạo ST25 Ông Cua"]


@pytest.mark.parametrize("query", ["page=-1", "page=99999999999999999999", "stars=" + ",".join(["4"] * 500),
                                   "price_max=1e400", "price_min=NaN", "q=" + "x" * 5000, "in_stock=%00",
                                   "province=%ff%fe", "group=<script>"])
def test_hostile_parameters_never_give_a_server_error(client, highland, query):
    response = client.get(f"/products/?{query}", follow=True)
    assert response.status_code in {200, 400}
    assert "<script>" not in response.content.decode().split("</header>")[1]


def test_search_finds_without_diacritics_and_keeps_filters(client, highland, shop):
    on_sale(shop, "Nước mắm Phú Quốc Khải Hoàn", stars=5, province="an-giang", product_set="tuong-nuoc-mam-gia-vi-long")
    response = client.get("/search/?q=nuoc+mam+phu+quoc")
    assert response.status_code == 200
    assert card_names(response)[0] == "Nước mắm Phú Quốc Khải Hoàn"
    assert listed_names(response)[0] == "Nước mắm Phú Quốc Khải Hoàn"
    page = read_html(response.content)
    assert page.all("input", id="site-search")[0]["value"] == "nuoc mam phu quoc"
    assert "Kết quả cho “nuoc mam phu quoc”" in page.text
    # "Đà Lạt"-style folding: đ in the query finds d in the name and back
    assert card_names(client.get("/search/?q=ca+phe+cau+dat&province=lam-dong")) == ["Cà phê Arabica Cầu Đất"]
    assert card_names(client.get("/search/?q=Gao+ST25&stars=5")) == []


def test_suggestions_as_you_type_are_json(client, highland):
    response = client.get("/search/suggest/?q=mat ong")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    # the honey; then the rice, its producer's "mại" one letter from "mat" (a typo ranks below the words)
    assert response.json() == {"query": "mat ong", "suggestions": [
        {"text": "Mật ong bạc hà Mèo Vạc", "url": f"/products/{highland['honey'].slug}/"},
        {"text": "Gạo ST25 Ông Cua", "url": f"/products/{highland['rice'].slug}/"}]}
    assert client.get("/search/suggest/?q=m").json() == {"query": "m", "suggestions": []}


def test_english_catalogue_writes_names_and_prices_the_english_way(client, highland):
    response = client.get("/en/products/?stars=5")
    page = read_html(response.content)
    assert "2 products" in page.text
    assert "₫180,000" in page.text
    html = response.content.decode()
    assert 'for="f-stars-5">5 stars <span class="count">(2)</span>' in html
    assert 'for="f-group-thuc-pham">Food <span class="count">(2)</span>' in html


def test_a_filter_form_submission_lands_on_the_short_canonical_url(client, highland):
    response = client.get("/products/?stars=5&stars=4&price_min=&price_max=&sort=relevance&province=lam-dong")
    assert response.status_code == 302
    assert response["Location"] == "/products/?stars=5,4&province=lam-dong"
    assert client.get(response["Location"]).status_code == 200


def test_suggestions_stay_calm_when_search_fails(client, highland, monkeypatch):
    from catalog_sync.catalogue.search.embedded import EmbeddedBackend

    def down(self, text, **kwargs):
        raise OSError("search backend down")

    monkeypatch.setattr(EmbeddedBackend, "suggest", down)
    response = client.get("/search/suggest/?q=mat ong")
    assert response.status_code == 200
    assert response.json() == {"query": "mat ong", "suggestions": []}


def test_english_listing_shows_english_names_and_lists_saleors_names_in_json_ld(client, shop):
    # given a product with Saleor's name and its English translation
    shop.product(name="Cà phê Arabica Cầu Đất", name_en="Cau Dat Arabica coffee")
    # when an export buyer opens the English catalogue
    response = client.get("/en/products/")
    # then the card reads in English, and the ItemList names the product as Saleor holds it
    assert card_names(response) == ["Cau Dat Arabica coffee"]
    assert listed_names(response) == ["Cà phê Arabica Cầu Đất"]
