from collections.abc import Iterable
from datetime import date

from django.db import transaction

from partnerbase.core.history import record_save
from partnerbase.core.services import same_programme

from .models import CoalitionMember, CollaborativeProject, ProjectStatus


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
    coalition: Iterable[tuple] = (),
    illustrative: bool = False,
    uid=None,
) -> CollaborativeProject:
    """`coalition` holds (organisation, role) or (organisation, role, joined_on) tuples."""
    same_programme(programme, challenge_area=challenge_area)
    project = CollaborativeProject(
        programme=programme,
        name=name,
        status=status,
        launch_date=launch_date,
        region=region,
        challenge_area=challenge_area,
        description=description,
        illustrative=illustrative,
    )
    if uid:
        project.uid = uid
    record_save(project, actor=actor, reason="Project created")
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
) -> CoalitionMember:
    same_programme(project.programme, coalition=organisation)
    member = CoalitionMember(
        project=project, organisation=organisation, role=role, joined_on=joined_on
    )
    return record_save(member, actor=actor, reason="Joined coalition")
