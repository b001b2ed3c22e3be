"""``ocop payouts ...``: the management commands hand off to these classes."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from catalog_sync.saleor import SaleorClient
from catalog_sync.saleor_side.since import CatchUpCommand

from .producers import UnknownProducer, producer_by_certificate
from .statements import BadMonth, statement


class StatementCommand(BaseCommand):
    help = "A producer's statement for a month: each line, gross, commission, refunds, net, paid and due (đồng)."

    def add_arguments(self, parser):
        parser.add_argument("--producer", required=True, help="a certificate id of the producer, e.g. LD-2026-0042")
        parser.add_argument("--month", required=True, help="YYYY-MM")
        parser.add_argument("--json", action="store_true", help="print exactly one JSON object on stdout")
        parser.add_argument("--email", action="store_true",
                            help="also email it (with its PDF) to the producer's people now")

    def handle(self, *args, **options):
        try:
            producer = producer_by_certificate(options["producer"])
            result = statement(producer, options["month"], certificate=options["producer"].strip().upper())
        except (UnknownProducer, BadMonth) as bad:
            raise CommandError(f"payouts statement: {bad}", returncode=2) from None
        if options["email"]:
            from .notices import people_of, send_statement

            recipients = people_of(producer)
            if not recipients:
                raise CommandError("payouts statement --email: the producer has nobody with an active portal "
                                   "account", returncode=1)
            send_statement(result, recipients)
            self.stderr.write(f"emailed to {', '.join(recipients)}")
        if options["json"]:
            self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False))
            return
        self.stdout.write(f"{producer.name} ({result.certificate}) · {result.month}")
        for line in result.lines:
            self.stdout.write(f"{line.earned_on}  #{line.order}  {line.product}  ×{line.quantity}  {line.gross:>12,}"
                              f"  -{line.commission:,}  = {line.net:,}")
        self.stdout.write(f"gross {result.gross:,} · refunds {result.refunds:,} · commission {result.commission:,} · "
                          f"net {result.net:,} · paid {result.paid:,} · due {result.due:,} đồng")


class RunCommand(BaseCommand):
    help = ("Pay every producer what is due through --month's last day: one payOS batch payout, one transfer each "
            "(those without confirmed bank details are listed and skipped); never twice.")

    def add_arguments(self, parser):
        parser.add_argument("--month", required=True, help="YYYY-MM: pay what was earned through its last day")
        parser.add_argument("--dry-run", action="store_true", help="show what would be paid; send nothing")
        parser.add_argument("--json", action="store_true", help="print exactly one JSON object on stdout")

    def handle(self, *args, **options):
        from .runs import run
        from .tasks import follow_payout

        try:
            result = run(options["month"], dry_run=options["dry_run"], started_by="ocop payouts run")
        except BadMonth as bad:
            raise CommandError(f"payouts run: {bad}", returncode=2) from None
        if result.reference and not result.dry_run and result.status in ("prepared", "sent"):
            from .models import Payout

            follow_payout.apply_async((Payout.objects.get(reference=result.reference).pk,), countdown=5)
        if options["json"]:
            self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False))
        else:
            self.stdout.write(f"payouts run {result.month}: {result.reference or '-'} {result.status} · "
                              f"{len(result.transfers)} transfers, {result.total:,} đồng")
            for item in result.transfers:
                self.stdout.write(f"  {item['producer']}: {item['amount']:,} đồng ({item.get('status') or 'planned'})")
            for item in result.skipped:
                self.stdout.write(f"  skipped, no confirmed bank details: {item['producer']} ({item['amount']:,} đồng)")
            for item in result.failed:
                self.stderr.write(f"  FAILED: {item['producer']}: {item['error']} ({item['amount']:,} đồng due again)")
            if result.problem:
                self.stderr.write(f"  not sent yet: {result.problem}")
        if result.problem:
            raise CommandError(f"payouts run: {result.problem}", returncode=1)


class LedgerCatchUpCommand(CatchUpCommand):
    help = "Record in the payouts ledger what the orders Saleor changed since --since earned or gave back."
    name = "payouts catch-up"

    def catch_up(self, client: SaleorClient, since: Any) -> Any:
        from .catch_up import catch_up

        return catch_up(client, since)

    def summary(self, result: Any, since: Any) -> str:
        return (f"payouts catch-up since {since.isoformat()}: {result.orders} orders read, {result.new_entries} new "
                f"ledger entries")
