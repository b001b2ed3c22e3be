import json

from django.core.management.base import BaseCommand

from catalog_sync.registry import reports


class Command(BaseCommand):
    help = "Certificates expiring within N days, and counts of valid certificates by stars, group and province."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=reports.DEFAULT_NOTICE_DAYS)
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **options):
        expiring = [
            {"id": c.pk, "product_name": c.product_name, "producer": c.producer.name,
             "stars": c.stars, "valid_until": c.valid_until.isoformat()}
            for c in reports.expiring_within(options["days"])
        ]
        counts = {
            dimension: {row.key: row.count for row in reports.counts_by(dimension)}
            for dimension in ("stars", "group", "province")
        }
        if options["json"]:
            self.stdout.write(json.dumps({"expiring": expiring, "counts": counts}, ensure_ascii=False))
            return
        self.stdout.write(f"{len(expiring)} certificates expire within {options['days']} days")
        for item in expiring:
            self.stdout.write(f"  {item['valid_until']}  {item['id']}  {item['product_name']} — {item['producer']}")
        for dimension, values in counts.items():
            self.stdout.write(f"valid today by {dimension}: " + ", ".join(f"{k or '-'}={v}" for k, v in values.items()))
