"""Saleor's thumbnail addresses on its private API host are stored as the media address they redirect to."""

from __future__ import annotations

import datetime
from decimal import Decimal

import httpx
import pytest

from catalog_sync.catalogue.public_images import PublicImages
from catalog_sync.catalogue.records import CollectionRecord, Image, ProductRecord, VariantRecord

API = "http://api.ocop.internal:8000/graphql/"
SITE = "http://localhost"
PROXY = "http://api.ocop.internal:8000/thumbnail/UHJvZHVjdE1lZGlhOjE=/512/"
STORED = "http://localhost/media/thumbnails/products/mat-ong_thumbnail_512.webp"


def product(thumbnail: Image | None, *images: Image) -> ProductRecord:
    return ProductRecord(
        id="UHJvZHVjdDox", slug="mat-ong", name="Mật ong bạc hà", group="thuc-pham", product_set=None,
        certificate_id="HG-2025-001", stars=4, valid_until=datetime.date(2028, 7, 1), province=None,
        province_at_certification=None, producer=None,
        variants=(VariantRecord(id="V1", name="500 g", sku=None, price=Decimal(150000), currency="VND",
                                quantity_available=3),),
        created=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
        updated_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC), thumbnail=thumbnail, images=images,
    )


class Saleor:
    """Answers as Saleor's thumbnail view does: 302 to the stored thumbnail, 503 while the image is fetched."""

    def __init__(self, answers: dict[str, httpx.Response]):
        self.answers = answers
        self.asked: list[str] = []

    def get(self, url: str) -> httpx.Response:
        self.asked.append(url)
        return self.answers[url]


def redirect(location: str) -> httpx.Response:
    return httpx.Response(302, headers={"Location": location})


def test_a_thumbnail_on_the_private_api_host_is_stored_as_the_media_address_it_redirects_to():
    # given Saleor named a photo's thumbnail by its own view, on the API's private name
    saleor = Saleor({PROXY: redirect(STORED)})
    images = PublicImages(API, [SITE], saleor.get)
    # when the product is read for the shop
    record = images.product(product(Image(PROXY, "Mật ong"), Image(PROXY, "Mật ong")))
    # then the thumbnail and the photo are the public media address, asked for once
    assert record.thumbnail == Image(STORED, "Mật ong")
    assert record.images == (Image(STORED, "Mật ong"),)
    assert saleor.asked == [PROXY]


def test_addresses_the_shop_may_load_are_kept_without_asking():
    # given a stored thumbnail's media address, and (scripts/run-local) the API host among the media origins
    saleor = Saleor({})
    original = product(Image(STORED), Image("http://localhost/media/products/mat-ong.jpg"))
    assert PublicImages(API, [SITE], saleor.get).product(original) is original
    local = product(Image("http://127.0.0.1:8000/thumbnail/UHJvZHVjdE1lZGlhOjE=/512/"))
    assert PublicImages("http://127.0.0.1:8000/graphql/", ["http://127.0.0.1:8000"], saleor.get).product(local) is local
    # and an address on another host than Saleor's API is never requested
    elsewhere = product(Image("http://other.example/thumbnail/UHJvZHVjdE1lZGlhOjE=/512/"))
    assert PublicImages(API, [SITE], saleor.get).product(elsewhere) is elsewhere
    assert saleor.asked == []


@pytest.mark.parametrize("answer", [
    httpx.Response(503, headers={"Retry-After": "1"}, text="Image has not been fetched yet, try later."),
    httpx.Response(404, text="Instance with the given id cannot be found."),
    redirect("http://api.ocop.internal:8000/media/thumbnails/x.webp"),
])
def test_a_thumbnail_that_cannot_be_resolved_to_an_allowed_address_is_left_out(answer):
    # given Saleor cannot give a media address the shop's Content-Security-Policy allows
    saleor = Saleor({PROXY: answer})
    other = Image("http://localhost/media/products/mat-ong-2.jpg")
    # then the product keeps its other photos and no address that cannot load
    record = PublicImages(API, [SITE], saleor.get).product(product(Image(PROXY), Image(PROXY), other))
    assert record.thumbnail is None and record.images == (other,)


def test_an_unreachable_api_leaves_the_thumbnail_out():
    def refuse(url: str) -> httpx.Response:
        raise httpx.ConnectError("connection refused")

    assert PublicImages(API, [SITE], refuse).product(product(Image(PROXY))).thumbnail is None


def test_a_showcase_banner_is_resolved_the_same_way():
    saleor = Saleor({PROXY: redirect("/media/collection-backgrounds/banner.webp")})
    banner = CollectionRecord(id="Q29sbGVjdGlvbjox", slug="tet", name="Quà Tết", product_ids=(),
                              updated_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC), background=Image(PROXY))
    # a relative Location is the API host's own: not an address the shop may show
    assert PublicImages(API, [SITE], saleor.get).collection(banner).background is None
    saleor.answers[PROXY] = redirect(STORED)
    assert PublicImages(API, [SITE], saleor.get).collection(banner).background == Image(STORED)
