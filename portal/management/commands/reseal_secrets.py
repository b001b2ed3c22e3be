"""``ocop reseal-secrets``: seal what an older key sealed (the app token, Stripe keys, second-factor keys)
under ``APP_TOKEN_KEY``, once, when a deployment moves to a key of its own (before, SECRET_KEY sealed them)."""

import json
import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import models, transaction

from catalog_sync.app.models import Installation
from catalog_sync.core.secrets import SecretUnreadable, reseal
from catalog_sync.payments.models import StripeAccount
from portal.models import ProducerAccount, StaffSecondFactor

SEALED: list[tuple[type[models.Model], tuple[str, ...]]] = [
    (Installation, ("sealed_token",)),
    (StripeAccount, ("sealed_secret_key", "sealed_webhook_secret")),
    (ProducerAccount, ("totp_sealed",)),
    (StaffSecondFactor, ("totp_sealed",)),
]


class Command(BaseCommand):
    help = ("Seal again under APP_TOKEN_KEY every secret sealed under the old key (by default SECRET_KEY, "
            "which sealed them before APP_TOKEN_KEY was required). Values the current key opens are left.")

    def add_arguments(self, parser):
        parser.add_argument("--old-key-env", default="SECRET_KEY", metavar="NAME",
                            help="the environment variable holding the old key (default: SECRET_KEY)")
        parser.add_argument("--json", action="store_true",
                            help='print {"resealed": N, "current": N, "unreadable": ["model.field #pk"]}')

    def handle(self, *args, **options):
        name = options["old_key_env"]
        old_key = settings.SECRET_KEY if name == "SECRET_KEY" else os.environ.get(name, "")
        if not old_key:
            raise CommandError(f"--old-key-env: {name} is not set")
        counts: dict[str, int] = {"resealed": 0, "current": 0}
        unreadable: list[str] = []
        with transaction.atomic():
            for model, fields in SEALED:
                for row in model.objects.select_for_update().all():  # type: ignore[attr-defined]
                    changed = []
                    for field in fields:
                        sealed = getattr(row, field)
                        if not sealed:
                            continue
                        try:
                            again = reseal(sealed, old_key)
                        except SecretUnreadable:
                            unreadable.append(f"{model._meta.label}.{field} #{row.pk}")
                            continue
                        if again is None:
                            counts["current"] += 1
                        else:
                            setattr(row, field, again)
                            changed.append(field)
                            counts["resealed"] += 1
                    if changed:
                        row.save(update_fields=changed)
        if options["json"]:
            self.stdout.write(json.dumps({**counts, "unreadable": unreadable}))
        else:
            self.stdout.write(f"resealed {counts['resealed']}, already current {counts['current']}, "
                              f"unreadable {len(unreadable)}{': ' + ', '.join(unreadable) if unreadable else ''}")
        if unreadable:
            raise CommandError("some sealed values open with neither key (listed above)")
