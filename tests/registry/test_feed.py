import datetime
import json
from io import StringIO

import pytest
from django.core.management import call_command

from catalog_sync.registry.actions import renew_certificate, revoke_certificate

pytestmark = pytest.mark.django_db

TOKEN = "tests-only-feed-token"
AUTH = {"HTTP_AUTHORIZATION": f"Bearer {TOKEN}"}


def test_feed_refuses_requests_without_the_bearer_token(client, make_certificate):
    make_certificate()
    for headers in ({}, {"HTTP_AUTHORIZATION": "Bearer wrong"}, {"HTTP_AUTHORIZATION": f"Basic {TOKEN}"}):
        response = client.get("/registry/feed.json", **headers)
        assert response.status_code == 401
        assert response["WWW-Authenticate"] == 'Bearer realm="ocop-registry"'
        assert b"certificates" not in response.content


def test_feed_lists_every_certificate_in_the_documented_shape(client, make_certificate):
    make_certificate(id="TQ-2024-0001")
    response = client.get("/registry/feed.json", **AUTH)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    document = response.json()
    assert set(document) == {"generated_at", "certificates"}
    datetime.datetime.fromisoformat(document["generated_at"])
    assert document["certificates"] == [{
        "id": "TQ-2024-0001", "product_name": "Mật ong bạc hà", "producer": "HTX Ong mật Mèo Vạc",
        "stars": 4, "status": "active", "issued_on": "2024-11-12", "valid_until": "2027-11-12",
        "decision_no": "2417/QĐ-UBND", "issuer": "UBND tỉnh Tuyên Quang", "province": "tuyen-quang",
        "group": "thuc-pham", "supersedes": None, "revoked_on": None,
    }]


def test_feed_answers_304_for_the_current_etag_and_200_after_a_change(client, make_certificate):
    make_certificate(id="TQ-2024-0001")
    first = client.get("/registry/feed.json", **AUTH)
    etag = first["ETag"]
    assert etag.startswith('"') and etag.endswith('"')

    unchanged = client.get("/registry/feed.json", HTTP_IF_NONE_MATCH=etag, **AUTH)
    assert unchanged.status_code == 304
    assert unchanged.content == b""
    assert unchanged["ETag"] == etag

    revoke_certificate("TQ-2024-0001", reason="vi phạm an toàn thực phẩm", decision_no="5/QĐ-UBND",
                       revoked_on=datetime.date(2025, 3, 1))
    changed = client.get("/registry/feed.json", HTTP_IF_NONE_MATCH=etag, **AUTH)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert changed.json()["certificates"][0]["status"] == "revoked"


def test_feed_304_needs_the_token_too(client, make_certificate):
    make_certificate()
    etag = client.get("/registry/feed.json", **AUTH)["ETag"]
    assert client.get("/registry/feed.json", HTTP_IF_NONE_MATCH=etag).status_code == 401


def test_feed_links_a_renewal_to_the_certificate_it_supersedes(client, make_certificate):
    make_certificate(id="TQ-2024-0001", issued_on=datetime.date(2024, 11, 12))
    renewal = renew_certificate("TQ-2024-0001", decision_no="7/QĐ-UBND",
                                decision_date=datetime.date(2027, 10, 1), stars=5)
    certificates = {c["id"]: c for c in client.get("/registry/feed.json", **AUTH).json()["certificates"]}
    assert certificates[renewal.pk]["supersedes"] == "TQ-2024-0001"
    assert certificates[renewal.pk]["stars"] == 5
    assert certificates[renewal.pk]["valid_until"] == "2030-10-01"
    assert certificates["TQ-2024-0001"]["status"] == "active"


def test_feed_of_an_empty_registry_is_an_empty_list(client, db):
    assert client.get("/registry/feed.json", **AUTH).json()["certificates"] == []


def test_cli_feed_prints_the_same_document_as_the_endpoint(client, make_certificate):
    make_certificate(id="TQ-2024-0001")
    served = client.get("/registry/feed.json", **AUTH).json()
    out = StringIO()
    call_command("registry_feed", stdout=out)
    assert json.loads(out.getvalue()) == served


def test_feed_is_not_cached_by_shared_caches(client, make_certificate):
    make_certificate()
    assert client.get("/registry/feed.json", **AUTH)["Cache-Control"] == "private, no-cache"


def test_feed_carries_the_day_a_revocation_takes_effect_even_when_it_lies_ahead(client, make_certificate):
    # given one certificate revoked from a day ahead and one not revoked
    make_certificate(id="TQ-2024-0001", revoked_on=datetime.date(2027, 3, 1), revocation_decision="9/QĐ-UBND")
    make_certificate(id="TQ-2024-0002", product_name="Chè")
    # when the plugin reads the feed
    certificates = {c["id"]: c for c in client.get("/registry/feed.json", **AUTH).json()["certificates"]}
    # then it learns the day, and that the other one has none
    assert (certificates["TQ-2024-0001"]["status"], certificates["TQ-2024-0001"]["revoked_on"]) == (
        "revoked", "2027-03-01")
    assert (certificates["TQ-2024-0002"]["status"], certificates["TQ-2024-0002"]["revoked_on"]) == ("active", None)


def _feed(client):
    response = client.get("/registry/feed.json", **AUTH)
    return response["ETag"], response.json()["certificates"][0]


@pytest.mark.parametrize(("model", "changes", "field", "expected"), [
    ("producer", {"name": "HTX Ong mật Mèo Vạc Hà Giang"}, "producer", "HTX Ong mật Mèo Vạc Hà Giang"),
    ("decision", {"number": "2418/QĐ-UBND"}, "decision_no", "2418/QĐ-UBND"),
    ("decision", {"issuer": "UBND tỉnh Hà Giang"}, "issuer", "UBND tỉnh Hà Giang"),
])
def test_editing_a_producer_or_a_decision_changes_the_feed_and_its_etag(client, make_certificate, model, changes,
                                                                        field, expected):
    # given a plugin that has read the feed
    certificate = make_certificate(id="TQ-2024-0001")
    etag, _before = _feed(client)
    # when staff correct the producer's name or the decision in the admin
    record = getattr(certificate, model)
    for name, value in changes.items():
        setattr(record, name, value)
    record.save()
    # then the plugin's conditional request gets the new document under a new ETag
    response = client.get("/registry/feed.json", HTTP_IF_NONE_MATCH=etag, **AUTH)
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert response.json()["certificates"][0][field] == expected


def test_a_bulk_update_of_producer_names_changes_the_etag_too(client, make_certificate):
    from catalog_sync.registry.models import Producer

    make_certificate(id="TQ-2024-0001")
    etag, _before = _feed(client)
    Producer.objects.update(name="HTX Ong mật")
    new_etag, after = _feed(client)
    assert new_etag != etag and after["producer"] == "HTX Ong mật"


def test_editing_what_the_feed_does_not_carry_keeps_the_etag(client, make_certificate):
    certificate = make_certificate(id="TQ-2024-0001")
    etag, _before = _feed(client)
    certificate.producer.address = "Mèo Vạc, Hà Giang"
    certificate.producer.save(update_fields=["address"])
    assert client.get("/registry/feed.json", HTTP_IF_NONE_MATCH=etag, **AUTH).status_code == 304
