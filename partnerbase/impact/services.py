"""Writes for the programme's targets, one per headline figure."""

from datetime import date
from decimal import Decimal

from django.db import transaction

from partnerbase.core.history import record_save

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
