"""Registry work for the web service's worker."""

from __future__ import annotations

from celery import shared_task

from .models import ImportBatch


@shared_task
def purge_previews() -> int:
    """Daily (the web's beat): uploads previewed more than a day ago and never confirmed go."""
    return ImportBatch.objects.purge_expired_previews()


@shared_task(name="catalog_sync.registry.tasks.send_weekly_digests")
def send_weekly_digests() -> int:
    """Mondays 07:00 Vietnam time: last week's digest to every active provincial office (each sent once)."""
    from .digest import DigestSender

    return sum(1 for office in DigestSender().run().offices if office.status == "sent")
