"""Who may see and change projects and competitions; each tested for every role.

Projects: the team manages; champions, working-group members and accelerator managers
read them all; anyone acting for a coalition member (an innovator or partner contact, say)
reads that project. Competitions: the team manages, and so does a champion acting for the
sponsor; champions and accelerator managers read; a judge (assessor role) sees only the
entries assigned to them; an innovator sees their own organisation's entries.
"""

from django.db.models import Q, QuerySet

from partnerbase.accounts.models import Role
from partnerbase.accounts.permissions import (
    acting_for,
    can_manage_programme,
    is_administrator,
    programme_roles,
)

from .models import (
    CoalitionMember,
    CollaborativeProject,
    Competition,
    CompetitionEntry,
    CompetitionJudge,
)

PROJECT_READERS = {
    Role.TEAM,
    Role.CHAMPION,
    Role.WORKING_GROUP_MEMBER,
    Role.ACCELERATOR_MANAGER,
}
COMPETITION_READERS = {Role.TEAM, Role.CHAMPION, Role.ACCELERATOR_MANAGER}


# --- projects --------------------------------------------------------------------------


def reads_all_projects(user, programme) -> bool:
    return is_administrator(user) or bool(programme_roles(user, programme) & PROJECT_READERS)


def visible_projects(user, programme) -> QuerySet:
    """The one row rule for projects, used by the list and by can_view_project: readers
    see every project, anyone else those with a coalition member they act for."""
    projects = CollaborativeProject.objects.filter(programme=programme)
    if reads_all_projects(user, programme):
        return projects
    members = CoalitionMember.objects.filter(organisation_id__in=acting_for(user, programme))
    return projects.filter(pk__in=members.values("project_id"))


def can_view_project(user, project) -> bool:
    return visible_projects(user, project.programme).filter(pk=project.pk).exists()


def can_view_projects(user, programme) -> bool:
    """The project list: readers, and people acting for a member of some coalition."""
    return reads_all_projects(user, programme) or visible_projects(user, programme).exists()


def can_manage_projects(user, programme) -> bool:
    """Create projects, change their coalition, status, funding and observations."""
    return can_manage_programme(user, programme)


# --- competitions ----------------------------------------------------------------------


def reads_all_competitions(user, programme) -> bool:
    return is_administrator(user) or bool(programme_roles(user, programme) & COMPETITION_READERS)


def judge_of(user, competition) -> CompetitionJudge | None:
    """The user's judge record, while they hold the assessor role in the programme."""
    if not getattr(user, "is_authenticated", False):
        return None
    if Role.ASSESSOR not in programme_roles(user, competition.programme):
        return None
    return CompetitionJudge.objects.filter(competition=competition, user=user).first()


def entrant_organisations(user, competition) -> set[int]:
    """The organisations an innovator acts for that have entered the competition."""
    orgs = acting_for(user, competition.programme, roles=[Role.INNOVATOR])
    if not orgs:
        return set()
    return set(
        CompetitionEntry.objects.filter(
            competition=competition, organisation_id__in=orgs
        ).values_list("organisation_id", flat=True)
    )


def visible_competitions(user, programme) -> QuerySet:
    """The one row rule for competitions, used by the list and by can_view_competition:
    readers see every competition, a judge (while an assessor) those they judge, an
    innovator those their organisation entered."""
    competitions = Competition.objects.filter(programme=programme)
    if reads_all_competitions(user, programme):
        return competitions
    entered = CompetitionEntry.objects.filter(
        organisation_id__in=acting_for(user, programme, roles=[Role.INNOVATOR])
    )
    mine = Q(pk__in=entered.values("competition_id"))
    if getattr(user, "is_authenticated", False) and Role.ASSESSOR in programme_roles(
        user, programme
    ):
        judged = CompetitionJudge.objects.filter(user=user)
        mine |= Q(pk__in=judged.values("competition_id"))
    return competitions.filter(mine)


def can_view_competitions(user, programme) -> bool:
    """The competition list: readers, judges and innovators who have entered one."""
    return reads_all_competitions(user, programme) or visible_competitions(user, programme).exists()


def can_view_competition(user, competition) -> bool:
    rows = visible_competitions(user, competition.programme)
    return rows.filter(pk=competition.pk).exists()


def can_view_ranking(user, competition) -> bool:
    """Judges and entrants never see the ranking: it holds everyone's scores."""
    return reads_all_competitions(user, competition.programme)


def can_create_competition(user, programme) -> bool:
    return can_manage_programme(user, programme)


def can_manage_competition(user, competition) -> bool:
    """Stages, entries, judges and awards: the team, or a champion acting for the sponsor."""
    if can_manage_programme(user, competition.programme):
        return True
    return competition.sponsor_id in acting_for(user, competition.programme, roles=[Role.CHAMPION])


def can_score(user, assignment) -> bool:
    judge = judge_of(user, assignment.judge.competition)
    return judge is not None and judge.pk == assignment.judge_id
