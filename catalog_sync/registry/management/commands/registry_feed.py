from django.core.management.base import BaseCommand

from catalog_sync.registry.feed import current_feed


class Command(BaseCommand):
    help = "Print the certification feed document (the body of GET /registry/feed.json)."

    def handle(self, *args, **options):
        _etag, body = current_feed()
        self.stdout.write(body.decode())
