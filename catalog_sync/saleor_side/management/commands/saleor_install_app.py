from __future__ import annotations

import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from catalog_sync.app.install import install_app, staff_token
from catalog_sync.saleor import SaleorClient, SaleorError, make_transport


class Command(BaseCommand):
    help = ("Install the web service in Saleor as the app ocop.market (appInstall from its manifest) and wait "
            "until Saleor has handed it its token. Safe to run again. Signs in as the staff user "
            "SALEOR_STAFF_EMAIL / SALEOR_STAFF_PASSWORD (needs MANAGE_APPS), or uses SALEOR_APP_TOKEN.")

    def add_arguments(self, parser):
        parser.add_argument("--manifest-url", help="where Saleor fetches the manifest "
                            "(default: APP_PUBLIC_URL + /saleor/manifest/)")
        parser.add_argument("--url", help="Saleor GraphQL URL (default: SALEOR_API_URL)")
        parser.add_argument("--timeout", type=float, default=120, help="seconds to wait for Saleor (default 120)")

    def handle(self, *args, **options):
        url = options["url"] or settings.SALEOR_API_URL or ""
        manifest_url = options["manifest_url"] or (
            f"{settings.APP_PUBLIC_URL.rstrip('/')}/saleor/manifest/" if settings.APP_PUBLIC_URL else None)
        if not manifest_url:
            raise CommandError("saleor install-app: give --manifest-url or set APP_PUBLIC_URL", returncode=2)
        email, password = os.environ.get("SALEOR_STAFF_EMAIL"), os.environ.get("SALEOR_STAFF_PASSWORD")
        try:
            with SaleorClient(url, settings.SALEOR_APP_TOKEN, transport=make_transport()) as client:
                if email and password:
                    client.token = staff_token(client, email, password)
                elif not client.token:
                    raise CommandError("saleor install-app: set SALEOR_STAFF_EMAIL and SALEOR_STAFF_PASSWORD (a staff "
                                       "user with MANAGE_APPS), or SALEOR_APP_TOKEN", returncode=2)
                result = install_app(client, manifest_url, timeout=options["timeout"],
                                     on_step=lambda message: self.stderr.write(message))
        except SaleorError as error:
            raise CommandError(f"saleor install-app: {error}", returncode=1) from None
        self.stdout.write(f"saleor install-app: {result.outcome} (app {result.app_id})")
