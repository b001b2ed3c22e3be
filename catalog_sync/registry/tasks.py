"""Registry work for the web service's worker."""

from __future__ import annotations

from celery import shared_task

from .models import ImportBatch


@shared_task
def purge_previews() -> int:
    """Daily (the web's beat): uploads previewed more than a day ago and never confirmed go."""
    return ImportBatch.objects.purge_expired_previews()
