"""The Saleor client and the ``ocop saleor`` commands against recorded Saleor 3.23 replies.

Tests run (and were recorded) in this file's order on one fresh Saleor database: an empty
Saleor first, then bootstrap, then the catalogue import. See conftest.py to re-record.
"""

from __future__ import annotations

import dataclasses
import datetime
import io
import json
from decimal import Decimal

import httpx
import pytest
from django.core.management import CommandError, call_command

from catalog_sync.catalogue import from_saleor, store
from catalog_sync.catalogue.records import (
    CollectionRecord,
    ProducerRecord,
    ProducerRef,
    ProductRecord,
    SearchQuery,
    VariantRecord,
)
from catalog_sync.catalogue.search import get_backend
from catalog_sync.registry.models import Producer
from catalog_sync.saleor import SaleorClient, SaleorMutationError, catalogue_read, client
from catalog_sync.saleor.client import graphql_data, mutation_payloads
from catalog_sync.saleor.generated.enums import CountryCode
from catalog_sync.saleor.generated.input_types import ChannelCreateInput
from catalog_sync.saleor.held import assigned, catalogue_products

from .conftest import CASSETTES, recording

pytestmark = pytest.mark.django_db  # every test here: keeps this file's order (pytest-django runs db tests first)

ON = "2026-11-22"  # the day the import-catalogue cassettes were recorded on


def run(command: str, *args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(command, *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_before_bootstrap_says_to_bootstrap_first(cassette, db):
    cassette("01_import_before_bootstrap")
    with pytest.raises(CommandError) as error:
        run("saleor_import_catalogue", "--on", ON)
    message = str(error.value)
    assert "Saleor lacks the OCOP catalogue structure" in message
    assert "channel ocop-vn" in message
    assert "run `ocop saleor bootstrap` first" in message


def test_an_app_without_permissions_is_told_which_it_needs(cassette):
    cassette("02_bootstrap_without_permission", anonymous=True)
    with pytest.raises(CommandError) as error:
        run("saleor_bootstrap")
    message = str(error.value)
    assert message.startswith("saleor bootstrap: CatalogueState: Saleor refused the request")
    assert "PermissionDenied" in message
    assert "check SALEOR_APP_TOKEN" in message and "MANAGE_PRODUCTS" in message


def test_bootstrap_creates_the_catalogue_then_a_second_run_changes_nothing(cassette):
    transport = cassette("03_bootstrap_twice")
    first, _ = run("saleor_bootstrap")
    lines = first.splitlines()
    assert "created  channel ocop-vn" in lines
    assert "created  warehouse ocop-vn-kho-chinh" in lines
    assert "created  shipping zone Việt Nam (OCOP)" in lines
    assert "created  page type producer" in lines
    assert "created  product type ocop-product" in lines
    assert "created  product type ocop-service" in lines  # group 6 tourism services
    for attribute in ("ocop-certificate", "ocop-stars", "ocop-valid-until", "ocop-group", "ocop-province",
                      "producer", "producer-story", "producer-province", "producer-commune",
                      "producer-organisation-type", "producer-location", "producer-phone", "producer-email"):
        assert f"created  attribute {attribute}" in lines
    assert sum(line.startswith("created  category ") for line in lines) == 32  # 6 groups + 26 sets
    assert "created  category ca-phe-ca-cao" in lines
    assert lines[-1] == "54 created, 0 updated, 0 already there"

    before = getattr(transport, "position", 0)
    second, _ = run("saleor_bootstrap", "--json")
    report = json.loads(second)
    assert report["created"] == [] and report["updated"] == []
    assert "channel ocop-vn" in report["exists"] and len(report["exists"]) == 52
    if not recording():
        requests_in_second_run = transport.position - before  # type: ignore[attr-defined]
        assert requests_in_second_run == 2  # one state query, one shipping-zone query: no mutation
        # and Saleor's answer to the second run's state query: the channel completes a paid card checkout whose
        # shopper closed the tab by itself, 10 minutes after it was paid
        recorded = json.loads((CASSETTES / "03_bootstrap_twice.json").read_text(encoding="utf-8"))
        channels = [e["response"]["body"]["data"]["channel"] for e in recorded
                    if e["request"]["operationName"] == "CatalogueState"]
        (completion,) = [channel["checkoutSettings"] for channel in channels if channel]
        assert completion == {"automaticallyCompleteFullyPaidCheckouts": True, "automaticCompletionDelay": 10}


def test_a_mutation_error_names_the_mutation_field_code_and_message(saleor_client):
    saleor = saleor_client("04_duplicate_channel")
    with pytest.raises(SaleorMutationError) as error:
        saleor.operations().channel_create(input=ChannelCreateInput(
            name="OCOP again", slug="ocop-vn", currencyCode="VND", defaultCountry=CountryCode.VN))
    assert str(error.value) == "channelCreate failed: slug: UNIQUE: Channel with this Slug already exists."
    assert error.value.mutation == "channelCreate"


LONG_NAME = "Trà xanh Tân Cương " + "đặc biệt thượng hạng " * 12  # longer than Saleor's 250 characters


@pytest.fixture
def registry(make_certificate):
    honey = make_certificate(
        id="TQ-2025-0901", product_name="Mật ong bạc hà Mèo Vạc", producer="HTX Ong mật Mèo Vạc", stars=4,
        issued_on=datetime.date(2025, 3, 10), province="tuyen-quang", group="thuc-pham",
        product_set="mat-ong-nong-san-khac",
    )
    make_certificate(
        id="LD-2025-0901", product_name="Cà phê Arabica Cầu Đất", producer="Công ty TNHH Cà phê Cầu Đất",
        stars=5, issued_on=datetime.date(2025, 1, 20), decision_no="120/QĐ-BNNMT", province="lam-dong",
        group="thuc-pham", product_set="ca-phe-ca-cao",
    )
    make_certificate(
        id="TQ-2025-0902", product_name=LONG_NAME, producer="HTX Ong mật Mèo Vạc", stars=3,
        issued_on=datetime.date(2025, 3, 10), province="tuyen-quang", group="thuc-pham",
    )
    make_certificate(  # group 6: a tourism service, nothing to ship
        id="LC-2025-0901", product_name="Du lịch cộng đồng bản Cát Cát", producer="HTX Du lịch Cát Cát", stars=4,
        issued_on=datetime.date(2025, 4, 1), decision_no="210/QĐ-UBND", province="lao-cai", group="du-lich",
        product_set="dich-vu-du-lich",
    )
    make_certificate(  # expired on 05/01/2025: not in the catalogue
        id="TQ-2022-0901", product_name="Chè Shan tuyết", producer="HTX Chè Hà Giang", stars=3,
        issued_on=datetime.date(2022, 1, 5), decision_no="15/QĐ-UBND", province="tuyen-quang", group="thuc-pham",
    )
    Producer.objects.filter(name="HTX Ong mật Mèo Vạc").update(
        organisation_type="cooperative", province="tuyen-quang", address="xã Mèo Vạc")
    return honey


def test_import_catalogue_creates_then_changes_nothing_then_follows_a_renewal(cassette, registry, make_certificate):
    transport = cassette("05_import_catalogue")
    out, err = run("saleor_import_catalogue", "--on", ON, "--json")
    first = json.loads(out)
    assert (first["created"], first["updated"], first["unchanged"]) == (3, 0, 0)
    assert first["producers"] == {"created": 3, "updated": 0, "unchanged": 0}
    if not recording():  # Saleor's answer: the tourism service is an ocop-service, the goods ocop-product
        [created] = [e["response"]["body"]["data"]["productBulkCreate"]["results"]
                     for e in transport.exchanges  # type: ignore[attr-defined]
                     if e["request"]["operationName"] == "ProductBulkCreate"][:1]
        types = {row["product"]["externalReference"]: row["product"]["productType"]["slug"]
                 for row in created if row["product"]}
        assert types == {"ocop:LC-2025-0901": "ocop-service", "ocop:LD-2025-0901": "ocop-product",
                         "ocop:TQ-2025-0901": "ocop-product"}
    [error] = first["errors"]
    assert error["certificate_id"] == "TQ-2025-0902"
    assert error["reason"].startswith("productBulkCreate: name: MAX_LENGTH: Ensure this value has at most 250")
    assert "products: 4/4" in err  # progress on stderr

    out, _ = run("saleor_import_catalogue", "--on", ON, "--json")
    second = json.loads(out)
    assert (second["created"], second["updated"], second["unchanged"]) == (0, 0, 3)
    assert second["producers"] == {"created": 0, "updated": 0, "unchanged": 3}
    assert [e["certificate_id"] for e in second["errors"]] == ["TQ-2025-0902"]  # still reported, not dropped

    # a renewal with more stars: the same Saleor product now names the new certificate
    make_certificate(
        id="TQ-2026-0901", product_name="Mật ong bạc hà Mèo Vạc", producer="HTX Ong mật Mèo Vạc", stars=5,
        issued_on=datetime.date(2026, 6, 1), decision_no="88/QĐ-UBND", province="tuyen-quang", group="thuc-pham",
        product_set="mat-ong-nong-san-khac", supersedes=registry,
    )
    Producer.objects.filter(name="HTX Ong mật Mèo Vạc").update(address="xã Sơn Vĩ")
    out, _ = run("saleor_import_catalogue", "--on", ON)
    assert out.splitlines()[0] == (
        "products: 0 created, 1 updated, 2 unchanged, 1 failed; producer pages: 0 created, 1 updated, 2 unchanged"
    )
    assert out.splitlines()[1].startswith("  TQ-2025-0902: productBulkCreate: name: MAX_LENGTH")


def test_products_are_read_page_by_page(saleor_client, monkeypatch):
    saleor = saleor_client("06_paginate_products")
    monkeypatch.setattr(client, "PAGE_SIZE", 1)
    state = saleor.operations().catalogue_state(
        channel="ocop-vn", warehouses=[], attributes=[], product_types=["ocop-product", "ocop-service"],
        page_types=[], categories=[])
    assert state.product_types is not None
    product_types = sorted(edge.node.id for edge in state.product_types.edges)
    products = list(catalogue_products(saleor, product_types))
    assert sorted(p.external_reference or "" for p in products) == [
        "ocop:LC-2025-0901", "ocop:LD-2025-0901", "ocop:TQ-2025-0901"]
    assert saleor.requests == 1 + 3  # the state query, then one page per product
    renewed = next(p for p in products if p.external_reference == "ocop:TQ-2025-0901")
    values = assigned(renewed)
    assert values["ocop-certificate"] == "TQ-2026-0901"
    assert values["ocop-stars"] == Decimal(5)
    assert values["ocop-valid-until"] == datetime.date(2029, 6, 1)


def test_demo_loads_the_shared_data_with_demo_prices_then_a_second_run_changes_nothing(
        cassette, shared_data, monkeypatch):
    transport = cassette("07_demo_twice")
    monkeypatch.setattr("catalog_sync.saleor_side.management.commands.demo.vietnam_today",
                        lambda: datetime.date.fromisoformat(ON))
    out, _ = run("demo")
    lines = out.splitlines()
    assert lines[0] == "registry: registry-annex-sample.xlsx: 24 accepted (24 new), 0 rejected, 1 skipped"
    assert lines[1].startswith("registry: ocop-certified-products.csv: 61 accepted (61 new), 24 rejected")
    assert "saleor bootstrap: 0 created, 0 updated, 52 already there" in lines
    summary = next(line for line in lines if line.startswith("products: "))
    assert summary.startswith("products: 82 created, 0 updated, 0 unchanged, 3 failed; producer pages: 64 created")
    assert "  LD-2025-0011: no product group in the registry: no category to put it in" in lines
    assert "prices and stock are demo values" in lines[-1]

    if not recording():  # what was sent: every new product is marked as a demo listing
        creates = [e["request"]["variables"]["products"] for e in transport.exchanges  # type: ignore[attr-defined]
                   if e["request"]["operationName"] == "ProductBulkCreate"]
        products = [p for chunk in creates for p in chunk]
        assert len(products) == 82
        for product in products:
            assert {"key": "demo", "value": "true"} in product["metadata"]
            assert "demo" in product["description"]
            [variant] = product["variants"]
            assert 40_000 <= int(variant["channelListings"][0]["price"]) <= 500_000
            assert 20 <= variant["stocks"][0]["quantity"] <= 200

    out, _ = run("demo", "--json")
    again = json.loads(out)
    assert [(r["file"], r["new"]) for r in again["registry"]] == [
        ("registry-annex-sample.xlsx", 0), ("ocop-certified-products.csv", 0)]
    assert again["bootstrap"]["created"] == [] and again["bootstrap"]["updated"] == []
    catalogue = again["catalogue"]
    assert (catalogue["created"], catalogue["updated"], catalogue["unchanged"]) == (0, 0, 82)
    assert catalogue["producers"] == {"created": 0, "updated": 0, "unchanged": 64}
    assert len(catalogue["errors"]) == 3


def test_demo_gives_a_product_imported_earlier_without_a_price_its_demo_listing(
        cassette, shared_data, make_certificate, monkeypatch):
    transport = cassette("08_demo_after_import")
    monkeypatch.setattr("catalog_sync.saleor_side.management.commands.demo.vietnam_today",
                        lambda: datetime.date.fromisoformat(ON))
    make_certificate(id="HN-2025-0901", product_name="Bánh chưng Tranh Khúc", producer="HTX Bánh chưng Tranh Khúc",
                     issued_on=datetime.date(2025, 9, 2), decision_no="300/QĐ-UBND", province="ha-noi",
                     group="thuc-pham", product_set="che-bien-tu-gao-ngu-coc")
    out, _ = run("saleor_import_catalogue", "--on", ON, "--json")
    assert json.loads(out)["created"] == 1  # a plain import: no variant, no price

    out, _ = run("demo", "--json")
    catalogue = json.loads(out)["catalogue"]
    assert (catalogue["created"], catalogue["updated"], catalogue["unchanged"]) == (0, 1, 82)
    if not recording():
        operations = [e["request"]["operationName"] for e in transport.exchanges]  # type: ignore[attr-defined]
        assert operations[-4:] == ["VariantCreate", "ProductChannelListing", "VariantChannelListing", "ProductUpdate"]
        variant = transport.exchanges[-4]["request"]["variables"]["input"]  # type: ignore[attr-defined]
        assert variant["sku"] == "OCOP-HN-2025-0901" and variant["metadata"] == [{"key": "demo", "value": "true"}]


SHOWCASE_CREATE = """
mutation ShowcaseCreate($input: CollectionCreateInput!) {
  collectionCreate(input: $input) { collection { id } errors { field code message } }
}
"""

SHOWCASE_LISTING = """
mutation ShowcaseListing($id: ID!, $input: CollectionChannelListingUpdateInput!) {
  collectionChannelListingUpdate(id: $id, input: $input) { collection { id } errors { field code message } }
}
"""

TEST_DOCUMENTS = {"SHOWCASE_CREATE": SHOWCASE_CREATE, "SHOWCASE_LISTING": SHOWCASE_LISTING}


def staff_mutation(saleor: SaleorClient, name: str, document: str, variables: dict) -> dict:
    """What staff do in the Dashboard, which the project itself never does (a showcase): one mutation's payload."""
    response = saleor.http.post(saleor.url, json={"operationName": name, "query": document, "variables": variables},
                                headers=saleor.auth_headers)
    data = graphql_data(name, response.status_code, response.content)
    mutation_payloads(data)
    [payload] = data.values()
    return payload


def test_the_read_model_fetch_sees_the_demo_store_as_a_customer_does(saleor_client, monkeypatch):
    # given the demo store (the cassettes above) and a showcase of three 5★ products, published in ocop-vn
    saleor = saleor_client("09_read_model")
    monkeypatch.setattr(catalogue_read, "PAGE_SIZE", 40)
    fetch = from_saleor.iter_catalogue(saleor)
    # when the reindex reads every product, then every producer, 40 per query
    products = list(fetch.products())
    producers = list(fetch.producers())
    channel = saleor.operations().catalogue_state(
        channel="ocop-vn", warehouses=[], attributes=[], product_types=[], page_types=[], categories=[]).channel
    assert channel is not None
    five_stars = [p.id for p in products if p.stars == 5][:3]
    showcase = staff_mutation(saleor, "ShowcaseCreate", SHOWCASE_CREATE, {"input": {
        "name": "Đặc sản 5 sao", "slug": "dac-san-5-sao", "products": five_stars,
        "description": json.dumps({"blocks": [{"type": "paragraph", "data": {"text": "Tinh hoa OCOP"}}]}),
    }})["collection"]
    staff_mutation(saleor, "ShowcaseListing", SHOWCASE_LISTING, {"id": showcase["id"], "input": {
        "addChannels": [{"channelId": channel.id, "isPublished": True}]}})
    collections = list(fetch.collections())

    # then: the 83 demo products for sale, 40 per query (3 queries of ids, 3 of products by id), the 68
    # producers' pages (2 queries)
    assert saleor.requests == 6 + 2 + 3 + 1  # then the state, the showcase's two mutations, one showcases page
    assert len(products) == 83 and len(producers) == 68 and fetch.skipped == {"products": 0, "pages": 0}
    # the three products imported without a listing (05_import_catalogue) are not for sale: not there
    assert {"LD-2025-0901", "TQ-2026-0901", "LC-2025-0901"}.isdisjoint(p.certificate_id for p in products)
    assert all(p.in_stock and p.product_type == "ocop-product" for p in products)
    fish_sauce = products[0]
    assert json.loads(fish_sauce.description or "")["blocks"][0]["data"]["text"] == (
        "Sản phẩm OCOP 5 sao, giấy chứng nhận số AG-2025-0001 (quyết định DEMO ngày 01/07/2025), "
        "hiệu lực đến hết ngày 01/07/2028.")
    assert fish_sauce.created <= fish_sauce.updated_at and fish_sauce.created.utcoffset() == datetime.timedelta(0)
    recorded_at = datetime.datetime(2026, 11, 28, tzinfo=datetime.UTC)  # the times Saleor gave vary per recording
    timeless = dataclasses.replace(fish_sauce, description=None, created=recorded_at, updated_at=recorded_at)
    assert timeless == ProductRecord(
        id="UHJvZHVjdDo0", slug="nuoc-mam-phu-quoc-khai-hoan-38-do-dam-ag-2025-0001",
        name="Nước mắm Phú Quốc Khải Hoàn 38 độ đạm", group="thuc-pham", product_set="gia-vi-khac",
        certificate_id="AG-2025-0001", stars=5, valid_until=datetime.date(2028, 7, 1), province="an-giang",
        province_at_certification=None,
        producer=ProducerRef(id="UGFnZToxMA==", slug="cong-ty-co-phan-thuong-mai-khai-hoan-dfc8b22c",
                             title="Công ty Cổ phần thương mại Khải Hoàn"),
        variants=(VariantRecord(id="UHJvZHVjdFZhcmlhbnQ6MQ==", name="Nước mắm Phú Quốc Khải Hoàn 38 độ đạm",
                                sku="OCOP-AG-2025-0001", price=Decimal(400000), currency="VND",
                                quantity_available=50),),  # Saleor offers at most 50 per checkout line
        created=recorded_at, updated_at=recorded_at,
        product_type="ocop-product",
    )
    assert producers[0] == ProducerRecord(
        id="UGFnZTo0", slug="co-so-quang-long-b7393f83", title="Cơ sở Quang Long", updated_at=fetch.started_at,
        province="lam-dong")
    assert collections == [CollectionRecord(
        id="Q29sbGVjdGlvbjox", slug="dac-san-5-sao", name="Đặc sản 5 sao", product_ids=tuple(five_stars),
        updated_at=fetch.started_at,
        description='{"blocks": [{"data": {"text": "Tinh hoa OCOP"}, "type": "paragraph"}]}')]
    assert five_stars == ["UHJvZHVjdDo0", "UHJvZHVjdDo1", "UHJvZHVjdDo2"]


def test_reading_pages_of_products_at_once_gives_what_reading_them_one_after_another_gives(
        saleor_client, monkeypatch):
    # given the demo store (the cassettes above), 40 products per query
    saleor = saleor_client("09_read_model_at_once")
    monkeypatch.setattr(catalogue_read, "PAGE_SIZE", 40)
    shown: dict[int, list[tuple[str, int, int]]] = {1: [], 3: []}
    # when the products are read one page after another (the shared fragment CatalogueProduct), then three
    # pages at once (by id, the reindex's own fragment ReindexProduct: the attributes as one list)
    read = {threads: list(from_saleor.iter_catalogue(
        saleor, threads=threads, progress=lambda *step, t=threads: shown[t].append(step)).products())
        for threads in (1, 3)}
    # then the same 83 records in the same order, with the same progress shown
    assert len(read[1]) == 83
    assert read[3] == read[1]
    assert shown[3] == shown[1] == [("products", 40, 83), ("products", 80, 83), ("products", 83, 83)]
    assert saleor.requests == 3 + 3 + 3  # 3 pages in order; 3 pages of ids, 3 of products by id


def test_search_reindex_rebuilds_the_read_model_from_the_demo_store_and_search_finds_the_fish_sauce(
        cassette, settings):
    # given the demo store with its showcase (the cassettes above); the reindex reads as a customer, no token
    cassette("10_search_reindex")
    settings.SALEOR_APP_TOKEN = None
    # when
    out, err = run("search_reindex")
    # then every product for sale is in the read model, read 100 per query (one query for 83)
    assert out.splitlines() == [
        "search reindex: 83 products for sale; left out (not for sale, not a producer page): 0 products, 0 pages"]
    assert "products   [##############################] 83/83 100%" in err.splitlines()
    assert "producers  [##############################] 68/68 100%" in err.splitlines()
    fish_sauce = store.product_by_slug("nuoc-mam-phu-quoc-khai-hoan-38-do-dam-ag-2025-0001")
    assert fish_sauce is not None
    assert (fish_sauce.stars, fish_sauce.valid_until, fish_sauce.price_min) == (5, datetime.date(2028, 7, 1), 400000)
    # and a shopper typing without diacritics finds it first among the 5★ fish sauces
    result = get_backend().search(SearchQuery(text="nuoc mam phu quoc", stars=(5,)))
    assert result.products[0].name.startswith("Nước mắm Phú Quốc")
    assert "Nước mắm Phú Quốc Khải Hoàn 38 độ đạm" in [p.name for p in result.products]


def test_the_shop_pages_show_the_fish_sauce_as_saleor_answered(cassette, settings, client):
    from tests.storefront.html_reading import read_html

    # given the read model rebuilt from the demo store's recorded answers
    cassette("10_search_reindex")
    settings.SALEOR_APP_TOKEN = None
    run("search_reindex")
    # when a shopper opens the fish sauce's page
    page = read_html(client.get("/products/nuoc-mam-phu-quoc-khai-hoan-38-do-dam-ag-2025-0001/").content)
    # then they see Saleor's name and price, and the certificate the product is sold under
    assert "Nước mắm Phú Quốc Khải Hoàn 38 độ đạm" in page.text
    assert "400.000 ₫" in page.text
    product = next(block for block in page.jsonld if block.get("@type") == "Product")
    assert (product["offers"]["price"], product["offers"]["priceCurrency"]) in {(400000, "VND"), ("400000", "VND")}
    certification = product["hasCertification"]
    assert certification["certificationIdentification"] == "AG-2025-0001"
    assert certification["certificationRating"]["ratingValue"] == 5
    assert certification["expires"] == "2028-07-01"
    # and the search without diacritics lists it
    listing = read_html(client.get("/search/", {"q": "nuoc mam phu quoc"}).content)
    item_list = next(block for block in listing.jsonld if block.get("@type") == "ItemList")
    assert "Nước mắm Phú Quốc Khải Hoàn 38 độ đạm" in [item["name"] for item in item_list["itemListElement"]]


def test_pages_read_at_once_each_go_on_a_new_connection_so_each_of_saleors_workers_takes_some(
        cassette, settings, monkeypatch):
    # given the demo store, 40 products per query, and a transport that notes what each request asks of its
    # connection
    replay = cassette("09_read_model_at_once")
    monkeypatch.setattr(catalogue_read, "PAGE_SIZE", 40)
    sent: list[tuple[str, str | None]] = []

    class Noting(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            sent.append((json.loads(request.content)["operationName"], request.headers.get("connection")))
            return replay.handle_request(request)

    saleor = SaleorClient(settings.SALEOR_API_URL, settings.SALEOR_APP_TOKEN, transport=Noting())
    # when the reindex reads the products one page after another, then three pages at once
    for threads in (1, 3):
        list(from_saleor.iter_catalogue(saleor, threads=threads).products())
    # then each page of products by id asks for its connection to be closed after it (Saleor's least busy
    # worker accepts the next one; a kept-alive connection would stay with one worker), the rest keep theirs
    assert sorted(set(sent)) == [("CatalogueProductIds", "keep-alive"), ("CatalogueProductsPage", "keep-alive"),
                                 ("ReindexProductsByIds", "close")]
