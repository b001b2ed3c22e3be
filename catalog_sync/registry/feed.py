"""The certification feed document read by the Saleor plugin (docs/design.md, "The certification feed")."""

from __future__ import annotations

import json

from django.core.cache import cache
from django.utils import timezone

from .models import Certificate
from .versioning import registry_version

_FIELDS = (
    "id", "product_name", "producer__name", "stars", "revoked_on", "issued_on", "valid_until",
    "decision__number", "decision__issuer", "province", "group", "supersedes_id",
)


def etag_for(version: str) -> str:
    return f'"registry-{version}"'


def build_feed_document() -> bytes:
    certificates = [
        {
            "id": cid,
            "product_name": product_name,
            "producer": producer,
            "stars": stars,
            "status": "revoked" if revoked_on else "active",
            "issued_on": issued_on.isoformat(),
            "valid_until": valid_until.isoformat(),
            "decision_no": decision_no,
            "issuer": issuer,
            "province": province,
            "group": group,
            "supersedes": supersedes,
            "revoked_on": revoked_on.isoformat() if revoked_on else None,
        }
        for (
            cid, product_name, producer, stars, revoked_on, issued_on, valid_until,
            decision_no, issuer, province, group, supersedes,
        ) in Certificate.objects.order_by("id").values_list(*_FIELDS).iterator(chunk_size=5000)
    ]
    document = {"generated_at": timezone.now().isoformat(), "certificates": certificates}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


def current_feed() -> tuple[str, bytes]:
    """The feed's ETag and body; the body is built once per registry version and cached."""
    for _attempt in range(3):
        version = registry_version()
        key = f"registry-feed:{version}"
        body = cache.get(key)
        if body is None:
            body = build_feed_document()
            if registry_version() != version:
                continue  # the registry changed while building: build again
            cache.set(key, body, timeout=24 * 3600)
        return etag_for(version), body
    return etag_for(registry_version()), build_feed_document()
