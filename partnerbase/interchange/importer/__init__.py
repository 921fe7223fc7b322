"""Read an interchange document into a new programme, all or nothing, through the services.

The same service functions that forms and the demo use create every record, with the file's
ids as `uid`, so imported data obeys the same rules and leaves the same history. Where a
record's stored state can only be reached by re-running things (a brokering round's results,
an introduction's answers), it is restored as the file has it (restore.py).
"""

import gc
import time
from collections.abc import Callable
from contextlib import contextmanager, nullcontext
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from partnerbase.core.bulk import BulkSaves, bulk_saves
from partnerbase.core.errors import DomainError
from partnerbase.notifications.services import notifications_off
from partnerbase.programmes.models import Programme

from .. import hooks
from ..checks import ImportFailed, Problem, document_problems
from ..reading import StreamedArray
from ..references import referenced_ids
from ..restore import service_problems
from ..spec import BATCHED, PROGRAMME, by_name, import_steps
from .base import Skipped
from .generic import create


class _Importer:
    """What every step shares: the file, the actor, the records made so far by file id."""

    def __init__(self, *, data: dict, slug: str | None, actor, bulk: bool = True, progress=None):
        self.data, self.slug, self.actor = data, slug, actor
        self.made: dict[str, Any] = {}  # file id -> created record; ids are unique per file
        self.pending: dict[str, Any] = {}  # nested records made by the record being built
        self.problems: list[Problem] = []
        self.cache: dict[str, Any] = {}  # what a hook works out once per file
        # Of the batched arrays, only records another refers to are kept in memory (a
        # million awards are not); every record of the others is.
        self.wanted = referenced_ids(data) | _values(data, exclude=BATCHED)
        self.bulk = BulkSaves() if bulk else None
        self.progress = progress

    def common(self, r: dict) -> dict:
        return {"actor": self.actor, "uid": r["id"], "illustrative": r.get("illustrative", False)}

    def ref(self, value: str | None):
        if value is None:
            return None
        if value not in self.made:
            raise Skipped
        return self.made[value]

    def run(self) -> Programme | None:
        programme = hooks.hook("importer", PROGRAMME.build)
        self.programme = self.step(
            "programme", None, self.data["programme"], lambda r: programme(self, r)
        )
        if self.programme is None:
            return None  # nothing else can be created without it
        self.started, self.done = time.monotonic(), 0
        for array, build in self.steps():
            records = self.data.get(array, [])
            batched = self.bulk is not None and array in BATCHED
            with bulk_saves(self.bulk) if batched else nullcontext():
                for n, record in enumerate(records):
                    if batched:
                        made = self.batched_step(array, n, record, build)
                    else:
                        made = self.step(array, n, record, build)
                    if made is not None and (not batched or record["id"] in self.wanted):
                        self.made[record["id"]] = made
                    if n % 10000 == 9999:
                        self.tell(array, n + 1, len(records))
            self.done += len(records)
            if records:
                self.tell(array, len(records), len(records))
        return self.programme

    def tell(self, array: str, n: int, total: int) -> None:
        if self.progress:
            done = self.done + (n if n < total else 0)
            self.progress(array, n, total, done, time.monotonic() - self.started)

    def step(self, array: str, index: int | None, record: dict, build: Callable):
        self.pending = {}
        try:
            with transaction.atomic():  # a failed record leaves no half behind
                made = build(record)
        except Skipped:
            return None
        except (DomainError, ValidationError) as exc:
            self.problems += service_problems(array, index, record, exc)
            return None
        self.made.update(self.pending)
        return made

    def batched_step(self, array: str, index: int, record: dict, build: Callable):
        """step() for arrays whose services only create records: they are kept for one
        INSERT per batch (core/bulk.py); a failed record's are dropped, not rolled back."""
        self.pending = {}
        mark = self.bulk.mark()
        try:
            with _no_savepoints():
                made = build(record)
        except Skipped:
            self.bulk.drop_since(mark)
            connection.needs_rollback = False
            return None
        except (DomainError, ValidationError) as exc:
            self.bulk.drop_since(mark)
            connection.needs_rollback = False  # see _no_savepoints
            self.problems += service_problems(array, index, record, exc)
            return None
        self.made.update({k: v for k, v in self.pending.items() if k in self.wanted})
        if self.bulk.due():
            self.bulk.flush()
        return made

    def steps(self) -> list[tuple[str, Callable]]:
        """Import order (spec.import_steps): each array after the arrays it refers to;
        what an array's records need once those referring to them are in, after them."""
        return [(array, self.builder(array, when)) for array, when in import_steps()]

    def builder(self, array: str, when: str) -> Callable:
        spec = by_name(array)
        if when == "finish":
            finish = hooks.hook("importer", spec.finish)
            return lambda r: finish(self, r)
        if spec.build:
            build = hooks.hook("importer", spec.build)
            return lambda r: build(self, r)
        return lambda r: create(self, spec, r)


def _values(data: dict, *, exclude: frozenset) -> set:
    """Every text a record's field holds, or its list's (ids among them), outside `exclude`;
    the small arrays' references, without relying on a list of them."""
    found = set()
    for array, records in data.items():
        if array in exclude or not isinstance(records, (list, StreamedArray)):
            continue
        for record in records:
            for value in record.values():
                if isinstance(value, str):
                    found.add(value)
                elif isinstance(value, list):
                    found.update(v for v in value if isinstance(v, str))
                    for item in value:
                        if isinstance(item, dict):
                            found.update(v for v in item.values() if isinstance(v, str))
    return found


@contextmanager
def _no_savepoints():
    """The services' atomic blocks without their SAVEPOINT and RELEASE (two statements a
    record, a sixth of the import). In a batch the services write nothing until the
    flush, so a record that fails has nothing to roll back but what it kept (dropped by
    batched_step); Django marks the transaction for rollback instead, and batched_step
    clears the mark for a refusal it reports. Whatever else was written goes with the
    import's own transaction, which any problem rolls back whole."""
    features = connection.features
    features.uses_savepoints = False  # on this connection's features only
    try:
        yield
    finally:
        del features.uses_savepoints  # the class's value again


@contextmanager
def _bulk_load():
    """No garbage collection while a million objects are made (nothing here is cyclic
    garbage; the collector's passes over them cost more than the import), and a larger
    SQLite page cache for the duration."""
    gc_was_enabled = gc.isenabled()
    gc.disable()
    sqlite = connection.vendor == "sqlite"
    if sqlite:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size")
            cache_size = cursor.fetchone()[0]
            cursor.execute("PRAGMA cache_size = -200000")  # 200 MB
    try:
        yield
    finally:
        if sqlite:
            with connection.cursor() as cursor:
                cursor.execute(f"PRAGMA cache_size = {int(cache_size)}")
        if gc_was_enabled:
            gc.enable()


def programme_import(
    *, data: Any, slug: str | None = None, actor=None, progress: Callable | None = None
) -> Programme:
    """Create the document's programme and every record in it, or nothing at all.

    Raises ImportFailed with every problem found: first the file's shape and references,
    then whatever the services refuse. `progress(array, n, total, records, seconds)` is told
    how far the import has gone: n of the array's total, and records of every array so far.
    """
    problems = document_problems(data)
    if problems:
        raise ImportFailed(problems)
    with _bulk_load():
        try:
            return _import(data=data, slug=slug, actor=actor, bulk=True, progress=progress)
        except IntegrityError:
            # A batch broke a rule the database keeps (one uid, one place per cohort…):
            # import again one record at a time, so the problem is named at its record.
            return _import(data=data, slug=slug, actor=actor, bulk=False, progress=progress)


def _import(*, data, slug, actor, bulk: bool, progress) -> Programme:
    # Imported records are history, not news: nobody is notified of them (and notifications
    # are per person, not programme data: the file holds none).
    with transaction.atomic(), notifications_off():
        importer = _Importer(data=data, slug=slug, actor=actor, bulk=bulk, progress=progress)
        programme = importer.run()
        if importer.problems:
            raise ImportFailed(importer.problems)  # inside the atomic block: rolls it all back
    return programme
