"""The store a producer's tier-2 session starts from: the two producers' products for sale in a real Saleor,
the web service installed as its app (webhooks flowing to the read model), one more certificate of the honey
producer valid today whose product is not in the store yet, and one expired."""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass

from django.core.management import call_command

from catalog_sync.app.clients import app_client
from catalog_sync.domain.validity import vietnam_today
from catalog_sync.registry.models import Certificate
from catalog_sync.saleor.catalogue import import_catalogue
from tests.tier2.app_install import staff_install_app

UNLISTED_NAME = "Mật ong hoa nhãn Mèo Vạc"
HONEY = "HTX Ong mật Mèo Vạc"


@dataclass(frozen=True)
class Store:
    unlisted: Certificate  # valid today, not in Saleor
    expired: Certificate


def two_producers_for_sale(live_server, settings, saleor_api, saleor_env, monkeypatch) -> None:
    """The two producers' products for sale in Saleor as the staff's import puts them, the web service installed
    as its app (from here on the portal works with the installed app's token), the read model filled."""
    settings.SALEOR_API_URL = saleor_api.url
    settings.SALEOR_APP_TOKEN = saleor_api.app_token
    settings.APP_PUBLIC_URL = live_server.url
    call_command("saleor_bootstrap", stdout=io.StringIO())
    with app_client() as saleor:
        summary = import_catalogue(saleor, Certificate.objects.in_catalogue_on, today=vietnam_today(), demo=True)
    assert (summary.created, summary.errors) == (2, []), summary.as_json()
    staff_install_app(saleor_env, live_server.url, monkeypatch, settings)
    call_command("search_reindex", stdout=io.StringIO(), stderr=io.StringIO())


def open_store(live_server, settings, saleor_api, saleor_env, monkeypatch, make_certificate) -> Store:
    """The two producers' store; returns the honey producer's certificates whose products are not for sale."""
    settings.PUBLIC_URL = live_server.url
    two_producers_for_sale(live_server, settings, saleor_api, saleor_env, monkeypatch)
    today = vietnam_today()
    unlisted = make_certificate(id="TQ-2025-0902", product_name=UNLISTED_NAME, producer=HONEY,
                                issued_on=today - datetime.timedelta(days=200), decision_no="310/QĐ-UBND")
    expired = make_certificate(id="TQ-2022-0904", product_name="Mật ong bạc hà hũ nhỏ", producer=HONEY,
                               issued_on=today - datetime.timedelta(days=3 * 366 + 30), decision_no="95/QĐ-UBND")
    return Store(unlisted=unlisted, expired=expired)


EXTERNAL = """query($ref: String!) { product(externalReference: $ref) { id name
  channelListings { channel { slug } isPublished } variants { id } } }"""


def saleor_product(saleor_api, certificate_id: str) -> dict | None:
    """The product of a certificate's chain as Saleor holds it (staff's view), or None."""
    return saleor_api.data(EXTERNAL, {"ref": f"ocop:{certificate_id}"})["product"]
