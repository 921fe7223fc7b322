"""Reads for assessment, restricted to what the user may see."""

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from partnerbase.accounts.models import Membership, Role, User
from partnerbase.brokering.models import Partnership
from partnerbase.calls.models import Application, ApplicationStatus
from partnerbase.projects.models import CoalitionMember
from partnerbase.rubrics.models import Criterion

from . import scoring
from .conflicts import link_index
from .models import Assignment, ModerationNote, Rubric, Score
from .permissions import can_assess, can_manage_assessment, visible_assignments


def rubric_of(call) -> Rubric | None:
    return Rubric.objects.filter(call=call).first()


def criteria_of(call) -> list[Criterion]:
    return list(Criterion.objects.filter(rubric__call=call))


def submitted_applications(call):
    return (
        Application.objects.filter(call=call, status=ApplicationStatus.SUBMITTED)
        .select_related("organisation", "challenge_area")
        .order_by("organisation__name", "id")
    )


def assessors_of(programme):
    """Users holding the assessor role in the programme, by name."""
    return (
        User.objects.filter(memberships__programme=programme, memberships__role=Role.ASSESSOR)
        .distinct()
        .order_by("full_name", "email")
    )


def assessor_organisations(programme, users) -> dict[int, dict[int, str]]:
    """{user id: {organisation id: name}} from every membership each user has here."""
    result: dict[int, dict[int, str]] = {u.pk: {} for u in users}
    rows = Membership.objects.filter(
        programme=programme, user__in=[u.pk for u in users], organisation__isnull=False
    ).values_list("user_id", "organisation_id", "organisation__name")
    for user_id, org_id, name in rows:
        result[user_id][org_id] = name
    return result


def programme_links(programme) -> dict[frozenset, str]:
    """Pairs of linked organisations (assessment/conflicts.py): the parties to each
    partnership, and the members of each project coalition."""
    groups = []
    partnerships = Partnership.objects.filter(programme=programme).prefetch_related("partners")
    for p in partnerships:
        parties = [x.organisation_id for x in p.partners.all()]
        if p.innovator_id:
            parties.append(p.innovator_id)
        groups.append((f"both in the partnership “{p.name}”", parties))
    coalitions: dict[int, tuple[str, list[int]]] = {}
    members = CoalitionMember.objects.filter(project__programme=programme).values_list(
        "project_id", "project__name", "organisation_id"
    )
    for project_id, name, org_id in members:
        coalitions.setdefault(project_id, (name, []))[1].append(org_id)
    for name, orgs in coalitions.values():
        groups.append((f"both in the coalition of “{name}”", orgs))
    return link_index(groups)


def assignments_of_call(call):
    return Assignment.objects.filter(application__call=call).select_related(
        "assessor", "application__organisation"
    )


def my_assignments(*, user, programme):
    """The user's own assignments in the programme, newest call first."""
    return (
        Assignment.objects.filter(assessor=user, application__call__programme=programme)
        .select_related("application__organisation", "application__call")
        .order_by("-application__call__opens_at", "application__organisation__name")
    )


def assignment_get(*, programme, uid) -> Assignment:
    return get_object_or_404(
        Assignment.objects.select_related(
            "assessor",
            "application__organisation",
            "application__call",
            "application__challenge_area",
        ),
        uid=uid,
        application__call__programme=programme,
    )


def scores_by_assignment(assignments) -> dict[int, list[Score]]:
    result: dict[int, list[Score]] = {a.pk: [] for a in assignments}
    for s in Score.objects.filter(assignment__in=list(assignments)).select_related("criterion"):
        result[s.assignment_id].append(s)
    return result


def ranking(call, *, normalised: bool) -> tuple[list, dict]:
    """(rows of scoring.rank over the call's submitted applications, {application id:
    application}); only submitted score sheets count."""
    rubric = rubric_of(call)
    criteria = criteria_of(call)
    applications = list(
        submitted_applications(call).prefetch_related(
            Prefetch("assessments", queryset=Assignment.objects.select_related("assessor"))
        )
    )
    sheets: dict[tuple, dict] = {}
    submitted = Score.objects.filter(
        assignment__application__call=call, assignment__submitted_at__isnull=False
    ).values_list("assignment__assessor_id", "assignment__application_id", "criterion_id", "score")
    for assessor_id, application_id, criterion_id, value in submitted:
        sheets.setdefault((assessor_id, application_id), {})[criterion_id] = value
    rows = scoring.rank(
        [scoring.Criterion(c.pk, c.weight, c.min_score, c.max_score) for c in criteria],
        [scoring.Sheet(r, a, s) for (r, a), s in sheets.items()],
        [a.pk for a in applications],
        normalised=normalised,
        threshold=rubric.disagreement_threshold if rubric else None,
    )
    return rows, {a.pk: a for a in applications}


def assignment_list(*, user, programme) -> QuerySet:
    """Every assignment for managers (the assignments pages); an assessor's own (mine)."""
    return visible_assignments(user, programme).order_by("application_id", "id")


def score_list(*, user, programme) -> QuerySet:
    """The scores the score page shows: every one to managers; to an assessor their own,
    and the others' on an application once they have submitted their own
    (can_see_all_scores)."""
    scores = Score.objects.filter(assignment__application__call__programme=programme)
    if can_manage_assessment(user, programme):
        return scores.order_by("assignment_id", "criterion_id")
    if not can_assess(user, programme):
        return scores.none()
    own = Assignment.objects.filter(assessor=user, application__call__programme=programme)
    submitted = own.filter(submitted_at__isnull=False).values("application_id")
    return scores.filter(
        Q(assignment__assessor=user) | Q(assignment__application_id__in=submitted)
    ).order_by("assignment_id", "criterion_id")


def criterion_list(*, user, programme) -> QuerySet:
    """The rubrics' criteria: every call's for managers (the rubric pages); for an assessor
    those of the calls they assess (their score pages)."""
    rubrics = rubric_list(user=user, programme=programme).values("pk")
    criteria = Criterion.objects.filter(rubric_id__in=rubrics)
    return criteria.order_by("rubric_id", "position", "id")


def rubric_list(*, user, programme) -> QuerySet:
    """Every call's rubric for managers (the rubric pages); for an assessor those of the
    calls they assess (their score pages)."""
    rubrics = Rubric.objects.filter(call__programme=programme)
    if not can_manage_assessment(user, programme):
        calls = my_assignments(user=user, programme=programme).values("application__call_id")
        rubrics = rubrics.filter(call_id__in=calls)
    return rubrics.order_by("call_id", "id")


def moderation_note_list(*, programme) -> QuerySet:
    """The managers' notes on the ranking pages."""
    return ModerationNote.objects.filter(application__call__programme=programme).order_by(
        "application_id", "id"
    )
