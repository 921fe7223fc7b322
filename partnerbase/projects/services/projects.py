from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction

from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_save
from partnerbase.core.services import same_programme

from ..models import (
    LAUNCHED_STATUSES,
    CoalitionMember,
    CollaborativeProject,
    FundingDirection,
    ObservationQuality,
    ProjectFunding,
    ProjectIndicator,
    ProjectObservation,
    ProjectStatus,
)

S = ProjectStatus
# proposed → launched → active → completed; any of the first three can be cancelled.
NEXT_STATUSES = {
    S.PROPOSED: {S.LAUNCHED, S.CANCELLED},
    S.LAUNCHED: {S.ACTIVE, S.CANCELLED},
    S.ACTIVE: {S.COMPLETED, S.CANCELLED},
    S.COMPLETED: set(),
    S.CANCELLED: set(),
}


def _require_launch_date(status: str, launch_date: date | None) -> None:
    if status in LAUNCHED_STATUSES and launch_date is None:
        raise DomainError("Enter the date the project launched.", field="launch_date")


@transaction.atomic
def project_create(
    *,
    actor,
    programme,
    name: str,
    status: str = ProjectStatus.PROPOSED,
    launch_date: date | None = None,
    region: str = "",
    challenge_area=None,
    description: str = "",
    origin: str = "",
    coalition: Iterable[tuple] = (),
    published: bool = False,
    illustrative: bool = False,
    uid=None,
) -> CollaborativeProject:
    """`coalition` holds (organisation, role) or (organisation, role, joined_on) tuples."""
    # No launch-date check here: imported records keep what their source says (the figure
    # simply does not count a launched project without a date); status changes require it.
    same_programme(programme, challenge_area=challenge_area)
    project = CollaborativeProject(
        programme=programme,
        name=name,
        status=status,
        launch_date=launch_date,
        region=region,
        challenge_area=challenge_area,
        description=description,
        origin=origin,
        published=published,
        illustrative=illustrative,
    )
    record_save(project, uid=uid, actor=actor, reason="Project created")
    for organisation, role, *rest in coalition:
        coalition_member_add(
            actor=actor,
            project=project,
            organisation=organisation,
            role=role,
            joined_on=rest[0] if rest else None,
        )
    return project


@transaction.atomic
def coalition_member_add(
    *,
    actor,
    project: CollaborativeProject,
    organisation,
    role: str,
    joined_on: date | None = None,
    uid=None,
) -> CoalitionMember:
    same_programme(project.programme, organisation=organisation)
    if CoalitionMember.objects.filter(project=project, organisation=organisation, role=role):
        raise DomainError(f"{organisation} is already in the coalition in that role.", field="role")
    member = CoalitionMember(
        project=project, organisation=organisation, role=role, joined_on=joined_on
    )
    return record_save(member, uid=uid, actor=actor, reason="Joined coalition")


@transaction.atomic
def project_status_change(
    *,
    actor,
    project: CollaborativeProject,
    status: str,
    launch_date: date | None = None,
) -> CollaborativeProject:
    """Move along proposed → launched → active → completed, or cancel. Launching needs the
    launch date (kept if the project already has one)."""
    project = CollaborativeProject.objects.select_for_update().get(pk=project.pk)
    if status not in NEXT_STATUSES.get(project.status, set()):
        raise DomainError(
            f"A {project.get_status_display().lower()} project cannot become "
            f"{ProjectStatus(status).label.lower() if status in S.values else status!r}.",
            field="status",
        )
    launch_date = launch_date or project.launch_date
    _require_launch_date(status, launch_date)
    project.status, project.launch_date = status, launch_date
    return record_save(project, actor=actor, reason=f"Status changed to {status}")


@transaction.atomic
def project_funding_link(
    *, actor, project: CollaborativeProject, award, direction: str, illustrative=False, uid=None
) -> ProjectFunding:
    """Count a ledger award as the project's money: "in" goes to a coalition member,
    "out" comes from one."""
    same_programme(project.programme, award=award)
    if direction not in FundingDirection.values:
        raise DomainError(f"{direction!r} is not in or out.", field="direction")
    side = award.recipient_id if direction == FundingDirection.IN else award.funder_id
    if not project.coalition.filter(organisation_id=side).exists():
        who = "recipient" if direction == FundingDirection.IN else "funder"
        raise DomainError(
            f"The award's {who} is not in the project's coalition.", field="direction"
        )
    if ProjectFunding.objects.filter(project=project, award=award).exists():
        raise DomainError("That award is already linked to the project.", field="award")
    link = ProjectFunding(
        project=project, award=award, direction=direction, illustrative=illustrative
    )
    return record_save(link, uid=uid, actor=actor, reason="Funding linked to project")


@transaction.atomic
def project_indicator_add(
    *,
    actor,
    project: CollaborativeProject,
    name: str,
    unit: str,
    illustrative: bool = False,
    uid=None,
) -> ProjectIndicator:
    if ProjectIndicator.objects.filter(project=project, name=name).exists():
        raise DomainError("The project already has an indicator with that name.", field="name")
    indicator = ProjectIndicator(project=project, name=name, unit=unit, illustrative=illustrative)
    return record_save(indicator, uid=uid, actor=actor, reason="Indicator added")


@transaction.atomic
def project_observation_record(
    *,
    actor,
    indicator: ProjectIndicator,
    observed_on: date,
    value,
    quality: str,
    evidence: str = "",
    illustrative: bool = False,
    uid=None,
) -> ProjectObservation:
    try:
        value = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise DomainError(f"{value!r} is not a number.", field="value") from None
    if quality not in ObservationQuality.values:
        raise DomainError("Say whether the value is an estimate or verified.", field="quality")
    if quality == ObservationQuality.VERIFIED and not evidence.strip():
        raise DomainError("Give the evidence that verifies the value.", field="evidence")
    observation = ProjectObservation(
        indicator=indicator,
        observed_on=observed_on,
        value=value,
        quality=quality,
        evidence=evidence,
        illustrative=illustrative,
    )
    return record_save(observation, uid=uid, actor=actor, reason="Observation recorded")


@transaction.atomic
def project_publish(*, actor, project: CollaborativeProject, published: bool):
    """Show the project on the programme's public page, or take it off."""
    project.published = published
    reason = "Published on the public page" if published else "Taken off the public page"
    return record_save(project, actor=actor, reason=reason)
