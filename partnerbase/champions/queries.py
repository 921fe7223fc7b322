"""Reads for champion targeting (the team's pages only: views check can_target_champions)."""

from dataclasses import dataclass

from django.shortcuts import get_object_or_404

from partnerbase.core.versions import version_of_rows

from . import ranking
from .models import Contact, Criterion, Prospect, Score, Stage


@dataclass
class Row:
    prospect: Prospect
    ranked: ranking.Ranked
    scores: dict  # criterion id -> value


def criterion_list(*, programme):
    """The criteria the programme has saved (none until its first save: criteria_shown)."""
    return Criterion.objects.filter(programme=programme)


def criteria_of(programme) -> list[Criterion]:
    return list(criterion_list(programme=programme))


def criteria_shown(programme) -> list[Criterion]:
    """The programme's criteria; until it has saved any, the four DESIGN.md names, equally
    weighted and unsaved: the team's first save of weights, scores or a criterion saves
    them (services), so opening a page writes nothing."""
    return criteria_of(programme) or [
        Criterion(programme=programme, name=name, weight=weight, position=position)
        for position, (name, weight) in enumerate(ranking.DEFAULT_CRITERIA)
    ]


def prospect_list(*, programme):
    """Every prospect with its person, organisation, seat and scores (the team's pages)."""
    return (
        Prospect.objects.filter(programme=programme)
        .select_related("person", "organisation", "champion")
        .prefetch_related("scores")
    )


def ranked_prospects(programme, criteria, stage: str = "") -> list[Row]:
    """Every prospect ranked on the programme's current weights; `stage` filters what is
    listed, not the ranking, so a prospect keeps its rank across the filters."""
    prospects = {p.pk: p for p in prospect_list(programme=programme)}
    scores = {pk: {s.criterion_id: s.value for s in p.scores.all()} for pk, p in prospects.items()}
    candidates = [
        ranking.Candidate(pk, f"{p.organisation.name} {p.person.name}", scores[pk])
        for pk, p in prospects.items()
    ]
    weights = [ranking.Criterion(c.key, c.weight) for c in criteria]
    if not any(c.weight for c in weights):
        weights = [ranking.Criterion(c.key, 1) for c in weights]
    rows = [Row(prospects[r.key], r, scores[r.key]) for r in ranking.rank(weights, candidates)]
    if stage:
        rows = [r for r in rows if r.prospect.stage == stage]
    return rows


def stage_counts(programme) -> dict[str, int]:
    counts = dict.fromkeys(Stage.values, 0)
    for stage in Prospect.objects.filter(programme=programme).values_list("stage", flat=True):
        counts[stage] += 1
    return counts


def prospect_get(*, programme, uid) -> Prospect:
    return get_object_or_404(
        Prospect.objects.select_related("person", "organisation", "champion"),
        programme=programme,
        uid=uid,
    )


def prospect_contacts(prospect) -> list[Contact]:
    return list(
        prospect.contacts.select_related("engagement").order_by("-engagement__occurred_on", "-id")
    )


def weights_version(programme) -> str:
    """The version of the criteria's weights, as the weights form carries it."""
    return version_of_rows(Criterion.objects.filter(programme=programme))


def scores_version(prospect) -> str:
    """The version of a prospect's scores, as the scores form carries it."""
    return version_of_rows(Score.objects.filter(prospect=prospect))
