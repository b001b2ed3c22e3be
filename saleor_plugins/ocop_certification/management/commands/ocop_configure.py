"""``python manage.py ocop_configure --feed-url URL [--staff-email EMAIL]`` inside Saleor.

What a fresh stack needs before anyone signs in, idempotently (every start runs it):
- the plugin active with the registry's feed URL and token (``OCOP_FEED_TOKEN`` from the
  environment, so the secret never appears in a process list), through Saleor's own
  ``PluginsManager.save_plugin_configuration`` — the same path as the ``pluginUpdate`` mutation,
  with the plugin's validation; other settings (``max_withdraw_share``, ``dry_run``) are kept;
- with ``--staff-email``, a Dashboard staff account created by Saleor's ``createsuperuser`` with
  ``DJANGO_SUPERUSER_PASSWORD`` when no user has that email; an existing account is left alone.
"""

from __future__ import annotations

import os

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from saleor.account.models import User
from saleor.plugins.manager import get_plugins_manager

from ocop_certification.plugin import PLUGIN_ID


class Command(BaseCommand):
    help = "Activate the OCOP certification plugin with the feed URL and token; create the first staff account."

    def add_arguments(self, parser):
        parser.add_argument(
            "--feed-url", required=True, help="the registry's feed, e.g. http://web:8080/registry/feed.json"
        )
        parser.add_argument(
            "--staff-email", help="create this superuser when missing (password: DJANGO_SUPERUSER_PASSWORD)"
        )

    def handle(self, *args, **options):
        token = os.environ.get("OCOP_FEED_TOKEN", "")
        if not token:
            raise CommandError("OCOP_FEED_TOKEN: set it in the environment to the web service's feed token")
        configuration = [{"name": "feed_url", "value": options["feed_url"]}, {"name": "feed_token", "value": token}]
        manager = get_plugins_manager(allow_replica=False)
        try:
            saved = manager.save_plugin_configuration(PLUGIN_ID, None, {"active": True, "configuration": configuration})
        except ValidationError as error:
            raise CommandError(f"{PLUGIN_ID}: {'; '.join(error.messages)}") from error
        if saved is None:
            raise CommandError(f"{PLUGIN_ID}: not installed in this Saleor (is ocop-saleor-plugins installed?)")
        self.stdout.write(f"{PLUGIN_ID}: active, feed {options['feed_url']}")

        email = options["staff_email"]
        if not email:
            return
        if User.objects.filter(email__iexact=email).exists():
            self.stdout.write(f"staff account {email}: exists, left as it is")
            return
        if not os.environ.get("DJANGO_SUPERUSER_PASSWORD"):
            raise CommandError("DJANGO_SUPERUSER_PASSWORD: set it to the new staff account's password")
        call_command("createsuperuser", interactive=False, email=email, stdout=self.stdout, stderr=self.stderr)
