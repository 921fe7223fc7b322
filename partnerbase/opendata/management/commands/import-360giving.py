"""`partnerbase import-360giving FILE [--programme SLUG]`: all or nothing."""

from django.core.management.base import BaseCommand, CommandError

from partnerbase.core.currencies import SYMBOLS
from partnerbase.opendata.importer import grants_import
from partnerbase.opendata.reading import ImportFailed, read_source


class Command(BaseCommand):
    help = (
        "Import a funder's 360Giving file (.json data package or .csv spreadsheet) into the "
        "funding ledger. Nothing is saved if any grant fails. Without --programme, or when the "
        "slug is new, a programme is created and named after the funder."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--programme", metavar="SLUG")

    def handle(self, *args, file: str, programme=None, **options):
        try:
            result = grants_import(actor=None, source=read_source(file), slug=programme)
        except ImportFailed as failed:
            shown = "\n".join(f"  {line}" for line in failed.errors[:50])
            more = len(failed.errors) - 50
            tail = f"\n  … and {more} more" if more > 0 else ""
            raise CommandError(
                f"Nothing was imported: {len(failed.errors)} problem(s).\n{shown}{tail}"
            ) from failed
        # Exact, not rounded to millions: the point is to see every penny arrived.
        totals = ", ".join(
            f"{SYMBOLS.get(c, c + ' ')}{v:,}" for c, v in sorted(result.totals.items())
        )
        made = "a new programme" if result.created_programme else "programme"
        self.stdout.write(
            f"Imported {result.grants} grants ({totals}) into {made} {result.programme.slug!r}; "
            f"{result.organisations} organisations added."
        )
