"""`partnerbase export FILE [--programme SLUG]`: write a programme as one interchange file."""

from pathlib import Path

from partnerbase.core.commands import BadInput, InputCommand
from partnerbase.interchange.export import programme_export_chunks
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
        raise BadInput("There is no programme to export.")
    if len(slugs) > 1:
        raise BadInput(
            "Say which programme to export with --programme SLUG: " + ", ".join(slugs) + "."
        )
    return Programme.objects.get(slug=slugs[0])


class Command(InputCommand):
    help = "Write a whole programme as one interchange JSON file (see docs/interchange.md)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the file to write, or - for standard output")
        parser.add_argument(
            "--programme",
            metavar="SLUG",
            help="the programme to export (needed when there is more than one)",
        )

    def handle(self, *args, file: str, programme: str | None = None, **options):
        chunks = programme_export_chunks(programme=_programme(programme))
        if file == "-":
            for chunk in chunks:
                self.stdout.write(chunk, ending="")
            return
        # Written beside the file and moved over it, so a failed export leaves no half file.
        part = Path(f"{file}.part")
        with part.open("w", encoding="utf-8") as out:
            out.writelines(chunks)
        part.replace(file)
        self.stderr.write(f"Wrote {file}")
