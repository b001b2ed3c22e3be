from django.core.management.base import BaseCommand

from catalog_sync.registry.models import PREVIEW_LIFETIME, ImportBatch


class Command(BaseCommand):
    help = (
        f"Delete uploads previewed more than {PREVIEW_LIFETIME} ago and never confirmed, "
        "with their files and rows (run it daily; the upload page also purges as it goes)."
    )

    def handle(self, *args, **options):
        purged = ImportBatch.objects.purge_expired_previews()
        self.stdout.write(f"{purged} expired preview(s) purged")
