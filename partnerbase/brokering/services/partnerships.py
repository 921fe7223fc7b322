from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.db import transaction

from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_save
from partnerbase.core.services import same_programme
from partnerbase.funding.services import money_to_minor

from ..models import Partnership, PartnershipPartner
from ..stages import CONFIRMED_STAGES, ENDED_STAGES, Stage, can_move

# The date each stage stamps when a partnership reaches it.
STAGE_DATES = {Stage.INTRODUCED: "introduced_on", Stage.CONFIRMED: "confirmed_on"}


@transaction.atomic
def partnership_create(
    *,
    actor,
    programme,
    name: str,
    kind: str,
    proposed_on: date,
    partners: Iterable,
    innovator=None,
    project=None,
    brokered_by=None,
    description: str = "",
    illustrative: bool = False,
    uid=None,
) -> Partnership:
    partners = list(partners)
    if not partners:
        raise DomainError(
            "A partnership needs at least one partner organisation.", field="partners"
        )
    if innovator is None and project is None:
        raise DomainError(
            "Say which innovator or project the partnership is with.", field="innovator"
        )
    same_programme(programme, innovator=innovator, project=project, brokered_by=brokered_by)
    partnership = Partnership(
        programme=programme,
        name=name,
        kind=kind,
        proposed_on=proposed_on,
        innovator=innovator,
        project=project,
        brokered_by=brokered_by,
        description=description,
        illustrative=illustrative,
    )
    record_save(partnership, uid=uid, actor=actor, reason="Partnership proposed")
    for organisation in partners:
        same_programme(programme, partners=organisation)
        if organisation.pk == getattr(innovator, "pk", None):
            raise DomainError("An innovator cannot partner with itself.", field="partners")
        record_save(
            PartnershipPartner(partnership=partnership, organisation=organisation), actor=actor
        )
    return partnership


@transaction.atomic
def partnership_move(
    *,
    actor,
    partnership: Partnership,
    stage: str,
    on: date,
    estimated_value: Decimal | None = None,
    currency: str | None = None,
) -> Partnership:
    """Move a partnership along its pipeline, stamping the date of the stage it reaches."""
    target = Stage(stage)
    if not can_move(partnership.stage, target):
        raise DomainError(
            f"A partnership cannot move from {Stage(partnership.stage).label.lower()} "
            f"to {target.label.lower()}.",
            field="stage",
        )
    previous = max(
        d
        for d in [partnership.proposed_on, partnership.introduced_on, partnership.confirmed_on]
        if d
    )
    if on < previous:
        raise DomainError(f"The date must be on or after {previous:%-d %B %Y}.", field="on")
    if target == Stage.CONFIRMED and partnership.introduced_on is None:
        partnership.introduced_on = on  # confirmed straight after an introduction meeting
    if target in STAGE_DATES:
        setattr(partnership, STAGE_DATES[target], on)
    if target in ENDED_STAGES:
        partnership.ended_on = on
    if estimated_value is not None:
        if target not in CONFIRMED_STAGES:
            raise DomainError(
                "Estimate a partnership's value when it is confirmed.", field="estimated_value"
            )
        partnership.estimated_value_currency = currency or partnership.programme.reference_currency
        partnership.estimated_value_minor = money_to_minor(
            estimated_value, partnership.estimated_value_currency, field="estimated_value"
        )
    partnership.stage = target.value
    return record_save(partnership, actor=actor, reason=f"Moved to {target.label.lower()}")
