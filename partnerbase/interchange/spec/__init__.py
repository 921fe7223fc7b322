"""The interchange's specifications (arrays.py) and what derives from them alone.

Pure Python (no Django): the file's arrays in order, the records kept inside others, the
words for each kind of record, every reference between arrays, and the order the
importer follows. The exporter (export/) and the importer (importer/) read the same
specifications for models, fields and services.
"""

from collections.abc import Iterator
from functools import cache

from .arrays import PROGRAMME, SPECS
from .fields import Field, Spec

__all__ = [
    "ARRAYS",
    "BATCHED",
    "FILE_FIELDS",
    "NESTED",
    "ONE_TO_ONE",
    "PROGRAMME",
    "REFERENCES",
    "SINGULAR",
    "SPECS",
    "Field",
    "Spec",
    "by_name",
    "import_steps",
]

BY_NAME = {spec.name: spec for spec in SPECS}

# Arrays in the order they are written.
ARRAYS = list(BY_NAME)

# Records kept inside another record (array -> field -> kind); their ids are unique across
# the file too, and some are referred to (judges' scores name a rubric's criteria).
NESTED = {
    spec.name: {f.name: f.spec.name for f in spec.fields if f.kind == "nested"}
    for spec in SPECS
    if any(f.kind == "nested" for f in spec.fields)
}

SINGULAR = {
    "programme": PROGRAMME.singular,
    **{spec.name: spec.singular for spec in SPECS},
    **{f.spec.name: f.spec.singular for spec in SPECS for f in spec.fields if f.spec},
}

# Arrays whose services only create new records and query none of the same array, so
# their records can wait for one INSERT per batch (core/bulk.py).
BATCHED = frozenset(spec.name for spec in SPECS if spec.batched)


def _file_fields(spec: Spec) -> dict[str, str]:
    names = {}
    for f in spec.fields:
        if f.kind == "money":
            names[f.model_attr] = f.name
            if "." not in f.currency:
                names[f.currency] = f"{f.name}.currency"
        elif f.model_attr != f.name and "." not in f.model_attr:
            names[f.model_attr] = f.name
        if f.service_arg not in (None, f.name, f.model_attr) and f.kind != "nested":
            names[f.service_arg] = f.name
    return {**names, **spec.blame}


# The names a service's errors give (model fields, keywords) that the file spells
# differently, per array: the file's field is blamed instead.
FILE_FIELDS = {spec.name: names for spec in SPECS if (names := _file_fields(spec))}


def by_name(array: str) -> Spec:
    return BY_NAME[array]


def _references(spec: Spec) -> Iterator[tuple[str, str, Field]]:
    """(field as the checks name it, kind of record named, field) for each reference."""
    for f in spec.fields:
        if f.kind == "ref":
            yield f.name, f.target, f
        elif f.kind == "refs":
            yield f"{f.name}[]", f.target, f
        elif f.kind == "rows":
            for key, target in f.refs:
                yield f"{f.name}[].{key}", target, f
        elif f.kind == "nested":
            for inner in f.spec.fields:
                if inner.kind == "ref":
                    yield f"{f.name}[].{inner.name}", inner.target, inner


# (array, field, kind of record the id must be); "coalition[].organisation" is inside a
# list. A kind is an array, or records kept inside another (NESTED).
REFERENCES = [
    (spec.name, label, target) for spec in SPECS for label, target, _ in _references(spec)
]

# References that at most one record may make: each partnership came from at most one
# introduction; each prize is its own funding award; each board seat came from one prospect.
ONE_TO_ONE = [
    (spec.name, f.name) for spec in SPECS for f in spec.fields if f.kind == "ref" and f.one_to_one
]


def _array_of(kind: str) -> str:
    """The array a kind of record is kept in (itself, or the array holding it)."""
    return next((array for array, inner in NESTED.items() if kind in inner.values()), kind)


def _needs(spec: Spec) -> set[str]:
    """The arrays whose records must be in before this array's are made."""
    needed = {_array_of(target) for _, target, _ in _references(spec)} | set(spec.after)
    needed |= {maker.name for maker in SPECS if needed & set(maker.makes)}
    return needed - {spec.name}


@cache
def import_steps() -> tuple[tuple[str, str], ...]:
    """(array, "build" or "finish") in the order the importer follows: the file's order,
    except that an array waits for every array it refers to (and for what makes some of
    their records, as competition prizes make funding awards); an array's `finish` runs
    once every array that refers to it is in."""
    needs = {spec.name: _needs(spec) for spec in SPECS}
    referring = {a: {b for b in ARRAYS if a in needs[b]} for a in ARRAYS}
    waiting, done, steps = list(ARRAYS), set(), []
    while waiting:
        array = next(a for a in waiting if needs[a] <= done)
        waiting.remove(array)
        done.add(array)
        steps.append((array, "build"))
        for spec in SPECS:
            last = array in referring[spec.name] or (array == spec.name and not referring[array])
            if spec.finish and spec.name in done and last and referring[spec.name] <= done:
                steps.append((spec.name, "finish"))
    return tuple(steps)
