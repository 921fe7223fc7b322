"""Collaborative projects (funding links, indicators) and competitions."""

from partnerbase.programmes.models import Programme
from partnerbase.projects.models import (
    CollaborativeProject,
    Competition,
    CompetitionAward,
    CompetitionEntry,
    CompetitionJudge,
    JudgeAssignment,
    ProjectFunding,
    ProjectIndicator,
)

from ..format import date_text, decimal_text, id_text, sorted_by_id
from .core import money


def _coalition(project: CollaborativeProject) -> list[dict]:
    members = [
        {
            "organisation": str(m.organisation.uid),
            "role": m.role,
            "joined_on": date_text(m.joined_on),
        }
        for m in project.coalition.all()
    ]
    return sorted(members, key=lambda m: (m["organisation"], m["role"]))


def collaborative_projects(p: Programme) -> list[dict]:
    rows = (
        CollaborativeProject.objects.filter(programme=p)
        .select_related("challenge_area")
        .prefetch_related("coalition__organisation")
    )
    return sorted_by_id(
        {
            "id": str(x.uid),
            "name": x.name,
            "challenge_area": id_text(x.challenge_area),
            "region": x.region,
            "launch_date": date_text(x.launch_date),
            "status": x.status,
            "description": x.description,
            "origin": x.origin,
            "published": x.published,
            "coalition": _coalition(x),
            "illustrative": x.illustrative,
        }
        for x in rows
    )


def project_funding(p: Programme) -> list[dict]:
    rows = ProjectFunding.objects.filter(project__programme=p).select_related("project", "award")
    return sorted_by_id(
        {
            "id": str(f.uid),
            "project": id_text(f.project),
            "award": id_text(f.award),
            "direction": f.direction,
            "illustrative": f.illustrative,
        }
        for f in rows
    )


def observation_rows(observations, *extra: str) -> list[dict]:
    """An indicator's observations, by date then id; `extra` names fields a kind adds
    (outcomes' `evidence_url`), written after `evidence`."""
    rows = [
        {
            "id": str(o.uid),
            "observed_on": date_text(o.observed_on),
            "value": decimal_text(o.value),
            "quality": o.quality,
            "evidence": o.evidence,
            **{name: getattr(o, name) for name in extra},
            "illustrative": o.illustrative,
        }
        for o in observations
    ]
    return sorted(rows, key=lambda o: (o["observed_on"], o["id"]))


def project_indicators(p: Programme) -> list[dict]:
    rows = (
        ProjectIndicator.objects.filter(project__programme=p)
        .select_related("project")
        .prefetch_related("observations")
    )
    return sorted_by_id(
        {
            "id": str(i.uid),
            "project": id_text(i.project),
            "name": i.name,
            "unit": i.unit,
            "observations": observation_rows(i.observations.all()),
            "illustrative": i.illustrative,
        }
        for i in rows
    )


def competitions(p: Programme) -> list[dict]:
    rows = (
        Competition.objects.filter(programme=p)
        .select_related("sponsor", "challenge_area")
        .prefetch_related("stages", "criteria")
    )
    return sorted_by_id(
        {
            "id": str(c.uid),
            "name": c.name,
            "sponsor": id_text(c.sponsor),
            "prize_fund": money(c.prize_fund_minor, c.prize_fund_currency),
            "launch_date": date_text(c.launch_date),
            "challenge_area": id_text(c.challenge_area),
            "description": c.description,
            "published": c.published,
            # In date order, then the order they were added (as the pages show them).
            "stages": [
                {
                    "id": str(s.uid),
                    "name": s.name,
                    "starts_on": date_text(s.starts_on),
                    "ends_on": date_text(s.ends_on),
                    "illustrative": s.illustrative,
                }
                for s in c.stages.all()
            ],
            # In rubric order: the order they were added.
            "rubric_criteria": [
                {
                    "id": str(r.uid),
                    "name": r.name,
                    "weight": r.weight,
                    "min_score": r.min_score,
                    "max_score": r.max_score,
                    "illustrative": r.illustrative,
                }
                for r in c.criteria.all()
            ],
            "illustrative": c.illustrative,
        }
        for c in rows
    )


def competition_entries(p: Programme) -> list[dict]:
    rows = CompetitionEntry.objects.filter(competition__programme=p).select_related(
        "competition", "organisation"
    )
    return sorted_by_id(
        {
            "id": str(e.uid),
            "competition": id_text(e.competition),
            "organisation": id_text(e.organisation),
            "title": e.title,
            "summary": e.summary,
            "entered_on": date_text(e.entered_on),
            "illustrative": e.illustrative,
        }
        for e in rows
    )


def competition_judges(p: Programme) -> list[dict]:
    """A judge's user account is written as its email and name (accounts are not in the
    file otherwise); import finds the account by email or creates it."""
    rows = CompetitionJudge.objects.filter(competition__programme=p).select_related(
        "competition", "user", "organisation"
    )
    return sorted_by_id(
        {
            "id": str(j.uid),
            "competition": id_text(j.competition),
            "email": j.user.email,
            "name": j.user.full_name,
            "organisation": id_text(j.organisation),
            "illustrative": j.illustrative,
        }
        for j in rows
    )


def judge_assignments(p: Programme) -> list[dict]:
    rows = (
        JudgeAssignment.objects.filter(entry__competition__programme=p)
        .select_related("entry", "judge")
        .prefetch_related("scores__criterion")
    )
    return sorted_by_id(
        {
            "id": str(a.uid),
            "entry": id_text(a.entry),
            "judge": id_text(a.judge),
            "submitted_on": date_text(a.submitted_on),
            # In rubric order; a score's own id is not kept (the pair identifies it).
            "scores": [
                {"criterion": str(s.criterion.uid), "score": s.score} for s in a.scores.all()
            ],
            "illustrative": a.illustrative,
        }
        for a in rows
    )


def competition_awards(p: Programme) -> list[dict]:
    rows = CompetitionAward.objects.filter(entry__competition__programme=p).select_related(
        "entry", "funding_award"
    )
    return sorted_by_id(
        {
            "id": str(a.uid),
            "entry": id_text(a.entry),
            "funding_award": id_text(a.funding_award),
            "illustrative": a.illustrative,
        }
        for a in rows
    )
