"""`partnerbase import FILE [--slug NEW_SLUG]`: read an interchange file, all or nothing."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from partnerbase.interchange.checks import ImportFailed
from partnerbase.interchange.format import ARRAYS
from partnerbase.interchange.importer import programme_import
from partnerbase.programmes.models import Programme


def _read(file: str):
    try:
        return json.loads(Path(file).read_text(encoding="utf-8"))
    except OSError as exc:
        raise CommandError(f"Cannot read {file}: {exc.strerror}.") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CommandError(f"{file} is not a JSON file: {exc}.") from exc


def _slug_in_use(data, slug: str | None) -> str | None:
    """The slug the import would take, when a programme already has it."""
    if slug is None and isinstance(data, dict) and isinstance(data.get("programme"), dict):
        slug = data["programme"].get("slug")
    return slug if isinstance(slug, str) and Programme.objects.filter(slug=slug).exists() else None


class Command(BaseCommand):
    help = "Import a programme from an interchange JSON file; nothing is saved if any record fails."

    def add_arguments(self, parser):
        parser.add_argument("file", help="an interchange file written by `partnerbase export`")
        parser.add_argument(
            "--slug", metavar="NEW_SLUG", help="import as a new programme with this slug"
        )

    def handle(self, *args, file: str, slug: str | None = None, **options):
        data = _read(file)
        taken = _slug_in_use(data, slug)
        if taken:
            raise CommandError(
                f"A programme with the slug {taken!r} already exists: "
                "use --slug to import as a new programme."
            )
        try:
            programme = programme_import(data=data, slug=slug)
        except ImportFailed as exc:
            lines = [str(p) for p in exc.problems]
            raise CommandError(
                f"Nothing was imported: {len(lines)} problem(s) in {file}:\n" + "\n".join(lines)
            ) from exc
        counts = ", ".join(
            f"{len(data.get(a, []))} {a.replace('_', ' ')}" for a in ARRAYS if data.get(a)
        )
        self.stdout.write(
            self.style.SUCCESS(f"Imported {programme.name} as {programme.slug!r}: {counts}.")
        )
