"""The parts a specification is made of: a record's kind (`Spec`) and its fields (`Field`).

Pure Python (no Django): models, services and hooks are named by dotted text, which the
exporter and importer look up (`spec.resolve`), so the checks and the docs can read the
specifications without a database.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Field:
    """One key of a record in the file, where it comes from and where it goes.

    `kind` says how the value is written and read: "id", "value", "date", "moment" (UTC to
    the second), "decimal", "money" (an object of amount and currency), "ref" (a file id),
    "refs" (a list of them), "words" (a list kept as text), "json", "rows" (a list of
    objects without ids) or "nested" (records kept inside this one, `spec`).
    """

    name: str
    kind: str
    attr: str = ""  # the model's attribute ("" = name; dotted for a related record's)
    # the service's keyword ("" = name; None: not given to it); for nested records, the
    # keyword that names their parent in their own service
    arg: str | None = ""
    default: Any = None  # what the import takes when the file leaves the field out
    target: str = ""  # ref, refs: the kind of record the ids name
    through: str = ""  # refs: the attribute of each related row that is the record named
    refs: tuple[tuple[str, str], ...] = ()  # rows: (key, kind) of the ids inside each row
    currency: str = ""  # money: the model's attribute holding the currency (dotted)
    currency_arg: str = "currency"  # money: the service's keyword for the currency
    sep: str = ", "  # words: how the model keeps the list as text
    one_to_one: bool = False  # ref: at most one record may name each record
    spec: "Spec | None" = None  # nested: the records kept inside
    # export: the value from the model's record, where no kind says it ("module:function"
    # names a function in export/ for what needs Django)
    write: Callable[[Any], Any] | str | None = None
    read: Callable[[Callable, Any], Any] | None = None  # import: (ref, value) -> argument

    @property
    def model_attr(self) -> str:
        return self.attr or self.name

    @property
    def service_arg(self) -> str | None:
        return self.name if self.arg == "" else self.arg


@dataclass(frozen=True)
class Spec:
    """A kind of record: an array of the file, or records kept inside another's."""

    name: str  # the array's (or nested kind's) name: DESIGN.md's words, snake_case plural
    singular: str  # as problems name one: "an organisation"
    fields: tuple[Field, ...]  # in the file's order, between "id" and "illustrative"
    model: str = ""  # "app.Model"
    scope: str = "programme"  # the lookup from a record to its programme
    related: str = ""  # nested: the parent's manager of these records
    order: Callable[[Any], Any] | None = None  # nested: sort key of a model record
    service: str = ""  # "app.services:function" that creates one (generic import)
    programme: bool = False  # the service is given programme=
    build: str = ""  # "module:function" in importer/ creating one instead of the service
    finish: str = ""  # "module:function" run on each record after what refers to it
    writer: str = ""  # "module:function" in export/ writing the array instead
    select: tuple[str, ...] = ()  # related records a custom `write` reads (one query)
    prefetch: tuple[str, ...] = ()  # related lists a custom `write` reads
    after: tuple[str, ...] = ()  # arrays its service consults without naming them
    makes: tuple[str, ...] = ()  # arrays some of whose records it creates
    batched: bool = False  # its service only creates: saved a batch at a time (core/bulk)
    # Names in a service's errors that no field says, and the file's field to blame instead.
    blame: dict[str, str] = field(default_factory=dict)
    all_fields: tuple[Field, ...] = field(init=False)

    def __post_init__(self):
        # Every kept record starts with its id and ends with `illustrative`.
        object.__setattr__(self, "all_fields", (ID, *self.fields, ILLUSTRATIVE))

    def field(self, name: str) -> Field:
        return next(f for f in self.all_fields if f.name == name)


ID = Field("id", "id", arg=None)
ILLUSTRATIVE = Field("illustrative", "value", arg=None, default=False)


# Shorthands, so each specification reads as a list of the file's keys.


def text(name: str, default: Any = "", **kw) -> Field:
    return Field(name, "value", default=default, **kw)


def value(name: str, default: Any = None, **kw) -> Field:
    return Field(name, "value", default=default, **kw)


def day(name: str, **kw) -> Field:
    return Field(name, "date", **kw)


def moment(name: str, **kw) -> Field:
    return Field(name, "moment", **kw)


def decimal(name: str, **kw) -> Field:
    return Field(name, "decimal", **kw)


def money(name: str, attr: str, currency: str, **kw) -> Field:
    return Field(name, "money", attr=attr, currency=currency, **kw)


def ref(name: str, target: str, **kw) -> Field:
    return Field(name, "ref", target=target, **kw)


def refs(name: str, target: str, **kw) -> Field:
    return Field(name, "refs", target=target, **kw)


def words(name: str, default: tuple = (), **kw) -> Field:
    return Field(name, "words", default=list(default), **kw)


def json(name: str, default: Any = None, **kw) -> Field:
    return Field(name, "json", default=default, **kw)


def rows(name: str, refs: tuple = (), **kw) -> Field:
    return Field(name, "rows", refs=refs, default=[], **kw)


def nested(name: str, spec: Spec, **kw) -> Field:
    return Field(name, "nested", spec=spec, default=[], **kw)


def by_uid(record) -> str:
    """Nested records in id order."""
    return str(record.uid)


def by_date(record) -> tuple:
    """An indicator's observations: by date, then id."""
    return (record.observed_on, str(record.uid))


# What an indicator's observation holds (outcomes' add `evidence_url`).
OBSERVED = (day("observed_on"), decimal("value"), text("quality"), text("evidence"))
