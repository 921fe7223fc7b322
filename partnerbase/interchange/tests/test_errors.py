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
        f"organisations[{n}] (id {org['id']}): colour: not a field in format version 1.0",
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
    assert _refused(tmp_path, small_data) == ["file: format_version: must be '1.0', not '2.0'"]
    small_data["format_version"] = "1.0"
    small_data["people"].append(dict(small_data["people"][0]))
    duplicate = small_data["people"][0]["id"]
    assert _refused(tmp_path, small_data) == [
        f"people[1] (id {duplicate}): id: also used by people[0]"
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
    with pytest.raises(CommandError, match="is not a JSON file"):
        call_command("import", str(path))


def test_command_line_exits_non_zero_and_prints_each_problem(small_data, tmp_path, capsys):
    n, award = _find(small_data, "funding_awards", title="Loan")
    award["amount"]["currency"] = "GBPX"
    with pytest.raises(SystemExit) as caught:
        main(["import", str(write(tmp_path, small_data)), "--slug", "copy"])
    assert caught.value.code != 0
    assert f"funding_awards[{n}] (id {award['id']}): amount.currency:" in capsys.readouterr().err
