from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from catalog_sync.domain.limits import DECISION_NUMBER_MAX_LENGTH
from catalog_sync.importers import AnnexReadError
from catalog_sync.registry.importer import ImportResult, RegistryImporter

from ._options import parse_date, progress_to


class Command(BaseCommand):
    help = "Import a published OCOP recognition list (XLSX or CSV) into the registry."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the annex: .xlsx or .csv")
        parser.add_argument("--dry-run", action="store_true", help="check the file and write nothing")
        parser.add_argument("--json", action="store_true", help="print exactly one JSON object on stdout")
        parser.add_argument("--decision-no", help="decision number, when the file does not give it")
        parser.add_argument("--decision-date", type=parse_date, help="decision date, when the file does not give it")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"cannot read {path}: no such file", returncode=2)
        number = options["decision_no"]
        if number and len(number) > DECISION_NUMBER_MAX_LENGTH:
            raise CommandError(
                f"--decision-no is {len(number)} characters long; at most {DECISION_NUMBER_MAX_LENGTH}", returncode=2
            )
        progress = progress_to(self.stderr, labels={"read": "reading rows", "import": "importing rows"})
        importer = RegistryImporter(dry_run=options["dry_run"], progress=progress)
        try:
            result = importer.import_file(
                path,
                filename=path.name,
                decision_no=options["decision_no"],
                decision_date=options["decision_date"],
            )
        except AnnexReadError as error:
            raise CommandError(f"cannot read {path}: {error}", returncode=2) from None
        if options["json"]:
            for chunk in result.json_chunks():
                self.stdout.write(chunk, ending="")
            self.stdout.write("")
        else:
            self._report(result)

    def _report(self, result: ImportResult) -> None:
        out = self.stdout
        out.write(f"{result.file}: decision {result.decision_no or '-'} of "
                  f"{result.decision_date.isoformat() if result.decision_date else '-'}")
        out.write(
            f"accepted {len(result.accepted)} ({result.created_count} new), "
            f"rejected {len({r.row for r in result.rejected})}, skipped {len(result.skipped)}"
            + (" — dry run, nothing written" if result.dry_run else "")
        )
        listed, repeated = result.listed_rejections()
        for rejection in listed:
            out.write(f"  row {rejection.row}: {rejection.field}: {rejection.reason}")
        for same in repeated:
            out.write(f"  … and {same.count - len(same.first_rows)} more rows: {same.field}: {same.reason}")
