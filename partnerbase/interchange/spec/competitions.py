"""Competitions (entries, judges, scores, prizes), innovators' outcomes and stories."""

from .fields import (
    OBSERVED,
    Spec,
    by_date,
    day,
    money,
    nested,
    ref,
    rows,
    text,
    value,
)


def _criterion_scores(*extra: str):
    """A scored assignment's scores in rubric order; a score has no id of its own."""

    def write(assignment) -> list[dict]:
        return [
            {"criterion": str(s.criterion.uid), **{k: getattr(s, k) for k in extra}}
            for s in assignment.scores.all()
        ]

    return write


SPECS = [
    Spec(
        "competitions",
        "competition",
        (
            text("name"),
            ref("sponsor", "organisations"),
            money("prize_fund", "prize_fund_minor", "prize_fund_currency"),
            day("launch_date"),
            ref("challenge_area", "challenge_areas"),
            text("description"),
            value("published", False),
            # In date order, then the order they were added (as the pages show them).
            nested(
                "stages",
                Spec(
                    "competition_stages",
                    "competition stage",
                    (text("name"), day("starts_on"), day("ends_on")),
                    related="stages",
                    service="projects.services:competition_stage_add",
                ),
                arg="competition",
            ),
            # In rubric order: the order they were added.
            nested(
                "rubric_criteria",
                Spec(
                    "rubric_criteria",
                    "rubric criterion",
                    (
                        text("name"),
                        value("weight", 1),
                        value("min_score", 0),
                        value("max_score", 10),
                    ),
                    related="criteria",
                    service="projects.services:rubric_criterion_add",
                ),
                arg="competition",
            ),
        ),
        model="projects.Competition",
        service="projects.services:competition_create",
        programme=True,
    ),
    Spec(
        "competition_entries",
        "competition entry",
        (
            ref("competition", "competitions"),
            ref("organisation", "organisations"),
            text("title"),
            text("summary"),
            day("entered_on"),
        ),
        model="projects.CompetitionEntry",
        scope="competition__programme",
        service="projects.services:competition_entry_record",
    ),
    Spec(
        # The judge's account as its email and name: import finds it or creates it.
        "competition_judges",
        "competition judge",
        (
            ref("competition", "competitions"),
            text("email", arg=None, write=lambda j: j.user.email),
            text("name", arg=None, write=lambda j: j.user.full_name),
            ref("organisation", "organisations"),
        ),
        model="projects.CompetitionJudge",
        service="projects.services:competition_judge_add",
        blame={"user": "email"},
        scope="competition__programme",
        select=("user",),
        build="projects:competition_judge",
    ),
    Spec(
        "judge_assignments",
        "judge assignment",
        (
            ref("entry", "competition_entries"),
            ref("judge", "competition_judges"),
            day("submitted_on"),
            # In rubric order; a score's own id is not kept (the pair identifies it).
            rows(
                "scores",
                refs=(("criterion", "rubric_criteria"),),
                write=_criterion_scores("score"),
            ),
        ),
        model="projects.JudgeAssignment",
        blame={"entries": "entry"},
        scope="entry__competition__programme",
        prefetch=("scores__criterion",),
        build="projects:judge_assignment",
    ),
    Spec(
        # The prize makes its own funding award, with the file's id.
        "competition_awards",
        "competition award",
        (
            ref("entry", "competition_entries"),
            ref("funding_award", "funding_awards", one_to_one=True),
        ),
        model="projects.CompetitionAward",
        blame={"amount": "funding_award", "award_date": "funding_award"},
        scope="entry__competition__programme",
        build="projects:competition_award",
        makes=("funding_awards",),
    ),
    Spec(
        "outcome_indicators",
        "outcome indicator",
        (
            ref("organisation", "organisations"),
            text("kind"),
            text("name"),
            text("unit"),
            nested(
                "observations",
                Spec(
                    "outcome_observations",
                    "outcome observation",
                    (*OBSERVED, text("evidence_url")),
                    related="observations",
                    order=by_date,
                    service="outcomes.services:outcome_observation_record",
                ),
                arg="indicator",
            ),
        ),
        model="outcomes.OutcomeIndicator",
        service="outcomes.services:outcome_indicator_add",
        programme=True,
    ),
    Spec(
        # A story is an innovator's: its service looks for the cohort place.
        # The paragraphs are written from the records, so not kept.
        "stories",
        "innovator's story",
        (
            ref("organisation", "organisations"),
            value("position", 0),
            text("own_sentence"),
            value("published", False),
        ),
        model="stories.Story",
        service="stories.services:story_add",
        programme=True,
        after=("cohort_memberships",),
    ),
]
