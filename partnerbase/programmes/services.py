from datetime import date
from decimal import Decimal

from django.db import transaction

from partnerbase.core.history import record_save
from partnerbase.impact.models import Target

from .models import Programme


@transaction.atomic
def programme_create(
    *,
    actor,
    name: str,
    slug: str,
    starts_on: date,
    ends_on: date | None = None,
    description: str = "",
    reference_currency: str = "GBP",
    display_currencies: str = "USD",
    report_date: date | None = None,
    figures_published: bool = False,
    illustrative: bool = False,
    uid=None,
) -> Programme:
    programme = Programme(
        name=name,
        slug=slug,
        starts_on=starts_on,
        ends_on=ends_on,
        description=description,
        reference_currency=reference_currency,
        display_currencies=display_currencies,
        report_date=report_date,
        figures_published=figures_published,
        illustrative=illustrative,
    )
    return record_save(programme, uid=uid, actor=actor, reason="Programme created")


@transaction.atomic
def target_set(
    *,
    actor,
    programme: Programme,
    figure: str,
    value: Decimal,
    set_on: date | None = None,
    notes: str = "",
    illustrative: bool = False,
    uid=None,
) -> Target:
    target = Target.objects.filter(programme=programme, figure=figure).first() or Target(
        programme=programme, figure=figure
    )
    target.value, target.set_on, target.notes = value, set_on, notes
    target.illustrative = illustrative
    return record_save(target, uid=uid, actor=actor, reason="Target set")
