"""References between records and rules a schema cannot say, checked before anything is
written. Pure Python (no Django)."""

from collections.abc import Iterator

from partnerbase.directory import orgid

from .format import ARRAYS, NESTED, SINGULAR
from .problems import Problem
from .spec import ONE_TO_ONE, REFERENCES


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


def _walked(records) -> bool:
    """An array's records, held or read again from the file (reading.StreamedArray)."""
    return not isinstance(records, (str, bytes, dict)) and hasattr(records, "__iter__")


def _array(data: dict, array: str):
    records = data.get(array, [])
    return records if _walked(records) else []


def _record_problem(array: str, n: int, record, field: str, message: str) -> Problem:
    record_id = record.get("id") if isinstance(record, dict) else None
    return Problem(array, n, record_id if isinstance(record_id, str) else None, field, message)


def _records(data: dict) -> Iterator[tuple[str, str, int, str, dict, dict]]:
    """(kind, array, index, place inside the record, record with an id, the array's
    record) for every record with an id."""
    for array in ARRAYS:
        for n, record in enumerate(_array(data, array)):
            yield array, array, n, "", record, record
            for field, kind in NESTED.get(array, {}).items():
                value = record.get(field)
                if isinstance(value, dict):
                    yield kind, array, n, field, value, record
                for i, item in enumerate(value if isinstance(value, list) else []):
                    yield kind, array, n, f"{field}[{i}]", item, record


def id_index(data: dict) -> tuple[dict[str, str], list[Problem]]:
    """Which kind of record each id is; ids are unique across the whole file.

    Only the kind is kept per id (a national file has a million and a half); where a
    repeated id was first used is looked up again, once there is one."""
    index: dict[str, str] = {}
    repeated = []
    for kind, array, n, place, record, outer in _records(data):
        if record["id"] in index:
            repeated.append((array, n, place, record["id"], outer))
        else:
            index[record["id"]] = kind
    if not repeated:
        return index, []
    first: dict[str, str] = {}
    wanted = {record_id for *_, record_id, _ in repeated}
    for _, array, n, place, record, _ in _records(data):
        if record["id"] in wanted and record["id"] not in first:
            first[record["id"]] = f"{array}[{n}]" + (f".{place}" if place else "")
    problems = [
        _record_problem(
            array, n, outer, f"{place}.id" if place else "id", f"also used by {first[record_id]}"
        )
        for array, n, place, record_id, outer in repeated
    ]
    return index, problems


def _by_array(references: list[tuple[str, str, str]]) -> dict[str, list[tuple[int, str, str]]]:
    """REFERENCES grouped by array, with each one's place in the list: each array is walked
    once (a long one is read again from the file each time)."""
    grouped: dict[str, list[tuple[int, str, str]]] = {}
    for position, (array, field, target) in enumerate(references):
        grouped.setdefault(array, []).append((position, field, target))
    return grouped


def referenced_ids(data: dict) -> set[str]:
    """Every id some record refers to."""
    found = set()
    for array, fields in _by_array(REFERENCES).items():
        for record in _array(data, array):
            for _, field, _ in fields:
                found.update(value for _, value in _referred(record, field) if value is not None)
    return found


def _a(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


def reference_problems(data: dict) -> list[Problem]:
    """Every id referred to is in the file, in the right array; org-ids are well formed."""
    where, problems = id_index(data)
    found = []  # (place in REFERENCES, record's index, n-th in the record, problem)
    for array, fields in _by_array(REFERENCES).items():
        for n, record in enumerate(_array(data, array)):
            for position, field, target in fields:
                for i, (label, value) in enumerate(_referred(record, field)):
                    if value is None:
                        continue
                    kind = where.get(value)
                    if kind == target:
                        continue
                    if kind is None:
                        message = f"no {SINGULAR[target]} has id {value}"
                    else:
                        message = f"{value} is {_a(SINGULAR[kind])}, not {_a(SINGULAR[target])}"
                    found.append(
                        ((position, n, i), _record_problem(array, n, record, label, message))
                    )
    found.sort(key=lambda item: item[0])  # in REFERENCES' order, then the file's
    return problems + [p for _, p in found] + rule_problems(data)


def _one_to_one_problems(data: dict) -> list[Problem]:
    problems = []
    for array, field in ONE_TO_ONE:
        seen: dict[str, int] = {}
        for n, record in enumerate(_array(data, array)):
            value = record.get(field)
            if value is None:
                continue
            if value in seen:
                message = f"{array}[{seen[value]}] already has {value}"
                problems.append(_record_problem(array, n, record, field, message))
            seen.setdefault(value, n)
    return problems


def rule_problems(data: dict) -> list[Problem]:
    """Rules a schema cannot say, checked here so they are all reported together."""
    problems = []
    for n, record in enumerate(_array(data, "organisations")):
        for i, value in enumerate(record.get("identifiers", [])):
            try:
                orgid.parse(value)
            except orgid.InvalidOrgId as exc:
                problems.append(
                    _record_problem("organisations", n, record, f"identifiers[{i}]", str(exc))
                )
    seen: dict[str, int] = {}
    for n, record in enumerate(_array(data, "targets")):
        if record["figure"] in seen:
            message = f"targets[{seen[record['figure']]}] already sets {record['figure']}"
            problems.append(_record_problem("targets", n, record, "figure", message))
        seen.setdefault(record["figure"], n)
    return problems + _one_to_one_problems(data)
