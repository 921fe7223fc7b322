"""Creating a record from its specification: each field read by its kind and given to the
array's service under its keyword, then the records kept inside it through theirs."""

from decimal import Decimal
from typing import Any

from .. import hooks
from ..format import parse_date, parse_datetime
from ..restore import nested
from ..spec import Field, Spec

_READ = {
    "date": parse_date,
    "moment": parse_datetime,
    "decimal": lambda value: None if value is None else Decimal(value),
}


def _arguments(imp, f: Field, r: dict) -> dict[str, Any]:
    value = r.get(f.name, f.default)
    if f.read is not None:
        return {f.service_arg: f.read(imp.ref, value)}
    if f.kind == "ref":
        return {f.service_arg: imp.ref(value)}
    if f.kind == "refs":
        return {f.service_arg: [imp.ref(x) for x in value or []]}
    if f.kind == "words":
        return {f.service_arg: f.sep.join(value)}
    if f.kind == "money":
        amount = {f.service_arg: Decimal(value["amount"]) if value else None}
        if f.currency_arg:
            amount[f.currency_arg] = value["currency"] if value else None
        return amount
    return {f.service_arg: _READ.get(f.kind, lambda v: v)(value)}


def arguments(imp, spec: Spec, r: dict) -> dict[str, Any]:
    """The service's keywords for the file's record (the records inside it aside)."""
    kwargs = imp.common(r)
    if spec.programme:
        kwargs["programme"] = imp.programme
    for f in spec.fields:
        if f.service_arg is not None and f.kind != "nested":
            kwargs.update(_arguments(imp, f, r))
    return kwargs


def create(imp, spec: Spec, r: dict, **given) -> Any:
    """The record made by the array's service, with the records kept inside it; `given`
    are keywords a hook works out itself."""
    made = hooks.service(spec.service)(**{**arguments(imp, spec, r), **given})
    for f in spec.fields:
        if f.kind == "nested" and f.spec.service:
            service = hooks.service(f.spec.service)
            for n, item in enumerate(r.get(f.name, [])):
                with nested(f"{f.name}[{n}]"):
                    inner = arguments(imp, f.spec, item)
                    imp.pending[item["id"]] = service(**inner, **{f.arg: made})
    return made
