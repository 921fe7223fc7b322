"""Every bad file names the record and field at fault, and leaves the database as it was."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from partnerbase.cli import main
from partnerbase.interchange.checks import ImportFailed
from partnerbase.interchange.importer import programme_import

from .conftest import record_counts, write

pytestmark = pytest.mark.django_db


def _refused(tmp_path, data, *, slug="copy") -> list[str]:
    """The import's problem lines; asserts that nothing at all was saved."""
    before = record_counts()
    with pytest.raises(CommandError) as caught:
        call_command("import", str(write(tmp_path, data)), slug=slug, stdout=StringIO())
    assert record_counts() == before
    heading, *lines = str(caught.value).splitlines()
    assert heading.startswith(f"Nothing was imported: {len(lines)} problem(s) in ")
    return lines


def _find(data, array, **match) -> tuple[int, dict]:
    return next(
        (n, r) for n, r in enumerate(data[array]) if all(r[k] == v for k, v in match.items())
    )


def test_bad_reference(small_data, tmp_path):
    n, award = _find(small_data, "funding_awards", title="Grant")
    award["funder"] = "00000000-0000-4000-8000-000000000000"
    m, person = _find(small_data, "people", name="Ada")
    person["organisation"] = award["via_partnership"]
    assert _refused(tmp_path, small_data) == [
        f"people[{m}] (id {person['id']}): organisation: {award['via_partnership']} is a "
        "partnership, not an organisation",
        f"funding_awards[{n}] (id {award['id']}): funder: no organisation has id "
        "00000000-0000-4000-8000-000000000000",
    ]


def test_bad_currency(small_data, tmp_path):
    n, award = _find(small_data, "funding_awards", title="Loan")
    award["amount"]["currency"] = "GBPX"
    assert _refused(tmp_path, small_data) == [
        f"funding_awards[{n}] (id {award['id']}): amount.currency: 'GBPX' is not a "
        "three-letter currency code"
    ]


def test_missing_required_field_and_unknown_field(small_data, tmp_path):
    n, org = _find(small_data, "organisations", name="UnLtd")
    del org["kind"]
    org["colour"] = "blue"
    assert _refused(tmp_path, small_data) == [
        f"organisations[{n}] (id {org['id']}): colour: not a field in format version 1.5",
        f"organisations[{n}] (id {org['id']}): kind: required, but missing",
    ]


def test_invalid_org_id_identifier(small_data, tmp_path):
    n, org = _find(small_data, "organisations", name="UnLtd")
    org["identifiers"] = ["GB-CHC-1090393", "GB-CHC-12"]
    assert _refused(tmp_path, small_data) == [
        f"organisations[{n}] (id {org['id']}): identifiers[1]: '12' is not a valid GB-CHC "
        "identifier: use 6 or 7 digits, like 1090393."
    ]


def test_errors_from_services_name_record_and_field(small_data, tmp_path):
    """Rules only the services know are reported too, several at once, and roll back."""
    n, place = _find(small_data, "cohort_memberships", status="active")
    place["withdrawn_on"] = "2018-03-01"
    m, award = _find(small_data, "funding_awards", title="Grant")
    award["amount"]["amount"] = "10.001"
    k, partnership = _find(small_data, "partnerships", stage="in_discussion")
    partnership["stage"] = "lapsed"  # without the date it ended
    assert _refused(tmp_path, small_data) == [
        f"cohort_memberships[{n}] (id {place['id']}): withdrawn_on: Only a withdrawn innovator "
        "has a withdrawal date.",
        f"partnerships[{k}] (id {partnership['id']}): ended_on: a completed, declined or lapsed "
        "partnership has an end date, and no other does",
        f"funding_awards[{m}] (id {award['id']}): amount: 10.001 GBP has more decimal places "
        "than GBP allows (2).",
    ]


def test_records_depending_on_a_failed_one_are_not_reported_twice(small_data, tmp_path):
    n, org = _find(small_data, "organisations", name="Barclays")
    org["website"] = "not a web address"
    assert _refused(tmp_path, small_data) == [
        f"organisations[{n}] (id {org['id']}): website: Enter a valid URL."
    ]


def test_duplicate_ids_and_wrong_format_version(small_data, tmp_path):
    small_data["format_version"] = "2.0"
    assert _refused(tmp_path, small_data) == [
        "file: format_version: must be '1.0' or '1.1' or '1.2' or '1.3' or '1.4' or '1.5', "
        "not '2.0'"
    ]
    small_data["format_version"] = "1.5"
    small_data["people"].append(dict(small_data["people"][0]))
    duplicate = small_data["people"][0]["id"]
    assert _refused(tmp_path, small_data) == [
        f"people[{len(small_data['people']) - 1}] (id {duplicate}): id: also used by people[0]"
    ]


def test_existing_slug_is_refused(small_data, tmp_path):
    before = record_counts()
    path = write(tmp_path, small_data)
    with pytest.raises(
        CommandError, match="'small' already exists: use --slug to import as a new programme"
    ):
        call_command("import", str(path), stdout=StringIO())
    assert record_counts() == before


def test_importer_refuses_a_taken_slug_without_the_command(small_data):
    with pytest.raises(ImportFailed) as caught:
        programme_import(data=small_data)
    assert [p.field for p in caught.value.problems] == ["slug"]


def test_not_json_is_refused(tmp_path):
    path = tmp_path / "x.json"
    path.write_text("{nope", encoding="utf-8")
    with pytest.raises(CommandError, match="is not an interchange file: not valid JSON"):
        call_command("import", str(path))


def test_command_line_exits_non_zero_and_prints_each_problem(small_data, tmp_path, capsys):
    n, award = _find(small_data, "funding_awards", title="Loan")
    award["amount"]["currency"] = "GBPX"
    with pytest.raises(SystemExit) as caught:
        main(["import", str(write(tmp_path, small_data)), "--slug", "copy"])
    assert caught.value.code != 0
    assert f"funding_awards[{n}] (id {award['id']}): amount.currency:" in capsys.readouterr().err


def test_bad_references_in_new_arrays(small_data, tmp_path):
    n, introduction = 0, small_data["introductions"][0]
    introduction["partnership"] = introduction["innovator"]
    m, assignment = 0, small_data["judge_assignments"][0]
    assignment["scores"][1]["criterion"] = "00000000-0000-4000-8000-000000000000"
    k, prize = 0, small_data["competition_awards"][0]
    prize["funding_award"] = small_data["competitions"][0]["stages"][0]["id"]
    stage = small_data["competitions"][0]["stages"][0]["id"]
    assert _refused(tmp_path, small_data) == [
        f"introductions[{n}] (id {introduction['id']}): partnership: "
        f"{introduction['innovator']} is an organisation, not a partnership",
        f"judge_assignments[{m}] (id {assignment['id']}): scores[1].criterion: no rubric "
        "criterion has id 00000000-0000-4000-8000-000000000000",
        f"competition_awards[{k}] (id {prize['id']}): funding_award: {stage} is a "
        "competition stage, not a funding award",
    ]


def test_nested_ids_are_unique_across_the_file(small_data, tmp_path):
    competition = small_data["competitions"][0]
    observation = small_data["project_indicators"][0]["observations"][1]["id"]
    competition["stages"][0]["id"] = observation
    assert _refused(tmp_path, small_data) == [
        f"competitions[0] (id {competition['id']}): stages[0].id: also used by "
        "project_indicators[0].observations[1]"
    ]


def test_disbursement_over_the_award_and_repayment_over_the_balance(small_data, tmp_path):
    """The ledger's rules, reported for each record at fault; nothing is saved."""
    n, paid = _find(small_data, "disbursements", kind="actual")
    paid["amount"]["amount"] = "80500.01"
    m, repayment = 0, small_data["loan_repayments"][0]
    repayment["amount"]["amount"] = "20000.00"
    assert _refused(tmp_path, small_data) == [
        f"disbursements[{n}] (id {paid['id']}): amount: Actual disbursements cannot add up to "
        "more than the award: 80500.00 GBP is left to disburse.",
        f"loan_repayments[{m}] (id {repayment['id']}): amount: The repayment is more than the "
        "balance outstanding (10539.84 USD).",  # principal and the schedule's interest
    ]


def test_new_records_break_the_services_rules(small_data, tmp_path):
    n, need = _find(small_data, "needs", status="closed")
    need["closed_on"] = None
    competition = small_data["competitions"][0]
    competition["stages"][1]["ends_on"] = "2018-01-01"
    k, introduction = 0, small_data["introductions"][0]
    introduction["sent_on"] = None
    grant = _find(small_data, "funding_awards", title="Grant")[1]["id"]
    j, award = _find(small_data, "disbursements", kind="planned", award=grant)
    award["amount"]["currency"] = "USD"
    assert _refused(tmp_path, small_data) == [
        f"needs[{n}] (id {need['id']}): closed_on: Enter the date it closed.",
        f"introductions[{k}] (id {introduction['id']}): sent_on: A sent, accepted or declined "
        "introduction has the date it was sent, and no other does.",
        f"competitions[0] (id {competition['id']}): stages[1].ends_on: The stage must end on "
        "or after it starts.",
        f"disbursements[{j}] (id {award['id']}): amount.currency: A disbursement is in its "
        "award's currency, GBP.",
    ]


def test_a_prize_award_must_be_from_the_sponsor(small_data, tmp_path):
    n, prize = _find(small_data, "funding_awards", instrument="prize")
    prize["funder"] = _find(small_data, "organisations", name="UnLtd")[1]["id"]
    award = small_data["competition_awards"][0]
    assert _refused(tmp_path, small_data) == [
        f"competition_awards[0] (id {award['id']}): funding_award: funding_awards[{n}] has "
        f"funder {prize['funder']!r}; a prize's funding award has "
        f"{_find(small_data, 'organisations', name='Barclays')[1]['id']!r}."
    ]


def test_scores_for_the_whole_rubric(small_data, tmp_path):
    assignment = small_data["judge_assignments"][0]
    del assignment["scores"][0]
    missing = small_data["competitions"][0]["rubric_criteria"][0]["name"]
    assert _refused(tmp_path, small_data) == [
        f"judge_assignments[0] (id {assignment['id']}): scores: Enter a score for {missing}."
    ]


def test_references_the_hand_kept_list_missed_are_checked(small_data, tmp_path):
    """The references derived from the specifications include those the old list lacked:
    such a record was skipped without a word; now it is refused by name."""
    missing = "00000000-0000-4000-8000-000000000000"
    story = small_data["stories"][0]
    story["organisation"] = missing
    milestone = small_data["milestones"][0]
    cohort = small_data["cohorts"][0]["id"]
    milestone["cohort_membership"] = cohort
    assert _refused(tmp_path, small_data) == [
        f"milestones[0] (id {milestone['id']}): cohort_membership: "
        f"{cohort} is a cohort, not a cohort membership",
        f"stories[0] (id {story['id']}): organisation: no organisation has id {missing}",
    ]
