"""`partnerbase export-360giving [--programme SLUG] [--prefix PREFIX] -o FILE`."""

from pathlib import Path

from django.core.management.base import CommandError
from django.utils import timezone

from partnerbase.core.commands import BadInput, InputCommand
from partnerbase.opendata.export import package_csv, package_json, package_text
from partnerbase.opendata.quality import quality_findings
from partnerbase.opendata.schema import schema_errors
from partnerbase.programmes.models import Programme


def programme_named(slug: str | None) -> Programme:
    """The named programme, or the only one; refuse to guess between several."""
    if slug:
        programme = Programme.objects.filter(slug=slug).first()
        if programme is None:
            raise BadInput(f"No programme has the slug {slug!r}.")
        return programme
    slugs = list(Programme.objects.order_by("slug").values_list("slug", flat=True)[:20])
    if len(slugs) != 1:
        raise BadInput(
            "Say which programme with --programme SLUG: " + (", ".join(slugs) or "none yet") + "."
        )
    return Programme.objects.get(slug=slugs[0])


class Command(InputCommand):
    help = (
        "Write a programme's grants and prizes in the 360Giving Data Standard: a data package "
        "(FILE ending .json) or a spreadsheet (.csv). See docs/open-data.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", required=True, metavar="FILE")
        parser.add_argument("--programme", metavar="SLUG")
        parser.add_argument(
            "--prefix",
            help="the 360Giving publisher prefix (default: the programme's slug); grant ids "
            "are 360G-PREFIX-<award uid>",
        )

    def handle(self, *args, output: str, programme=None, prefix=None, **options):
        path = Path(output)
        if path.suffix.lower() not in (".json", ".csv"):
            raise BadInput("FILE must end .json (data package) or .csv (spreadsheet).")
        chosen = programme_named(programme)
        package = package_json(chosen, prefix=prefix)
        errors = schema_errors(package)
        if errors:
            listed = "\n".join(f"  {'/'.join(map(str, e.path))}: {e.message}" for e in errors[:20])
            raise CommandError(f"The grants do not meet the 360Giving schema:\n{listed}")
        text = package_csv(package) if path.suffix.lower() == ".csv" else package_text(package)
        path.write_text(text, encoding="utf-8")
        self.stderr.write(
            f"Wrote {len(package['grants'])} grants to {path}: valid against the 360Giving "
            "schema 1.4.3."
        )
        for finding in quality_findings(package, today=timezone.localdate()):
            self.stderr.write(f"  {finding.kind} warning ({finding.name}): {finding.summary}")
