"""``ocop demo``: a real-looking store from the real rows in ``../shared/data/``.

1. Loads ``registry-annex-sample.xlsx`` (decision 1180/QĐ-UBND of 14/06/2026, as the file says)
   and ``ocop-certified-products.csv`` into the registry through ``RegistryImporter``.
   Most CSV rows name no decision date (only a certification round such as "2021 Đợt II"):
   they get the DEMO decision date ``DEMO_DECISION_DATE`` (01/07/2025, valid through
   01/07/2028) and decision number ``DEMO_DECISION_NO``. Deriving the date from the round's
   year was rejected: rounds of 2021–2023 have expired, which would leave most rows out of
   the store. Rows that state their own decision keep it.
2. Bootstraps the Saleor catalogue (``ocop saleor bootstrap``).
3. Imports the catalogue with demo listings: each new product gets one variant with a made-up
   price and stock, is published in ``ocop-vn``, carries metadata ``demo: true`` and says in its
   description that price and stock are demo values.
Running it again changes nothing.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from catalog_sync.app.clients import app_client
from catalog_sync.domain.validity import vietnam_today
from catalog_sync.importers import AnnexReadError
from catalog_sync.registry.importer import RegistryImporter
from catalog_sync.registry.management.commands._options import progress_to
from catalog_sync.registry.models import Certificate
from catalog_sync.saleor import SaleorError
from catalog_sync.saleor.bootstrap import bootstrap
from catalog_sync.saleor.catalogue import import_catalogue

from .saleor_import_catalogue import report

DEMO_DECISION_DATE = datetime.date(2025, 7, 1)
DEMO_DECISION_NO = "DEMO"
ANNEX = "registry-annex-sample.xlsx"
LIST = "ocop-certified-products.csv"


def default_data_dir() -> Path:
    """``../shared/data`` next to the repository."""
    return Path(settings.BASE_DIR).resolve().parent / "shared" / "data"


class Command(BaseCommand):
    help = "Load the real rows in ../shared/data into the registry and Saleor, with demo prices and stock."

    def add_arguments(self, parser):
        parser.add_argument("--data", type=Path, help="folder holding the shared data (default: ../shared/data)")
        parser.add_argument("--json", action="store_true", help="print exactly one JSON object on stdout")
        parser.add_argument("--url", help="Saleor GraphQL URL (default: SALEOR_API_URL)")
        parser.add_argument("--token", help="Saleor app token (default: SALEOR_APP_TOKEN)")

    def handle(self, *args, **options):
        data = (options["data"] or default_data_dir()).resolve()
        files = [data / ANNEX, data / LIST]
        missing = [f for f in files if not f.is_file()]
        if missing:
            raise CommandError(
                f"demo data not found: {', '.join(str(f) for f in missing)} — the demo reads the shared data "
                "folder next to the repository (../shared/data); pass --data DIR if it lives elsewhere",
                returncode=2,
            )
        say = (lambda text: None) if options["json"] else self.stdout.write
        registry: list[dict[str, object]] = []
        importer = RegistryImporter()
        for path, decision_no, decision_date in ((files[0], None, None),
                                                 (files[1], DEMO_DECISION_NO, DEMO_DECISION_DATE)):
            try:
                result = importer.import_file(path, filename=path.name, decision_no=decision_no,
                                              decision_date=decision_date)
            except AnnexReadError as error:
                raise CommandError(f"cannot read {path}: {error}", returncode=2) from None
            rejected = len({r.row for r in result.rejected})
            registry.append({"file": path.name, "accepted": len(result.accepted), "new": result.created_count,
                             "rejected": rejected, "skipped": len(result.skipped)})
            say(f"registry: {path.name}: {len(result.accepted)} accepted ({result.created_count} new), "
                f"{rejected} rejected, {len(result.skipped)} skipped")
            for rejection in result.rejected:
                say(f"  row {rejection.row}: {rejection.field}: {rejection.reason}")
        try:
            with app_client(url=options["url"], token=options["token"]) as client:
                boot = bootstrap(client)
                say(f"saleor bootstrap: {boot.count('created')} created, {boot.count('updated')} updated, "
                    f"{boot.count('exists')} already there")
                summary = import_catalogue(client, Certificate.objects.in_catalogue_on, today=vietnam_today(),
                                           progress=progress_to(self.stderr), demo=True,
                                           owners=Certificate.objects.producers_of)
        except SaleorError as error:
            raise CommandError(f"demo: {error}", returncode=1) from None
        out = {"registry": registry, "bootstrap": boot.as_json(), "catalogue": summary.as_json()}
        if options["json"]:
            self.stdout.write(json.dumps(out, ensure_ascii=False))
        else:
            report(self.stdout, summary)
            self.stdout.write(f"demo store ready in channel ocop-vn; prices and stock are demo values "
                              f"(product metadata demo=true). CSV rows without a decision date were given "
                              f"{DEMO_DECISION_NO} of {DEMO_DECISION_DATE:%d/%m/%Y}.")
