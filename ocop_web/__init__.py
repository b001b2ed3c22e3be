# Load the Celery app with Django, so shared tasks use its broker and settings.
from .celery import app as celery_app

__all__ = ("celery_app",)
