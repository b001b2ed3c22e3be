import datetime
import json

import pytest
from django.utils import timezone

from catalog_sync.app import tasks
from catalog_sync.app.models import HandledDelivery, Installation

from .conftest import SigningKey

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(monkeypatch):
    """What the webhook handed to the worker."""
    calls: list[tuple] = []
    monkeypatch.setattr(tasks.refresh_object, "delay", lambda *args: calls.append(args))
    return calls


@pytest.fixture
def installation(fake_saleor):
    installation = Installation(saleor_api_url=fake_saleor.api_url, app_id="QXBwOjE=",
                                jwks={"keys": [key.jwk() for key in fake_saleor.keys]},
                                jwks_fetched_at=timezone.now())
    installation.token = "app-token-kept-sealed"
    installation.save()
    return installation


def product_updated(product_id="UHJvZHVjdDo3Mg==", issued_at=None) -> bytes:
    issued = (issued_at or timezone.now()).isoformat()
    return json.dumps({"__typename": "ProductUpdated", "issuedAt": issued, "product": {"id": product_id}}).encode()


def deliver(client, fake_saleor, body: bytes, *, signature: str | None = None, api_url: str | None = None):
    signature = fake_saleor.keys[0].sign(body) if signature is None else signature
    return client.post("/saleor/webhooks/", data=body, content_type="application/json",
                       HTTP_SALEOR_API_URL=api_url or fake_saleor.api_url, HTTP_SALEOR_SIGNATURE=signature,
                       HTTP_SALEOR_EVENT="product_updated")


def test_a_signed_delivery_is_acknowledged_and_its_work_queued(client, fake_saleor, installation, queued):
    # when Saleor delivers a signed PRODUCT_UPDATED
    response = deliver(client, fake_saleor, product_updated())
    # then it is acknowledged and the product is queued for a refresh
    assert response.status_code == 200
    assert response.json() == {"queued": "product UHJvZHVjdDo3Mg=="}
    assert [call[:2] for call in queued] == [("product", "UHJvZHVjdDo3Mg==")]


def test_a_delivery_with_a_forged_signature_is_refused_and_changes_nothing(client, fake_saleor, installation, queued):
    # given a key that is not Saleor's, under Saleor's key id
    forger = SigningKey("key-1")
    body = product_updated()
    response = deliver(client, fake_saleor, body, signature=forger.sign(body))
    assert response.status_code == 401
    assert queued == [] and HandledDelivery.objects.count() == 0


def test_a_delivery_whose_body_was_altered_after_signing_is_refused(client, fake_saleor, installation, queued):
    signature = fake_saleor.keys[0].sign(product_updated("UHJvZHVjdDox"))
    response = deliver(client, fake_saleor, product_updated("UHJvZHVjdDo5OQ=="), signature=signature)
    assert response.status_code == 401
    assert queued == []


@pytest.mark.parametrize("signature", ["", "not-a-jws", "a.b.c"])
def test_a_delivery_without_a_usable_signature_is_refused(client, fake_saleor, installation, queued, signature):
    response = deliver(client, fake_saleor, product_updated(), signature=signature)
    assert response.status_code == 401
    assert queued == []


def test_a_delivery_from_a_saleor_we_are_not_installed_in_is_refused(client, fake_saleor, installation, queued):
    response = deliver(client, fake_saleor, product_updated(), api_url="http://127.0.0.1:1/graphql/")
    assert response.status_code == 401
    assert response.json()["error"]["message"] == "this app is not installed in that Saleor"
    assert queued == []


def test_a_rotated_key_is_fetched_once_and_then_accepted(client, fake_saleor, installation, queued):
    # given Saleor rotated its key after we fetched the key set a while ago
    Installation.objects.filter(pk=installation.pk).update(
        jwks_fetched_at=timezone.now() - datetime.timedelta(minutes=5))
    fake_saleor.keys = [SigningKey("key-2")]
    # when a delivery signed with the new key arrives
    response = deliver(client, fake_saleor, product_updated())
    # then the key set is fetched again and the delivery accepted
    assert response.status_code == 200
    assert fake_saleor.requests.count(("GET", "/.well-known/jwks.json")) == 1
    assert len(queued) == 1


def test_an_unknown_key_id_does_not_make_us_refetch_more_than_once_a_minute(client, fake_saleor, installation, queued):
    # given the key set was fetched just now
    stranger = SigningKey("key-unknown")
    body = product_updated()
    for _ in range(3):
        assert deliver(client, fake_saleor, body, signature=stranger.sign(body)).status_code == 401
    assert fake_saleor.requests.count(("GET", "/.well-known/jwks.json")) == 0


def test_a_redelivered_event_changes_nothing_the_second_time(client, fake_saleor, installation, queued):
    body = product_updated()
    first = deliver(client, fake_saleor, body)
    second = deliver(client, fake_saleor, body)
    assert first.json() == {"queued": "product UHJvZHVjdDo3Mg=="}
    assert second.status_code == 200 and second.json() == {"ignored": "already handled"}
    assert len(queued) == 1


def test_a_replayed_old_event_changes_nothing(client, fake_saleor, installation, queued, settings):
    settings.APP_WEBHOOK_MAX_AGE = 300
    body = product_updated(issued_at=timezone.now() - datetime.timedelta(minutes=6))
    response = deliver(client, fake_saleor, body)
    assert response.json() == {"ignored": "issued too long ago"}
    assert queued == [] and HandledDelivery.objects.count() == 0


def test_a_signed_but_unexpected_payload_is_a_clear_400(client, fake_saleor, installation, queued):
    response = deliver(client, fake_saleor, b'{"event": "something"}')
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "the payload has no __typename"


def test_registration_keeps_the_token_sealed_and_the_key_set(client, fake_saleor):
    # when the Saleor we are configured for posts the app token
    response = client.post("/saleor/register/", data={"auth_token": "token-from-saleor"},
                           content_type="application/json", HTTP_SALEOR_API_URL=fake_saleor.api_url)
    # then the app is installed: the token confirmed with Saleor and stored sealed
    assert response.status_code == 200 and response.json() == {"success": True}
    installation = Installation.objects.get()
    assert installation.app_id == fake_saleor.app_reply["body"]["data"]["app"]["id"]
    assert installation.token == "token-from-saleor"
    assert "token-from-saleor" not in installation.sealed_token
    assert installation.jwks["keys"][0]["kid"] == "key-1"
    assert ("POST", "OcopAppId") in fake_saleor.requests


def test_registration_from_another_saleor_is_refused(client, fake_saleor):
    response = client.post("/saleor/register/", data={"auth_token": "t"}, content_type="application/json",
                           HTTP_SALEOR_API_URL="https://evil.example/graphql/")
    assert response.status_code == 403
    assert Installation.objects.count() == 0
    assert fake_saleor.requests == []


def test_registration_with_a_token_saleor_does_not_accept_is_refused(client, fake_saleor):
    from .conftest import recorded_reply

    # given Saleor's recorded answer to a token it did not issue
    fake_saleor.app_reply = recorded_reply("11_app_install.json", "OcopAppId", index=-1)
    response = client.post("/saleor/register/", data={"auth_token": "forged"}, content_type="application/json",
                           HTTP_SALEOR_API_URL=fake_saleor.api_url)
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "Saleor does not accept the token it sent"
    assert Installation.objects.count() == 0
