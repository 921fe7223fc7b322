"""The shape of an interchange file: its name, version, arrays and how values are written.

Pure Python (no Django) so the checks and the docs can rely on one list of arrays.
"""

import json
from collections.abc import Iterable
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

FORMAT = "partnerbase-programme"
FORMAT_VERSION = "1.5"
# Versions this Partnerbase reads: a minor version only adds optional arrays and fields.
READABLE_VERSIONS = ("1.0", "1.1", "1.2", "1.3", "1.4", "1.5")
SCHEMA_PATH = Path(__file__).parent / "schema" / "programme.schema.json"

# Arrays in the order they are written; each name is DESIGN.md's vocabulary, snake_case plural.
ARRAYS = [
    "targets",
    "exchange_rates",
    "challenge_areas",
    "organisations",
    "people",
    "engagements",
    "champions",
    "board_meetings",
    "board_papers",
    "decisions",
    "actions",
    "champion_criteria",
    "champion_prospects",
    "challenge_proposals",
    "challenge_votes",
    "challenge_ballots",
    "accelerators",
    "cohorts",
    "cohort_memberships",
    "calls",
    "applications",
    "assessment_rubrics",
    "assessor_assignments",
    "moderation_notes",
    "selection_decisions",
    "support_sessions",
    "milestones",
    "partnerships",
    "funding_awards",
    "disbursements",
    "loan_repayments",
    "collaborative_projects",
    "project_funding",
    "project_indicators",
    "working_groups",
    "working_group_members",
    "working_group_meetings",
    "ideas",
    "pledges",
    "needs",
    "offers",
    "brokering_rounds",
    "round_innovator_settings",
    "introductions",
    "competitions",
    "competition_entries",
    "competition_judges",
    "judge_assignments",
    "competition_awards",
    "outcome_indicators",
    "stories",
]

# Records kept inside another record (array -> field -> kind); their ids are unique across
# the file too, and the rubric's criteria are referred to by judges' scores.
NESTED = {
    "support_sessions": {"attendance": "attendance"},
    "assessment_rubrics": {"criteria": "assessment_criteria"},
    "champion_prospects": {
        "stage_changes": "champion_stage_changes",
        "contacts": "champion_contacts",
    },
    "calls": {"questions": "call_questions", "eligibility_rules": "eligibility_rules"},
    "applications": {"answers": "application_answers"},
    "funding_awards": {"grant_details": "grant_details"},
    "project_indicators": {"observations": "project_observations"},
    "pledges": {"deliveries": "pledge_deliveries"},
    "outcome_indicators": {"observations": "outcome_observations"},
    "competitions": {"stages": "competition_stages", "rubric_criteria": "rubric_criteria"},
}

SINGULAR = {
    "selection_decisions": "selection decision",
    "support_sessions": "support session",
    "attendance": "attendance",
    "milestones": "milestone",
    "assessment_rubrics": "assessment rubric",
    "assessment_criteria": "assessment criterion",
    "assessor_assignments": "assessor assignment",
    "moderation_notes": "moderation note",
    "challenge_proposals": "challenge proposal",
    "challenge_votes": "challenge vote",
    "challenge_ballots": "challenge ballot",
    "programme": "programme",
    "targets": "target",
    "exchange_rates": "exchange rate",
    "challenge_areas": "challenge area",
    "organisations": "organisation",
    "people": "person",
    "engagements": "engagement",
    "champions": "champion (board seat)",
    "board_meetings": "board meeting",
    "board_papers": "board paper",
    "decisions": "decision",
    "actions": "action",
    "champion_criteria": "champion criterion",
    "champion_prospects": "champion prospect",
    "champion_stage_changes": "champion prospect's stage change",
    "champion_contacts": "contact with a champion prospect",
    "accelerators": "accelerator",
    "cohorts": "cohort",
    "cohort_memberships": "cohort membership",
    "calls": "call",
    "call_questions": "call question",
    "eligibility_rules": "eligibility rule",
    "applications": "application",
    "application_answers": "application answer",
    "partnerships": "partnership",
    "funding_awards": "funding award",
    "collaborative_projects": "collaborative project",
    "disbursements": "disbursement",
    "loan_repayments": "loan repayment",
    "grant_details": "set of 360Giving details",
    "project_funding": "project funding link",
    "project_indicators": "project indicator",
    "project_observations": "project observation",
    "outcome_indicators": "outcome indicator",
    "outcome_observations": "outcome observation",
    "pledges": "pledge",
    "pledge_deliveries": "pledge delivery",
    "needs": "need",
    "offers": "offer",
    "brokering_rounds": "brokering round",
    "round_innovator_settings": "round innovator setting",
    "introductions": "introduction",
    "competitions": "competition",
    "competition_stages": "competition stage",
    "rubric_criteria": "rubric criterion",
    "competition_entries": "competition entry",
    "competition_judges": "competition judge",
    "judge_assignments": "judge assignment",
    "competition_awards": "competition award",
    "working_groups": "working group",
    "working_group_members": "working-group member",
    "working_group_meetings": "working-group meeting",
    "ideas": "idea",
    "stories": "innovator's story",
}


def date_text(value: date | None) -> str | None:
    return value.isoformat() if value else None


def parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def datetime_text(value: datetime | None) -> str | None:
    """A moment in UTC to the second, the same whichever database stored it."""
    if value is None:
        return None
    return value.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def parse_datetime(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def json_value(value: Any) -> Any:
    """A JSON field's value with object keys sorted: PostgreSQL's jsonb reorders them."""
    if isinstance(value, dict):
        return {key: json_value(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return [json_value(item) for item in value]
    return value


def decimal_text(value: Decimal | None) -> str | None:
    """Shortest exact decimal string ("1.3167", "100"): the same on SQLite and PostgreSQL."""
    if value is None:
        return None
    text = format(Decimal(value).normalize(), "f")
    return "0" if text in ("-0", "0") else text


def id_text(record: Any) -> str | None:
    """A related record's stable id, or None when there is no related record."""
    return str(record.uid) if record is not None else None


def split_list(text: str) -> list[str]:
    """Comma-separated text as a list; the file uses arrays, the models keep text."""
    return [part.strip() for part in text.split(",") if part.strip()]


def sorted_by_id(records: Iterable[dict]) -> list[dict]:
    return sorted(records, key=lambda record: record["id"])


def dumps(data: dict) -> str:
    """The one way a file is written, so export -> import -> export is byte-identical."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
