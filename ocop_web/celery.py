"""The web service's Celery app: webhook work, reindex, scheduled jobs (broker: the web's Redis)."""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ocop_web.settings")

app = Celery("ocop_web")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
