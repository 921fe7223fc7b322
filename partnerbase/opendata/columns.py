"""360Giving spreadsheet column titles, derived from the schema's titles as 360Giving's own
tools (flatten-tool, "title" mode) do: "Recipient Org:Identifier" is the `id` of the first
`recipientOrganization`. A spreadsheet row carries the first item of each list."""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from partnerbase.core.limits import MAX_JSON_INT_DIGITS

from .schema import grant_schema

# Text that a spreadsheet program would run as a formula gets a leading apostrophe on
# export; the importer takes it off again, so values survive the round trip.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    title: str  # "Recipient Org:Identifier"
    path: tuple  # ("recipientOrganization", 0, "id")
    number: bool


def _resolve(node: dict) -> dict:
    ref = node.get("$ref", "")
    if ref.startswith("#/$defs/"):
        return grant_schema()["$defs"][ref.rsplit("/", 1)[1]]
    return node


def _walk(properties: dict, path: tuple, title: str, depth: int):
    for name, raw in properties.items():
        node = _resolve(raw)
        label = f"{title}:{node.get('title', name)}" if title else node.get("title", name)
        kind = node.get("type")
        kinds = set(kind) if isinstance(kind, list) else {kind}
        if "array" in kinds:
            items = _resolve(node.get("items", {}))
            if items.get("type") == "object" and depth < 2:
                yield from _walk(items.get("properties", {}), (*path, name, 0), label, depth + 1)
        elif "object" in kinds:
            if depth < 2:
                yield from _walk(node.get("properties", {}), (*path, name), label, depth + 1)
        else:
            yield Column(label, (*path, name), "number" in kinds or "integer" in kinds)


@cache
def columns() -> tuple[Column, ...]:
    return tuple(_walk(grant_schema()["properties"], (), "", 0))


@cache
def by_title() -> dict[str, Column]:
    return {c.title: c for c in columns()}


@cache
def title_of_path() -> dict[tuple, str]:
    return {c.path: c.title for c in columns()}


def title_for(path: tuple) -> str:
    """The column title for a place in a grant, or the JSON path when it has no column."""
    key = tuple(0 if isinstance(p, int) else p for p in path)
    for end in range(len(key), 0, -1):
        if key[:end] in title_of_path():
            return title_of_path()[key[:end]]
    return ".".join(str(p) for p in path)


def _get(grant: dict, path: tuple):
    value = grant
    for part in path:
        if isinstance(part, int):
            if not isinstance(value, list) or len(value) <= part:
                return None
        elif not isinstance(value, dict):
            return None
        value = value[part] if isinstance(part, int) else value.get(part)
    return value


def flatten(grant: dict) -> dict[str, object]:
    """{column title: value} for one grant (first item of each list)."""
    row = {}
    for column in columns():
        value = _get(grant, column.path)
        if value is not None and not isinstance(value, dict | list):
            row[column.title] = value
    return row


def cell_text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | Decimal | float):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _set(grant: dict, path: tuple, value) -> None:
    node = grant
    for part, following in zip(path, path[1:], strict=False):
        if isinstance(part, int):
            continue
        if isinstance(following, int):
            node = node.setdefault(part, [{}])[0]
        else:
            node = node.setdefault(part, {})
    node[path[-1]] = value


def unflatten(row: dict[str, str]) -> tuple[dict, list[tuple[str, str]]]:
    """A grant from one spreadsheet row, and (column, message) for cells that cannot be
    read. Empty cells are left out; columns the standard does not name are ignored."""
    grant: dict = {}
    problems = []
    for title, raw in row.items():
        if title is None or not isinstance(raw, str | None):
            continue  # cells past the last title (DictReader gathers them in a list)
        column = by_title().get(title.strip())
        text = (raw or "").strip()
        if column is None or not text:
            continue
        if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
            text = text[1:]
        value: object = text
        if column.number:
            try:
                value = Decimal(text.replace(",", ""))
            except InvalidOperation:
                problems.append((column.title, f"{text[:40]!r} is not a number."))
                continue
            # Before int(): Infinity has no int, and 1e999999999 would fill the memory.
            if not value.is_finite() or value.adjusted() > MAX_JSON_INT_DIGITS:
                problems.append((column.title, f"{text[:40]!r} is not an amount we can keep."))
                continue
            if value == value.to_integral_value():
                value = int(value)
        _set(grant, column.path, value)
    return grant, problems
