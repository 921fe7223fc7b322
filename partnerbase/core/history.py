"""The one mechanism that saves a domain record with its history entry attributed."""

from django.db import models, transaction

from .bulk import bulk_saves_active
from .versions import OPENED, check_current


def record_save(obj: models.Model, *, actor, reason: str = "", uid=None) -> models.Model:
    """Validate and save `obj`; its history row names `actor` and `reason`.

    `uid`, when given, keeps a stable id from the demo or an imported file. A record an
    edit form opened (core.versions.opened_at) is saved only if nobody saved it since."""
    if getattr(obj, OPENED, None):
        with transaction.atomic():
            check_current(obj)
            return record_save(obj, actor=actor, reason=reason, uid=uid)
    if uid:
        obj.uid = uid
    saves = bulk_saves_active()
    if saves is not None:
        if saves.takes(obj):
            return _kept(obj, saves, actor=actor, reason=reason)
        saves.flush()  # a record saved now may refer to kept ones, and its checks query
    obj.full_clean()
    obj._history_user = actor if getattr(actor, "is_authenticated", False) else None
    if reason:
        obj._change_reason = reason
    obj.save()
    return obj


def _kept(obj: models.Model, saves, *, actor, reason: str) -> models.Model:
    """record_save inside core.bulk.bulk_saves: the same checks but the queries (foreign
    keys, uniqueness: the database enforces them), written at the next flush."""
    obj.full_clean(
        exclude=saves.unchecked(type(obj)), validate_unique=False, validate_constraints=False
    )
    obj._history_user = actor if getattr(actor, "is_authenticated", False) else None
    if reason:
        obj._change_reason = reason
    saves.keep(obj)
    return obj


def record_delete(obj: models.Model, *, actor, reason: str = "") -> None:
    obj._history_user = actor if getattr(actor, "is_authenticated", False) else None
    if reason:
        obj._change_reason = reason
    obj.delete()


def on_behalf_of(person: str, organisation) -> str:
    """Whom the team recorded something for: "Pat Jones of Barclays", or "Barclays"."""
    person = person.strip()
    return f"{person} of {organisation}" if person else str(organisation)


def recorded_reason(reason: str, *, actor, recorded_for: str) -> str:
    """The history reason of a change the team records for someone without an account
    (an answer sent by email): "Recorded by Tess Team for Pat Jones of Barclays: ballot cast"."""
    if not recorded_for:
        return reason
    return f"Recorded by {actor} for {recorded_for}: {reason[:1].lower()}{reason[1:]}"


def history_entries(obj: models.Model, limit: int = 50) -> list[dict]:
    """Each change to `obj`, newest first, with the fields that changed."""
    return history_rows_entries(obj.history.all(), limit)


def history_rows_entries(rows: models.QuerySet, limit: int = 50) -> list[dict]:
    """history_entries for history rows of one record, such as a deleted record's."""
    records = list(
        rows.select_related("history_user").order_by("-history_date", "-history_id")[:limit]
    )
    # A record may have no history rows (loaded in bulk, as the benchmarks' data is).
    return [
        history_entry(newer, older)
        for newer, older in zip(records, [*records[1:], None][: len(records)], strict=True)
    ]


def history_entry(newer, older=None) -> dict:
    """One change: when, who, what (created, changed, deleted), why, and the fields that
    changed since `older`, the record's row before it (None: the first)."""
    changes = []
    if older is not None:
        delta = newer.diff_against(older)
        changes = [{"field": c.field, "old": c.old, "new": c.new} for c in delta.changes]
    return {
        "when": newer.history_date,
        "who": newer.history_user,
        "action": ACTIONS[newer.history_type],
        "reason": newer.history_change_reason or "",
        "changes": changes,
        "row": newer,
    }


ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}
