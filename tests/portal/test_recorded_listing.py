"""A producer lists a certified product from the portal, against replies recorded from a real Saleor 3.23.

Recorded in this file's order on one fresh Saleor database (``python -m tests.portal.record listing``):
first the store as the staff leave it (the two producers' products for sale with demo prices, one more
honey product imported without a price, one honey certificate not in Saleor at all); then each test
reads the read model from Saleor (a reindex) and works in the portal on 22/11/2026 (Vietnam time).
"""

from __future__ import annotations

import datetime
import io
import re

import pytest
from django.core.management import call_command

from catalog_sync.app.clients import app_client
from catalog_sync.catalogue.models import Product
from catalog_sync.registry.models import Certificate
from catalog_sync.saleor.catalogue import import_catalogue
from portal.models import PortalChange

pytestmark = pytest.mark.django_db

ON = datetime.date(2026, 11, 22)
NEW = "TQ-2025-0902"  # valid, not in Saleor at all
IMPORTED = "TQ-2025-0903"  # valid, imported by the staff without a price or listing
EXPIRED, REVOKED, NOT_YET = "TQ-2022-0904", "TQ-2025-0905", "TQ-2026-0906"
HONEY = "HTX Ong mật Mèo Vạc"


@pytest.fixture
def registry(two_producers, make_certificate, monkeypatch):
    """The two producers' certificates, and more of the honey producer's; the portal's today is ``ON``."""
    honey = {"producer": HONEY, "province": "tuyen-quang"}
    make_certificate(id=NEW, product_name="Mật ong hoa nhãn Mèo Vạc", issued_on=datetime.date(2025, 6, 2),
                     decision_no="310/QĐ-UBND", **honey)
    make_certificate(id=IMPORTED, product_name="Mật ong rừng Mèo Vạc", stars=3, issued_on=datetime.date(2025, 6, 2),
                     decision_no="310/QĐ-UBND", **honey)
    make_certificate(id=EXPIRED, product_name="Mật ong bạc hà hũ nhỏ", issued_on=datetime.date(2022, 6, 2),
                     decision_no="95/QĐ-UBND", **honey)
    make_certificate(id=REVOKED, product_name="Rượu mật ong Mèo Vạc", issued_on=datetime.date(2025, 6, 2),
                     decision_no="310/QĐ-UBND", revoked_on=datetime.date(2026, 10, 1),
                     revocation_reason="vi phạm an toàn thực phẩm", **honey)
    make_certificate(id=NOT_YET, product_name="Phấn hoa Mèo Vạc", issued_on=datetime.date(2026, 12, 15),
                     decision_no="520/QĐ-UBND", **honey)
    for module in ("portal.views.listing", "portal.views.pages"):
        monkeypatch.setattr(f"{module}.vietnam_today", lambda: ON)
    return two_producers


def without(*ids: str):
    return lambda day: [pair for pair in Certificate.objects.in_catalogue_on(day) if pair[0] not in ids]


def reindex(settings) -> None:
    token = settings.SALEOR_APP_TOKEN
    call_command("search_reindex", stdout=io.StringIO(), stderr=io.StringIO())
    settings.SALEOR_APP_TOKEN = token


def operations(transport) -> list[str]:
    return [exchange["request"]["operationName"] for exchange in getattr(transport, "exchanges", [])]


def sent(transport) -> int:
    return transport.position if hasattr(transport, "position") else len(transport.exchanges)


def offered(html: str) -> list[str]:
    return re.findall(r'<input type="hidden" name="certificate" value="([^"]+)"', html)


def test_the_store_sells_two_producers_products_and_holds_one_more_imported_without_a_price(cassette, registry):
    cassette("portal/listing/01_catalogue")
    call_command("saleor_bootstrap", stdout=io.StringIO())
    with app_client() as client:
        demo = import_catalogue(client, without(NEW, IMPORTED), today=ON, demo=True)
        staff = import_catalogue(client, without(NEW), today=ON)
    assert (demo.created, demo.errors) == (2, [])
    assert (staff.created, staff.unchanged, staff.errors) == (1, 2, [])


def test_the_products_page_offers_each_certificate_valid_today_whose_product_is_not_in_the_store(
        cassette, registry, producer_person, settings):
    # given the store's read model: the honey and coffee products are for sale, nothing else
    cassette("portal/listing/02_offered")
    reindex(settings)
    assert sorted(Product.objects.values_list("certificate_id", flat=True)) == ["LD-2025-0901", "TQ-2025-0901"]
    person = producer_person(registry[0], "lan@example.vn")
    # when the honey producer's person opens their products
    html = person.get("/portal/products/").content.decode()
    # then each valid certificate not in the store has a form with price and stock; no other certificate has one
    assert offered(html) == [NEW, IMPORTED]  # by product name
    assert "Mật ong hoa nhãn Mèo Vạc" in html and "Mật ong rừng Mèo Vạc" in html
    assert f'id="id_price_{NEW}"' in html and f'<label for="id_stock_{NEW}">Tồn kho:</label>' in html
    assert 'action="/portal/listings/new/"' in html
    for absent in (EXPIRED, REVOKED, NOT_YET, "LD-2025-0901", "Cà phê"):
        assert absent not in html


def test_a_producer_lists_a_certified_product_saleor_does_not_hold_yet(cassette, registry, producer_person, settings):
    # given the read model and a person of the honey producer
    transport = cassette("portal/listing/03_list_new")
    reindex(settings)
    person = producer_person(registry[0], "lan@example.vn")
    before = sent(transport)
    # when they list the honey-blossom honey at 95.000 đồng with 30 in stock
    response = person.post("/portal/listings/new/", {"certificate": NEW, "price": "95000", "stock": "30"})
    # then the product is created as the staff's import creates it, with a variant priced and stocked
    assert response.status_code == 302 and response["Location"] == "/portal/products/"
    assert operations(transport)[before:sent(transport)] == [
        "PortalListingTarget", "CatalogueState", "ProductBulkCreate", "VariantCreate", "PortalVariant",
        "ProductChannelListing", "PortalVariantPrice", "PortalVariantStock"]
    [create] = [e["request"]["variables"]["products"][0] for e in transport.exchanges
                if e["request"]["operationName"] == "ProductBulkCreate"]
    assert (create["name"], create["externalReference"]) == ("Mật ong hoa nhãn Mèo Vạc", f"ocop:{NEW}")
    # and the store shows it, as a customer reads Saleor: the registry's facts, the producer, the price
    reindex(settings)
    product = Product.objects.prefetch_related("variants").get(certificate_id=NEW)
    assert (product.name, product.stars, product.valid_until, product.group_slug, product.province_slug,
            product.producer_title) == ("Mật ong hoa nhãn Mèo Vạc", 4, datetime.date(2028, 6, 2), "thuc-pham",
                                        "tuyen-quang", HONEY)
    [variant] = product.variants.all()
    assert (variant.price, variant.currency, variant.quantity_available > 0) == (95000, "VND", True)
    # and the portal says so, lists it among their products and no longer offers it
    page = person.get("/portal/products/").content.decode()
    assert "Đã đưa lên cửa hàng: Mật ong hoa nhãn Mèo Vạc giá 95.000 ₫, tồn kho 30." in page
    assert offered(page) == [IMPORTED] and f'href="/portal/variants/{variant.id}/"' in page
    # and every change is recorded for staff
    assert list(PortalChange.objects.order_by("id").values_list("email", "object_id", "field", "before", "after")) == [
        ("lan@example.vn", product.id, "listing", "", NEW),
        ("lan@example.vn", variant.id, "price", "", "95000"),
        ("lan@example.vn", variant.id, "stock", "", "30"),
    ]


def test_a_product_the_staff_import_left_without_a_price_is_listed_as_it_is(
        cassette, registry, producer_person, settings):
    # given the forest honey, created by the staff's import without variant, price or listing
    transport = cassette("portal/listing/04_list_imported")
    reindex(settings)
    person = producer_person(registry[0], "lan@example.vn")
    # when the honey producer's person lists it
    response = person.post("/portal/listings/new/", {"certificate": IMPORTED, "price": "210000", "stock": "12"})
    # then Saleor's product is reused (nothing created but its variant) and it goes on sale
    assert response.status_code == 302
    assert "ProductBulkCreate" not in operations(transport)
    [target] = [e for e in transport.exchanges if e["request"]["operationName"] == "PortalListingTarget"]
    reindex(settings)
    product = Product.objects.prefetch_related("variants").get(certificate_id=IMPORTED)
    assert product.id == target["response"]["body"]["data"]["product"]["id"]
    assert (product.stars, [v.price for v in product.variants.all()]) == (3, [210000])


def test_a_certificate_already_in_the_store_is_refused_and_nothing_is_written(
        cassette, registry, producer_person, settings):
    # given the honey products for sale, and a read model that has not seen the honey-blossom honey yet
    transport = cassette("portal/listing/05_already_listed")
    reindex(settings)
    person = producer_person(registry[0], "lan@example.vn")
    asked = sent(transport)
    # when the person lists the honey already for sale (the read model knows it): refused, Saleor not asked
    known = person.post("/portal/listings/new/", {"certificate": "TQ-2025-0901", "price": "1000", "stock": "1"})
    assert known.status_code == 409 and sent(transport) == asked
    assert ("Mật ong bạc hà Mèo Vạc đã có trên cửa hàng: đổi giá và tồn kho trong mục sản phẩm của bạn."
            in known.content.decode())
    # when the read model lags behind Saleor: Saleor, asked at the time of the request, says it is for sale
    Product.objects.filter(certificate_id=NEW).delete()
    lagging = person.post("/portal/listings/new/", {"certificate": NEW, "price": "1000", "stock": "1"})
    assert lagging.status_code == 409
    assert "Mật ong hoa nhãn Mèo Vạc đã có trên cửa hàng" in lagging.content.decode()
    assert operations(transport)[asked:] == ["PortalListingTarget"]
    # then nothing is recorded
    assert not PortalChange.objects.exists()


REFUSALS = [
    (EXPIRED, "Giấy chứng nhận TQ-2022-0904 đã hết hiệu lực: ngày hiệu lực cuối cùng là 02/06/2025."),
    (REVOKED, "Giấy chứng nhận TQ-2025-0905 đã bị thu hồi từ ngày 01/10/2026."),
    (NOT_YET, "Giấy chứng nhận TQ-2026-0906 chỉ có hiệu lực từ ngày 15/12/2026: hãy đưa sản phẩm lên từ ngày đó."),
]


@pytest.mark.parametrize(("certificate", "reason"), REFUSALS)
def test_a_certificate_not_valid_today_is_refused_naming_why_and_nothing_is_written(
        registry, producer_person, monkeypatch, certificate, reason):
    # given a honey certificate that is expired, revoked or not yet valid on 22/11/2026
    monkeypatch.setattr("portal.views.listing.app_client", lambda: pytest.fail("Saleor was asked"))
    person = producer_person(registry[0], "lan@example.vn")
    # when the person posts it with a good price and stock
    response = person.post("/portal/listings/new/", {"certificate": certificate, "price": "95000", "stock": "3"})
    # then it is refused with the reason, Saleor is not asked and nothing is recorded
    assert response.status_code == 409
    assert reason in response.content.decode()
    assert not PortalChange.objects.exists()


def test_a_price_or_stock_the_form_cannot_take_is_named_and_saleor_is_not_asked(
        registry, producer_person, monkeypatch, settings):
    monkeypatch.setattr("portal.views.listing.app_client", lambda: pytest.fail("Saleor was asked"))
    person = producer_person(registry[0], "lan@example.vn")
    response = person.post("/portal/listings/new/", {"certificate": NEW, "price": "95000.5", "stock": ""})
    html = response.content.decode()
    assert response.status_code == 400 and html.count('class="errorlist"') == 2
    assert "Giá tính bằng đồng, không có phần lẻ của đồng." in html
    assert f'<input type="hidden" name="certificate" value="{NEW}"' in html
    assert not PortalChange.objects.exists()


METHODS = ("get", "post", "put", "patch", "delete", "head", "options")


def test_another_producers_certificate_answers_404_to_every_method_and_nothing_is_written(
        registry, producer_person, monkeypatch, client):
    # given a person of the coffee producer, and Saleor never to be asked
    monkeypatch.setattr("portal.views.listing.app_client", lambda: pytest.fail("Saleor was asked"))
    person = producer_person(registry[1], "minh@example.vn")
    # when they post the honey producer's certificates (valid or not), or one that does not exist
    for certificate in (NEW, IMPORTED, EXPIRED, "TQ-2025-0901", "XX-0000-0000", "", NEW.lower()):
        for prefix in ("", "/en"):
            for method in METHODS:
                fields = {"certificate": certificate, "price": "1000", "stock": "1"}
                if method == "get":
                    response = person.get(f"{prefix}/portal/listings/new/", fields)
                else:
                    response = getattr(person, method)(f"{prefix}/portal/listings/new/", fields)
                # then every attempt is 404
                assert response.status_code == 404, (certificate, prefix, method, response.status_code)
    # and their own products page offers only their own certificate (the read model is empty here)
    assert offered(person.get("/portal/products/").content.decode()) == ["LD-2025-0901"]
    # and a signed-out visitor is sent to sign in
    answer = client.post("/portal/listings/new/", {"certificate": NEW, "price": "1000", "stock": "1"})
    assert answer.status_code == 302 and answer["Location"].startswith("/portal/sign-in/")
    assert not PortalChange.objects.exists()


def test_the_listing_form_without_its_csrf_token_is_refused(registry, producer_person):
    from django.test import Client

    person = producer_person(registry[0], "lan@example.vn")
    guarded = Client(enforce_csrf_checks=True)
    guarded.cookies = person.cookies
    answer = guarded.post("/portal/listings/new/", {"certificate": NEW, "price": "95000", "stock": "3"})
    assert answer.status_code == 403
    assert not PortalChange.objects.exists()


def test_the_listing_page_of_one_certificate_shows_its_form_or_why_it_cannot_be_listed(registry, producer_person):
    person = producer_person(registry[0], "lan@example.vn")
    form = person.get("/portal/listings/new/", {"certificate": NEW}).content.decode()
    assert "<h2>Mật ong hoa nhãn Mèo Vạc</h2>" in form and f'id="id_price_{NEW}"' in form
    expired = person.get("/portal/listings/new/", {"certificate": EXPIRED}).content.decode()
    assert REFUSALS[0][1] in expired and 'name="price"' not in expired


def test_when_saleor_cannot_be_reached_the_form_stays_with_a_message_and_nothing_is_recorded(
        registry, producer_person, settings, monkeypatch):
    # given Saleor unreachable (the connection fails before any request reaches it)
    import httpx

    from catalog_sync.saleor import RetryingTransport, SaleorClient

    def unreachable(request):
        raise httpx.ConnectError("connection refused", request=request)

    monkeypatch.setattr("portal.views.listing.app_client", lambda: SaleorClient(
        "http://saleor.invalid/graphql/", "token",
        transport=RetryingTransport(retries=0, inner=httpx.MockTransport(unreachable))))
    person = producer_person(registry[0], "lan@example.vn")
    # when the person lists a valid certificate
    response = person.post("/portal/listings/new/", {"certificate": NEW, "price": "95000", "stock": "3"})
    # then the page says so, keeps what they typed, and nothing is recorded
    html = response.content.decode()
    assert response.status_code == 503
    assert "Hệ thống bán hàng không trả lời. Vui lòng thử lại sau giây lát." in html
    assert 'name="price" value="95000"' in html
    assert not PortalChange.objects.exists()


def test_a_certificate_renewed_by_a_newer_one_is_refused_and_only_the_renewal_is_offered(
        registry, producer_person, make_certificate, monkeypatch):
    # given the honey-blossom honey re-evaluated: a renewal valid today supersedes its certificate
    monkeypatch.setattr("portal.views.listing.app_client", lambda: pytest.fail("Saleor was asked"))
    make_certificate(id="TQ-2026-0907", product_name="Mật ong hoa nhãn Mèo Vạc", producer=HONEY, stars=5,
                     issued_on=datetime.date(2026, 9, 1), decision_no="401/QĐ-UBND",
                     supersedes=Certificate.objects.get(pk=NEW))
    person = producer_person(registry[0], "lan@example.vn")
    # when the person opens their products and posts the old certificate
    offered_now = offered(person.get("/portal/products/").content.decode())
    response = person.post("/portal/listings/new/", {"certificate": NEW, "price": "95000", "stock": "3"})
    # then the renewal is offered in its place, and the old one is refused naming the renewal
    assert "TQ-2026-0907" in offered_now and NEW not in offered_now
    assert response.status_code == 409
    assert (f"Giấy chứng nhận {NEW} đã được thay bằng giấy chứng nhận TQ-2026-0907: hãy đưa sản phẩm lên với "
            "giấy chứng nhận mới.") in response.content.decode()
    assert not PortalChange.objects.exists()
