"""The portal's part in payouts: who a producer's people are (for the payouts' emails), registered with
``catalog_sync.payouts.notices`` when the portal starts (the payouts never import the portal)."""

from __future__ import annotations

from catalog_sync.registry.models import Producer

from .models import ProducerAccount


def people_of_producer(producer: Producer) -> tuple[str, ...]:
    """The emails of the people who may use the portal of ``producer`` now."""
    return tuple(ProducerAccount.objects.filter(
        producer=producer, activated_at__isnull=False, suspended_at__isnull=True, user__is_active=True,
        user__is_staff=False).order_by("user__email").values_list("user__email", flat=True))
