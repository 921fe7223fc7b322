"""An interchange file read and imported as a new programme: what `partnerbase import` and
the import page's task share, so both go through `importer.programme_import` alone."""

from typing import Any

from partnerbase.core.jsonfiles import BadJSON, load_json
from partnerbase.programmes.models import Programme

from .format import ARRAYS
from .problems import ImportFailed, Problem
from .reading import StreamedArray


def document_load(text: str) -> Any:
    """The decoded document; ImportFailed naming the line when it is not JSON."""
    try:
        return load_json(text)
    except BadJSON as exc:
        problem = Problem(None, None, None, "", f"not an interchange file: {exc}")
        raise ImportFailed([problem]) from exc


def slug_in_use(data: Any, slug: str | None) -> str | None:
    """The slug the import would take, when a programme already has it."""
    if slug is None and isinstance(data, dict) and isinstance(data.get("programme"), dict):
        slug = data["programme"].get("slug")
    return slug if isinstance(slug, str) and Programme.objects.filter(slug=slug).exists() else None


def record_counts(data: dict) -> list[str]:
    """["133 organisations", "230 partnerships"] for the arrays the file holds."""
    return [f"{len(data.get(a, []))} {a.replace('_', ' ')}" for a in ARRAYS if data.get(a)]


def record_total(data: Any) -> int:
    if not isinstance(data, dict):
        return 0
    return sum(len(data[a]) for a in ARRAYS if isinstance(data.get(a), list | StreamedArray))
