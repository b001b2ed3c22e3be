"""Tier 2: ``ocop saleor bootstrap`` and ``ocop saleor import-catalogue`` against a real Saleor 3.23,
each twice in a row; the second run changes nothing, and a customer sees the result."""

from __future__ import annotations

import datetime
import io
import json

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

ON = datetime.date(2026, 11, 22)


def run(command: str, *args: str) -> dict:
    out = io.StringIO()
    call_command(command, *args, "--json", stdout=out, stderr=io.StringIO())
    return json.loads(out.getvalue())


@pytest.fixture
def saleor_settings(settings, saleor_api):
    settings.SALEOR_API_URL = saleor_api.url
    settings.SALEOR_APP_TOKEN = saleor_api.app_token
    return saleor_api


def test_bootstrap_and_import_catalogue_twice_in_a_row(saleor_settings, make_certificate):
    api = saleor_settings
    first = run("saleor_bootstrap")
    assert "channel ocop-vn" in first["created"] and "product type ocop-product" in first["created"]
    assert "product type ocop-service" in first["created"]
    assert sum(item.startswith("category ") for item in first["created"]) == 32
    second = run("saleor_bootstrap")
    assert second["created"] == [] and second["updated"] == []

    make_certificate(id="TQ-2025-0001", product_name="Mật ong bạc hà Mèo Vạc", producer="HTX Ong mật Mèo Vạc",
                     issued_on=datetime.date(2025, 3, 10), group="thuc-pham", product_set="mat-ong-nong-san-khac")
    make_certificate(id="LD-2025-0001", product_name="Cà phê Arabica Cầu Đất", producer="Công ty TNHH Cầu Đất",
                     stars=5, issued_on=datetime.date(2025, 1, 20), decision_no="120/QĐ-BNNMT",
                     province="lam-dong", group="thuc-pham", product_set="ca-phe-ca-cao")
    make_certificate(id="LC-2025-0001", product_name="Du lịch cộng đồng bản Cát Cát", producer="HTX Du lịch Cát Cát",
                     issued_on=datetime.date(2025, 4, 1), decision_no="210/QĐ-UBND", province="lao-cai",
                     group="du-lich", product_set="dich-vu-du-lich")  # group 6: a service, not shipped
    make_certificate(id="TQ-2022-0001", product_name="Chè Shan tuyết", producer="HTX Chè Hà Giang",
                     issued_on=datetime.date(2022, 1, 5), decision_no="15/QĐ-UBND", group="thuc-pham")  # expired

    imported = run("saleor_import_catalogue", "--on", ON.isoformat())
    assert (imported["created"], imported["updated"], imported["unchanged"], imported["errors"]) == (3, 0, 0, [])
    again = run("saleor_import_catalogue", "--on", ON.isoformat())
    assert (again["created"], again["updated"], again["unchanged"], again["errors"]) == (0, 0, 3, [])
    assert again["producers"] == {"created": 0, "updated": 0, "unchanged": 3}

    products = api.data("""{ products(first: 10, where: {slug: {oneOf: [
        "mat-ong-bac-ha-meo-vac-tq-2025-0001", "ca-phe-arabica-cau-dat-ld-2025-0001",
        "du-lich-cong-dong-ban-cat-cat-lc-2025-0001"]}}) {
      edges { node { externalReference category { slug } productType { slug isShippingRequired }
        certificate: assignedAttribute(slug: "ocop-certificate") { ... on AssignedPlainTextAttribute { value } }
        producer: assignedAttribute(slug: "producer") {
          ... on AssignedSinglePageReferenceAttribute { value { title pageType { slug } } } }
      } } } }""")["products"]["edges"]
    by_reference = {edge["node"]["externalReference"]: edge["node"] for edge in products}
    coffee = by_reference["ocop:LD-2025-0001"]
    assert coffee["productType"] == {"slug": "ocop-product", "isShippingRequired": True}
    assert coffee["category"]["slug"] == "ca-phe-ca-cao"
    assert coffee["certificate"]["value"] == "LD-2025-0001"
    assert coffee["producer"]["value"] == {"title": "Công ty TNHH Cầu Đất", "pageType": {"slug": "producer"}}
    assert set(by_reference) == {"ocop:LD-2025-0001", "ocop:TQ-2025-0001", "ocop:LC-2025-0001"}
    tour = by_reference["ocop:LC-2025-0001"]
    assert tour["productType"] == {"slug": "ocop-service", "isShippingRequired": False}
    assert tour["category"]["slug"] == "dich-vu-du-lich"
