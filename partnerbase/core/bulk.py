"""Saving many new records at once, each with the history row record_save would write.

Inside `bulk_saves()`, `core.history.record_save` of a new record checks its fields as
usual but keeps the record for a batched INSERT, and its history row (same user, reason,
type and values) for another; `flush()` writes both. Used by the importer, where a million
records one INSERT (and one history INSERT, and a query per foreign key) at a time took
hours. Primary keys are given out when a record is kept, so later records can refer to it
before it is written; foreign-key constraints are checked by the database at commit.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial

from django.db import connection, models
from django.utils import timezone
from simple_history.utils import get_change_reason_from_object

_active: ContextVar["BulkSaves | None"] = ContextVar("bulk_saves", default=None)


class BulkSaves:
    """New records and their history rows waiting for their INSERTs, in save order."""

    def __init__(self, *, flush_every: int = 5000):
        self.flush_every = flush_every
        self.records: dict[type, list] = {}
        self.history: dict[type, list] = {}
        self.kept: set[int] = set()  # id() of records waiting to be written
        self.count = 0
        self.written = 0
        self._pks: dict[type, Iterator[int]] = {}
        self._unchecked: dict[type, list[str]] = {}
        self._history_models: dict[type, type | None] = {}

    def unchecked(self, model: type) -> list[str]:
        """Foreign keys: Django's check is a query per key; the database checks them all
        at commit, and the records passed in exist or are kept here."""
        if model not in self._unchecked:
            self._unchecked[model] = [f.name for f in model._meta.concrete_fields if f.is_relation]
        return self._unchecked[model]

    def takes(self, obj: models.Model) -> bool:
        return obj.pk is None or id(obj) in self.kept

    def keep(self, obj: models.Model) -> None:
        """Keep a checked record for the next flush, with its history row as of now."""
        model = type(obj)
        adding = id(obj) not in self.kept
        if adding:
            obj.pk = self._next_pk(model)
            self.kept.add(id(obj))
            self.records.setdefault(model, []).append(obj)
            self.count += 1
        obj._prepare_related_fields_for_save(operation_name="save")
        for field in model._meta.concrete_fields:
            if getattr(field, "auto_now", False) or (
                adding and getattr(field, "auto_now_add", False)
            ):
                field.pre_save(obj, add=True)  # sets the timestamp the INSERT writes
        history_model = self._history_model(model)
        if history_model is not None:
            self._history_row(obj, history_model, "+" if adding else "~")

    def _history_model(self, model: type):
        # `model.history` builds a manager class each time it is read: once per model.
        if model not in self._history_models:
            history = getattr(model, "history", None)
            self._history_models[model] = history.model if history is not None else None
        return self._history_models[model]

    def _history_row(self, obj, history_model, history_type: str) -> None:
        """The row simple_history would write, as the values of its INSERT (a history
        model instance per record cost more than the record itself)."""
        user = getattr(obj, "_history_user", None)
        values = {
            "history_date": getattr(obj, "_history_date", None) or timezone.now(),
            "history_type": history_type,
            "history_user_id": user.pk if user is not None else None,
            "history_change_reason": get_change_reason_from_object(obj),
        }
        row = tuple(
            prep(values[attname] if attname in values else getattr(obj, attname))
            for attname, prep in _columns(history_model)[1]
        )
        self.history.setdefault(history_model, []).append(row)

    def _next_pk(self, model: type) -> int:
        pks = self._pks.get(model)
        if pks is None:
            pks = self._pks[model] = _free_pks(model)
        return next(pks)

    def mark(self) -> tuple:
        """Where the kept records stand, to drop what one failed record kept."""
        return (
            {model: len(objs) for model, objs in self.records.items()},
            {model: len(rows) for model, rows in self.history.items()},
        )

    def drop_since(self, mark: tuple) -> None:
        records, history = mark
        for model, objs in self.records.items():
            for obj in objs[records.get(model, 0) :]:
                self.kept.discard(id(obj))
                self.count -= 1
            del objs[records.get(model, 0) :]
        for model, rows in self.history.items():
            del rows[history.get(model, 0) :]

    def due(self) -> bool:
        return self.count >= self.flush_every

    def flush(self) -> None:
        """Write every kept record, then their history rows: one executemany per table
        of values already made ready for the database (bulk_create's own preparation of
        each object cost as much as the rest of the import)."""
        for model, objs in self.records.items():
            sql, columns = _columns(model)
            _insert(
                sql, [tuple(prep(getattr(obj, name)) for name, prep in columns) for obj in objs]
            )
            for obj in objs:
                obj._state.adding = False
                obj._state.db = connection.alias
        for history_model, rows in self.history.items():
            _insert(_columns(history_model)[0], rows)
        self.written += self.count
        self.records, self.history, self.kept, self.count = {}, {}, set(), 0
        # Saves outside the batch take the next ids themselves: ask again after them.
        self._pks = {}


_COLUMNS: dict[tuple[str, type], tuple[str, list]] = {}


def _columns(model: type) -> tuple[str, list[tuple[str, Callable]]]:
    """The INSERT of a model's rows and, per column, (attribute, value -> database value);
    a history model's own key is left to the database."""
    key = (connection.vendor, model)
    if key not in _COLUMNS:
        fields = [
            f
            for f in model._meta.concrete_fields
            if not (f.primary_key and f.attname == "history_id")
        ]
        names = ", ".join(connection.ops.quote_name(f.column) for f in fields)
        marks = ", ".join(["%s"] * len(fields))
        table = connection.ops.quote_name(model._meta.db_table)
        columns = [(f.attname, _preparer(f)) for f in fields]
        _COLUMNS[key] = (f"INSERT INTO {table} ({names}) VALUES ({marks})", columns)
    return _COLUMNS[key]


# Columns that take a value of these types as it is (text, whole numbers, true or false).
_TEXT, _WHOLE = frozenset({str, type(None)}), frozenset({int, type(None)})
_AS_THEY_ARE = {
    "CharField": _TEXT,
    "TextField": _TEXT,
    "BooleanField": frozenset({bool, type(None)}),
    **dict.fromkeys(
        [
            "IntegerField",
            "BigIntegerField",
            "SmallIntegerField",
            "PositiveIntegerField",
            "PositiveBigIntegerField",
            "PositiveSmallIntegerField",
            "AutoField",
            "BigAutoField",
        ],
        _WHOLE,
    ),
}


def _preparer(field) -> Callable:
    """value -> database value: Django's get_db_prep_save, but a value the column takes
    as it is passes straight through (most of a row's values: the fields' own preparation
    of them was a third of the import's time)."""
    target = field.target_field if field.is_relation else field
    plain = _AS_THEY_ARE.get(target.get_internal_type())
    if plain is None:
        return partial(_prep, field)
    return lambda value: value if type(value) in plain else _prep(field, value)


def _prep(field, value):
    return field.get_db_prep_save(value, connection)


def _insert(sql: str, rows: list[tuple]) -> None:
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _free_pks(model: type) -> Iterator[int]:
    """Primary keys nobody has used, from the table's own sequence."""
    table, column = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            while True:
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, 1000)",
                    [table, column],
                )
                yield from (row[0] for row in cursor.fetchall())
        cursor.execute(f'SELECT MAX("{column}") FROM "{table}"')
        top = cursor.fetchone()[0] or 0
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
        row = cursor.fetchone()
    top = max(top, row[0] if row else 0)
    while True:
        top += 1
        yield top


def bulk_saves_active() -> BulkSaves | None:
    return _active.get()


@contextmanager
def bulk_saves(saves: BulkSaves):
    """record_save keeps new records in `saves` until flushed; what is kept when the block
    ends is written then."""
    token = _active.set(saves)
    try:
        yield saves
        saves.flush()
    finally:
        _active.reset(token)
