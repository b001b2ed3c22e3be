"""Tier 2: the web service installed in a real Saleor 3.23 as the app ``ocop.market``.

Saleor fetches our manifest and posts the token to our live server; the demo catalogue is
reindexed into the read model; then Saleor's signed webhooks, handled by our own Celery worker,
keep the shop in step: a product the certification plugin withdraws leaves the catalogue, its page and search
within 10 s of the sync's commit, and comes back when the certificate is renewed.

With ``OCOP_RECORD_APP=1`` the test also (re)records the Saleor replies that tier-1 tests of the
app replay (tests/fixtures/saleor/11_app_install.json, 12_app_refresh.json, 13_saleor_health.json), and a
customer's access token from ``tokenCreate`` with the key set that signed it
(tests/fixtures/saleor_webhooks/customer_token.json: a throwaway Saleor's, its key gone with it).
"""

from __future__ import annotations

import contextlib
import datetime
import io
import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import jwt
import pytest
import redis
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection

from catalog_sync.app import health
from catalog_sync.app.install import registration_pending
from catalog_sync.app.models import HandledDelivery, Installation
from catalog_sync.app.readers import StorefrontReader
from catalog_sync.catalogue.records import SearchQuery
from catalog_sync.catalogue.search import get_backend
from catalog_sync.domain.validity import vietnam_today
from catalog_sync.registry.actions import renew_certificate, revoke_certificate
from catalog_sync.saleor import SaleorClient, SaleorError, make_transport
from catalog_sync.saleor.recording import RecordingTransport
from testkit import saleor_harness as harness

from . import journey
from .app_install import staff_install_app

pytestmark = pytest.mark.django_db(transaction=True)

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "saleor"
BROKER = os.environ.get("SALEOR_TEST_APP_BROKER", "redis://127.0.0.1:6379/12")  # emptied: one per run
CERTIFICATE = "AG-2025-0001"  # the demo's 5★ Phú Quốc fish sauce
PLUGIN_UPDATE = """mutation($input: PluginUpdateInput!) { pluginUpdate(id: "ocop.certification", input: $input) {
  errors { field message } } }"""
RECORD = os.environ.get("OCOP_RECORD_APP") == "1"
CUSTOMER_TOKEN = REPO / "tests" / "fixtures" / "saleor_webhooks" / "customer_token.json"
TOKEN_CREATE = """mutation($email: String!, $password: String!) { tokenCreate(email: $email, password: $password) {
  token errors { field code } } }"""


def recording_client(url: str, token: str | None, cassette: str) -> SaleorClient:
    transport = make_transport()
    if RECORD:
        transport = RecordingTransport(transport, FIXTURES / cassette)
    return SaleorClient(url, token, transport=transport)


@contextlib.contextmanager
def web_worker_running(settings):
    """The web service's Celery worker on its own Redis database, seeing this test's database and cache."""
    from ocop_web.celery import app

    redis.Redis.from_url(BROKER).flushdb()
    app.conf.broker_url = BROKER
    # Celery prefers the environment's CELERY_BROKER_URL to its configuration: this process sends there too
    previous_broker = os.environ.get("CELERY_BROKER_URL")
    os.environ["CELERY_BROKER_URL"] = BROKER
    prefix = cache.make_key("probe").removesuffix(":1:probe")
    env = {
        **os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings", "CELERY_BROKER_URL": BROKER,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{connection.settings_dict['NAME']}",
        "SALEOR_API_URL": settings.SALEOR_API_URL, "CACHE_KEY_PREFIX": prefix, "PYTHONUNBUFFERED": "1",
    }
    log = tempfile.NamedTemporaryFile("w", prefix="ocop-web-worker-", suffix=".log", delete=False)  # noqa: SIM115
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "ocop_web.celery:app", "worker", "--pool=solo", "--loglevel=INFO",
         "--without-gossip", "--without-mingle", "--without-heartbeat", "-n", f"ocop-web-t2-{secrets.token_hex(3)}"],
        env=env, cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
    try:
        # a deployment's worker is up before anyone saves: the clock of "within 10 s" starts when it is ready
        wait_for(lambda: process.poll() is not None or " ready." in Path(log.name).read_text(), timeout=120)
        assert process.poll() is None, Path(log.name).read_text()[-4000:]
        yield process
    except BaseException:
        print(f"\n--- the web worker's log ({log.name})\n{Path(log.name).read_text()[-4000:]}")
        raise
    finally:
        harness.stop_process(process)
        log.close()
        if previous_broker is None:
            os.environ.pop("CELERY_BROKER_URL", None)
        else:
            os.environ["CELERY_BROKER_URL"] = previous_broker


def customer_access_token(saleor_env, saleor_api, installation) -> tuple[str, dict]:
    """A customer's access token from Saleor's ``tokenCreate`` (valid: Saleor's key signed it), and Saleor's key set."""
    email, password = "shopper@ocop.test", secrets.token_urlsafe(16)
    saleor_env.manage("shell", "-c", "from saleor.account.models import User; "
                      f"user = User(email={email!r}, is_active=True, is_confirmed=True); "
                      f"user.set_password({password!r}); user.save()")
    token = saleor_api.data(TOKEN_CREATE, {"email": email, "password": password}, token=None)["tokenCreate"]["token"]
    header = jwt.get_unverified_header(token)
    assert "b64" not in header and header["alg"] == "RS256"
    key = next(entry for entry in installation.jwks["keys"] if entry["kid"] == header["kid"])
    assert jwt.decode(token, jwt.PyJWK(key).key, algorithms=["RS256"])["email"] == email
    return token, installation.jwks


def wait_for(condition, *, timeout: float, step: float = 0.2) -> float:
    """Seconds until ``condition()`` held; fails after ``timeout``."""
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > timeout:
            pytest.fail(f"not within {timeout:.0f} s")
        time.sleep(step)
    return time.monotonic() - started


def sync(saleor_env, saleor_api) -> tuple[dict, datetime.datetime]:
    # every Saleor process of a deployment shares its public URL: webhooks name the API they come from
    public = {"PUBLIC_URL": f"http://127.0.0.1:{saleor_api.port}/"}
    report = harness.last_json_line(saleor_env.manage("ocop_sync", "--json", env=public).stdout)
    finished = saleor_env.sql("SELECT finished_at FROM ocop_certification_syncrun WHERE id = %s", (report["run_id"],))
    return report, finished[0][0]


def on_sale(client, product) -> tuple[bool, bool, bool]:
    """(the catalogue filtered to its stars and province lists it, its page answers 200, the search finds it)"""
    listing = client.get("/products/", {"stars": product.stars, "province": product.province}).content.decode()
    page = client.get(f"/products/{product.slug}/").status_code == 200
    found = product.slug in client.get("/search/", {"q": "nuoc mam phu quoc"}).content.decode()
    return f"/products/{product.slug}/" in listing, page, found


def test_the_app_installs_and_keeps_the_shop_in_step_with_saleor(
    live_server, settings, saleor_api, saleor_env, shared_data, monkeypatch, client, browser
):
    settings.SALEOR_API_URL = saleor_api.url
    settings.SALEOR_APP_TOKEN = saleor_api.app_token
    settings.APP_PUBLIC_URL = live_server.url
    # given a real Saleor holding the demo catalogue
    call_command("demo", "--data", str(shared_data), "--json", stdout=io.StringIO(), stderr=io.StringIO())

    # when staff install the app from its manifest
    if RECORD:
        monkeypatch.setenv("OCOP_SALEOR_RECORD", str(FIXTURES / "11_app_install.json"))
        (FIXTURES / "11_app_install.json").unlink(missing_ok=True)
    printed = staff_install_app(saleor_env, live_server.url, monkeypatch, settings)
    monkeypatch.delenv("OCOP_SALEOR_RECORD", raising=False)

    # then Saleor handed us a working token, kept sealed, and the app is active there
    installation = Installation.objects.get()
    assert printed.strip() == f"saleor install-app: installed (app {installation.app_id})"
    with recording_client(saleor_api.url, installation.token, "11_app_install.json") as app_client:
        assert app_client.operations().ocop_app_id().app.id == installation.app_id
    with recording_client(saleor_api.url, "not-a-token", "11_app_install.json") as forged, \
            pytest.raises(SaleorError, match="OcopAppId"):
        forged.operations().ocop_app_id()
    assert installation.token not in installation.sealed_token
    # a second run leaves it alone
    again = io.StringIO()
    call_command("saleor_install_app", "--manifest-url", f"{live_server.url}/saleor/manifest/", stdout=again,
                 stderr=io.StringIO())
    assert again.getvalue().strip() == f"saleor install-app: already installed (app {installation.app_id})"
    # and nobody re-registers it: not our own app's token outside an installation, not another app's ever
    refused_again = client.post("/saleor/register/", data={"auth_token": installation.token},
                                content_type="application/json", HTTP_SALEOR_API_URL=saleor_api.url)
    assert refused_again.status_code == 403
    if RECORD:  # Saleor's answer for another app's token, beside those for ours and a forged one
        monkeypatch.setenv("OCOP_SALEOR_RECORD", str(FIXTURES / "11_app_install.json"))
    with registration_pending(saleor_api.url, timeout=30):
        other_app = client.post("/saleor/register/", data={"auth_token": saleor_api.app_token},
                                content_type="application/json", HTTP_SALEOR_API_URL=saleor_api.url)
    assert (other_app.status_code, other_app.json()) == (403, {"error": {"message": "the token is not the app "
                                                                               "ocop.market's"}})
    monkeypatch.delenv("OCOP_SALEOR_RECORD", raising=False)
    assert Installation.objects.get().token == installation.token
    # and a shopper's own access token, signed by Saleor's key, is no webhook signature
    customer_token, jwks = customer_access_token(saleor_env, saleor_api, installation)
    body = json.dumps({"__typename": "ProductUpdated", "issuedAt": datetime.datetime.now(datetime.UTC).isoformat(),
                       "product": {"id": "UHJvZHVjdDox"}}).encode()
    forged = client.post("/saleor/webhooks/", data=body, content_type="application/json",
                         HTTP_SALEOR_API_URL=saleor_api.url, HTTP_SALEOR_SIGNATURE=customer_token,
                         HTTP_SALEOR_EVENT="product_updated")
    assert (forged.status_code, forged.json()) == (401, {"error": {"message": "the signature is not a detached JWS "
                                                                             "(b64 false, crit b64)"}})
    assert HandledDelivery.objects.count() == 0
    if RECORD:
        CUSTOMER_TOKEN.write_text(json.dumps({"jwks": jwks, "token": customer_token}, indent=1) + "\n")
    # and the catalogue commands now work with the installed app's token
    report = io.StringIO()
    call_command("saleor_bootstrap", "--json", stdout=report)
    assert json.loads(report.getvalue())["created"] == []

    # and the web worker's health check finds Saleor answering
    if RECORD:
        (FIXTURES / "13_saleor_health.json").unlink(missing_ok=True)
    with recording_client(saleor_api.url, None, "13_saleor_health.json") as health_client:
        assert health.check(health_client) is True

    # given the shop filled from Saleor
    call_command("search_reindex", stdout=io.StringIO(), stderr=io.StringIO())
    found = get_backend().search(SearchQuery(text="nuoc mam phu quoc", per_page=100)).products
    fish_sauce = next(product for product in found if product.certificate_id == CERTIFICATE)
    assert on_sale(client, fish_sauce) == (True, True, True)
    # and a shopper in Chromium walks from home to it through the filters and a search, at 360 px and desktop
    journey.walk(browser, live_server.url, fish_sauce, "nuoc mam phu quoc")
    if RECORD:
        (FIXTURES / "12_app_refresh.json").unlink(missing_ok=True)
    with recording_client(saleor_api.url, None, "12_app_refresh.json") as reader_client:
        # (in the order tests/app/test_refresh.py replays them: a product, a variant's translation, a producer)
        reader = StorefrontReader(reader_client)
        assert reader.product(fish_sauce.id).price_min == fish_sauce.price_min
        assert reader.variant_product_id(fish_sauce.variants[0].id) == fish_sauce.id
        assert reader.product(fish_sauce.id).name == fish_sauce.name
        assert reader.producer(fish_sauce.producer.id).slug == fish_sauce.producer.slug

    # when the registry revokes its certificate and the plugin syncs from our feed
    errors = saleor_api.data(PLUGIN_UPDATE, {"input": {"active": True, "configuration": [
        {"name": "feed_url", "value": f"{live_server.url}/registry/feed.json"},
        {"name": "feed_token", "value": settings.OCOP_FEED_TOKEN}]}})["pluginUpdate"]["errors"]
    assert errors == []
    revoke_certificate(CERTIFICATE, reason="Vi phạm an toàn thực phẩm", decision_no="99/QĐ-UBND")
    with web_worker_running(settings):
        report, committed = sync(saleor_env, saleor_api)
        assert report["errors"] == [] and len(report["withdrawn"]) == 1
        # then it leaves the product page and search within 10 s of the sync's commit
        wait_for(lambda: on_sale(client, fish_sauce) == (False, False, False), timeout=30)
        gone_after = datetime.datetime.now(datetime.UTC) - committed
        assert gone_after <= datetime.timedelta(seconds=10), f"left the shop {gone_after} after the commit"
        # (the deliveries that did it were signed: unsigned ones are refused and never recorded)
        assert HandledDelivery.objects.filter(event="product_updated").exists()
        with recording_client(saleor_api.url, None, "12_app_refresh.json") as reader_client:
            assert StorefrontReader(reader_client).product(fish_sauce.id) is None

        # when the certificate is renewed, the plugin restores the listing and the shop shows it again
        renew_certificate(CERTIFICATE, decision_no="100/QĐ-UBND", decision_date=vietnam_today(), stars=5)
        report, committed = sync(saleor_env, saleor_api)
        assert len(report["restored"]) == 1
        wait_for(lambda: on_sale(client, fish_sauce) == (True, True, True), timeout=30)
        back_after = datetime.datetime.now(datetime.UTC) - committed
        assert back_after <= datetime.timedelta(seconds=10), f"came back {back_after} after the commit"
    print(f"\nwithdrawal left the shop {gone_after.total_seconds():.2f} s after the sync's commit; "
          f"restore showed {back_after.total_seconds():.2f} s after")
