"""Write a whole programme as one interchange document (see docs/interchange.md).

Every array is written from its specification (spec/): its model's records in the
programme, in id order, each field by its kind; an array whose records need more than
their own rows names a writer of its own (`Spec.writer`). Keys come in the
specification's order, so the same database always gives the same bytes.
"""

import json
from collections.abc import Iterator
from typing import Any

from partnerbase.core.currencies import from_minor
from partnerbase.programmes.models import Programme

from .. import hooks
from ..format import (
    FORMAT,
    FORMAT_VERSION,
    date_text,
    datetime_text,
    decimal_text,
    json_value,
    split_list,
)
from ..spec import PROGRAMME, SPECS, Field, Spec
from .rows import by_id


def money(minor: int | None, currency: str) -> dict | None:
    """Money as a decimal string with its currency: never a float."""
    if minor is None:
        return None
    return {"amount": format(from_minor(minor, currency), "f"), "currency": currency}


def _attr(record: Any, path: str) -> Any:
    for name in path.split("."):
        record = getattr(record, name) if record is not None else None
    return record


def _value(f: Field, record: Any) -> Any:
    if f.write is not None:
        write = hooks.hook("export", f.write) if isinstance(f.write, str) else f.write
        return write(record)
    if f.kind == "id":
        return str(record.uid)
    if f.kind == "nested":
        rows = getattr(record, f.spec.related).all()
        return [
            fields(f.spec, row)
            for row in (sorted(rows, key=f.spec.order) if f.spec.order else rows)
        ]
    value = _attr(record, f.model_attr)
    if f.kind == "ref":
        return str(value.uid) if value is not None else None
    if f.kind == "refs":
        return sorted(str((_attr(x, f.through) if f.through else x).uid) for x in value.all())
    if f.kind == "money":
        return money(value, _attr(record, f.currency))
    return _WRITTEN.get(f.kind, _same)(value)


def _same(value: Any) -> Any:
    return value


_WRITTEN = {
    "date": date_text,
    "moment": datetime_text,
    "decimal": decimal_text,
    "words": split_list,
    "json": json_value,
}


def fields(spec: Spec, record: Any) -> dict:
    """A model record as the file writes it."""
    return {f.name: _value(f, record) for f in spec.all_fields}


def _related(spec: Spec) -> tuple[list[str], list[str]]:
    """What to fetch with the records (select_related, prefetch_related), from the fields."""
    select, prefetch = list(spec.select), list(spec.prefetch)
    for f in spec.fields:
        path = f.model_attr.replace(".", "__")
        if f.kind == "ref":
            select.append(path)
        elif f.kind == "refs" and f.write is None:
            prefetch.append(f"{path}__{f.through}" if f.through else path)
        elif f.kind == "nested" and f.write is None:
            prefetch.append(f.spec.related)
            prefetch += [
                f"{f.spec.related}__{inner.model_attr}"
                for inner in f.spec.fields
                if inner.kind == "ref"
            ]
    return select, prefetch


def records(spec: Spec, programme: Programme) -> Iterator[dict]:
    """An array's records in id order, read a few hundred at a time (export/rows.py)."""
    if spec.writer:
        yield from hooks.hook("export", spec.writer)(programme)
        return
    select, prefetch = _related(spec)
    rows = hooks.model(spec.model).objects.filter(**{spec.scope: programme})
    for record in by_id(rows.select_related(*select).prefetch_related(*prefetch)):
        yield fields(spec, record)


def programme_export(*, programme: Programme) -> dict:
    """The whole programme as one document; user accounts (but judges' email and name) and
    history are left out."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "programme": fields(PROGRAMME, programme),
        **{spec.name: list(records(spec, programme)) for spec in SPECS},
    }


def programme_export_text(*, programme: Programme) -> str:
    return "".join(programme_export_chunks(programme=programme))


def _indented(value, depth: int) -> str:
    # Strings' own newlines are escaped in JSON: every newline here is layout.
    return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + "  " * depth)


def programme_export_chunks(*, programme: Programme) -> Iterator[str]:
    """The document's text a record at a time, byte for byte what format.dumps writes of
    programme_export, without holding a big array in memory."""
    yield "{\n"
    yield f'  "format": {_indented(FORMAT, 1)},\n'
    yield f'  "format_version": {_indented(FORMAT_VERSION, 1)},\n'
    yield f'  "programme": {_indented(fields(PROGRAMME, programme), 1)}'
    for spec in SPECS:
        yield f',\n  "{spec.name}": ['
        first = True
        for record in records(spec, programme):
            yield ("\n    " if first else ",\n    ") + _indented(record, 2)
            first = False
        yield "]" if first else "\n  ]"
    yield "\n}\n"
