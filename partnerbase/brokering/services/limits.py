"""Each innovator's limits in a round: how many introductions it may get at most, and the
fewest the engine should try to give it, where the team sets them apart from the round's."""

from django.db import transaction

from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_delete, record_save
from partnerbase.core.services import same_programme

from ..models import BrokeringRound, RoundInnovatorSetting, RoundStatus

# Limits are for the next run: they change only before proposals are reviewed or sent.
LIMITS_OPEN = (RoundStatus.DRAFT, RoundStatus.RUN)


def check_limits_open(round: BrokeringRound) -> None:
    if round.status not in LIMITS_OPEN:
        raise DomainError(
            f"The round is {round.get_status_display().lower()}: its innovators’ limits "
            "cannot change."
        )


def _check(innovator, capacity: int, min_introductions: int) -> None:
    if capacity is None or capacity < 0:
        raise DomainError(f"{innovator}: the most must be 0 or more.", field="capacity")
    if min_introductions is None or min_introductions < 0:
        raise DomainError(f"{innovator}: the fewest must be 0 or more.", field="min_introductions")
    if min_introductions > capacity:
        raise DomainError(
            f"{innovator}: the fewest ({min_introductions}) cannot be more than the most "
            f"({capacity}).",
            field="min_introductions",
        )


@transaction.atomic
def round_innovator_setting_set(
    *,
    actor,
    round: BrokeringRound,
    innovator,
    capacity: int,
    min_introductions: int,
    illustrative: bool = False,
    uid=None,
) -> RoundInnovatorSetting:
    """Give `innovator` its own limits in the round (creating or changing its setting)."""
    check_limits_open(round)
    same_programme(round.programme, innovator=innovator)
    _check(innovator, capacity, min_introductions)
    setting = RoundInnovatorSetting.objects.filter(round=round, innovator=innovator).first()
    if setting is None:
        setting = RoundInnovatorSetting(round=round, innovator=innovator, illustrative=illustrative)
        if uid:
            setting.uid = uid
    setting.capacity, setting.min_introductions = capacity, min_introductions
    reason = "Limits set" if setting.pk is None else "Limits changed"
    return record_save(setting, actor=actor, reason=reason)


@transaction.atomic
def round_innovator_limits_update(
    *, actor, round: BrokeringRound, limits: dict
) -> list[RoundInnovatorSetting]:
    """Set many innovators' limits at once, all or nothing: `limits` maps each innovator to
    (capacity, minimum). An innovator given the round's own defaults loses its setting.
    Returns the settings created or changed."""
    check_limits_open(round)
    defaults = (round.innovator_capacity, round.min_introductions)
    existing = {s.innovator_id: s for s in round.innovator_settings.all()}
    changed = []
    for innovator, (capacity, minimum) in limits.items():
        setting = existing.get(innovator.pk)
        if (capacity, minimum) == defaults:
            if setting is not None:
                record_delete(setting, actor=actor, reason="Back to the round’s limits")
            continue
        if setting is not None and (setting.capacity, setting.min_introductions) == (
            capacity,
            minimum,
        ):
            continue
        changed.append(
            round_innovator_setting_set(
                actor=actor,
                round=round,
                innovator=innovator,
                capacity=capacity,
                min_introductions=minimum,
            )
        )
    return changed
