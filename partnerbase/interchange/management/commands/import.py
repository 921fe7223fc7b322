"""`partnerbase import FILE [--slug NEW_SLUG]`: read an interchange file, all or nothing."""

from pathlib import Path

from partnerbase.core.commands import BadInput, InputCommand
from partnerbase.core.jsonfiles import BadJSON
from partnerbase.interchange.checks import ImportFailed
from partnerbase.interchange.importer import programme_import
from partnerbase.interchange.importing import record_counts, slug_in_use
from partnerbase.interchange.reading import programme_file_read


def _read(file: str):
    """The document, its long arrays left in the file (interchange/reading.py)."""
    try:
        return programme_file_read(Path(file))
    except OSError as exc:
        raise BadInput(f"Cannot read {file}: {exc.strerror}.") from exc
    except UnicodeDecodeError as exc:
        raise BadInput(f"{file} is not UTF-8 text: {exc}.") from exc
    except BadJSON as exc:
        raise BadInput(f"{file} is not an interchange file: {exc}.") from exc


class Command(InputCommand):
    help = "Import a programme from an interchange JSON file; nothing is saved if any record fails."

    def add_arguments(self, parser):
        parser.add_argument("file", help="an interchange file written by `partnerbase export`")
        parser.add_argument(
            "--slug", metavar="NEW_SLUG", help="import as a new programme with this slug"
        )
        parser.add_argument(
            "--progress",
            action="store_true",
            help="show how far the import has gone on standard error (always on a terminal)",
        )

    def progress(self, array: str, n: int, total: int, records: int, seconds: float) -> None:
        rate = records / seconds if seconds else 0
        line = f"{array.replace('_', ' ')}: {n:,} of {total:,} ({rate:,.0f} records a second)"
        self.stderr.write(f"\r{line:<72}", ending="\n" if n == total else "")
        self.stderr.flush()

    def handle(self, *args, file: str, slug: str | None = None, progress: bool = False, **options):
        data = _read(file)
        taken = slug_in_use(data, slug)
        if taken:
            raise BadInput(
                f"A programme with the slug {taken!r} already exists: "
                "use --slug to import as a new programme."
            )
        try:
            show = progress or self.stderr.isatty()
            programme = programme_import(
                data=data, slug=slug, progress=self.progress if show else None
            )
        except ImportFailed as exc:
            lines = [str(p) for p in exc.problems]
            raise BadInput(
                f"Nothing was imported: {len(lines)} problem(s) in {file}:\n" + "\n".join(lines)
            ) from exc
        counts = ", ".join(record_counts(data))
        self.stdout.write(
            self.style.SUCCESS(f"Imported {programme.name} as {programme.slug!r}: {counts}.")
        )
