"""The registry's change counter, from which the feed's ETag is derived.

PostgreSQL triggers (migration 0002) bump it on every write that can alter the feed
document: any change to a certificate, a producer's name, a decision's number, issuer
or date. Writes from forms, the admin, bulk updates and ``COPY`` are all counted.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import RegistryChange


def registry_version() -> str:
    """A token that changes whenever the feed document may (and after a database restore)."""
    row = RegistryChange.objects.filter(pk=1).values_list("version", "changed_at").first()
    if row is None:
        return "0"
    version, changed_at = row
    return f"{version}.{int(changed_at.timestamp() * 1_000_000)}"


def bump_registry_version() -> None:
    """Count a change by hand (the triggers already count writes to the registry's tables)."""
    with transaction.atomic():
        updated = RegistryChange.objects.filter(pk=1).update(version=F("version") + 1, changed_at=timezone.now())
        if not updated:
            RegistryChange.objects.get_or_create(pk=1, defaults={"version": 1})
