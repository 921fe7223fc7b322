"""`partnerbase rates import FILE [--programme SLUG] [--update]`: dated exchange rates from CSV.

The CSV has the columns date, from, to, rate, source (1 `from` = `rate` `to` on `date`).
All or nothing: any bad row and no rate is saved; each problem is printed with its row.
"""

from pathlib import Path

from partnerbase.core.commands import BadInput, InputCommand
from partnerbase.funding.rates_import import RatesImportFailed, rates_import
from partnerbase.programmes.models import Programme


def _programme(slug: str | None) -> Programme:
    """The named programme, or the only one; refuse to guess between several."""
    if slug:
        programme = Programme.objects.filter(slug=slug).first()
        if programme is None:
            raise BadInput(f"No programme has the slug {slug!r}.")
        return programme
    slugs = list(Programme.objects.order_by("slug").values_list("slug", flat=True)[:20])
    if not slugs:
        raise BadInput("There is no programme to add rates to.")
    if len(slugs) > 1:
        raise BadInput("Say which programme with --programme SLUG: " + ", ".join(slugs) + ".")
    return Programme.objects.get(slug=slugs[0])


class Command(InputCommand):
    help = "Exchange rates: `rates import FILE` adds dated rates from a CSV, all or nothing."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        load = actions.add_parser(
            "import", help="add rates from a CSV with columns date, from, to, rate, source"
        )
        load.add_argument("file", help="the CSV file (UTF-8)")
        load.add_argument(
            "--programme", metavar="SLUG", help="the programme (needed when there is more than one)"
        )
        load.add_argument(
            "--update",
            action="store_true",
            help="replace a rate the programme already has for the same date and pair "
            "(without it such a row is refused)",
        )

    def handle(self, *args, action: str, file: str, programme=None, update=False, **options):
        target = _programme(programme)
        try:
            text = Path(file).read_text(encoding="utf-8")
        except OSError as exc:
            raise BadInput(f"Cannot read {file}: {exc.strerror}.") from exc
        except UnicodeDecodeError as exc:
            raise BadInput(f"{file} is not a UTF-8 text file.") from exc
        try:
            result = rates_import(actor=None, programme=target, text=text, update=update)
        except RatesImportFailed as exc:
            for problem in exc.problems:
                self.stderr.write(f"{file}: {problem}")
            raise BadInput(
                f"No rates were imported: {len(exc.problems)} problem(s) in {file}."
            ) from exc
        self.stdout.write(
            f"Imported {file} into {target.slug}: {result.added} added, {result.updated} "
            f"updated, {result.unchanged} already there."
        )
