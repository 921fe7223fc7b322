from collections.abc import Iterable
from datetime import date

from django.db import transaction

from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_delete, record_save
from partnerbase.core.references import referring_records, refusal
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


# What the organisation form changes; convening is set with the programme (convener_set).
ORGANISATION_FIELDS = (
    "name",
    "kind",
    "sector_group",
    "regions",
    "employee_count",
    "customer_count",
    "national_reach",
    "responsible_business_notes",
    "website",
    "description",
)
PERSON_FIELDS = ("name", "job_title", "email", "phone")


def _identifiers_set(*, actor, organisation: Organisation, values: Iterable[str]) -> None:
    """Keep exactly `values`: add the new ones, remove the ones no longer listed."""
    wanted = {}
    for value in values:
        try:
            parsed = orgid.parse(value)
        except orgid.InvalidOrgId as exc:
            raise DomainError(str(exc), field="identifiers") from exc
        wanted[str(parsed)] = parsed
    for identifier in organisation.identifiers.all():
        if str(identifier) not in wanted:
            record_delete(identifier, actor=actor, reason="Identifier removed")
        wanted.pop(str(identifier), None)
    for value in wanted:
        organisation_identifier_add(actor=actor, organisation=organisation, value=value)


@transaction.atomic
def organisation_update(
    *, actor, organisation: Organisation, identifiers: Iterable[str] | None = None, **changes
) -> Organisation:
    """Change the organisation's details; `identifiers`, when given, replaces its list.
    An empty sector group follows the kind."""
    for name, value in changes.items():
        if name not in ORGANISATION_FIELDS:
            raise TypeError(f"organisation_update() got an unexpected field {name!r}")
        setattr(organisation, name, value.strip() if name == "name" else value)
    if not organisation.sector_group:
        organisation.sector_group = DEFAULT_SECTOR.get(organisation.kind, "")
    if not organisation.name:
        raise DomainError("Enter the organisation's name", field="name")
    record_save(organisation, actor=actor, reason="Details changed")
    if identifiers is not None:
        _identifiers_set(actor=actor, organisation=organisation, values=identifiers)
    return organisation


@transaction.atomic
def organisation_delete(*, actor, organisation: Organisation) -> None:
    """Delete an organisation nothing refers to; otherwise say what does. Its identifiers
    are its own details and go with it."""
    refused = organisation_delete_refusal(organisation)
    if refused:
        raise DomainError(refused)
    for identifier in organisation.identifiers.all():
        record_delete(identifier, actor=actor, reason="Organisation deleted")
    record_delete(organisation, actor=actor, reason="Organisation deleted")


def organisation_dependents(organisation: Organisation) -> list:
    """Every kind of record that refers to the organisation, counted and named."""
    return referring_records(organisation, ignore=(OrganisationIdentifier,))


def organisation_delete_refusal(organisation: Organisation) -> str:
    """Why the organisation cannot be deleted ("Cannot delete: 2 funding awards (…) and 1
    partnership (…) refer to it."), or "" if it can."""
    return refusal("delete", organisation_dependents(organisation), relation="refer to", whom="it")


@transaction.atomic
def person_update(*, actor, person: Person, **changes) -> Person:
    for name, value in changes.items():
        if name not in PERSON_FIELDS:
            raise TypeError(f"person_update() got an unexpected field {name!r}")
        setattr(person, name, value.strip() if isinstance(value, str) else value)
    if not person.name:
        raise DomainError("Enter the person's name", field="name")
    return record_save(person, actor=actor, reason="Contact details changed")


def person_remove_refusal(person: Person) -> str:
    dependents = referring_records(person, ignore=(EngagementParticipant,))
    return refusal("remove", dependents, relation="refer to", whom="them")


@transaction.atomic
def person_remove(*, actor, person: Person) -> None:
    """Remove a person from the directory, with their places in engagements' lists of who
    took part; refused while a board seat, prospect, action or working group names them."""
    refused = person_remove_refusal(person)
    if refused:
        raise DomainError(refused)
    for participant in EngagementParticipant.objects.filter(person=person):
        record_delete(participant, actor=actor, reason="Person removed")
    record_delete(person, actor=actor, reason="Person removed")
