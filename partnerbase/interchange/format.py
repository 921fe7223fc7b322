"""The shape of an interchange file: its name, version, arrays and how values are written.

Pure Python (no Django) so the checks and the docs can rely on one list of arrays.
"""

import json
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

FORMAT = "partnerbase-programme"
FORMAT_VERSION = "1.0"
SCHEMA_PATH = Path(__file__).parent / "schema" / "programme.schema.json"

# Arrays in the order they are written; each name is DESIGN.md's vocabulary, snake_case plural.
ARRAYS = [
    "targets",
    "exchange_rates",
    "challenge_areas",
    "organisations",
    "people",
    "engagements",
    "accelerators",
    "cohorts",
    "cohort_memberships",
    "partnerships",
    "funding_awards",
    "collaborative_projects",
]

SINGULAR = {
    "programme": "programme",
    "targets": "target",
    "exchange_rates": "exchange rate",
    "challenge_areas": "challenge area",
    "organisations": "organisation",
    "people": "person",
    "engagements": "engagement",
    "accelerators": "accelerator",
    "cohorts": "cohort",
    "cohort_memberships": "cohort membership",
    "partnerships": "partnership",
    "funding_awards": "funding award",
    "collaborative_projects": "collaborative project",
}


def date_text(value: date | None) -> str | None:
    return value.isoformat() if value else None


def parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def decimal_text(value: Decimal | None) -> str | None:
    """Shortest exact decimal string ("1.3167", "100"): the same on SQLite and PostgreSQL."""
    if value is None:
        return None
    text = format(Decimal(value).normalize(), "f")
    return "0" if text in ("-0", "0") else text


def id_text(record: Any) -> str | None:
    """A related record's stable id, or None when there is no related record."""
    return str(record.uid) if record is not None else None


def split_list(text: str) -> list[str]:
    """Comma-separated text as a list; the file uses arrays, the models keep text."""
    return [part.strip() for part in text.split(",") if part.strip()]


def sorted_by_id(records: Iterable[dict]) -> list[dict]:
    return sorted(records, key=lambda record: record["id"])


def dumps(data: dict) -> str:
    """The one way a file is written, so export -> import -> export is byte-identical."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
