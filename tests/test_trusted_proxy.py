"""The client's address behind the reverse proxy (TRUSTED_PROXY): per-address throttles count clients."""

import ipaddress

import pytest
from django.test import Client

from catalog_sync.core.proxy import client_address

pytestmark = pytest.mark.django_db

PROXY = "172.18.0.5"


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXY = [ipaddress.ip_network("172.18.0.0/16")]
    settings.PORTAL_SIGNIN_MAX_FAILURES_PER_IP = 3


def wrong_sign_ins(client: Client, n: int, **headers: str) -> list[int]:
    return [client.post("/portal/sign-in/", {"username": f"ai-do-{k}@example.vn", "password": "sai"},
                        **headers).status_code for k in range(n)]


def test_behind_the_trusted_proxy_each_client_is_throttled_by_its_own_address(behind_proxy):
    # given one client behind the proxy that failed to sign in as often as one address may
    attacker = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "203.0.113.7"}
    assert wrong_sign_ins(Client(), 4, **attacker) == [200, 200, 200, 429]
    # when another client comes through the same proxy
    other = Client().post("/portal/sign-in/", {"username": "lan@example.vn", "password": "sai"},
                          REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.9")
    # then it is not held up by the first one's failures
    assert other.status_code == 200


def test_a_client_cannot_choose_its_address_by_sending_x_forwarded_for(behind_proxy):
    # given a client reaching the service directly (not through the proxy), a new X-Forwarded-For each time
    statuses = [Client().post("/portal/sign-in/", {"username": f"ai-do-{k}@example.vn", "password": "sai"},
                              REMOTE_ADDR="198.51.100.20", HTTP_X_FORWARDED_FOR=f"10.9.9.{k}").status_code
                for k in range(4)]
    # then its own address is counted, and the fourth attempt waits
    assert statuses == [200, 200, 200, 429]
    # and through the proxy, addresses the client wrote left of the proxy's own entry count for nothing
    spoofed = [Client().post("/portal/sign-in/", {"username": f"ai-do-{k}@example.vn", "password": "sai"},
                             REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"10.9.9.{k}, 203.0.113.50").status_code
               for k in range(4)]
    assert spoofed == [200, 200, 200, 429]


def test_the_client_is_the_right_most_address_no_trusted_proxy_added():
    proxies = [ipaddress.ip_network("172.18.0.0/16"), ipaddress.ip_network("fd00::/8")]
    assert client_address(PROXY, "1.2.3.4, 203.0.113.7, 172.18.0.9", proxies) == "203.0.113.7"
    assert client_address("fd00::2", "2001:db8::1", proxies) == "2001:db8::1"
    assert client_address("198.51.100.20", "203.0.113.7", proxies) == "198.51.100.20"  # not from the proxy
    assert client_address(PROXY, "", proxies) == PROXY  # nothing forwarded: the proxy itself
    assert client_address(PROXY, "203.0.113.7, not-an-address", proxies) == PROXY  # garbage: the proxy
    assert client_address(PROXY, "203.0.113.7", []) == PROXY  # no proxy trusted
