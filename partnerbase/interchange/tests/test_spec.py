"""The specifications (interchange/spec/) agree with the JSON Schema, with the models and
services they name, and give an import order that respects every reference."""

import inspect
import re
from pathlib import Path

import pytest

from partnerbase.interchange import hooks
from partnerbase.interchange.checks import schema
from partnerbase.interchange.spec import (
    ARRAYS,
    PROGRAMME,
    REFERENCES,
    SPECS,
    Spec,
    by_name,
    import_steps,
)
from partnerbase.opendata.services import DETAIL_FIELDS

# How the schema writes a value of each kind of field (the $ref of the value, or of its items).
KIND_REFS = {
    "id": "#/$defs/id",
    "ref": "#/$defs/id",
    "refs": "#/$defs/id",
    "date": "#/$defs/date",
    "moment": "#/$defs/datetime",
    "decimal": "#/$defs/decimal",
    "money": "#/$defs/money",
}


def _definition(ref: str) -> dict:
    return schema()["$defs"][ref.removeprefix("#/$defs/")]


def _kind_problems(spec: Spec, definition: dict) -> list[str]:
    problems = []
    keys = [f.name for f in spec.all_fields]
    if list(definition["properties"]) != keys:
        problems.append(f"{spec.name}: schema {list(definition['properties'])}, spec {keys}")
        return problems
    for f in spec.all_fields:
        prop = definition["properties"][f.name]
        items = prop.get("items", {})
        if f.kind in ("refs", "words", "rows", "nested") and prop.get("type") != "array":
            if not (f.kind == "nested" and not f.spec.fields):  # one object, not a list
                problems.append(f"{spec.name}.{f.name}: a list in the spec, not in the schema")
                continue
        written = items.get("$ref") if f.kind == "refs" else prop.get("$ref")
        if f.kind in KIND_REFS and written != KIND_REFS[f.kind]:
            problems.append(f"{spec.name}.{f.name}: {f.kind} in the spec, {written} in the schema")
        kinds = {kind for kind, ref in KIND_REFS.items() if ref == written}
        if kinds and f.kind not in kinds:  # and the other way: a date in the schema is one here
            problems.append(f"{spec.name}.{f.name}: {written} in the schema, {f.kind} in the spec")
        if f.kind == "words" and items.get("type") != "string":
            problems.append(f"{spec.name}.{f.name}: words are a list of strings")
        if f.kind == "rows":
            row = _definition(items["$ref"]) if "$ref" in items else items
            inner = row.get("properties", {})
            for key, _ in f.refs:
                if inner.get(key, {}).get("$ref") != "#/$defs/id":
                    problems.append(f"{spec.name}.{f.name}[].{key}: not an id in the schema")
        if f.kind == "nested" and f.spec.fields:
            problems += _kind_problems(f.spec, _definition(items["$ref"]))
    return problems


def test_the_schema_has_the_specifications_arrays_in_order():
    assert list(schema()["properties"]) == ["format", "format_version", "programme", *ARRAYS]


@pytest.mark.parametrize("spec", [PROGRAMME, *SPECS], ids=lambda s: s.name)
def test_each_array_in_the_schema_has_the_specifications_fields(spec):
    """Every key in the schema's order, and each money, date, moment, decimal and id where
    the specification has one (nested records' too)."""
    prop = schema()["properties"][spec.name]
    definition = _definition(prop.get("items", prop)["$ref"])
    assert _kind_problems(spec, definition) == []


def test_grant_details_are_opendatas_fields():
    definition = _definition("#/$defs/grant_details")
    assert list(definition["properties"]) == ["id", *DETAIL_FIELDS, "illustrative"]


@pytest.mark.parametrize("spec", [PROGRAMME, *SPECS], ids=lambda s: s.name)
def test_what_a_specification_names_exists(spec):
    """Its model, and its service with a keyword for every field given to it; its hooks."""
    model = hooks.model(spec.model)
    assert model._meta.get_field(spec.scope.split("__")[0]) if spec is not PROGRAMME else model
    for name, package in [(spec.build, "importer"), (spec.finish, "importer")]:
        if name:
            assert callable(hooks.hook(package, name))
    if spec.writer:
        assert callable(hooks.hook("export", spec.writer))
    for f in spec.fields:
        if isinstance(f.write, str):
            assert callable(hooks.hook("export", f.write))
    for kind in [spec, *(f.spec for f in spec.fields if f.kind == "nested")]:
        if not kind.service:
            continue
        parameters = inspect.signature(hooks.service(kind.service)).parameters
        given = {"actor", "uid", "illustrative"} | ({"programme"} if kind.programme else set())
        for f in kind.fields:
            if f.service_arg is not None and f.kind != "nested":
                given.add(f.service_arg)
            if f.kind == "money" and f.service_arg and f.currency_arg:
                given.add(f.currency_arg)
        assert given <= set(parameters), f"{kind.service} takes no {given - set(parameters)}"


def test_the_import_follows_the_specifications_order_but_after_what_is_referred_to():
    steps = import_steps()
    built = [array for array, when in steps if when == "build"]
    assert sorted(built) == sorted(ARRAYS), "each array built once"
    place = {array: n for n, (array, when) in enumerate(steps) if when == "build"}
    holder = {kind: a for a in ARRAYS for kind in _nested_kinds(by_name(a))}
    for array, _, target in REFERENCES:
        target = holder.get(target, target)
        if target != array:
            assert place[target] < place[array], f"{array} is made before {target}"
    for spec in SPECS:
        for maker in spec.makes:  # what refers to a made array waits for its maker
            for array, _, target in REFERENCES:
                if target == maker and array != spec.name:
                    assert place[spec.name] < place[array]
    # An array waits only where it must: otherwise it keeps the file's order.
    for earlier, later in zip(built, built[1:], strict=False):
        if ARRAYS.index(earlier) > ARRAYS.index(later):
            assert _waits(later, earlier, place), f"{later} need not follow {earlier}"


def test_finishing_comes_after_every_array_referring_to_it():
    steps = import_steps()
    for spec in SPECS:
        if not spec.finish:
            continue
        finish = steps.index((spec.name, "finish"))
        referring = {a for a, _, target in REFERENCES if target == spec.name}
        assert referring and all(steps.index((a, "build")) < finish for a in referring)


def _nested_kinds(spec: Spec) -> set[str]:
    return {f.spec.name for f in spec.fields if f.kind == "nested"}


def _waits(array: str, before: str, place: dict) -> bool:
    """Something `array` needs was built no earlier than `before`: it had to wait."""
    spec = by_name(array)
    holder = {kind: a for a in ARRAYS for kind in _nested_kinds(by_name(a))}
    needs = {holder.get(t, t) for a, _, t in REFERENCES if a == array} | set(spec.after)
    needs |= {s.name for s in SPECS if needs & set(s.makes)}
    needs.discard(array)
    return max(place[n] for n in needs) >= place[before]


def test_the_format_page_lists_and_describes_every_array_in_order():
    """docs/interchange.md's table of arrays and its section per array follow the
    specifications, so a new array is documented where the file has it."""
    page = (Path(__file__).resolve().parents[3] / "docs" / "interchange.md").read_text()
    listed = next(line for line in page.splitlines() if line.startswith("| `targets`"))
    assert re.findall(r"`(\w+)`", listed.split("|")[1]) == ARRAYS
    sections = re.findall(r"^### `(\w+)`", page, flags=re.MULTILINE)
    assert sections == ["programme", *ARRAYS]
