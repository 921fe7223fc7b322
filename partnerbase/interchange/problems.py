"""A problem with one field of one record, and the exception that carries them all."""

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field of one record."""

    array: str | None  # "funding_awards", "programme", or None for the file itself
    index: int | None
    record_id: str | None
    field: str
    message: str

    def __str__(self) -> str:
        where = self.array or "file"
        if self.index is not None:
            where += f"[{self.index}]"
        if self.record_id:
            where += f" (id {self.record_id})"
        field = f"{self.field}: " if self.field else ""
        return f"{where}: {field}{self.message}"


class ImportFailed(Exception):
    """The file cannot be imported; nothing was saved."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


def record_at(data: Any, array: str, index: int | None) -> Any:
    """The record a problem is about, tolerating a document of the wrong shape."""
    container = data.get(array) if isinstance(data, dict) else None
    if index is None:
        return container
    return container[index] if isinstance(container, list) and index < len(container) else None


def problem(data: Any, array: str, index: int | None, field: str, message: str) -> Problem:
    record = record_at(data, array, index)
    record_id = record.get("id") if isinstance(record, dict) else None
    return Problem(array, index, record_id if isinstance(record_id, str) else None, field, message)
