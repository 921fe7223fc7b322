"""Checks an interchange document before anything is written: the schema, then references.

Pure Python (no Django), so every problem in a file is found in one pass and reported as
`array[index] (id …): field: message`.
"""

import json
from collections.abc import Iterator
from dataclasses import replace
from functools import cache
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError as SchemaError

from .format import ARRAYS, FORMAT_VERSION, SCHEMA_PATH
from .problems import ImportFailed, Problem, problem
from .reading import StreamedArray
from .references import reference_problems

CHUNK = 1000  # records of a long array checked against the schema at once

__all__ = ["ImportFailed", "Problem", "document_problems", "schema", "schema_problems"]


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
    if error.validator == "enum" and path == ["format_version"]:
        versions = " or ".join(repr(v) for v in error.validator_value)
        return [(path, f"must be {versions}, not {error.instance!r}")]
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


@cache
def _quick_validator():
    return jsonschema_rs.validator_for(schema(), validate_formats=True)


@cache
def _array_schema(array: str) -> dict:
    """The schema of one array of the file, on its own."""
    whole = schema()
    return {"$schema": whole["$schema"], "$defs": whole["$defs"], **whole["properties"][array]}


@cache
def _quick_array_validator(array: str):
    return jsonschema_rs.validator_for(_array_schema(array), validate_formats=True)


def _sorted_errors(validator, instance) -> list[SchemaError]:
    return sorted(
        validator.iter_errors(instance),
        key=lambda e: [f"{p:09d}" if isinstance(p, int) else p for p in e.absolute_path],
    )


def _in_order(found: list[Problem]) -> list[Problem]:
    # The file's own fields, then the programme, then records in file order.
    found.sort(
        key=lambda p: (
            -1 if p.array is None else (["programme", *ARRAYS].index(p.array)),
            p.index or 0,
        )
    )
    return list(dict.fromkeys(found))  # a value can break both its pattern and its format


def _document_schema_problems(data: Any) -> list[Problem]:
    # The Rust validator says whether a national file is valid in a second; jsonschema
    # (minutes at that size) words the problems of one that is not.
    if _quick_validator().is_valid(data):
        return []
    validator = Draft202012Validator(schema(), format_checker=FormatChecker())
    return [
        _schema_problem(data, path, message)
        for error in _sorted_errors(validator, data)
        for path, message in _messages(error)
    ]


def _chunks(records: StreamedArray) -> Iterator[tuple[int, list]]:
    chunk: list = []
    for n, record in enumerate(records):
        chunk.append(record)
        if len(chunk) == CHUNK:
            yield n + 1 - CHUNK, chunk
            chunk = []
    if chunk:
        yield len(records) - len(chunk), chunk


def _streamed_problems(array: str, records: StreamedArray) -> list[Problem]:
    """A long array's problems, checked a chunk of records at a time."""
    found = []
    quick = _quick_array_validator(array)
    for start, chunk in _chunks(records):
        if quick.is_valid(chunk):
            continue
        validator = Draft202012Validator(_array_schema(array), format_checker=FormatChecker())
        for error in _sorted_errors(validator, chunk):
            for path, message in _messages(error):
                found.append(
                    problem({array: chunk}, array, path[0], _field(path[1:]), message)
                    if path
                    else Problem(array, None, None, "", message)
                )
                if path:  # the index in the whole array, not the chunk
                    found[-1] = replace(found[-1], index=start + path[0])
    return found


def schema_problems(data: Any) -> list[Problem]:
    """Every way the document breaks the schema; a long array read from the file
    (reading.StreamedArray) is checked a chunk at a time, never held whole."""
    streamed = {}
    if isinstance(data, dict):
        streamed = {k: v for k, v in data.items() if isinstance(v, StreamedArray)}
    if not streamed:
        return _in_order(_document_schema_problems(data))
    found = _document_schema_problems({k: [] if k in streamed else v for k, v in data.items()})
    for array, records in streamed.items():
        if array in schema()["properties"]:  # an unknown one is named above
            found += _streamed_problems(array, records)
    return _in_order(found)


def document_problems(data: Any) -> list[Problem]:
    """All problems found before import; references are checked only on a valid shape."""
    return schema_problems(data) or reference_problems(data)
