"""Two producers of one name in two provinces are two producers: two pages in Saleor, two portals.

The import runs replay Saleor's replies recorded by tests/tier2/test_portal_same_name.py (a store imported while
the name alone made a producer: one page holding both producers' products).
"""

from __future__ import annotations

import datetime
import io
import json

import pytest
from django.core.management import call_command

from catalog_sync.domain.text import match_key
from catalog_sync.registry.models import Certificate
from catalog_sync.saleor.entries import catalogue_entries, producer_page_slug
from portal.access import former_page_slug, page_slug
from portal.models import ProducerAccount

from .namesakes import COFFEE_ID, HONEY_ID, NAME, ON, TEA_ID, namesakes

pytestmark = pytest.mark.django_db


def import_json() -> dict:
    out = io.StringIO()
    call_command("saleor_import_catalogue", "--on", ON, "--json", stdout=out, stderr=io.StringIO())
    return json.loads(out.getvalue())


def test_namesakes_of_two_provinces_are_two_producers_of_the_catalogue(make_certificate):
    # given the registry's two producers named "HTX Nông nghiệp Tân Phú", of Lâm Đồng and of Tuyên Quang
    namesakes(make_certificate)
    # when the catalogue's entries are made from the registry's listing
    producers, products = catalogue_entries(Certificate.objects.in_catalogue_on(datetime.date.fromisoformat(ON)))
    # then there are two producers, each with its own page slug and key, and each product names its own
    assert [(p.name, p.registry_province, p.key) for p in producers] == [
        (NAME, "lam-dong", f"lam-dong:{match_key(NAME)}"), (NAME, "tuyen-quang", f"tuyen-quang:{match_key(NAME)}")]
    slugs = [p.slug for p in producers]
    assert slugs[0] != slugs[1]
    assert slugs[0].startswith("htx-nong-nghiep-tan-phu-lam-dong-")
    assert slugs[1].startswith("htx-nong-nghiep-tan-phu-tuyen-quang-")
    assert {e.certificate_id: e.producer_key for e in products} == {
        COFFEE_ID: producers[0].key, TEA_ID: producers[1].key}


def test_a_producer_whose_name_is_its_own_keeps_its_page_slug(make_certificate):
    # given a producer no other of the registry shares a name with
    honey = make_certificate(id="TQ-2025-0901", producer="HTX Ong mật Mèo Vạc", province="tuyen-quang")
    # then its page slug is the one Saleor's pages already have (tests/fixtures/saleor/05_import_catalogue.json)
    account = ProducerAccount(producer=honey.producer)
    assert page_slug(account) == "htx-ong-mat-meo-vac-6483f9d6"
    assert former_page_slug(account) is None


def test_the_portal_grants_each_namesake_its_own_page_only(make_certificate):
    # given the two namesakes' accounts
    coffee, tea = namesakes(make_certificate)
    lam_dong, tuyen_quang = ProducerAccount(producer=coffee.producer), ProducerAccount(producer=tea.producer)
    # then the page each may work on is its own: never the other's, never the page they shared before
    shared = producer_page_slug(match_key(NAME), NAME, "lam-dong", shares_name=False)
    assert page_slug(lam_dong) != page_slug(tuyen_quang)
    assert shared not in (page_slug(lam_dong), page_slug(tuyen_quang))
    # and order lines recorded under the shared page are looked up too (whose each is comes from Saleor now)
    assert former_page_slug(lam_dong) == former_page_slug(tuyen_quang) == shared


def test_import_catalogue_splits_the_page_namesakes_shared_and_says_what_it_moved(cassette, make_certificate):
    # given the two namesakes, and Saleor holding one page (the name's alone) with both their products
    namesakes(make_certificate)
    cassette("22_same_name_split")
    shared = producer_page_slug(match_key(NAME), NAME, "lam-dong", shares_name=False)
    own = {p: producer_page_slug(match_key(NAME), NAME, p, shares_name=True) for p in ("lam-dong", "tuyen-quang")}
    # when staff run the catalogue import
    first = import_json()
    # then the page is split: Lâm Đồng's producer (the first registered) keeps it, renamed, Tuyên Quang's gets its
    # own, each product is on its own producer's page (the honey too, out of today's catalogue), and the report
    # says what moved where
    assert first["split_pages"] == [
        {"from": shared, "to": own["lam-dong"], "products": [COFFEE_ID]},
        {"from": shared, "to": own["tuyen-quang"], "products": [HONEY_ID, TEA_ID]},
    ]
    assert (first["producers"], first["updated"], first["unchanged"], first["errors"]) == (
        {"created": 1, "updated": 1, "unchanged": 0}, 1, 1, [])
    # when they run it again, then nothing moves and nothing changes
    second = import_json()
    assert (second["split_pages"], second["producers"], second["created"], second["updated"]) == (
        [], {"created": 0, "updated": 0, "unchanged": 2}, 0, 0)
