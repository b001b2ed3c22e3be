"""The registry's change counter, from which the feed's ETag is derived."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from .models import Certificate, RegistryChange


def registry_version() -> str:
    """A token that changes whenever a certificate does (and after a database restore)."""
    row = RegistryChange.objects.filter(pk=1).values_list("version", "changed_at").first()
    if row is None:
        return "0"
    version, changed_at = row
    return f"{version}.{int(changed_at.timestamp() * 1_000_000)}"


def bump_registry_version() -> None:
    with transaction.atomic():
        updated = RegistryChange.objects.filter(pk=1).update(version=F("version") + 1, changed_at=timezone.now())
        if not updated:
            RegistryChange.objects.get_or_create(pk=1, defaults={"version": 1})


@receiver(post_save, sender=Certificate)
@receiver(post_delete, sender=Certificate)
def _certificate_changed(**kwargs: object) -> None:
    # Single saves (admin, revoke) bump here; bulk writes in services bump explicitly.
    bump_registry_version()
