"""Write a whole programme as one interchange document (see docs/interchange.md).

Every function returns plain dicts with keys in a fixed order; arrays are sorted by id so
the same database always gives the same bytes. One module per part of Partnerbase.
"""

import json
from collections.abc import Iterator

from partnerbase.programmes.models import Programme

from ..format import ARRAYS, FORMAT, FORMAT_VERSION
from . import (
    accelerator,
    assessment,
    board,
    brokering,
    calls,
    challenges,
    champions,
    core,
    funding,
    outcomes,
    pledges,
    projects,
    stories,
    workinggroups,
)

WRITERS = {
    "targets": core.targets,
    "exchange_rates": core.exchange_rates,
    "challenge_areas": core.challenge_areas,
    "organisations": core.organisations,
    "people": core.people,
    "engagements": core.engagements,
    "champions": board.champions,
    "board_meetings": board.board_meetings,
    "board_papers": board.board_papers,
    "decisions": board.decisions,
    "actions": board.actions,
    "champion_criteria": champions.champion_criteria,
    "champion_prospects": champions.champion_prospects,
    "challenge_proposals": challenges.challenge_proposals,
    "challenge_votes": challenges.challenge_votes,
    "challenge_ballots": challenges.challenge_ballots,
    "accelerators": core.accelerators,
    "cohorts": core.cohorts,
    "cohort_memberships": core.cohort_memberships,
    "calls": calls.calls,
    "applications": calls.applications,
    "assessment_rubrics": assessment.assessment_rubrics,
    "assessor_assignments": assessment.assessor_assignments,
    "moderation_notes": assessment.moderation_notes,
    "selection_decisions": accelerator.selection_decisions,
    "support_sessions": accelerator.support_sessions,
    "milestones": accelerator.milestones,
    "partnerships": core.partnerships,
    "funding_awards": funding.funding_awards,
    "disbursements": funding.disbursements,
    "loan_repayments": funding.loan_repayments,
    "collaborative_projects": projects.collaborative_projects,
    "project_funding": projects.project_funding,
    "project_indicators": projects.project_indicators,
    "working_groups": workinggroups.working_groups,
    "working_group_members": workinggroups.working_group_members,
    "working_group_meetings": workinggroups.working_group_meetings,
    "ideas": workinggroups.ideas,
    "pledges": pledges.pledges,
    "needs": brokering.needs,
    "offers": brokering.offers,
    "brokering_rounds": brokering.brokering_rounds,
    "round_innovator_settings": brokering.round_innovator_settings,
    "introductions": brokering.introductions,
    "competitions": projects.competitions,
    "competition_entries": projects.competition_entries,
    "competition_judges": projects.competition_judges,
    "judge_assignments": projects.judge_assignments,
    "competition_awards": projects.competition_awards,
    "outcome_indicators": outcomes.outcome_indicators,
    "stories": stories.stories,
}
assert list(WRITERS) == ARRAYS, "one writer per array, in the file's order"


def programme_export(*, programme: Programme) -> dict:
    """The whole programme as one document; user accounts (but judges' email and name) and
    history are left out."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "programme": core.programme_record(programme),
        **{array: list(write(programme)) for array, write in WRITERS.items()},
    }


def programme_export_text(*, programme: Programme) -> str:
    return "".join(programme_export_chunks(programme=programme))


def _indented(value, depth: int) -> str:
    # Strings' own newlines are escaped in JSON: every newline here is layout.
    return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + "  " * depth)


def programme_export_chunks(*, programme: Programme) -> Iterator[str]:
    """The document's text a record at a time, byte for byte what format.dumps writes of
    programme_export, without holding a big array in memory."""
    yield "{\n"
    yield f'  "format": {_indented(FORMAT, 1)},\n'
    yield f'  "format_version": {_indented(FORMAT_VERSION, 1)},\n'
    yield f'  "programme": {_indented(core.programme_record(programme), 1)}'
    for array, write in WRITERS.items():
        yield f',\n  "{array}": ['
        first = True
        for record in write(programme):
            yield ("\n    " if first else ",\n    ") + _indented(record, 2)
            first = False
        yield "]" if first else "\n  ]"
    yield "\n}\n"
