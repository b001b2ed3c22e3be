import base64
import datetime
import json

import jwt
import pytest
from django.utils import timezone
from jwt.algorithms import RSAAlgorithm

from catalog_sync.app import tasks
from catalog_sync.app.install import registration_pending
from catalog_sync.app.models import HandledDelivery, Installation, PendingRegistration

from .conftest import APP_INSTALL, FIXTURES, SigningKey

CUSTOMER_TOKEN = FIXTURES.parent / "saleor_webhooks" / "customer_token.json"  # see tests/tier2/test_app.py

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


def test_a_failed_key_set_fetch_is_not_retried_for_30_seconds(client, fake_saleor, installation, queued):
    # given a key set fetched long ago, and Saleor's key set unreachable now
    Installation.objects.filter(pk=installation.pk).update(
        jwks_fetched_at=timezone.now() - datetime.timedelta(minutes=5))
    fake_saleor.jwks_status = 503
    fake_saleor.keys = [SigningKey("key-2")]
    body = product_updated()
    # when deliveries signed with a key we do not know keep coming
    answers = [deliver(client, fake_saleor, body).status_code for _ in range(4)]
    # then Saleor's key set was asked for once, and each delivery answered 401
    assert answers == [401, 401, 401, 401]
    assert fake_saleor.requests.count(("GET", "/.well-known/jwks.json")) == 1
    # when Saleor answers again, 30 s after the failed fetch
    fake_saleor.jwks_status = 200
    Installation.objects.filter(pk=installation.pk).update(
        jwks_tried_at=timezone.now() - datetime.timedelta(seconds=31))
    # then the key set is fetched once more and the delivery accepted
    assert deliver(client, fake_saleor, body).status_code == 200
    assert fake_saleor.requests.count(("GET", "/.well-known/jwks.json")) == 2
    assert len(queued) == 1


def test_a_shoppers_access_token_signed_by_saleor_is_no_webhook_signature(client, fake_saleor, queued):
    # given the key set of a real Saleor 3.23 and a customer's access token it signed with tokenCreate
    recorded = json.loads(CUSTOMER_TOKEN.read_text())
    token = recorded["token"]
    header = jwt.get_unverified_header(token)
    key = jwt.PyJWK(next(entry for entry in recorded["jwks"]["keys"] if entry["kid"] == header["kid"])).key
    assert jwt.decode(token, key, algorithms=["RS256"], options={"verify_exp": False})["token"]
    Installation(saleor_api_url=fake_saleor.api_url, app_id="QXBwOjI=", jwks=recorded["jwks"],
                 jwks_fetched_at=timezone.now(), sealed_token="").save()
    # when it is sent as Saleor-Signature for a body
    response = deliver(client, fake_saleor, product_updated(), signature=token)
    # then the delivery is refused: the header is not Saleor's detached form
    assert (response.status_code, response.json()) == (
        401, {"error": {"message": "the signature is not a detached JWS (b64 false, crit b64)"}})
    assert queued == [] and HandledDelivery.objects.count() == 0


def signed_with_header(key: SigningKey, header: dict, body: bytes, *, detached: bool) -> str:
    """A compact JWS with exactly ``header`` (RS256 by ``key``): over ``body`` detached, or carrying a payload."""
    def encoded(data: bytes) -> bytes:
        return base64.urlsafe_b64encode(data).rstrip(b"=")

    protected = encoded(json.dumps({"alg": "RS256", **header}).encode())
    payload = body if detached else encoded(b'{"sub": "shopper"}')
    signature = RSAAlgorithm(RSAAlgorithm.SHA256).sign(protected + b"." + payload, key.private_key)
    return b".".join([protected, b"" if detached else payload, encoded(signature)]).decode()


NOT_DETACHED = "the signature is not a detached JWS (b64 false, crit b64)"


@pytest.mark.parametrize(("header", "detached", "message"), [
    ({"kid": "key-1", "typ": "JWT"}, False, NOT_DETACHED),
    ({"kid": "key-1", "b64": False}, True, NOT_DETACHED),
    ({"kid": "key-1", "b64": True, "crit": ["b64"]}, False, NOT_DETACHED),
    ({"kid": "key-1", "b64": False, "crit": ["b64", "exp"], "exp": 1}, True, "the signature is not a JWS"),
    ({"b64": False, "crit": ["b64"]}, True, "the signature names no key id"),
], ids=["ordinary token", "b64 without crit", "b64 true", "crit beyond b64", "no key id"])
def test_a_signature_by_saleors_key_in_any_other_form_is_refused(client, fake_saleor, installation, queued,
                                                                  header, detached, message):
    # given Saleor's own key, signing in a form that is not Saleor's detached JWS
    body = product_updated()
    signature = signed_with_header(fake_saleor.keys[0], header, body, detached=detached)
    response = deliver(client, fake_saleor, body, signature=signature)
    assert (response.status_code, response.json()) == (401, {"error": {"message": message}})
    assert queued == []


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


def register(client, fake_saleor, token: str):
    return client.post("/saleor/register/", data={"auth_token": token}, content_type="application/json",
                       HTTP_SALEOR_API_URL=fake_saleor.api_url)


def app_reply(which: str) -> dict:
    """Saleor's recorded answer to ``app { id identifier }``: for our app's token, another app's, or a forged one."""
    replies = [exchange["response"] for exchange in json.loads((FIXTURES / APP_INSTALL).read_text())
               if exchange["request"]["operationName"] == "OcopAppId"]
    apps = [(reply, (reply["body"].get("data") or {}).get("app")) for reply in replies]
    return next(reply for reply, app in apps if {
        "ours": app is not None and app["identifier"] == "ocop.market",
        "another app": app is not None and app["identifier"] != "ocop.market",
        "forged": app is None}[which])


@pytest.fixture
def installing(fake_saleor):
    """``ocop saleor install-app`` is waiting for Saleor to post the token."""
    with registration_pending(fake_saleor.api_url, timeout=60):
        yield


def test_registration_keeps_the_token_sealed_and_the_key_set(client, fake_saleor, installing):
    # when the Saleor we are configured for posts the app token while install-app waits for it
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
    # and the registration is closed: the same token posted again replaces nothing
    assert PendingRegistration.objects.count() == 0
    assert register(client, fake_saleor, "token-from-saleor").status_code == 403


def test_registration_is_refused_while_no_installation_is_pending(client, fake_saleor, installation):
    # given the app installed, and install-app not running
    # when someone posts a token Saleor would confirm as our app's
    response = register(client, fake_saleor, "a-valid-app-token")
    # then it is refused without asking Saleor, and the installation keeps its token
    assert response.status_code == 403
    assert response.json()["error"]["message"] == (
        "no installation of the app is pending here (ocop saleor install-app opens one)")
    assert fake_saleor.requests == []
    assert Installation.objects.get().token == "app-token-kept-sealed"


def test_registration_of_another_apps_token_is_refused(client, fake_saleor, installation, installing):
    # given Saleor's recorded answer for the token of another app (not ocop.market)
    fake_saleor.app_reply = app_reply("another app")
    response = register(client, fake_saleor, "another-apps-token")
    assert (response.status_code, response.json()) == (
        403, {"error": {"message": "the token is not the app ocop.market's"}})
    assert Installation.objects.get().token == "app-token-kept-sealed"


def test_registration_replacing_an_app_refuses_the_replaced_apps_token(client, fake_saleor, installation):
    # given install-app replacing the app Saleor answers for
    fake_saleor.app_reply = app_reply("ours")
    replaced = fake_saleor.app_reply["body"]["data"]["app"]["id"]
    with registration_pending(fake_saleor.api_url, timeout=60, replacing_app_id=replaced):
        response = register(client, fake_saleor, "the-replaced-apps-token")
    assert (response.status_code, response.json()) == (403, {"error": {"message": "the token is the replaced app's"}})
    assert Installation.objects.get().token == "app-token-kept-sealed"


def test_registration_from_another_saleor_is_refused(client, fake_saleor):
    response = client.post("/saleor/register/", data={"auth_token": "t"}, content_type="application/json",
                           HTTP_SALEOR_API_URL="https://evil.example/graphql/")
    assert response.status_code == 403
    assert Installation.objects.count() == 0
    assert fake_saleor.requests == []


def test_registration_with_a_token_saleor_does_not_accept_is_refused(client, fake_saleor, installing):
    # given Saleor's recorded answer to a token it did not issue
    fake_saleor.app_reply = app_reply("forged")
    response = client.post("/saleor/register/", data={"auth_token": "forged"}, content_type="application/json",
                           HTTP_SALEOR_API_URL=fake_saleor.api_url)
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "Saleor does not accept the token it sent"
    assert Installation.objects.count() == 0
