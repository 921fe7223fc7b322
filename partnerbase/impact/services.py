"""Writes for the programme's targets, one per headline figure."""

from datetime import date
from decimal import Decimal

from django.db import transaction

from partnerbase.core.history import record_save
from partnerbase.core.versions import check_rows_current, version_of_rows

from .models import Target


@transaction.atomic
def target_set(
    *,
    actor,
    programme,
    figure: str,
    value: Decimal,
    set_on: date | None = None,
    notes: str = "",
    illustrative: bool = False,
    uid=None,
) -> Target:
    """Set the programme's target for `figure`, replacing the one it had."""
    target = Target.objects.filter(programme=programme, figure=figure).first() or Target(
        programme=programme, figure=figure
    )
    target.value, target.set_on, target.notes = value, set_on, notes
    target.illustrative = illustrative
    return record_save(target, uid=uid, actor=actor, reason="Target set")


def targets_version(*, programme) -> str:
    """The version of the programme's targets, as the targets form carries it."""
    return version_of_rows(Target.objects.filter(programme=programme))


@transaction.atomic
def targets_set(*, actor, programme, values: dict[str, Decimal | None], version: str = "") -> None:
    """Set the targets the team gave (a figure without a value keeps its target), all at once;
    refused (core.versions.StaleRecord) if someone changed the targets since the form that
    carries `version` was opened."""
    check_rows_current(Target, {"programme": programme}, version, what="the targets", actor=actor)
    current = dict(Target.objects.filter(programme=programme).values_list("figure", "value"))
    for figure, value in values.items():
        if value is not None and value != current.get(figure):
            target_set(actor=actor, programme=programme, figure=figure, value=value)
