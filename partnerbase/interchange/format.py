"""The shape of an interchange file: its name, version, arrays and how values are written.

Pure Python (no Django), like the specifications the arrays come from.
"""

import json
from collections.abc import Iterable
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from . import spec

FORMAT = "partnerbase-programme"
FORMAT_VERSION = "1.5"
# Versions this Partnerbase reads: a minor version only adds optional arrays and fields.
READABLE_VERSIONS = ("1.0", "1.1", "1.2", "1.3", "1.4", "1.5")
SCHEMA_PATH = Path(__file__).parent / "schema" / "programme.schema.json"

# The arrays in order, the records kept inside others and their words: from the
# specifications (spec/), the one place an array is declared.
ARRAYS, NESTED, SINGULAR = spec.ARRAYS, spec.NESTED, spec.SINGULAR


def date_text(value: date | None) -> str | None:
    return value.isoformat() if value else None


def parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def datetime_text(value: datetime | None) -> str | None:
    """A moment in UTC to the second, the same whichever database stored it."""
    if value is None:
        return None
    return value.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def parse_datetime(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def json_value(value: Any) -> Any:
    """A JSON field's value with object keys sorted: PostgreSQL's jsonb reorders them."""
    if isinstance(value, dict):
        return {key: json_value(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return [json_value(item) for item in value]
    return value


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
