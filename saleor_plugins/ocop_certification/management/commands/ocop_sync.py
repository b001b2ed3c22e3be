"""``python -m django ocop_sync [--dry-run] [--json] [--confirm-run RUN_ID]`` inside Saleor."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from ocop_certification.models import SyncRun
from ocop_certification.sync import SyncRefused, run_sync


class Command(BaseCommand):
    help = "Sync OCOP certification status from the registry feed into the catalogue (one run)."
    # Django's system checks import every URLconf, so Saleor's whole GraphQL schema, before a
    # run that needs none of it: measured, they were most of a fresh ``ocop_sync`` process.
    # ``manage.py check`` (and every server start) still runs them.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="record what would change, change nothing")
        parser.add_argument("--json", action="store_true", help="print the run's summary as JSON")
        parser.add_argument(
            "--confirm-run", type=int, metavar="RUN_ID",
            help="confirm the withdrawals a held run would make (it exceeded max_withdraw_share)",
        )

    def handle(self, *args, **options):
        try:
            run = run_sync(dry_run=options["dry_run"], confirm_run=options["confirm_run"], trigger="command")
        except SyncRefused as error:
            raise CommandError(str(error)) from error
        data = run.summary
        if options["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False, sort_keys=False))
        else:
            self.stdout.write(
                f"run {run.pk}: {run.status}; fetched={data['fetched']}; withdrawn {len(data['withdrawn'])}, "
                f"restored {len(data['restored'])}, updated {len(data['updated'])}"
            )
            if run.held:
                self.stdout.write(f"HELD: {run.hold_reason}")
            for error in data["errors"]:
                if error.get("kind") != "held":
                    self.stderr.write(f"error ({error['kind']}): {error['message']}")
        if run.status == SyncRun.Status.FAILED:
            # After the summary (also with --json), so scripts and schedulers see the failure.
            raise CommandError(f"sync run {run.pk} failed: {_first_error(data)}")


def _first_error(summary: dict) -> str:
    errors = [error for error in summary.get("errors", []) if error.get("kind") != "held"]
    return f"{errors[-1]['kind']}: {errors[-1]['message']}" if errors else "no reason recorded"
