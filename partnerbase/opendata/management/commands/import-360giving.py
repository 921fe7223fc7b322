"""`partnerbase import-360giving FILE [--programme SLUG [--create]]`: all or nothing."""

from partnerbase.core.commands import BadInput, InputCommand
from partnerbase.core.currencies import SYMBOLS
from partnerbase.opendata.importer import grants_import
from partnerbase.opendata.reading import ImportFailed, read_source


def _listed(ids: list[str], limit: int = 10) -> str:
    shown = ", ".join(ids[:limit])
    return shown + (f" and {len(ids) - limit} more" if len(ids) > limit else "")


class Command(InputCommand):
    help = (
        "Import a funder's 360Giving file (.json data package or .csv spreadsheet) into the "
        "funding ledger. Nothing is saved if any grant fails. Grants the programme holds "
        "already (the same id) are updated or skipped, never added twice. Without "
        "--programme, a programme is created and named after the funder; a new slug needs "
        "--create."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--programme", metavar="SLUG")
        parser.add_argument(
            "--create",
            action="store_true",
            help="make the programme --programme names when there is none (without it, an "
            "unknown slug is refused, so a typing mistake makes no programme)",
        )

    def handle(self, *args, file: str, programme=None, create=False, **options):
        try:
            result = grants_import(
                actor=None, source=read_source(file), slug=programme, create=create
            )
        except ImportFailed as failed:
            shown = "\n".join(f"  {line[:500]}" for line in failed.errors[:50])
            more = len(failed.errors) - 50
            tail = f"\n  … and {more} more" if more > 0 else ""
            raise BadInput(
                f"Nothing was imported from {file}: {len(failed.errors)} problem(s).\n{shown}{tail}"
            ) from failed
        # Exact, not rounded to millions: the point is to see every penny arrived.
        totals = ", ".join(
            f"{SYMBOLS.get(c, c + ' ')}{v:,}" for c, v in sorted(result.totals.items())
        )
        made = "a new programme" if result.created_programme else "programme"
        self.stdout.write(
            f"Imported {result.grants} grants ({totals or 'nothing'}) into {made} "
            f"{result.programme.slug!r}; {len(result.updated)} held already and updated, "
            f"{len(result.skipped)} held already and unchanged (skipped); "
            f"{result.organisations} organisations added."
        )
        if result.updated:
            self.stdout.write(f"Updated: {_listed(result.updated)}")
        if result.skipped:
            self.stdout.write(f"Skipped: {_listed(result.skipped)}")
