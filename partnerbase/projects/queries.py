"""Reads for projects and competitions, restricted to what the user may see."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from partnerbase.core.currencies import from_minor
from partnerbase.core.money import NoRate, Rate, format_with_display, round_money
from partnerbase.funding.models import CASH_INSTRUMENTS
from partnerbase.funding.queries import rate_table
from partnerbase.rubrics.models import Criterion as RubricCriterion

from . import ranking
from .models import (
    CoalitionMember,
    CollaborativeProject,
    Competition,
    CompetitionAward,
    CompetitionEntry,
    CompetitionJudge,
    CompetitionStage,
    FundingDirection,
    JudgeAssignment,
    JudgeScore,
    ProjectFunding,
    ProjectIndicator,
    ProjectObservation,
)
from .permissions import (
    can_manage_competition,
    can_view_competition,
    can_view_ranking,
    entrant_organisations,
    judge_of,
    reads_all_competitions,
    visible_competitions,
    visible_projects,
)

# --- money -----------------------------------------------------------------------------


@dataclass
class MoneyTotal:
    """A total in the reference currency, the display currencies beside it at one stated
    rate, and the rate used (or why it could not be computed)."""

    amount: Decimal | None
    display: str
    rates: list[Rate] = field(default_factory=list)
    problem: str = ""
    notes: list[str] = field(default_factory=list)


def money_total(programme, amounts, *, rates=None, at: date | None = None) -> MoneyTotal:
    """`amounts` are (currency, date, minor units): each converted at the rate on its
    date, then shown with the display currencies at the rate on `at` (the report date)."""
    rates = rates or rate_table(programme)
    currency = programme.reference_currency
    at = at or programme.report_date or date.today()
    try:
        total = sum(
            (rates.convert(from_minor(m, c), c, currency, on) for c, on, m in amounts),
            Decimal(0),
        )
    except NoRate as exc:
        return MoneyTotal(None, "", problem=str(exc))
    total = round_money(total, currency)
    # A display currency without a rate is left out, never the total itself.
    shown, used, missing = [], [], []
    for code in programme.display_currency_list:
        try:
            multiplier, rate = rates.lookup(currency, code, at)
        except NoRate as exc:
            missing.append(f"{code} is not shown: {exc}")
            continue
        shown.append((code, multiplier))
        used.append(rate)
    return MoneyTotal(
        total,
        format_with_display(total, currency, shown),
        [r for r in used if r],
        notes=missing,
    )


# --- projects --------------------------------------------------------------------------


def project_list(*, user, programme) -> QuerySet:
    projects = visible_projects(user, programme).select_related("challenge_area")
    return projects.prefetch_related(
        Prefetch("coalition", CoalitionMember.objects.select_related("organisation"))
    )


def project_get(*, user, programme, uid) -> CollaborativeProject:
    """404 for a project the user may not see, as for a programme they do not belong to."""
    project = project_list(user=user, programme=programme).filter(uid=uid).first()
    if project is None:
        raise Http404("No such project")
    return project


def project_money(project) -> dict:
    """Money in and out: the linked awards and each side's total (cash only; in-kind is
    listed but kept apart from the totals)."""
    links = list(
        ProjectFunding.objects.filter(project=project).select_related(
            "award__funder", "award__recipient"
        )
    )
    rates = rate_table(project.programme)
    result = {}
    for direction in FundingDirection:
        rows = [link for link in links if link.direction == direction]
        cash = [r.award for r in rows if r.award.instrument in CASH_INSTRUMENTS]
        result[direction.value] = {
            "rows": rows,
            "total": money_total(
                project.programme,
                [(a.currency, a.award_date, a.amount_minor) for a in cash],
                rates=rates,
            ),
        }
    return result


def project_indicators(project) -> list[dict]:
    """Each indicator with its latest observation and how many there are."""
    indicators = ProjectIndicator.objects.filter(project=project).prefetch_related("observations")
    return [
        {
            "indicator": i,
            "latest": next(iter(i.observations.all()), None),
            "observations": list(i.observations.all()),
        }
        for i in indicators
    ]


# --- competitions ----------------------------------------------------------------------


def competition_list(*, user, programme) -> QuerySet:
    return visible_competitions(user, programme).select_related("sponsor")


def competition_get(*, user, programme, uid) -> Competition:
    competition = competition_list(user=user, programme=programme).filter(uid=uid).first()
    if competition is None:
        raise Http404("No such competition")
    return competition


def visible_entries(user, competition) -> QuerySet:
    """All entries for readers; a judge's assigned entries; an innovator's own."""
    entries = CompetitionEntry.objects.filter(competition=competition).select_related(
        "organisation"
    )
    if reads_all_competitions(user, competition.programme):
        return entries
    judge = judge_of(user, competition)
    if judge is not None:
        return entries.filter(assignments__judge=judge)
    return entries.filter(organisation_id__in=entrant_organisations(user, competition))


def competition_ranking(competition) -> list[ranking.Ranked]:
    """Every entry, ranked by the judges' submitted scores (projects/ranking.py)."""
    criteria = [
        ranking.Criterion(c.pk, c.weight, c.min_score, c.max_score)
        for c in competition.criteria.all()
    ]
    entries = list(competition.entries.select_related("organisation"))
    sheets = {entry: [] for entry in entries}
    by_pk = {entry.pk: entry for entry in entries}
    submitted = JudgeAssignment.objects.filter(
        entry__competition=competition, submitted_on__isnull=False
    ).prefetch_related("scores")
    for assignment in submitted:
        sheets[by_pk[assignment.entry_id]].append(
            {s.criterion_id: s.score for s in assignment.scores.all()}
        )
    return ranking.rank(criteria, sheets)


def ranking_for(user, competition):
    return competition_ranking(competition) if can_view_ranking(user, competition) else None


def judge_assignments(user, competition) -> list[JudgeAssignment]:
    judge = judge_of(user, competition)
    if judge is None:
        return []
    return list(
        JudgeAssignment.objects.filter(judge=judge)
        .select_related("entry__organisation")
        .prefetch_related("scores")
    )


def judging_started(competition) -> bool:
    """Once any judge has scored, the rubric is fixed (rubric_criterion_add refuses)."""
    return JudgeScore.objects.filter(assignment__entry__competition=competition).exists()


# --- a project's and a competition's parts, programme-wide (the API's lists) ---------------
# Each is the union of what the project's or competition's page shows the user.


def coalition_member_list(*, user, programme) -> QuerySet:
    projects = project_list(user=user, programme=programme).values("pk")
    return CoalitionMember.objects.filter(project_id__in=projects).order_by("project_id", "id")


def project_funding_list(*, user, programme) -> QuerySet:
    projects = project_list(user=user, programme=programme).values("pk")
    return ProjectFunding.objects.filter(project_id__in=projects).order_by("project_id", "id")


def project_indicator_list(*, user, programme) -> QuerySet:
    projects = project_list(user=user, programme=programme).values("pk")
    return (
        ProjectIndicator.objects.filter(project_id__in=projects)
        .prefetch_related("observations")
        .order_by("project_id", "id")
    )


def _opened_competitions(user, programme) -> list[Competition]:
    """The competitions whose page the user may open (competition_detail's checks)."""
    competitions = competition_list(user=user, programme=programme)
    return [c for c in competitions if can_view_competition(user, c)]


def competition_stage_list(*, user, programme) -> QuerySet:
    competitions = [c.pk for c in _opened_competitions(user, programme)]
    stages = CompetitionStage.objects.filter(competition_id__in=competitions)
    return stages.order_by("competition_id", "id")


def competition_criterion_list(*, user, programme) -> QuerySet:
    competitions = [c.pk for c in _opened_competitions(user, programme)]
    criteria = RubricCriterion.objects.filter(competition_id__in=competitions)
    return criteria.order_by("competition_id", "id")


def competition_entry_list(*, user, programme) -> QuerySet:
    ids = set()
    for competition in _opened_competitions(user, programme):
        ids |= set(visible_entries(user, competition).values_list("pk", flat=True))
    return CompetitionEntry.objects.filter(pk__in=ids).order_by("competition_id", "id")


def competition_judge_list(*, user, programme) -> QuerySet:
    """The judges, which the competition's page lists to those who manage it."""
    managed = [
        c.pk for c in _opened_competitions(user, programme) if can_manage_competition(user, c)
    ]
    judges = CompetitionJudge.objects.filter(competition_id__in=managed)
    return judges.select_related("user").order_by("competition_id", "id")


def competition_award_list(*, user, programme) -> QuerySet:
    entries = competition_entry_list(user=user, programme=programme).values("pk")
    return CompetitionAward.objects.filter(entry_id__in=entries).order_by("entry_id", "id")


def judge_assignment_list(*, user, programme) -> QuerySet:
    """A judge's own assignments, with their scores (only they open the score page)."""
    ids = {a.pk for c in _opened_competitions(user, programme) for a in judge_assignments(user, c)}
    return (
        JudgeAssignment.objects.filter(pk__in=ids)
        .prefetch_related("scores")
        .order_by("entry_id", "id")
    )


def project_history_parts(project: CollaborativeProject) -> dict:
    """The history rows of a project and of its coalition, funding, indicators and their
    observations, deleted ones' too (core.changes)."""
    indicators = ProjectIndicator.history.filter(project_id=project.pk).values("id")
    return {
        "projects.collaborativeproject": CollaborativeProject.history.filter(id=project.pk),
        "projects.coalitionmember": CoalitionMember.history.filter(project_id=project.pk),
        "projects.projectfunding": ProjectFunding.history.filter(project_id=project.pk),
        "projects.projectindicator": ProjectIndicator.history.filter(project_id=project.pk),
        "projects.projectobservation": ProjectObservation.history.filter(
            indicator_id__in=indicators
        ),
    }
