"""A producer edits their product (description, photos, variants) in the portal, against replies recorded from a
real Saleor 3.23.

Recorded in this file's order on one fresh Saleor database (``python -m tests.portal.record products``): the
catalogue of the two producers first (with demo prices and stock), then each test reads the read model from
Saleor (a reindex) and works in the portal. Cassettes: ``tests/fixtures/saleor/portal/products/``.
"""

from __future__ import annotations

import datetime
import io
import json
import re

import pytest
from django.core.management import call_command
from PIL import Image

from catalog_sync.app.clients import app_client
from catalog_sync.catalogue.models import Product
from catalog_sync.registry.models import Certificate
from catalog_sync.saleor import product_edits
from catalog_sync.saleor.catalogue import import_catalogue
from portal.models import PortalChange
from storefront.richtext import render_editorjs

pytestmark = pytest.mark.django_db

ON = datetime.date(2026, 11, 22)
HONEY, COFFEE = "HTX Ong mật Mèo Vạc", "Công ty TNHH Cà phê Cầu Đất"
HOSTILE = ('Mật ong <b>bạc hà</b> nguyên chất<script>alert("x")</script>\n\n'
           '<h2 onclick="alert(1)">Cách dùng</h2><ul><li>Pha với <i>nước ấm</i></li><li>Ăn kèm bánh</li></ul>'
           '<img src=x onerror="alert(2)"><p style="color:red">Xem <a href="javascript:alert(3)">đây</a> '
           'hoặc <a href="https://ocop.gov.vn/">trang OCOP</a></p><iframe src="https://evil.example/"></iframe>')


def reindex(settings) -> None:
    token = settings.SALEOR_APP_TOKEN
    call_command("search_reindex", stdout=io.StringIO(), stderr=io.StringIO())
    settings.SALEOR_APP_TOKEN = token


def product_of(producer_name: str) -> Product:
    return Product.objects.get(producer_title=producer_name)


def requests_of(transport) -> list[dict]:
    return [exchange["request"] for exchange in getattr(transport, "exchanges", [])]


def asked(transport) -> int:
    return transport.position if hasattr(transport, "position") else len(transport.exchanges)


def image_bytes(fmt: str = "PNG", size: tuple[int, int] = (64, 48), colour: str = "#e0a800") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format=fmt)
    return out.getvalue()


def upload(name: str, content: bytes, content_type: str = "image/png"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type=content_type)


def page_of(person, product: Product) -> str:
    response = person.get(f"/portal/products/{product.id}/")
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_the_two_producers_catalogue_is_in_saleor(cassette, two_producers):
    cassette("portal/products/01_catalogue")
    call_command("saleor_bootstrap", stdout=io.StringIO())
    with app_client() as client:
        summary = import_catalogue(client, Certificate.objects.in_catalogue_on, today=ON, demo=True)
    assert (summary.created, summary.errors, summary.producers["created"]) == (2, [], 2)


def test_a_producer_opens_their_product_and_sees_the_registry_facts_read_only(
        cassette, two_producers, producer_person, settings):
    # given the catalogue in the read model and a person of the honey producer
    cassette("portal/products/02_product_page")
    reindex(settings)
    honey = product_of(HONEY)
    person = producer_person(two_producers[0], "lan@example.vn")
    # when they list their products and open the honey product
    listing = person.get("/portal/products/").content.decode()
    assert f'href="/portal/products/{honey.id}/"' in listing
    html = page_of(person, honey)
    # then certificate, stars, last valid day, group and province are shown, and no field can change them
    facts = re.search(r'<p class="readonly" id="facts">(.*?)</p>', html, re.S).group(1)
    assert "TQ-2025-0901" in facts and "4★" in facts and "10/03/2028" in facts
    assert "Thực phẩm" in facts and "Tuyên Quang" in facts
    for field in ("certificate", "stars", "valid_until", "group", "province"):
        assert f'name="{field}"' not in html
    # and the description, photos and variants forms, each with its CSRF token
    assert 'name="description"' in html and 'name="photo"' in html and 'name="name"' in html
    assert html.count('name="csrfmiddlewaretoken"') >= 3
    assert 'enctype="multipart/form-data"' in html
    # and in English under /en/
    english = person.get(f"/en/portal/products/{honey.id}/").content.decode()
    assert "Description" in english and "Food" in english


def test_a_description_is_sanitised_before_saleor_and_inert_in_the_shop(
        cassette, two_producers, producer_person, settings):
    # given the honey product
    transport = cassette("portal/products/03_description")
    reindex(settings)
    honey = product_of(HONEY)
    person = producer_person(two_producers[0], "lan@example.vn")
    # when its person saves a description holding script, event handlers, a javascript: link and an iframe
    response = person.post(f"/portal/products/{honey.id}/", {"form": "description", "description": HOSTILE})
    assert response.status_code == 302 and response["Location"] == f"/portal/products/{honey.id}/"
    # then Saleor received EditorJS blocks with none of it
    [sent] = [r for r in requests_of(transport) if r["operationName"] == "PortalProductDescription"]
    document = json.loads(sent["variables"]["description"])
    assert [block["type"] for block in document["blocks"]] == ["paragraph", "header", "list", "paragraph"]
    text = json.dumps(document)
    for hostile in ("script", "alert", "onclick", "onerror", "javascript", "style=", "color", "iframe", "<img"):
        assert hostile not in text, hostile
    assert document["blocks"][2]["data"]["items"] == ["Pha với <i>nước ấm</i>", "Ăn kèm bánh"]
    # and the page shows what Saleor holds, ready to edit again
    page = person.get(response["Location"]).content.decode()
    assert "Đã lưu: mô tả." in page
    assert "&lt;h2&gt;Cách dùng&lt;/h2&gt;" in page  # the text area holds the editor's text, escaped
    # and the change is recorded, before and after
    [change] = PortalChange.objects.all()
    assert (change.object_type, change.object_id, change.field) == ("product", honey.id, "description")
    assert change.after.startswith("Mật ong bạc hà nguyên chất Cách dùng Pha với nước ấm")
    assert change.before != change.after
    # and the shop, once the read model has it, renders it inert
    reindex(settings)
    stored = product_of(HONEY).description
    assert render_editorjs(stored) == render_editorjs(json.dumps(document))
    shop = person.get(f"/products/{honey.slug}/").content.decode()
    assert "Cách dùng" in shop and '<a href="https://ocop.gov.vn/"' in shop
    for hostile in ("alert(", "onclick", "onerror", "javascript:", "evil.example"):
        assert hostile not in shop, hostile


def test_saving_the_same_description_writes_nothing(cassette, two_producers, producer_person, settings):
    transport = cassette("portal/products/04_description_unchanged")
    reindex(settings)
    honey = product_of(HONEY)
    person = producer_person(two_producers[0], "lan@example.vn")
    shown = re.search(r'<textarea name="description"[^>]*>(.*?)</textarea>', page_of(person, honey), re.S).group(1)
    from html import unescape

    response = person.post(f"/portal/products/{honey.id}/", {"form": "description",
                                                             "description": unescape(shown)}, follow=True)
    assert "Không có gì thay đổi." in response.content.decode()
    assert "PortalProductDescription" not in json.dumps(requests_of(transport))
    assert not PortalChange.objects.exists()


def test_photos_are_uploaded_and_what_is_not_a_photo_is_refused_naming_the_field(
        cassette, two_producers, producer_person, settings):
    # given the two products and a person of each producer
    transport = cassette("portal/products/05_photos")
    reindex(settings)
    honey, coffee = product_of(HONEY), product_of(COFFEE)
    lan = producer_person(two_producers[0], "lan@example.vn")
    minh = producer_person(two_producers[1], "minh@example.vn")
    # when Lan uploads two photos (PNG, then JPEG) and Minh one of the coffee
    for name, content, alt in (("hu-mat-ong.png", image_bytes(), "Hũ mật ong 500 ml"),
                               ("to-ong.jpg", image_bytes("JPEG", colour="#704214"), "Tổ ong ở Mèo Vạc")):
        response = lan.post(f"/portal/products/{honey.id}/", {"form": "photo", "photo": upload(name, content),
                                                              "alt": alt})
        assert response.status_code == 302, response.content.decode()[-1500:]
    minh.post(f"/portal/products/{coffee.id}/", {"form": "photo", "alt": "Cà phê rang",
                                                 "photo": upload("ca-phe.webp", image_bytes("WEBP"))})
    # then Saleor got each as a multipart upload, and the page shows them in order with their texts
    uploads = [r for r in requests_of(transport) if r["operationName"] == "PortalMediaCreate"]
    assert [(u["variables"]["product"], u["variables"]["alt"], u["variables"]["files"][0]["filename"])
            for u in uploads] == [(honey.id, "Hũ mật ong 500 ml", "hu-mat-ong.png"),
                                  (honey.id, "Tổ ong ở Mèo Vạc", "to-ong.jpg"),
                                  (coffee.id, "Cà phê rang", "ca-phe.webp")]
    html = page_of(lan, honey)
    assert html.index('alt="Hũ mật ong 500 ml"') < html.index('alt="Tổ ong ở Mèo Vạc"')
    assert "Cà phê rang" not in html
    made = asked(transport)
    # when Lan sends a text file named like a photo, a GIF, and a photo over 5 MB
    refused = [
        (upload("hu.jpg", b"not an image at all", "image/jpeg"), 400, "Hãy tải lên một hình ảnh hợp lệ"),
        (upload("hu.gif", image_bytes("GIF"), "image/gif"), 400, "Hãy gửi ảnh JPEG, PNG hoặc WebP."),
        (upload("big.png", b"\x89PNG" + b"0" * (5 * 1024 * 1024 + 300_000)), 413, "lớn hơn 5 MB"),
    ]
    for photo, status, message in refused:
        response = lan.post(f"/portal/products/{honey.id}/", {"form": "photo", "photo": photo, "alt": "x"})
        # then each is refused with the reason next to the photo field, and nothing is sent to Saleor
        assert response.status_code == status
        assert message in response.content.decode()
    assert "PortalMediaCreate" not in json.dumps(requests_of(transport)[made:])
    assert [c.field for c in PortalChange.objects.order_by("id")] == ["photo", "photo", "photo"]


def test_a_photo_gets_its_text_moves_and_is_deleted(cassette, two_producers, producer_person, settings):
    # given the honey product's two photos
    transport = cassette("portal/products/06_photo_edits")
    reindex(settings)
    honey = product_of(HONEY)
    lan = producer_person(two_producers[0], "lan@example.vn")
    with app_client() as saleor:
        first, second = product_edits.product_state(saleor, honey.id).photos
    url = f"/portal/products/{honey.id}/"
    # when Lan changes the second photo's text, moves it up, then deletes the one now second
    assert lan.post(url, {"form": "photo-edit", "media_id": second.id, "action": "alt",
                          "alt": "Tổ ong mật bạc hà"}).status_code == 302
    assert lan.post(url, {"form": "photo-edit", "media_id": second.id, "action": "up", "alt": ""}).status_code == 302
    html = page_of(lan, honey)
    assert html.index('alt="Tổ ong mật bạc hà"') < html.index('alt="Hũ mật ong 500 ml"')
    assert 'aria-label="Chuyển ảnh 1 lên"' not in html and 'aria-label="Chuyển ảnh 2 xuống"' not in html
    assert lan.post(url, {"form": "photo-edit", "media_id": first.id, "action": "delete", "alt": ""}).status_code == 302
    # then Saleor holds the one photo, with its new text
    with app_client() as saleor:
        [left] = product_edits.product_state(saleor, honey.id).photos
    assert (left.id, left.alt) == (second.id, "Tổ ong mật bạc hà")
    writes = [r["operationName"] for r in requests_of(transport) if r["operationName"].startswith("PortalMedia")]
    assert writes == ["PortalMediaUpdate", "PortalMediaReorder", "PortalMediaDelete"]
    # and each change is recorded
    assert list(PortalChange.objects.order_by("id").values_list("object_id", "field", "before", "after")) == [
        (second.id, "alt", "Tổ ong ở Mèo Vạc", "Tổ ong mật bạc hà"),
        (second.id, "position", "2", "1"),
        (first.id, "photo", "Hũ mật ong 500 ml", ""),
    ]


def test_a_variant_is_added_with_its_price_and_stock(cassette, two_producers, producer_person, settings):
    # given the honey product with its one variant
    transport = cassette("portal/products/07_variant")
    reindex(settings)
    honey = product_of(HONEY)
    lan = producer_person(two_producers[0], "lan@example.vn")
    url = f"/portal/products/{honey.id}/"
    # when Lan adds a 250 ml jar, with a fraction of a đồng first, then right
    wrong = lan.post(url, {"form": "variant", "name": "Hũ 250 ml", "price": "89000.5", "stock": "-2"})
    assert wrong.status_code == 400 and wrong.content.decode().count('class="errorlist"') == 2
    response = lan.post(url, {"form": "variant", "name": "  Hũ   250 ml ", "price": "89000", "stock": "12"})
    assert response.status_code == 302
    # then Saleor holds it, priced in ocop-vn and stocked in the warehouse, named by name and SKU
    with app_client() as saleor:
        state = product_edits.product_state(saleor, honey.id)
    added = next(v for v in state.variants if v.name == "Hũ 250 ml")
    assert (added.price, added.stock, added.sku) == (89000, 12, "OCOP-TQ-2025-0901-HU-250-ML")
    page = page_of(lan, honey)
    assert "Đã lưu: quy cách mới Hũ 250 ml." in page and f'href="/portal/variants/{added.id}/"' in page
    # and adding it again is refused naming the field, nothing sent
    made = asked(transport)
    again = lan.post(url, {"form": "variant", "name": "hũ 250 ML", "price": "1", "stock": "1"})
    assert again.status_code == 400 and "Sản phẩm đã có một quy cách tên này." in again.content.decode()
    assert "PortalVariantCreate" not in json.dumps(requests_of(transport)[made:])
    assert list(PortalChange.objects.order_by("id").values_list("object_id", "field", "after")) == [
        (added.id, "variant", "Hũ 250 ml (OCOP-TQ-2025-0901-HU-250-ML)"), (added.id, "price", "89000"),
        (added.id, "stock", "12")]


METHODS = ("get", "post", "put", "patch", "delete", "head", "options")


def test_ownership_matrix_each_producer_tries_every_product_url_and_form_of_the_other(
        cassette, two_producers, producer_person, settings, client):
    # given both products, each with a photo, and one person of each producer
    transport = cassette("portal/products/08_ownership_matrix")
    reindex(settings)
    honey, coffee = product_of(HONEY), product_of(COFFEE)
    with app_client() as saleor:
        before = {p.id: product_edits.product_state(saleor, p.id) for p in (honey, coffee)}
    photo_of = {pid: state.photos[0].id for pid, state in before.items()}
    variant_of = {pid: state.variants[0].id for pid, state in before.items()}
    people = {honey.id: producer_person(two_producers[0], "lan@example.vn"),
              coffee.id: producer_person(two_producers[1], "minh@example.vn")}
    start = asked(transport)
    refused = 0
    for own, other in ((honey, coffee), (coffee, honey)):
        person = people[own.id]
        # the list shows only their own product
        listing = person.get(f"/portal/products/?product={other.id}&producer={other.producer_id}").content.decode()
        assert other.id not in listing and other.name not in listing
        # every form of the other's product, with every method, the other's ids in every field
        forms = [
            {"form": "description", "description": "chiếm quyền"},
            {"form": "photo", "alt": "x", "photo": None},
            *({"form": "photo-edit", "media_id": photo_of[other.id], "action": action, "alt": "x"}
              for action in ("alt", "up", "down", "delete")),
            {"form": "variant", "name": "1 kg", "price": "1000", "stock": "1"},
        ]
        for prefix in ("", "/en"):
            for target in (other.id, f"{other.id}x", variant_of[other.id], photo_of[other.id]):
                for method in METHODS:
                    for fields in forms if method == "post" else forms[:1]:
                        data = {**fields, "product": other.id, "producer": other.producer_id, "id": other.id}
                        if "photo" in data:
                            data["photo"] = upload("p.png", image_bytes())
                        response = getattr(person, method)(f"{prefix}/portal/products/{target}/", data)
                        assert response.status_code == 404, (method, prefix, target, fields, response.status_code)
                        refused += 1
    assert asked(transport) == start  # none of those reached Saleor
    # and their own product's forms posted with the other's photo id (a tampered hidden field): 404 after
    # Saleor says the photo is not under their product
    for own, other in ((honey, coffee), (coffee, honey)):
        for action in ("alt", "up", "down", "delete"):
            response = people[own.id].post(f"/portal/products/{own.id}/", {
                "form": "photo-edit", "media_id": photo_of[other.id], "action": action, "alt": "chiếm quyền"})
            assert response.status_code == 404, (action, response.status_code)
            refused += 1
    # and a read model that lags behind Saleor (it gives Lan the coffee product) does not fool it
    Product.objects.filter(pk=coffee.id).update(producer_slug=honey.producer_slug)
    for method in ("get", "post"):
        response = getattr(people[honey.id], method)(f"/portal/products/{coffee.id}/",
                                                     {"form": "description", "description": "chiếm quyền"})
        assert response.status_code == 404
    Product.objects.filter(pk=coffee.id).update(producer_slug=coffee.producer_slug)
    # a signed-out visitor is sent to sign in
    for method in ("get", "post"):
        response = getattr(client, method)(f"/portal/products/{honey.id}/", {"form": "description"})
        assert response.status_code == 302 and response["Location"].startswith("/portal/sign-in/")
    # then nothing was written to Saleor or recorded, and Saleor holds what it held
    operations = {r["operationName"] for r in requests_of(transport)[start:]}
    assert operations == {"PortalProduct"}, operations
    assert not PortalChange.objects.exists()
    assert refused == 2 * 2 * 4 * (len(METHODS) - 1 + 7) + 2 * 4
    with app_client() as saleor:
        after = {p.id: product_edits.product_state(saleor, p.id) for p in (honey, coffee)}
    assert after == before


def test_a_product_form_posted_without_its_csrf_token_is_refused(two_producers, producer_person):
    from django.test import Client

    person = producer_person(two_producers[0], "lan@example.vn")
    guarded = Client(enforce_csrf_checks=True)
    guarded.cookies = person.cookies
    Product.objects.create(
        id="UHJvZHVjdDox", slug="mat-ong", name="Mật ong", group_slug="thuc-pham", certificate_id="TQ-2025-0901",
        stars=4, valid_until=datetime.date(2028, 3, 10), producer_slug=_honey_slug(),
        created=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
        updated_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC))
    response = guarded.post("/portal/products/UHJvZHVjdDox/", {"form": "description", "description": "x"})
    assert response.status_code == 403
    assert not PortalChange.objects.exists()


def _honey_slug() -> str:
    from portal.access import page_slug
    from portal.models import ProducerAccount

    return page_slug(ProducerAccount.objects.get(user__email="lan@example.vn"))
