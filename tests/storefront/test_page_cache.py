"""Whole pages kept for anonymous visitors (storefront.pagecache): never stale, never someone else's."""

import datetime

import pytest
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory

from catalog_sync.app import health
from catalog_sync.catalogue import models, store
from storefront.pagecache import kept_page
from testkit.catalogue_builders import NOW

from .html_reading import read_html

pytestmark = pytest.mark.django_db

SALEOR_DOWN = "Hệ thống bán hàng tạm thời không phản hồi: giá và tồn kho đang hiển thị có thể chưa cập nhật."


def listed(response) -> list[str]:
    return [item["name"] for item in read_html(response.content).jsonld[0]["itemListElement"]]


def rename_behind_the_stores_back(product, name: str) -> None:
    """A change the read model's writers never made: only a page rendered afresh can show it."""
    models.Product.objects.filter(pk=product.id).update(name=name)


def test_a_kept_page_is_served_again_until_the_catalogue_changes(client, shop):
    # given the catalogue seen once, then a name changed without the store noticing
    honey = shop.product(name="Mật ong bạc hà Mèo Vạc", stars=5)
    fish = shop.product(name="Nước mắm Phú Quốc Khải Hoàn", stars=4)
    assert listed(client.get("/products/")) == ["Mật ong bạc hà Mèo Vạc", "Nước mắm Phú Quốc Khải Hoàn"]
    rename_behind_the_stores_back(honey, "Tên chưa đồng bộ")
    # when the page is asked for again, the kept page answers
    assert listed(client.get("/products/")) == ["Mật ong bạc hà Mèo Vạc", "Nước mắm Phú Quốc Khải Hoàn"]
    # when the plugin withdraws a product (a write to the read model)
    store.remove_product(fish.id, at=NOW + datetime.timedelta(minutes=5))
    # then the next request renders the catalogue as it is now
    assert listed(client.get("/products/")) == ["Tên chưa đồng bộ"]
    response = client.get(f"/products/{fish.slug}/")
    assert response.status_code == 404


def test_a_withdrawn_product_leaves_its_kept_product_page_and_search(client, shop):
    fish = shop.product(name="Nước mắm Phú Quốc Khải Hoàn")
    assert client.get(f"/products/{fish.slug}/").status_code == 200
    assert listed(client.get("/search/?q=nuoc+mam")) == ["Nước mắm Phú Quốc Khải Hoàn"]
    store.remove_product(fish.id, at=NOW + datetime.timedelta(minutes=5))
    assert client.get(f"/products/{fish.slug}/").status_code == 404
    assert listed(client.get("/search/?q=nuoc+mam")) == []


def test_query_strings_and_languages_have_pages_of_their_own(client, shop):
    shop.product(name="Mật ong bạc hà Mèo Vạc", name_en="Meo Vac mint honey", stars=5)
    shop.product(name="Trà Ô long Bảo Lộc", name_en="Bao Loc oolong tea", stars=4)
    # when each address is asked twice
    pages = {path: [client.get(path), client.get(path)] for path in (
        "/products/", "/products/?stars=5", "/products/?stars=4", "/en/products/", "/en/products/?stars=5")}
    # then each keeps its own answer
    shown = {path: [listed(r) for r in responses] for path, responses in pages.items()}
    assert shown == {
        "/products/": [["Mật ong bạc hà Mèo Vạc", "Trà Ô long Bảo Lộc"]] * 2,
        "/products/?stars=5": [["Mật ong bạc hà Mèo Vạc"]] * 2,
        "/products/?stars=4": [["Trà Ô long Bảo Lộc"]] * 2,
        "/en/products/": [["Mật ong bạc hà Mèo Vạc", "Trà Ô long Bảo Lộc"]] * 2,  # names as Saleor holds them
        "/en/products/?stars=5": [["Mật ong bạc hà Mèo Vạc"]] * 2,
    }
    english = pages["/en/products/"][1]
    assert english["Content-Language"] == "en"
    assert 'lang="en"' in english.content.decode() and "Meo Vac mint honey" in english.content.decode()
    assert 'lang="vi"' in pages["/products/"][1].content.decode()


def test_the_saleor_notice_shows_on_a_kept_page_while_saleor_is_down_and_goes_after(client, shop):
    shop.product(name="Mật ong bạc hà Mèo Vạc")
    assert SALEOR_DOWN not in client.get("/products/").content.decode()
    health.record(False)
    assert SALEOR_DOWN in client.get("/products/").content.decode()
    assert SALEOR_DOWN in client.get("/products/").content.decode()
    health.record(True)
    assert SALEOR_DOWN not in client.get("/products/").content.decode()


def test_a_kept_page_carries_the_same_security_headers(client, shop):
    shop.product(name="Mật ong bạc hà Mèo Vạc")
    fresh, kept = client.get("/products/"), client.get("/products/")
    for name in ("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Content-Type",
                 "Content-Language", "Content-Length"):
        assert kept[name] == fresh[name], name
    assert kept.content == fresh.content
    assert "script-src 'self'" in kept["Content-Security-Policy"]
    assert not kept.cookies


def test_a_visitor_with_a_session_gets_a_page_rendered_for_them(client, shop):
    honey = shop.product(name="Mật ong bạc hà Mèo Vạc")
    client.get("/products/")
    rename_behind_the_stores_back(honey, "Tên chưa đồng bộ")
    client.cookies["sessionid"] = "a-signed-in-visitor"
    assert listed(client.get("/products/")) == ["Tên chưa đồng bộ"]


def counting_view(body):
    calls = []

    def view(request):
        calls.append(request)
        return body(request)

    return kept_page(view), calls


def test_a_page_that_sets_a_cookie_is_never_kept(db):
    def with_cookie(request):
        response = HttpResponse("<p>chào</p>")
        response.set_cookie("seen", "1")
        return response

    view, calls = counting_view(with_cookie)
    answers = [view(RequestFactory().get("/products/")) for _ in range(2)]
    assert len(calls) == 2
    assert [a.cookies["seen"].value for a in answers] == ["1", "1"]


def test_a_page_holding_a_csrf_token_is_never_kept(db):
    def with_form(request):
        return HttpResponse(f'<input name="csrfmiddlewaretoken" value="{get_token(request)}">')

    view, calls = counting_view(with_form)
    first, second = (view(RequestFactory().get("/products/")) for _ in range(2))
    assert len(calls) == 2
    assert first.content != second.content  # each visitor's own token


def test_a_plain_page_is_kept_and_a_post_is_not(db):
    view, calls = counting_view(lambda request: HttpResponse("<p>chào</p>"))
    assert [view(RequestFactory().get("/products/?page=2")).content for _ in range(2)] == ["<p>chào</p>".encode()] * 2
    assert len(calls) == 1
    view(RequestFactory().post("/products/?page=2"))
    assert len(calls) == 2
