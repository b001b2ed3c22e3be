"""The search page when a shopper slips: "did you mean" links, and suggestions that forgive typing."""

import pytest

from .html_reading import read_html
from .test_listing_pages import card_names

pytestmark = pytest.mark.django_db


def on_sale(shop, name, name_en=None, **overrides):
    """A product whose texts are its name and its producer only (no description, set or old province)."""
    return shop.product(name=name, name_en=name_en, description=None, description_en=None, seo_description=None,
                        product_set=None, province_at_certification=None, **overrides)


@pytest.fixture
def pantry(shop):
    return {
        "fish_sauce": on_sale(shop, "Nước mắm Phú Quốc", "Phu Quoc fish sauce", stars=5,
                              producer_title="Cơ sở Khải Hoàn"),
        "honey": on_sale(shop, "Mật ong bạc hà Mèo Vạc", "Meo Vac mint honey", stars=5,
                         producer_title="HTX Ong mật Mèo Vạc"),
        "ginseng": on_sale(shop, "Sâm Ngọc Linh", stars=4, producer_title="Công ty Sâm Ngọc Linh"),
    }


def did_you_mean(response) -> list[tuple[str, str]]:
    page = read_html(response.content)
    links = []
    html = response.content.decode()
    if 'id="did-you-mean"' not in html:
        return links
    block = html.split('id="did-you-mean"')[1].split("</p>")[0]
    for tag, attrs in read_html(block).tags:
        if tag == "a":
            links.append(attrs["href"])
    texts = [part.split("</a>")[0].split(">")[-1] for part in block.split("<a ")[1:]]
    assert page.text  # the page rendered
    return list(zip(texts, links, strict=True))


def test_a_search_with_two_slips_finds_nothing_but_offers_the_catalogues_words(client, pantry):
    # given a shopper who swapped letters in both words of "nước mắm"
    response = client.get("/search/?q=nuco+mma")
    # then nothing is found, and the page offers the words the catalogue has, with their diacritics
    assert response.status_code == 200
    assert card_names(response) == []
    assert "Không có sản phẩm phù hợp." in read_html(response.content).text
    assert "Có phải bạn muốn tìm:" in read_html(response.content).text
    assert did_you_mean(response) == [("nước mắm", "/search/?q=n%C6%B0%E1%BB%9Bc+m%E1%BA%AFm")]
    # and following the link finds the product
    assert card_names(client.get(did_you_mean(response)[0][1])) == ["Nước mắm Phú Quốc"]


def test_did_you_mean_under_en_is_in_english_and_stays_under_en(client, pantry):
    response = client.get("/en/search/?q=fissh+sacue")
    assert card_names(response) == []
    assert "Did you mean:" in read_html(response.content).text
    assert did_you_mean(response) == [("fish sauce", "/en/search/?q=fish+sauce")]
    assert card_names(client.get("/en/search/?q=fish+sauce")) == ["Phu Quoc fish sauce"]


def test_words_that_never_meet_in_one_product_offer_the_query_without_one_of_them(client, pantry):
    # "honey" and "ginseng" are both in the catalogue, never in one product
    response = client.get("/search/?q=m%E1%BA%ADt+ong+s%C3%A2m")
    assert card_names(response) == []
    # "ong sâm" and "mật sâm" find nothing either: only "mật ong" is offered
    assert did_you_mean(response) == [("mật ong", "/search/?q=m%E1%BA%ADt+ong")]


def test_a_search_that_finds_products_offers_no_corrections(client, pantry):
    response = client.get("/search/?q=nuoc+mamm")
    assert card_names(response) == ["Nước mắm Phú Quốc"]
    assert did_you_mean(response) == []


def test_suggestions_while_typing_offer_the_corrected_product_names(client, pantry):
    # Telex keys, a swapped letter, syllables run together: the product's own name comes back
    for typed in ("nuowcs mawms", "nuoc mma", "nuocmam", "nu7o7c1 ma8m1"):
        response = client.get("/search/suggest/", {"q": typed})
        assert response.json() == {"query": typed, "suggestions": [
            {"text": "Nước mắm Phú Quốc", "url": f"/products/{pantry['fish_sauce'].slug}/"}]}, typed
    assert client.get("/en/search/suggest/", {"q": "mitn honey"}).json()["suggestions"] == [
        {"text": "Meo Vac mint honey", "url": f"/en/products/{pantry['honey'].slug}/"}]
    # one word: the exact syllable first, its typo neighbour ("ngoc", one letter from "nuoc") after it
    assert [s["text"] for s in client.get("/search/suggest/", {"q": "nu7o7c1"}).json()["suggestions"]] == [
        "Nước mắm Phú Quốc", "Sâm Ngọc Linh"]
