"""The plugin's Django app (Saleor adds the entry point's name, ``ocop_certification``, to INSTALLED_APPS)."""

from __future__ import annotations

from datetime import timedelta

from django.apps import AppConfig

SYNC_EVERY = timedelta(minutes=5)
BEAT_ENTRY = "ocop-certification-sync"
SYNC_TASK = "ocop_certification.tasks.sync_certifications_task"
# Queued by each run for the next instant a verdict changes (notify.schedule_next_expiry).
EXPIRY_TASK = "ocop_certification.tasks.sync_at_expiry_task"


class OcopCertificationConfig(AppConfig):
    name = "ocop_certification"
    label = "ocop_certification"
    verbose_name = "OCOP certification"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.conf import settings

        # Saleor's Celery app reads settings.CELERY_BEAT_SCHEDULE (the same dict object, so
        # adding to it here is seen whether or not Celery has read its configuration yet).
        schedule = getattr(settings, "CELERY_BEAT_SCHEDULE", None)
        if isinstance(schedule, dict):
            schedule.setdefault(
                BEAT_ENTRY,
                {
                    "task": SYNC_TASK,
                    "schedule": SYNC_EVERY,
                    "options": {"expires": SYNC_EVERY.total_seconds()},
                },
            )
