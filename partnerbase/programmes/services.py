from datetime import date

from django.db import transaction

from partnerbase.core.history import record_save

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
