"""The client's address behind the reverse proxy, so every per-address throttle counts clients, not the proxy.

``X-Forwarded-For`` is read only when the request comes from a network in ``TRUSTED_PROXY``; then the
client is the right-most address that is not itself a trusted proxy (everything left of it was written by
the client and proves nothing). Without ``TRUSTED_PROXY``, or from anywhere else, ``REMOTE_ADDR`` stands.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Sequence

from django.conf import settings
from django.http import HttpRequest, HttpResponse

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _trusted(address: str, networks: Sequence[Network]) -> bool:
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(parsed in network for network in networks)


def client_address(remote: str, forwarded_for: str, networks: Sequence[Network]) -> str:
    """The address of the client (``remote``: the peer; ``forwarded_for``: the header as received)."""
    if not _trusted(remote, networks):
        return remote
    for hop in reversed([hop.strip() for hop in forwarded_for.split(",") if hop.strip()]):
        if _trusted(hop, networks):
            continue
        try:
            return str(ipaddress.ip_address(hop))
        except ValueError:  # the proxy wrote something that is no address: count it as the proxy itself
            return remote
    return remote


class TrustedProxyMiddleware:
    """Puts the client's address in ``REMOTE_ADDR`` (first in the chain: everything after reads that)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        networks: Sequence[Network] = settings.TRUSTED_PROXY
        if networks:
            request.META["REMOTE_ADDR"] = client_address(
                request.META.get("REMOTE_ADDR", ""), request.META.get("HTTP_X_FORWARDED_FOR", ""), networks)
        return self.get_response(request)
