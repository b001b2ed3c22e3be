import json

from django.core.management.base import BaseCommand, CommandError

from catalog_sync.registry.digest import DigestSender, parse_week, week_label


class Command(BaseCommand):
    help = ("Send each active provincial office its weekly digest (certificates expiring within 60 days, "
            "products withdrawn that week); each is sent once per office and week.")

    def add_arguments(self, parser):
        parser.add_argument("--week", help="the ISO week reported, YYYY-Www (default: last week, Vietnam time)")
        parser.add_argument("--dry-run", action="store_true", help="show what would be sent; send nothing")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **options):
        try:
            week = parse_week(options["week"]) if options["week"] else None
            run = DigestSender(week=week, dry_run=options["dry_run"]).run()
        except ValueError as error:
            raise CommandError(str(error)) from error
        if options["json"]:
            self.stdout.write(json.dumps(run.as_json(), ensure_ascii=False))
            return
        self.stdout.write(f"week {week_label(run.week)}{' (dry run)' if run.dry_run else ''}")
        for office in run.offices:
            self.stdout.write(f"  {office.province}: {office.status}, {office.expiring} expiring, "
                              f"{office.withdrawn} withdrawn -> {', '.join(office.recipients)}")
