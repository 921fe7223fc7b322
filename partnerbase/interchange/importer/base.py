"""What every part of the importer shares."""

from datetime import date

from ..format import parse_date


class Skipped(Exception):
    """A record refers to one that failed; that failure is already reported."""


def file_date(record: dict, key: str) -> date | None:
    return parse_date(record.get(key))
