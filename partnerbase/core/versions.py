"""Stale saves refused: an edit form carries the version of the record it was opened on,
and `core.history.record_save` refuses to save over a newer one.

The version is the record's `updated_at` (every save through record_save moves it). The
check runs in the saving transaction with the row locked, so two saves of one version
cannot both pass it; who changed the record, and when, comes from its latest history row.
"""

from django.db import models
from django.utils import timezone
from django.utils.formats import date_format

from .errors import DomainError

# The form field (hidden) that carries the version, and the attribute record_save reads.
VERSION_FIELD = "version"
OPENED = "_opened_version"


def version_of(record: models.Model) -> str:
    updated = getattr(record, "updated_at", None)
    return updated.isoformat() if updated else ""


class StaleRecord(DomainError):
    """The record changed after the user opened it; `current` is it as saved now. A form of
    several records gives their version now too (`version`), and its view sets `current` to
    the saved values by the form's field names."""

    def __init__(self, message: str, *, current=None, version: str = ""):
        super().__init__(message)
        self.current = current
        self.version = version


def opened_at(record: models.Model, version: str | None) -> None:
    """Mark `record` as opened at `version`: its next record_save refuses a newer row.
    A blank version (a client that sent none) checks nothing."""
    setattr(record, OPENED, version or None)


def check_current(record: models.Model) -> None:
    """Raise StaleRecord if `record` was opened at a version older than the saved row's.
    Called by record_save inside its transaction; the check is done once per opening."""
    opened = getattr(record, OPENED, None)
    if not opened or record.pk is None:
        return
    setattr(record, OPENED, None)
    current = type(record)._default_manager.select_for_update().filter(pk=record.pk).first()
    if current is None or version_of(current) == opened:
        return
    raise StaleRecord(stale_message(current), current=current)


def stale_message(current: models.Model) -> str:
    """ "Alex Smith changed this at 10:42 on 7 December 2026 after you opened it." """
    latest = None
    history = getattr(current, "history", None)
    if history is not None:
        latest = history.select_related("history_user").order_by("-history_date").first()
    return _changed(latest, "this", current.updated_at)


def _changed(latest, what: str, fallback) -> str:
    who = str(latest.history_user) if latest and latest.history_user else "Someone"
    when = timezone.localtime(latest.history_date if latest else fallback)
    day = date_format(when, "j F Y")
    return (
        f"{who} changed {what} at {when:%H:%M} on {day} after you opened it. "
        "Their version is below beside yours: save again to replace it with yours."
    )


# --- several records in one form ------------------------------------------------------------


def version_of_rows(rows) -> str:
    """The version of the records one form edits together (the targets, a prospect's scores,
    the criteria's weights): the latest updated_at among them and how many there are, so a
    change, an addition or a removal by someone else moves it."""
    rows = list(rows)
    latest = max((row.updated_at for row in rows), default=None)
    return f"{latest.isoformat() if latest else ''}/{len(rows)}"


def check_rows_current(model, filters: dict, opened: str | None, *, what: str, actor=None) -> None:
    """Raise StaleRecord if the `model` rows that `filters` select are no longer at the
    version the form `opened` (a blank version checks nothing). Call it inside the saving
    transaction: it locks the rows, so two saves of one version cannot both pass it. Who
    changed them, and when, comes from the newest history row among them, a removed row's
    included. The `actor`'s own newer change is no conflict: a form that saves as it is
    changed (the weights re-rank on each change) sends its next save before the page holds
    the version its last one made."""
    if not opened:
        return
    rows = model._default_manager.select_for_update().filter(**filters)
    version = version_of_rows(rows)
    if version == opened:
        return
    latest = (
        model.history.filter(**filters)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")
        .first()
    )
    if actor is not None and latest is not None and latest.history_user_id == actor.pk:
        return
    raise StaleRecord(_changed(latest, what, timezone.now()), version=version)
