"""The product page: what a shopper reads, and what search engines read (JSON-LD)."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from catalog_sync.catalogue import store
from testkit.catalogue_builders import NOW, editorjs, variant_record

from .html_reading import read_html, text_of

pytestmark = pytest.mark.django_db


def fish_sauce(shop, make_certificate, **overrides):
    make_certificate(id="AG-2024-0001", product_name="Nước mắm Phú Quốc Khải Hoàn 40 độ đạm",
                     producer="Công ty Cổ phần thương mại Khải Hoàn", stars=5, issued_on=datetime.date(2024, 11, 12),
                     decision_no="1234/QĐ-UBND", province="an-giang")
    producer = shop.producer(title="Công ty Cổ phần thương mại Khải Hoàn", province="an-giang",
                             title_en="Khai Hoan Trading JSC")
    fields = dict(
        name="Nước mắm Phú Quốc Khải Hoàn 40 độ đạm", slug="nuoc-mam-phu-quoc-khai-hoan-ag-2024-0001",
        certificate_id="AG-2024-0001", stars=5, valid_until=datetime.date(2027, 11, 12), producer=producer,
        variants=(variant_record(name="Chai 500 ml", name_en="500 ml bottle", sku="KH-500", price=Decimal(125_000),
                                 quantity_available=40),
                  variant_record(name="Chai 1 lít", name_en="1 litre bottle", sku="KH-1000", price=Decimal(230_000),
                                 quantity_available=0)),
    )
    fields.update(overrides)
    return shop.product(**fields), producer


def test_product_page_shows_price_variants_stock_badge_and_producer(client, shop, make_certificate):
    # given a 5★ fish sauce for sale, its certificate in the registry and its producer's page
    product, producer = fish_sauce(shop, make_certificate)
    # when a shopper opens it
    response = client.get("/products/nuoc-mam-phu-quoc-khai-hoan-ag-2024-0001/")
    # then they read the name, the lowest price the Vietnamese way, each option with its stock
    assert response.status_code == 200
    page = read_html(response.content)
    assert page.all("h1") and "Nước mắm Phú Quốc Khải Hoàn 40 độ đạm" in page.text
    assert "từ 125.000 ₫" in page.text
    assert "Chai 500 ml 125.000 ₫ còn 40" in page.text
    assert "Chai 1 lít 230.000 ₫ Hết hàng" in page.text
    # the OCOP badge: stars, last valid day, decision, and the way to check it
    assert page.all("a", id="certificate-badge")[0]["href"] == "/verify/AG-2024-0001/"
    assert text_of(response.content, "certificate-badge") == (
        "OCOP ★★★★★ Giấy chứng nhận AG-2024-0001 hiệu lực đến hết ngày 12/11/2027 "
        "quyết định 1234/QĐ-UBND ngày 12/11/2024 Kiểm tra giấy chứng nhận này")
    assert page.all("span", class_="stars")[0]["aria-label"] == "5 sao"
    # the producer card leads to the producer's page
    assert page.all("a", href=f"/producers/{producer.slug}/")
    assert text_of(response.content, "producer-card") == (
        "Chủ thể sản xuất Công ty Cổ phần thương mại Khải Hoàn An Giang Hợp tác xã thành lập năm 2010 tại xã "
        "Phúc Xuân, trồng chè trên 30 ha theo tiêu chuẩn VietGAP. Đọc câu chuyện của chủ thể")
    # photos carry alt text and their size
    images = page.all("img")
    assert images[0] == {"src": product.images[0].url, "alt": product.images[0].alt, "width": "1200",
                         "height": "1200"}


def test_product_json_ld_has_offers_and_the_ocop_certification_never_a_rating(client, shop, make_certificate):
    product, _ = fish_sauce(shop, make_certificate)
    page = read_html(client.get(f"/products/{product.slug}/").content)
    (data,) = page.jsonld
    url = f"http://testserver/products/{product.slug}/"
    assert data == {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": "Nước mắm Phú Quốc Khải Hoàn 40 độ đạm",
        "url": url,
        "sku": "AG-2024-0001",
        "category": "Thực phẩm",
        "image": [product.images[0].url],
        "description": "Nước mắm truyền thống ủ chượp từ cá cơm than trong thùng gỗ bời lời 12 tháng. "
                       "Đạm cao, vị ngọt hậu, không chất bảo quản.",
        "manufacturer": {"@type": "Organization", "name": "Công ty Cổ phần thương mại Khải Hoàn"},
        "offers": [
            {"@type": "Offer", "name": "Chai 500 ml", "sku": "KH-500", "price": "125000", "priceCurrency": "VND",
             "availability": "https://schema.org/InStock", "url": url},
            {"@type": "Offer", "name": "Chai 1 lít", "sku": "KH-1000", "price": "230000", "priceCurrency": "VND",
             "availability": "https://schema.org/OutOfStock", "url": url},
        ],
        "hasCertification": {
            "@type": "Certification",
            "name": "OCOP",
            "certificationIdentification": "AG-2024-0001",
            "certificationRating": {"@type": "Rating", "ratingValue": 5, "bestRating": 5, "worstRating": 3},
            "expires": "2027-11-12",
            "url": "http://testserver/verify/AG-2024-0001/",
            "issuedBy": {"@type": "Organization", "name": "UBND tỉnh Tuyên Quang"},
        },
    }
    assert "aggregateRating" not in client.get(f"/products/{product.slug}/").content.decode()


def test_single_variant_offer_is_one_object(client, shop, make_certificate):
    product, _ = fish_sauce(shop, make_certificate, variants=(variant_record(price=Decimal(95_000), sku="KH-1"),))
    (data,) = read_html(client.get(f"/products/{product.slug}/").content).jsonld
    assert data["offers"]["price"] == "95000"
    assert data["offers"]["availability"] == "https://schema.org/InStock"


def test_english_page_uses_saleor_translations_and_falls_back_to_vietnamese(client, shop, make_certificate):
    product, _ = fish_sauce(shop, make_certificate, name_en="Khai Hoan Phu Quoc fish sauce",
                            description_en=editorjs("Aged 12 months in wooden barrels."))
    page = read_html(client.get(f"/en/products/{product.slug}/").content)
    assert "Khai Hoan Phu Quoc fish sauce" in page.text
    assert "Aged 12 months in wooden barrels." in page.text
    assert "from ₫125,000" in page.text
    assert "500 ml bottle ₫125,000 40 left" in page.text
    assert "valid until Nov 12, 2027" in page.text
    # a product without an English name keeps its Vietnamese one
    other = shop.product(name="Mật ong bạc hà Mèo Vạc", name_en=None, description_en=None)
    page = read_html(client.get(f"/en/products/{other.slug}/").content)
    assert page.jsonld[0]["name"] == "Mật ong bạc hà Mèo Vạc"
    assert "Nước mắm truyền thống" in page.text


def test_product_without_photos_gets_its_group_placeholder(client, shop):
    product = shop.product(group="do-uong", product_set=None, thumbnail=None, images=())
    page = read_html(client.get(f"/products/{product.slug}/").content)
    image = page.all("img")[0]
    assert image["src"] == "/static/storefront/placeholders/do-uong.svg"
    assert (image["alt"], image["width"], image["height"]) == (product.name, "400", "400")
    drawing = finders.find("storefront/placeholders/do-uong.svg")
    assert drawing
    assert Path(drawing).read_text(encoding="utf-8").startswith('<svg xmlns="http://www.w3.org/2000/svg"')


def test_a_withdrawn_product_answers_404_with_search_and_the_producers_other_products(
        client, shop, make_certificate):
    # given a producer with two products for sale, one of which the plugin then withdraws
    product, producer = fish_sauce(shop, make_certificate)
    sibling = shop.product(name="Nước mắm Khải Hoàn 35 độ đạm", producer=producer)
    store.remove_product(product.id, at=NOW + datetime.timedelta(minutes=5))
    # when a shopper follows an old link to it
    response = client.get(f"/products/{product.slug}/")
    # then the page says it is not for sale, offers a search and the producer's other product
    assert response.status_code == 404
    page = read_html(response.content)
    assert "Sản phẩm này hiện không được bán" in page.text
    assert page.all("input", name="q", value="nuoc mam phu quoc khai hoan")
    assert "Sản phẩm khác của Công ty Cổ phần thương mại Khải Hoàn" in page.text
    assert page.all("a", class_="product-link", href=f"/products/{sibling.slug}/")
    assert not page.all("a", class_="product-link", href=f"/products/{product.slug}/")


def test_an_unknown_product_answers_404_with_a_search_box(client, db):
    response = client.get("/products/khong-co-san-pham-nay/")
    assert response.status_code == 404
    page = read_html(response.content)
    assert "Sản phẩm này hiện không được bán" in page.text
    assert page.all("input", name="q", value="khong co san pham nay")


def test_related_products_come_from_the_same_product_set(client, shop):
    # given three fish sauces and a honey
    product = shop.product(name="Nước mắm Phú Quốc Khải Hoàn", product_set="tuong-nuoc-mam-gia-vi-long")
    sibling = shop.product(name="Nước mắm Nam Ô", product_set="tuong-nuoc-mam-gia-vi-long", producer_title="HTX Nam Ô")
    honey = shop.product(name="Mật ong bạc hà", product_set="mat-ong-nong-san-khac", producer_title="HTX Mèo Vạc")
    response = client.get(f"/products/{product.slug}/")
    related = response.content.decode().split('id="related-heading"')[1]
    assert f'href="/products/{sibling.slug}/"' in related
    assert f'href="/products/{honey.slug}/"' not in related
    assert f'href="/products/{product.slug}/"' not in related
