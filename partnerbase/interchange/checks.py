"""Checks an interchange document before anything is written: the schema, then references.

Pure Python (no Django), so every problem in a file is found in one pass and reported as
`array[index] (id …): field: message`.
"""

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError as SchemaError

from partnerbase.directory import orgid

from .format import ARRAYS, FORMAT_VERSION, SCHEMA_PATH, SINGULAR


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


@cache
def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def _field(path: list) -> str:
    """["coalition", 1, "role"] -> "coalition[1].role"."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _messages(error: SchemaError) -> list[tuple[list, str]]:
    """Field paths and plain messages; the schema's titles name what a value should be."""
    path = list(error.absolute_path)
    if error.validator == "required":
        missing = error.message.split("'")[1]
        return [([*path, missing], "required, but missing")]
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = error.schema.get("properties", {})
        return [
            ([*path, name], f"not a field in format version {FORMAT_VERSION}")
            for name in sorted(set(error.instance) - set(known))
        ]
    if error.validator == "const":
        return [(path, f"must be {error.validator_value!r}, not {error.instance!r}")]
    title = error.schema.get("title") if isinstance(error.schema, dict) else None
    if error.validator in ("pattern", "format") and title:
        return [(path, f"{error.instance!r} is not a {title}")]
    return [(path, error.message)]


def _schema_problem(data: Any, path: list, message: str) -> Problem:
    if not path:
        return Problem(None, None, None, "", message)
    head = path[0]
    if head in ARRAYS and len(path) > 1 and isinstance(path[1], int):
        return problem(data, head, path[1], _field(path[2:]), message)
    if head == "programme":
        return problem(data, "programme", None, _field(path[1:]), message)
    return Problem(None, None, None, _field(path), message)


def schema_problems(data: Any) -> list[Problem]:
    validator = Draft202012Validator(schema(), format_checker=FormatChecker())
    errors = sorted(
        validator.iter_errors(data),
        key=lambda e: [f"{p:09d}" if isinstance(p, int) else p for p in e.absolute_path],
    )
    found = [
        _schema_problem(data, path, message)
        for error in errors
        for path, message in _messages(error)
    ]
    # The file's own fields, then the programme, then records in file order.
    found.sort(
        key=lambda p: (
            -1 if p.array is None else (["programme", *ARRAYS].index(p.array)),
            p.index or 0,
        )
    )
    return list(dict.fromkeys(found))  # a value can break both its pattern and its format


# (array, field, array the id must be in); "coalition[].organisation" is inside a list.
REFERENCES = [
    ("people", "organisation", "organisations"),
    ("engagements", "organisation", "organisations"),
    ("engagements", "participants[]", "people"),
    ("accelerators", "delivery_partner", "organisations"),
    ("cohorts", "accelerator", "accelerators"),
    ("cohort_memberships", "cohort", "cohorts"),
    ("cohort_memberships", "organisation", "organisations"),
    ("cohort_memberships", "challenge_area", "challenge_areas"),
    ("partnerships", "innovator", "organisations"),
    ("partnerships", "project", "collaborative_projects"),
    ("partnerships", "partners[]", "organisations"),
    ("partnerships", "brokered_by", "organisations"),
    ("funding_awards", "funder", "organisations"),
    ("funding_awards", "recipient", "organisations"),
    ("funding_awards", "via_partnership", "partnerships"),
    ("funding_awards", "via_intermediary", "organisations"),
    ("collaborative_projects", "challenge_area", "challenge_areas"),
    ("collaborative_projects", "coalition[].organisation", "organisations"),
]


def _referred(record: dict, field: str) -> Iterator[tuple[str, str]]:
    """(field as reported, id) for each id a record's field refers to."""
    if field.endswith("[]"):
        for n, value in enumerate(record.get(field[:-2], [])):
            yield f"{field[:-2]}[{n}]", value
    elif "[]." in field:
        outer, inner = field.split("[].")
        for n, item in enumerate(record.get(outer, [])):
            yield f"{outer}[{n}].{inner}", item.get(inner)
    else:
        yield field, record.get(field)


def id_index(data: dict) -> tuple[dict[str, str], list[Problem]]:
    """Which array each id is in; ids are unique across the whole file."""
    index: dict[str, tuple[str, int]] = {}
    problems = []
    for array in ARRAYS:
        for n, record in enumerate(data.get(array, [])):
            if record["id"] in index:
                other, at = index[record["id"]]
                problems.append(problem(data, array, n, "id", f"also used by {other}[{at}]"))
            else:
                index[record["id"]] = (array, n)
    return {key: array for key, (array, _) in index.items()}, problems


def _a(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


def reference_problems(data: dict) -> list[Problem]:
    """Every id referred to is in the file, in the right array; org-ids are well formed."""
    where, problems = id_index(data)
    for array, field, target in REFERENCES:
        for n, record in enumerate(data.get(array, [])):
            for label, value in _referred(record, field):
                if value is None:
                    continue
                if value not in where:
                    problems.append(
                        problem(data, array, n, label, f"no {SINGULAR[target]} has id {value}")
                    )
                elif where[value] != target:
                    problems.append(
                        problem(
                            data,
                            array,
                            n,
                            label,
                            f"{value} is {_a(SINGULAR[where[value]])}, not {_a(SINGULAR[target])}",
                        )
                    )
    return problems + rule_problems(data)


def rule_problems(data: dict) -> list[Problem]:
    """Rules a schema cannot say, checked here so they are all reported together."""
    problems = []
    for n, record in enumerate(data.get("organisations", [])):
        for i, value in enumerate(record.get("identifiers", [])):
            try:
                orgid.parse(value)
            except orgid.InvalidOrgId as exc:
                problems.append(problem(data, "organisations", n, f"identifiers[{i}]", str(exc)))
    seen: dict[str, int] = {}
    for n, record in enumerate(data.get("targets", [])):
        if record["figure"] in seen:
            problems.append(
                problem(
                    data,
                    "targets",
                    n,
                    "figure",
                    f"targets[{seen[record['figure']]}] already sets {record['figure']}",
                )
            )
        seen.setdefault(record["figure"], n)
    return problems


def document_problems(data: Any) -> list[Problem]:
    """All problems found before import; references are checked only on a valid shape."""
    return schema_problems(data) or reference_problems(data)
