"""Outputs kept for pages (KeptOutput): built by a task once per change of the records
they are built from, read by pages instead of building them per request.

Freshness is a stamp: the newest history row of each model the output reads. Every change
to a domain record writes a history row (core/history.py; imports write theirs too), so the
stamp moves whenever the output may have changed, and reading it costs one index look-up
per model. The builder reads the stamp before building: a change made meanwhile leaves the
output stale, never wrong. A page that finds it stale queues one build (`kept_wanted`) and
shows the last one, with when it was built.
"""

import hashlib
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from .models import KeptOutput

# Outputs kept per programme besides those kept under fixed names: the newest asked for.
VARIANTS_KEPT = 20


def records_stamp(models: Iterable) -> str:
    """The newest history id of each model, in one query. It covers every programme (a
    change anywhere moves it): cheap and never stale, at the cost of a rebuild that was not
    needed now and then."""
    quote = connection.ops.quote_name
    tables = [quote(m.history.model._meta.db_table) for m in models]
    sql = "SELECT " + ", ".join(f"(SELECT MAX(history_id) FROM {t})" for t in tables)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        newest = ".".join(str(n or 0) for n in cursor.fetchone())
    # Hashed: a report reads every kind of record, and their ids written out overflow the
    # column (as PostgreSQL said, where the test database's ids run on between tests).
    return hashlib.sha256(newest.encode()).hexdigest()


def kept_get(programme, name: str) -> KeptOutput | None:
    return KeptOutput.objects.filter(programme=programme, name=name).first()


def is_fresh(kept: KeptOutput | None, stamp: str) -> bool:
    return kept is not None and kept.built_at is not None and kept.stamp == stamp


def kept_wanted(programme, name: str, stamp: str, task, **arguments) -> KeptOutput | None:
    """Queue `task(programme_id=…, **arguments)` unless the output is fresh or a build is
    queued for this stamp already (and not so long ago that its worker was lost); the kept
    output as it is now (built already where tasks run at once)."""
    kept = kept_get(programme, name)
    if is_fresh(kept, stamp):
        return kept
    lost = timezone.now() - timedelta(minutes=settings.JOB_STALE_MINUTES)
    if kept is not None and kept.wanted == stamp and kept.wanted_at and kept.wanted_at > lost:
        return kept
    KeptOutput.objects.update_or_create(
        programme=programme, name=name, defaults={"wanted": stamp, "wanted_at": timezone.now()}
    )
    task.enqueue(programme_id=programme.pk, **arguments)
    return kept_get(programme, name)


def kept_store(
    programme,
    name: str,
    *,
    stamp: str,
    data: dict,
    content: bytes | None = None,
    filename: str = "",
    prune: str = "",
) -> KeptOutput:
    """Keep what was built at `stamp` (and its file), replacing the one kept before.
    `prune`: a name prefix whose outputs beyond the newest VARIANTS_KEPT are dropped."""
    kept = kept_get(programme, name) or KeptOutput(programme=programme, name=name)
    old = kept.file.name
    if content is not None:
        kept.file.save(filename, ContentFile(content), save=False)
    kept.stamp, kept.built_at, kept.data = stamp, timezone.now(), data
    with transaction.atomic():
        kept.save()
    if old and old != kept.file.name:
        kept.file.storage.delete(old)
    if prune:
        _prune(programme, prune)
    return kept


def _prune(programme, prefix: str) -> None:
    variants = KeptOutput.objects.filter(programme=programme, name__startswith=prefix)
    for old in variants.order_by("-built_at", "-pk")[VARIANTS_KEPT:]:
        if old.file:
            old.file.storage.delete(old.file.name)
        old.delete()


def kept_drop_all() -> int:
    """Drop every kept output and its file (they are built again when next asked for): an
    erasure of a person's details must not leave them in a kept report or package."""
    dropped = 0
    for kept in KeptOutput.objects.all():
        if kept.file:
            kept.file.storage.delete(kept.file.name)
        kept.delete()
        dropped += 1
    return dropped


def kept_or_compute(programme, name: str, stamp: str, compute) -> dict:
    """What `compute()` returns (JSON), kept until the stamp moves: for a read that takes
    a second or two, done in the request that first finds it stale rather than queued."""
    kept = kept_get(programme, name)
    if is_fresh(kept, stamp):
        return kept.data
    data = compute()
    try:
        kept_store(programme, name, stamp=stamp, data=data)
    except IntegrityError:  # another request kept it first: theirs is as good
        pass
    return data
