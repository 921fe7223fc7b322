"""Read an interchange document into a new programme, all or nothing, through the services.

The same service functions that forms and the demo use create every record, with the file's
ids as `uid`, so imported data obeys the same rules and leaves the same history. Where a
record's stored state can only be reached by re-running things (a brokering round's results,
an introduction's answers), it is restored as the file has it (restore.py).
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from partnerbase.core.errors import DomainError
from partnerbase.notifications.services import notifications_off
from partnerbase.programmes.models import Programme

from ..checks import ImportFailed, Problem, document_problems
from ..restore import service_problems
from .accelerator import AcceleratorSteps
from .assessment import AssessmentSteps
from .base import Skipped
from .board import BoardSteps
from .brokering import BrokeringSteps
from .calls import CallSteps
from .challenges import ChallengeSteps
from .champions import ChampionSteps
from .core import CoreSteps
from .funding import FundingSteps
from .outcomes import OutcomeSteps
from .pledges import PledgeSteps
from .projects import ProjectSteps
from .stories import StorySteps
from .workinggroups import WorkingGroupSteps


class _Importer(
    AcceleratorSteps,
    AssessmentSteps,
    BoardSteps,
    CallSteps,
    ChampionSteps,
    ChallengeSteps,
    CoreSteps,
    FundingSteps,
    BrokeringSteps,
    ProjectSteps,
    OutcomeSteps,
    PledgeSteps,
    StorySteps,
    WorkingGroupSteps,
):
    def __init__(self, *, data: dict, slug: str | None, actor):
        self.data, self.slug, self.actor = data, slug, actor
        self.made: dict[str, Any] = {}  # file id -> created record; ids are unique per file
        self.pending: dict[str, Any] = {}  # nested records made by the record being built
        self.problems: list[Problem] = []

    def ref(self, value: str | None):
        if value is None:
            return None
        if value not in self.made:
            raise Skipped
        return self.made[value]

    def run(self) -> Programme | None:
        self.programme = self.step("programme", None, self.data["programme"], self.programme_)
        if self.programme is None:
            return None  # nothing else can be created without it
        for array, build in self.steps():
            for n, record in enumerate(self.data.get(array, [])):
                made = self.step(array, n, record, build)
                if made is not None:
                    self.made[record["id"]] = made
        return self.programme

    def step(self, array: str, index: int | None, record: dict, build: Callable):
        self.pending = {}
        try:
            with transaction.atomic():  # a failed record leaves no half behind
                made = build(record)
        except Skipped:
            return None
        except (DomainError, ValidationError) as exc:
            self.problems += service_problems(array, index, record, exc)
            return None
        self.made.update(self.pending)
        return made

    def steps(self) -> list[tuple[str, Callable]]:
        """Import order: each array only refers to arrays before it. Competition prizes
        create their own funding awards, so what refers to awards comes after them."""
        return [
            ("targets", self.target),
            ("exchange_rates", self.exchange_rate),
            ("challenge_areas", self.challenge_area),
            ("organisations", self.organisation),
            ("people", self.person),
            ("engagements", self.engagement),
            ("champions", self.board_champion),
            ("board_meetings", self.board_meeting),
            ("board_papers", self.board_paper),
            ("decisions", self.board_decision),
            ("actions", self.board_action),
            ("champion_criteria", self.champion_criterion),
            ("champion_prospects", self.champion_prospect),
            # A vote opens, its ballots are cast, then its stored outcome is restored.
            ("challenge_proposals", self.challenge_proposal),
            ("challenge_votes", self.challenge_vote),
            ("challenge_ballots", self.challenge_ballot),
            ("challenge_votes", self.challenge_vote_outcome),
            ("accelerators", self.accelerator),
            ("cohorts", self.cohort),
            ("cohort_memberships", self.cohort_membership),
            ("calls", self.call),
            ("applications", self.application),
            ("assessment_rubrics", self.assessment_rubric),
            ("assessor_assignments", self.assessor_assignment),
            ("moderation_notes", self.moderation_note),
            ("selection_decisions", self.selection_decision),
            ("support_sessions", self.support_session),
            ("milestones", self.milestone),
            ("collaborative_projects", self.project),
            ("partnerships", self.partnership),
            ("funding_awards", self.funding_award),
            # Pledges come before the offers that carry them out.
            ("pledges", self.pledge),
            ("needs", self.need),
            ("offers", self.offer),
            ("brokering_rounds", self.brokering_round),
            ("round_innovator_settings", self.round_innovator_setting),
            ("introductions", self.introduction),
            ("competitions", self.competition),
            ("competition_entries", self.competition_entry),
            ("competition_judges", self.competition_judge),
            ("judge_assignments", self.judge_assignment),
            ("competition_awards", self.competition_award),
            ("disbursements", self.disbursement),
            ("loan_repayments", self.loan_repayment),
            ("project_funding", self.project_funding),
            ("project_indicators", self.project_indicator),
            # Ideas name the projects they became: after the projects.
            ("working_groups", self.working_group),
            ("working_group_members", self.working_group_member),
            ("working_group_meetings", self.working_group_meeting),
            ("ideas", self.idea),
            # A group is archived once its members, meetings and ideas are in.
            ("working_groups", self.working_group_archived),
            ("outcome_indicators", self.outcome_indicator),
            # After the cohort places: a story is an innovator's.
            ("stories", self.story),
        ]


def programme_import(*, data: Any, slug: str | None = None, actor=None) -> Programme:
    """Create the document's programme and every record in it, or nothing at all.

    Raises ImportFailed with every problem found: first the file's shape and references,
    then whatever the services refuse.
    """
    problems = document_problems(data)
    if problems:
        raise ImportFailed(problems)
    # Imported records are history, not news: nobody is notified of them (and notifications
    # are per person, not programme data: the file holds none).
    with transaction.atomic(), notifications_off():
        importer = _Importer(data=data, slug=slug, actor=actor)
        programme = importer.run()
        if importer.problems:
            raise ImportFailed(importer.problems)  # inside the atomic block: rolls it all back
    return programme
