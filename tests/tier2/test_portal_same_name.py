"""Tier 2: two producers of one name in two provinces are two producers, in a real Saleor and in the portal.

"HTX Nông nghiệp Tân Phú" of Lâm Đồng and of Tuyên Quang: a store imported while the two were one producer
holds one page with their products (one of them out of today's catalogue since) and an order of two.
``ocop saleor import-catalogue`` splits that page (the first registered keeps it, renamed, with its story; the
other gets its own) and moves each product to its own producer's page, and says so; a second run changes
nothing. Then each producer's person sees and changes only their own products, variants, story and order
lines, both ways (the ownership matrix), and the shop shows two producer pages; the shared page's old address
answers 404.

With ``OCOP_RECORD_SAME_NAME=1`` the run also (re)records the two import runs tier 1 replays
(tests/fixtures/saleor/22_same_name_split.json; the app token is never written).
"""

from __future__ import annotations

import datetime
import io
import json
import os
from pathlib import Path

import pytest
from django.core.management import call_command

from catalog_sync.app.clients import app_client
from catalog_sync.catalogue.models import Product, Variant
from catalog_sync.domain.text import match_key
from catalog_sync.registry.models import Certificate, Producer
from catalog_sync.saleor import listing_edits, product_edits
from catalog_sync.saleor.catalogue import import_catalogue
from catalog_sync.saleor.entries import producer_page_slug
from portal.orders import record_new_lines
from tests.portal.conftest import client_factory, producer_person  # noqa: F401
from tests.portal.namesakes import BEFORE, COFFEE, COFFEE_ID, HONEY_ID, NAME, ON, TEA, TEA_ID, namesakes
from tests.tier2.app_install import staff_install_app

from .test_portal_orders import in_saleor, place

pytestmark = pytest.mark.django_db(transaction=True)

CASSETTE = Path(__file__).resolve().parents[1] / "fixtures" / "saleor" / "22_same_name_split.json"
RECORD = os.environ.get("OCOP_RECORD_SAME_NAME") == "1"
STORY = "Hợp tác xã trồng cà phê trên đất đỏ bazan Lâm Đồng."
PAGE = """query($slug: String!) { page(slug: $slug) { id slug content metadata { key value } } }"""
STORY_UPDATE = """mutation($id: ID!, $content: JSONString!) { pageUpdate(id: $id, input: {content: $content}) {
  errors { field code message } } }"""


def story_of(page: dict) -> str:
    """The text of a page's story or a product's description (EditorJS JSON), block after block."""
    blocks = json.loads(page["content"])["blocks"] if page["content"] else []
    return " ".join(str(block.get("data", {}).get("text", "")) for block in blocks)


def import_split(*args: str) -> dict:
    out = io.StringIO()
    call_command("saleor_import_catalogue", "--on", ON, "--json", *args, stdout=out, stderr=io.StringIO())
    return json.loads(out.getvalue())


def test_namesakes_of_two_provinces_each_see_and_change_only_their_own_products_story_and_order_lines(
        live_server, settings, saleor_api, saleor_env, monkeypatch, client, make_certificate,
        producer_person):  # noqa: F811
    settings.SALEOR_API_URL = saleor_api.url
    settings.SALEOR_APP_TOKEN = saleor_api.app_token
    settings.APP_PUBLIC_URL = live_server.url
    settings.PUBLIC_URL = live_server.url + "/"
    # given the registry's two namesakes, imported while the name alone made a producer: one page, both products
    coffee, tea = namesakes(make_certificate)
    lam_dong = coffee.producer
    tuyen_quang = tea.producer
    Certificate.objects.filter(id__in=[TEA_ID, HONEY_ID]).update(producer=lam_dong)
    tuyen_quang.delete()
    call_command("saleor_bootstrap", stdout=io.StringIO())
    with app_client() as saleor:
        summary = import_catalogue(saleor, Certificate.objects.in_catalogue_on,
                                   today=datetime.date.fromisoformat(BEFORE), demo=True)
    assert (summary.created, summary.producers["created"], summary.errors) == (3, 1, [])
    shared = producer_page_slug(match_key(NAME), NAME, "lam-dong", shares_name=False)
    shared_page = saleor_api.data(PAGE, {"slug": shared})["page"]
    # and the shared page's story, written before, and an order of both products placed then
    saleor_api.data(STORY_UPDATE, {"id": shared_page["id"], "content": json.dumps(
        {"blocks": [{"type": "paragraph", "data": {"text": STORY}}]}, ensure_ascii=False)})
    variants = {ref: saleor_api.data("""query($ref: String!) { product(externalReference: $ref) {
        variants { id } } }""", {"ref": f"ocop:{ref}"})["product"]["variants"][0]["id"] for ref in (COFFEE_ID, TEA_ID)}
    number = int(place(saleor_api.url, [(variants[COFFEE_ID], 1), (variants[TEA_ID], 2)]))
    assert set(record_new_lines(in_saleor(number))) == {shared}  # both lines were the shared page's
    # when the registry tells them apart again (Tuyên Quang's own producer, as the importer keeps it)
    tuyen_quang = Producer.objects.create(name=NAME, name_key=match_key(NAME), province="tuyen-quang")
    Certificate.objects.filter(id__in=[TEA_ID, HONEY_ID]).update(producer=tuyen_quang)
    # and the web service is installed as Saleor's app (the portal and the import use its token)
    staff_install_app(saleor_env, live_server.url, monkeypatch, settings)
    if RECORD:
        CASSETTE.unlink(missing_ok=True)
        monkeypatch.setenv("OCOP_SALEOR_RECORD", str(CASSETTE))
    # and staff run the catalogue import twice
    first = import_split()
    second = import_split()
    monkeypatch.delenv("OCOP_SALEOR_RECORD", raising=False)
    # then the first run split the page: each product on its own producer's page, and said so
    own = {p: producer_page_slug(match_key(NAME), NAME, p, shares_name=True) for p in ("lam-dong", "tuyen-quang")}
    assert first["split_pages"] == [
        {"from": shared, "to": own["lam-dong"], "products": [COFFEE_ID]},
        {"from": shared, "to": own["tuyen-quang"], "products": [HONEY_ID, TEA_ID]},
    ]
    assert (first["producers"], first["created"], first["updated"], first["unchanged"], first["errors"]) == (
        {"created": 1, "updated": 1, "unchanged": 0}, 0, 1, 1, [])
    # and the second changed nothing
    assert (second["split_pages"], second["producers"], second["updated"], second["unchanged"]) == (
        [], {"created": 0, "updated": 0, "unchanged": 2}, 0, 2)
    # and Saleor holds two pages, each with its registry producer's key; the first registered kept the story
    pages = {p: saleor_api.data(PAGE, {"slug": slug})["page"] for p, slug in own.items()}
    assert saleor_api.data(PAGE, {"slug": shared})["page"] is None
    assert pages["lam-dong"]["id"] == shared_page["id"] and story_of(pages["lam-dong"]) == STORY
    assert story_of(pages["tuyen-quang"]) == ""
    assert {p: page["metadata"] for p, page in pages.items()} == {
        p: [{"key": "ocop-producer-key", "value": f"{p}:{match_key(NAME)}"}] for p in own}
    # and the honey, out of today's catalogue (its certificate expired), is Tuyên Quang's producer's too
    honey = saleor_api.data("""query($ref: String!) { product(externalReference: $ref) { id } }""",
                            {"ref": f"ocop:{HONEY_ID}"})["product"]
    with app_client() as saleor:
        honey_state = product_edits.product_state(saleor, honey["id"])
    assert honey_state is not None and honey_state.producer_page_slug == own["tuyen-quang"]
    call_command("search_reindex", stdout=io.StringIO(), stderr=io.StringIO())

    # given one person of each producer
    people = {"lam-dong": producer_person(coffee, "lan@example.vn"),
              "tuyen-quang": producer_person(tea, "tuan@example.vn")}
    products = {"lam-dong": Product.objects.get(certificate_id=COFFEE_ID), "tuyen-quang": Product.objects.get(
        certificate_id=TEA_ID)}
    variant_of = {p: Variant.objects.get(product=product) for p, product in products.items()}
    names = {"lam-dong": COFFEE, "tuyen-quang": TEA}
    lines = {line.product_name: line.id for line in in_saleor(number).lines}
    line_of = {"lam-dong": lines[COFFEE], "tuyen-quang": lines[TEA]}
    cells: list[tuple[str, str, str, bool]] = []  # (person's producer, whose, what, as expected)

    def cell(person: str, whose: str, what: str, held: bool) -> None:
        cells.append((person, whose, what, held))

    for person, browser in people.items():
        for whose in people:
            mine = person == whose
            product, variant = products[whose], variant_of[whose]
            # the product list, the product page, the variant page
            listed = names[whose] in browser.get("/portal/products/").content.decode()
            cell(person, whose, "listed", listed == mine)
            cell(person, whose, "product page", browser.get(f"/portal/products/{product.id}/").status_code == (
                200 if mine else 404))
            cell(person, whose, "variant page", browser.get(f"/portal/variants/{variant.id}/").status_code == (
                200 if mine else 404))
            # a description and a price and stock change
            text = f"Mô tả của {person} cho {whose}"
            answer = browser.post(f"/portal/products/{product.id}/", {"form": "description",
                                                                      "description": f"<p>{text}</p>"})
            with app_client() as saleor:
                held = product_edits.product_state(saleor, product.id)
            assert held is not None
            cell(person, whose, "description", answer.status_code == (302 if mine else 404)
                 and (text in story_of({"content": held.description})) == mine)
            price = variant.price + (1000 if person == "lam-dong" else 2000)
            answer = browser.post(f"/portal/variants/{variant.id}/", {"price": str(price), "stock": "17"})
            with app_client() as saleor:
                state = listing_edits.variant_state(saleor, variant.id)
            assert state is not None
            cell(person, whose, "price", answer.status_code == (302 if mine else 404)
                 and (state.price == price) == mine)
            # the order of both products placed while they shared a page: the list, the order's page
            listing = browser.get("/portal/orders/").content.decode()
            cell(person, whose, "order list", (names[whose] in listing) == mine and f'id="order-{number}"' in listing)
            order_page = browser.get(f"/portal/orders/{number}/")
            cell(person, whose, "order page", order_page.status_code == 200
                 and (names[whose] in order_page.content.decode()) == mine)
        # the story: their own page, never the other's
        story = browser.get("/portal/story/").content.decode()
        cell(person, "lam-dong", "story shown", (STORY in story) == (person == "lam-dong"))
        text = f"Câu chuyện của {person}"
        assert browser.post("/portal/story/", {"story": f"<p>{text}</p>", "location": "", "phone": "",
                                               "email": ""}).status_code == 302
        for whose, slug in own.items():
            saved = story_of(saleor_api.data(PAGE, {"slug": slug})["page"])
            cell(person, whose, "story saved", (text in saved) == (person == whose))
    # shipping: the other's line is refused and ships nothing; their own ships alone
    for person, browser in people.items():
        for whose in people:
            if whose != person:
                answer = browser.post(f"/portal/orders/{number}/", {"carrier": "GHN", "tracking_number": "GHN1",
                                                                    "lines": [line_of[whose]]})
                cell(person, whose, "ship", answer.status_code == 404 and in_saleor(number).shipments == ())
    for person, browser in people.items():
        answer = browser.post(f"/portal/orders/{number}/", {"carrier": "Viettel Post",
                                                            "tracking_number": f"VTP-{person}"})
        shipment = next(s for s in in_saleor(number).shipments if s.tracking_number == f"VTP-{person}")
        cell(person, person, "ship", answer.status_code == 302
             and [line for line, _ in shipment.line_quantities] == [line_of[person]])
    # the shop: two producer pages, each with its own product; the shared page's address answers 404
    for whose, slug in own.items():
        html = client.get(f"/producers/{slug}/").content.decode()
        for product_of in own:
            cell("shop", f"{whose} page", f"{product_of} product", (names[product_of] in html) == (whose == product_of))
    cell("shop", "shared page", "gone", client.get(f"/producers/{shared}/").status_code == 404)

    wrong = [c for c in cells if not c[3]]
    assert wrong == [], wrong
    portal_cells = sum(1 for c in cells if c[0] != "shop")
    print(f"\nsame-name producers: ownership matrix of {portal_cells} portal cells (2 people × 2 producers × "
          f"products, variants, descriptions, prices, story, order lines, shipping) and {len(cells) - portal_cells} "
          f"shop cells, all as expected")
