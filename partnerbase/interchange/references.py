"""References between records and rules a schema cannot say, checked before anything is
written. Pure Python (no Django)."""

from collections.abc import Iterator

from partnerbase.directory import orgid

from .format import ARRAYS, NESTED, SINGULAR
from .problems import Problem, problem

# (array, field, kind of record the id must be); "coalition[].organisation" is inside a
# list. A kind is an array, or records kept inside another (format.NESTED).
REFERENCES = [
    ("assessment_rubrics", "call", "calls"),
    ("assessor_assignments", "application", "applications"),
    ("assessor_assignments", "organisations[]", "organisations"),
    ("assessor_assignments", "scores[].criterion", "assessment_criteria"),
    ("moderation_notes", "application", "applications"),
    ("challenge_proposals", "organisation", "organisations"),
    ("challenge_votes", "proposals[]", "challenge_proposals"),
    ("challenge_votes", "electors[]", "organisations"),
    ("challenge_votes", "chosen_areas[].challenge_area", "challenge_areas"),
    ("challenge_votes", "chosen_areas[].proposal", "challenge_proposals"),
    ("challenge_ballots", "vote", "challenge_votes"),
    ("challenge_ballots", "organisation", "organisations"),
    ("challenge_ballots", "choices[]", "challenge_proposals"),
    ("people", "organisation", "organisations"),
    ("engagements", "organisation", "organisations"),
    ("engagements", "participants[]", "people"),
    ("champions", "person", "people"),
    ("champions", "organisation", "organisations"),
    ("board_papers", "meeting", "board_meetings"),
    ("decisions", "meeting", "board_meetings"),
    ("actions", "meeting", "board_meetings"),
    ("actions", "decision", "decisions"),
    ("actions", "owner_champion", "champions"),
    ("actions", "owner_person", "people"),
    ("champion_prospects", "person", "people"),
    ("champion_prospects", "organisation", "organisations"),
    ("champion_prospects", "champion", "champions"),
    ("champion_prospects", "scores[].criterion", "champion_criteria"),
    ("champion_prospects", "contacts[].engagement", "engagements"),
    ("accelerators", "delivery_partner", "organisations"),
    ("cohorts", "accelerator", "accelerators"),
    ("cohort_memberships", "cohort", "cohorts"),
    ("cohort_memberships", "organisation", "organisations"),
    ("cohort_memberships", "challenge_area", "challenge_areas"),
    ("calls", "accelerator", "accelerators"),
    ("calls", "challenge_areas[]", "challenge_areas"),
    ("calls", "eligibility_rules[].question", "call_questions"),
    ("applications", "call", "calls"),
    ("applications", "organisation", "organisations"),
    ("applications", "challenge_area", "challenge_areas"),
    ("applications", "answers[].question", "call_questions"),
    ("partnerships", "innovator", "organisations"),
    ("partnerships", "project", "collaborative_projects"),
    ("partnerships", "partners[]", "organisations"),
    ("partnerships", "brokered_by", "organisations"),
    ("funding_awards", "funder", "organisations"),
    ("funding_awards", "recipient", "organisations"),
    ("funding_awards", "via_partnership", "partnerships"),
    ("funding_awards", "via_intermediary", "organisations"),
    ("disbursements", "award", "funding_awards"),
    ("loan_repayments", "award", "funding_awards"),
    ("collaborative_projects", "challenge_area", "challenge_areas"),
    ("collaborative_projects", "coalition[].organisation", "organisations"),
    ("project_funding", "project", "collaborative_projects"),
    ("project_funding", "award", "funding_awards"),
    ("project_indicators", "project", "collaborative_projects"),
    ("working_groups", "challenge_area", "challenge_areas"),
    ("working_group_members", "working_group", "working_groups"),
    ("working_group_members", "person", "people"),
    ("working_group_meetings", "working_group", "working_groups"),
    ("working_group_meetings", "attendees[]", "working_group_members"),
    ("ideas", "working_group", "working_groups"),
    ("ideas", "proposed_by", "working_group_members"),
    ("ideas", "project", "collaborative_projects"),
    ("outcome_indicators", "organisation", "organisations"),
    ("pledges", "organisation", "organisations"),
    ("pledges", "champion", "champions"),
    ("pledges", "challenge_area", "challenge_areas"),
    ("pledges", "project", "collaborative_projects"),
    ("pledges", "decision", "decisions"),
    ("needs", "innovator", "organisations"),
    ("needs", "challenge_area", "challenge_areas"),
    ("offers", "partner", "organisations"),
    ("offers", "challenge_area", "challenge_areas"),
    ("offers", "preferred_challenge_area", "challenge_areas"),
    ("offers", "pledge", "pledges"),
    ("round_innovator_settings", "round", "brokering_rounds"),
    ("round_innovator_settings", "innovator", "organisations"),
    ("introductions", "round", "brokering_rounds"),
    ("introductions", "innovator", "organisations"),
    ("introductions", "partner", "organisations"),
    ("introductions", "need", "needs"),
    ("introductions", "offer", "offers"),
    ("introductions", "partnership", "partnerships"),
    ("competitions", "sponsor", "organisations"),
    ("competitions", "challenge_area", "challenge_areas"),
    ("competition_entries", "competition", "competitions"),
    ("competition_entries", "organisation", "organisations"),
    ("competition_judges", "competition", "competitions"),
    ("competition_judges", "organisation", "organisations"),
    ("judge_assignments", "entry", "competition_entries"),
    ("judge_assignments", "judge", "competition_judges"),
    ("judge_assignments", "scores[].criterion", "rubric_criteria"),
    ("competition_awards", "entry", "competition_entries"),
    ("competition_awards", "funding_award", "funding_awards"),
]

# References that at most one record may make: each partnership came from at most one
# introduction; each prize is its own funding award; each board seat came from one prospect.
ONE_TO_ONE = [
    ("champion_prospects", "champion"),
    ("introductions", "partnership"),
    ("competition_awards", "funding_award"),
]


def _referred(record: dict, field: str) -> Iterator[tuple[str, str]]:
    """(field as reported, id) for each id a record's field refers to."""
    if field.endswith("[]"):
        for n, value in enumerate(record.get(field[:-2], [])):
            yield f"{field[:-2]}[{n}]", value
    elif "[]." in field:
        outer, inner = field.split("[].")
        for n, item in enumerate(record.get(outer, [])):
            yield f"{outer}[{n}].{inner}", item.get(inner)
    else:
        yield field, record.get(field)


def _records(data: dict) -> Iterator[tuple[str, str, int, str, dict]]:
    """(kind, array, index, place inside the record, record) for every record with an id."""
    for array in ARRAYS:
        for n, record in enumerate(data.get(array, [])):
            yield array, array, n, "", record
            for field, kind in NESTED.get(array, {}).items():
                value = record.get(field)
                if isinstance(value, dict):
                    yield kind, array, n, field, value
                for i, item in enumerate(value if isinstance(value, list) else []):
                    yield kind, array, n, f"{field}[{i}]", item


def id_index(data: dict) -> tuple[dict[str, str], list[Problem]]:
    """Which kind of record each id is; ids are unique across the whole file."""
    index: dict[str, tuple[str, str]] = {}
    problems = []
    for kind, array, n, place, record in _records(data):
        where = f"{array}[{n}]" + (f".{place}" if place else "")
        if record["id"] in index:
            field = f"{place}.id" if place else "id"
            other = index[record["id"]][1]
            problems.append(problem(data, array, n, field, f"also used by {other}"))
        else:
            index[record["id"]] = (kind, where)
    return {key: kind for key, (kind, _) in index.items()}, problems


def referenced_ids(data: dict) -> set[str]:
    """Every id some record refers to."""
    return {
        value
        for array, field, _ in REFERENCES
        for record in data.get(array, [])
        for _, value in _referred(record, field)
        if value is not None
    }


def _a(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


def reference_problems(data: dict) -> list[Problem]:
    """Every id referred to is in the file, in the right array; org-ids are well formed."""
    where, problems = id_index(data)
    for array, field, target in REFERENCES:
        for n, record in enumerate(data.get(array, [])):
            for label, value in _referred(record, field):
                if value is None:
                    continue
                if value not in where:
                    problems.append(
                        problem(data, array, n, label, f"no {SINGULAR[target]} has id {value}")
                    )
                elif where[value] != target:
                    problems.append(
                        problem(
                            data,
                            array,
                            n,
                            label,
                            f"{value} is {_a(SINGULAR[where[value]])}, not {_a(SINGULAR[target])}",
                        )
                    )
    return problems + rule_problems(data)


def _one_to_one_problems(data: dict) -> list[Problem]:
    problems = []
    for array, field in ONE_TO_ONE:
        seen: dict[str, int] = {}
        for n, record in enumerate(data.get(array, [])):
            value = record.get(field)
            if value is None:
                continue
            if value in seen:
                message = f"{array}[{seen[value]}] already has {value}"
                problems.append(problem(data, array, n, field, message))
            seen.setdefault(value, n)
    return problems


def rule_problems(data: dict) -> list[Problem]:
    """Rules a schema cannot say, checked here so they are all reported together."""
    problems = []
    for n, record in enumerate(data.get("organisations", [])):
        for i, value in enumerate(record.get("identifiers", [])):
            try:
                orgid.parse(value)
            except orgid.InvalidOrgId as exc:
                problems.append(problem(data, "organisations", n, f"identifiers[{i}]", str(exc)))
    seen: dict[str, int] = {}
    for n, record in enumerate(data.get("targets", [])):
        if record["figure"] in seen:
            problems.append(
                problem(
                    data,
                    "targets",
                    n,
                    "figure",
                    f"targets[{seen[record['figure']]}] already sets {record['figure']}",
                )
            )
        seen.setdefault(record["figure"], n)
    return problems + _one_to_one_problems(data)
