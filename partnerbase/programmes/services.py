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
    department_contact: str = "",
    accessibility_statement: str = "",
    privacy_notice: str = "",
    phase_banner: str = "",
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
        department_contact=department_contact,
        accessibility_statement=accessibility_statement,
        privacy_notice=privacy_notice,
        phase_banner=phase_banner,
        illustrative=illustrative,
    )
    return record_save(programme, uid=uid, actor=actor, reason="Programme created")


# What the convening team may change after creation: the slug stays, it is in every address.
SETTINGS_FIELDS = (
    "name",
    "description",
    "starts_on",
    "ends_on",
    "reference_currency",
    "display_currencies",
    "report_date",
    "applicant_retention_months",
    "department_contact",
    "accessibility_statement",
    "privacy_notice",
    "phase_banner",
)


@transaction.atomic
def programme_update(*, actor, programme: Programme, **changes) -> Programme:
    """Change the programme's settings (SETTINGS_FIELDS); its history names what changed."""
    unknown = set(changes) - set(SETTINGS_FIELDS)
    if unknown:
        raise TypeError(f"Not a programme setting: {', '.join(sorted(unknown))}")
    for field, value in changes.items():
        setattr(programme, field, value)
    return record_save(programme, actor=actor, reason="Settings changed")


@transaction.atomic
def programme_publish(*, actor, programme: Programme, published: bool) -> Programme:
    """Publish the headline figures on the public page, or take them down."""
    programme.figures_published = published
    reason = "Public page published" if published else "Public page unpublished"
    return record_save(programme, actor=actor, reason=reason)
