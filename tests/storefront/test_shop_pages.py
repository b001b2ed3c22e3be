"""Home, producer and showcase pages; what every page carries; pages when the read model fails."""

import json

import pytest
from django.db import OperationalError

from catalog_sync.catalogue.search.embedded import EmbeddedBackend
from testkit.catalogue_builders import editorjs

from .html_reading import read_html, text_of

pytestmark = pytest.mark.django_db


def test_home_shows_showcases_five_star_products_groups_search_and_the_certificate_check(client, shop):
    tet = shop.collection(name="Đặc sản Tết 2026", slug="dac-san-tet-2026")
    five = shop.product(name="Mật ong bạc hà Mèo Vạc", stars=5)
    shop.product(name="Trà Ô long Bảo Lộc", stars=4)
    response = client.get("/")
    assert response.status_code == 200
    page = read_html(response.content)
    assert page.all("a", href=f"/showcases/{tet.slug}/")
    assert text_of(response.content, "five-star-heading") == "Sản phẩm 5 sao"
    assert page.all("a", class_="product-link", href=f"/products/{five.slug}/")
    assert "Trà Ô long Bảo Lộc" not in page.text
    groups = [attrs["href"] for attrs in page.all("a") if (attrs.get("href") or "").startswith("/products/?group=")]
    assert groups == ["/products/?group=thuc-pham", "/products/?group=do-uong", "/products/?group=duoc-lieu",
                      "/products/?group=thu-cong-my-nghe", "/products/?group=sinh-vat-canh", "/products/?group=du-lich"]
    assert "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch" in page.text
    assert page.all("form", action="/search/", role="search")
    assert page.all("form", action="/verify/")


def test_producer_page_tells_a_sanitised_story_where_they_are_and_their_products(client, shop):
    story = json.dumps({"blocks": [
        {"type": "header", "data": {"text": "Từ năm 2010", "level": 2}},
        {"type": "paragraph", "data": {"text": 'Đồi chè <b>30 ha</b><script>alert(1)</script>'
                                               '<a href="javascript:alert(2)" onclick="x()">xem</a>'
                                               '<span style="position:fixed">!</span>'}},
    ]})
    producer = shop.producer(title="Hợp tác xã Chè Tân Cương Hoàng Bình", province="thai-nguyen", content=story)
    tea = shop.product(name="Chè Tân Cương Hoàng Bình", producer=producer)
    response = client.get(f"/producers/{producer.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    main = html.split('<main id="main" tabindex="-1">')[1].split("</main>")[0]
    assert "<script" not in main and "javascript:" not in main and "onclick" not in main and "style=" not in main
    assert "<h3>Từ năm 2010</h3><p>Đồi chè <b>30 ha</b><a rel=\"noopener noreferrer nofollow\">xem</a>!</p>" in main
    page = read_html(response.content)
    assert "Tại Thái Nguyên" in page.text
    assert page.all("a", class_="product-link", href=f"/products/{tea.slug}/")
    # in English, the English story
    assert "A cooperative founded in 2010" not in page.text
    producer_en = shop.producer(title="HTX B", content_en=editorjs("A cooperative founded in 2010."))
    assert "A cooperative founded in 2010." in read_html(client.get(f"/en/producers/{producer_en.slug}/").content).text


def test_unknown_producer_and_showcase_are_404(client, db):
    assert client.get("/producers/khong-co/").status_code == 404
    assert client.get("/showcases/khong-co/").status_code == 404


def test_showcase_lists_its_products_for_sale_now_in_its_order(client, shop):
    first = shop.product(name="Gạo ST25 Ông Cua", stars=4)
    second = shop.product(name="Mật ong bạc hà Mèo Vạc", stars=5)
    collection = shop.collection(name="Đặc sản Tết 2026", product_ids=(first.id, "UHJvZHVjdDo5OTk5OQ==", second.id),
                                 description=editorjs("Những sản phẩm OCOP được chọn cho mâm cỗ ngày Tết."))
    response = client.get(f"/showcases/{collection.slug}/")
    assert response.status_code == 200
    page = read_html(response.content)
    assert "Những sản phẩm OCOP được chọn cho mâm cỗ ngày Tết." in page.text
    assert "2 sản phẩm đang bán" in page.text
    assert [item["name"] for item in page.jsonld[0]["itemListElement"]] == ["Gạo ST25 Ông Cua",
                                                                            "Mật ong bạc hà Mèo Vạc"]


@pytest.mark.parametrize("path", ["/", "/products/", "/search/?q=mat", "/products/{product}/",
                                  "/producers/{producer}/", "/showcases/{showcase}/"])
def test_every_page_has_title_description_canonical_and_hreflang(client, shop, path):
    producer = shop.producer()
    product = shop.product(producer=producer)
    collection = shop.collection(product_ids=(product.id,))
    url = path.format(product=product.slug, producer=producer.slug, showcase=collection.slug)
    response = client.get(url)
    assert response.status_code == 200
    page = read_html(response.content)
    assert response.content.decode().count("<title>") == 1
    assert page.all("meta", name="description")[0]["content"].strip()
    path_only, _, query = url.partition("?")
    vi = f"http://testserver{path_only}" + (f"?{query}" if query else "")
    en = f"http://testserver/en{path_only}" + (f"?{query}" if query else "")
    assert page.all("link", rel="canonical")[0]["href"] == vi
    assert page.all("link", rel="alternate", hreflang="vi")[0]["href"] == vi
    assert page.all("link", rel="alternate", hreflang="en")[0]["href"] == en
    assert page.all("link", rel="alternate", hreflang="x-default")[0]["href"] == vi
    english = read_html(client.get(en).content)
    assert english.all("link", rel="canonical")[0]["href"] == en
    assert english.all("html")[0]["lang"] == "en"
    # no inline script or style attribute anywhere (CSP); JSON-LD is data, not script
    for tag, attributes in page.tags:
        assert "style" not in attributes, tag
        assert not any(name.startswith("on") for name in attributes), tag
        if tag == "script":
            assert attributes.get("type") == "application/ld+json" or attributes.get("src"), attributes
        if tag == "img":
            assert attributes.get("alt") is not None and attributes.get("width") and attributes.get("height")


def test_when_the_read_model_fails_remembered_pages_say_prices_may_be_out_of_date(client, shop, monkeypatch):
    # given a catalogue page seen once while all was well
    shop.product(name="Mật ong bạc hà Mèo Vạc")
    assert "có thể đã cũ" not in read_html(client.get("/products/").content).text

    def down(self, query):
        raise OperationalError("connection to server at 127.0.0.1 failed")

    monkeypatch.setattr(EmbeddedBackend, "search", down)
    # while the catalogue has not changed since, its kept page is still the catalogue as it is
    assert "có thể đã cũ" not in read_html(client.get("/products/").content).text
    # when the catalogue changed (the kept page is gone) and the read model stops answering,
    # the last answer remembered is still served, saying so
    shop.product(name="Trà Ô long Bảo Lộc")
    response = client.get("/products/")
    assert response.status_code == 200
    page = read_html(response.content)
    assert "Mật ong bạc hà Mèo Vạc" in page.text
    assert "Hiện không kết nối được danh mục sản phẩm: giá và tồn kho hiển thị có thể đã cũ." in page.text
    # and a page never seen before answers 503 calmly, without a stack trace
    response = client.get("/products/?stars=3")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    text = read_html(response.content).text
    assert "Vui lòng thử lại sau ít phút" in text
    assert "Traceback" not in text and "OperationalError" not in text
