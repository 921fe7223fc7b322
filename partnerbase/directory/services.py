from collections.abc import Iterable
from datetime import date

from django.db import transaction

from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_save
from partnerbase.core.services import same_programme

from . import orgid
from .models import (
    DEFAULT_SECTOR,
    Engagement,
    EngagementParticipant,
    Organisation,
    OrganisationIdentifier,
    Person,
)


@transaction.atomic
def organisation_create(
    *,
    actor,
    programme,
    name: str,
    kind: str,
    sector_group: str = "",
    identifiers: Iterable[str] = (),
    convenes_programme: bool = False,
    regions: str = "",
    employee_count: int | None = None,
    customer_count: int | None = None,
    national_reach: bool = False,
    responsible_business_notes: str = "",
    website: str = "",
    description: str = "",
    illustrative: bool = False,
    uid=None,
) -> Organisation:
    organisation = Organisation(
        programme=programme,
        name=name.strip(),
        kind=kind,
        sector_group=sector_group or DEFAULT_SECTOR.get(kind, ""),
        convenes_programme=convenes_programme,
        regions=regions,
        employee_count=employee_count,
        customer_count=customer_count,
        national_reach=national_reach,
        responsible_business_notes=responsible_business_notes,
        website=website,
        description=description,
        illustrative=illustrative,
    )
    record_save(organisation, uid=uid, actor=actor, reason="Organisation added")
    for value in identifiers:
        organisation_identifier_add(actor=actor, organisation=organisation, value=value)
    return organisation


@transaction.atomic
def convener_set(*, actor, organisation: Organisation, convenes: bool) -> Organisation:
    """Mark an organisation as one of the programme's convening organisations, or not.
    Conveners are left out of "organisations engaged" and of additional funding's funders."""
    organisation.convenes_programme = convenes
    reason = "Marked as convening" if convenes else "No longer convening"
    return record_save(organisation, actor=actor, reason=reason)


def organisation_identifier_add(*, actor, organisation: Organisation, value: str):
    try:
        parsed = orgid.parse(value)
    except orgid.InvalidOrgId as exc:
        raise DomainError(str(exc), field="identifiers") from exc
    identifier = OrganisationIdentifier(
        organisation=organisation, scheme=parsed.scheme, identifier=parsed.identifier
    )
    return record_save(identifier, actor=actor, reason="Identifier added")


@transaction.atomic
def person_create(
    *,
    actor,
    programme,
    name: str,
    organisation: Organisation | None = None,
    job_title: str = "",
    email: str = "",
    phone: str = "",
    illustrative: bool = False,
    uid=None,
) -> Person:
    same_programme(programme, organisation=organisation)
    person = Person(
        programme=programme,
        name=name.strip(),
        organisation=organisation,
        job_title=job_title,
        email=email,
        phone=phone,
        illustrative=illustrative,
    )
    return record_save(person, uid=uid, actor=actor, reason="Person added")


@transaction.atomic
def engagement_record(
    *,
    actor,
    programme,
    organisation: Organisation,
    kind: str,
    occurred_on: date,
    summary: str,
    notes: str = "",
    participants: Iterable[Person] = (),
    illustrative: bool = False,
    uid=None,
) -> Engagement:
    same_programme(programme, organisation=organisation)
    engagement = Engagement(
        programme=programme,
        organisation=organisation,
        kind=kind,
        occurred_on=occurred_on,
        summary=summary,
        notes=notes,
        illustrative=illustrative,
    )
    record_save(engagement, uid=uid, actor=actor, reason="Engagement recorded")
    for person in participants:
        same_programme(programme, participants=person)
        record_save(EngagementParticipant(engagement=engagement, person=person), actor=actor)
    return engagement
