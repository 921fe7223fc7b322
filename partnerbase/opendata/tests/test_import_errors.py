"""A file with a bad grant imports nothing and says which grant or row, and which field."""

import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from partnerbase.directory.models import Organisation
from partnerbase.funding.models import FundingAward
from partnerbase.opendata.importer import grants_import
from partnerbase.opendata.reading import (
    ImportFailed,
    read_source,
    source_from_csv,
    source_from_json,
)
from partnerbase.programmes.models import Programme

from .conftest import ALW, DATA

pytestmark = pytest.mark.django_db


def _id(n: int) -> str:
    return json.loads(ALW.read_text(encoding="utf-8"))["grants"][n]["id"]


def _alw_with(change) -> str:
    data = json.loads(ALW.read_text(encoding="utf-8"), parse_float=Decimal)
    change(data["grants"])
    return json.dumps({"grants": data["grants"][:20]}, default=str)


def _errors(source, slug="bad") -> list[str]:
    with pytest.raises(ImportFailed) as failed:
        grants_import(actor=None, source=source, slug=slug, create=True)
    return failed.value.errors


def _nothing_saved():
    return not (
        Programme.objects.exists() or FundingAward.objects.exists() or Organisation.objects.exists()
    )


def test_bad_grants_are_named_by_index_id_and_field_and_nothing_is_saved(db):
    def spoil(grants):
        grants[3]["amountAwarded"] = -500
        del grants[12]["awardDate"]
        grants[7]["currency"] = "ZZZ"

    errors = _errors(source_from_json(_alw_with(spoil)))

    assert errors == [
        f"grants[7] ({_id(7)}): currency: 'ZZZ' is not in the 360Giving codelist for this field.",
        f"grants[12] ({_id(12)}): awardDate: is missing.",
    ]
    assert _nothing_saved()


def test_a_negative_amount_is_refused_once_the_schema_passes(db):
    def spoil(grants):
        grants[3]["amountAwarded"] = -500

    errors = _errors(source_from_json(_alw_with(spoil)))

    assert errors == [
        f"grants[3] ({_id(3)}): amountAwarded: -500 is not more than 0: the ledger records "
        "money given."
    ]
    assert _nothing_saved()


def test_a_bad_csv_row_is_named_by_row_and_column(db):
    good = (
        "Identifier,Title,Description,Currency,Amount Awarded,Award Date,"
        "Recipient Org:Identifier,Recipient Org:Name,Funding Org:Identifier,Funding Org:Name\n"
        "360G-x-1,Grant one,For things,GBP,100,2020-01-02,GB-CHC-1090393,Charity,"
        "GB-CHC-1015648,Funder\n"
    )
    bad = good + (
        "360G-x-2,Grant two,For things,GBP,lots,2020-01-02,GB-CHC-1090393,Charity,"
        "GB-CHC-1015648,Funder\n"
        "360G-x-3,Grant three,For things,GBP,100,31/01/2020,GB-CHC-1090393,Charity,"
        "GB-CHC-1015648,Funder\n"
    )

    errors = _errors(source_from_csv(bad))

    assert errors == [
        "row 3: Amount Awarded: 'lots' is not a number.",
        "row 4: Award Date: '31/01/2020' is not a date: write it as YYYY-MM-DD (or a full "
        "date-time such as 2020-11-03T00:00:00+00:00).",
    ]
    assert _nothing_saved()
    assert (
        grants_import(actor=None, source=source_from_csv(good), slug="good", create=True).grants
        == 1
    )


def test_360givings_own_imperfect_fixture_imports_nothing(db):
    errors = _errors(read_source(DATA / "example-dqt-fixture-2-grants.csv"))

    assert "row 2: Description: is missing." in errors
    assert any(e.startswith("row 3: Award Date: '24/07/2014' is not a date") for e in errors)
    assert _nothing_saved()


def test_importing_the_same_grants_twice_skips_or_updates_them(db, tmp_path):
    path = tmp_path / "few.json"
    path.write_text(_alw_with(lambda grants: None), encoding="utf-8")
    grants_import(actor=None, source=read_source(path), slug="few", create=True)
    organisations = Organisation.objects.count()

    def change(grants):
        grants[2]["amountAwarded"] = 1234.56
        grants[5]["title"] = "Renamed"

    path.write_text(_alw_with(change), encoding="utf-8")
    again = grants_import(actor=None, source=read_source(path), slug="few")

    assert (again.grants, sorted(again.updated)) == (0, sorted([_id(2), _id(5)]))
    assert len(again.skipped) == 18
    assert FundingAward.objects.count() == 20
    assert Organisation.objects.count() == organisations
    assert FundingAward.objects.get(grant_details__original_id=_id(2)).amount == Decimal("1234.56")
    assert FundingAward.objects.get(grant_details__original_id=_id(5)).title == "Renamed"


def test_the_command_lists_the_problems(db, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(_alw_with(lambda g: g[1].pop("title")), encoding="utf-8")

    with pytest.raises(CommandError) as failed:
        call_command("import-360giving", str(path))

    assert "Nothing was imported from" in str(failed.value)
    assert "1 problem(s)." in str(failed.value)
    assert f"grants[1] ({_id(1)}): title: is missing." in str(failed.value)
    assert _nothing_saved()


def test_files_that_are_not_360giving_are_refused(tmp_path):
    path = tmp_path / "x.json"
    path.write_text('{"grant": []}', encoding="utf-8")

    with pytest.raises(ImportFailed) as failed:
        read_source(path)

    assert failed.value.errors == [
        'The file is not a 360Giving data package: it has no "grants" list.'
    ]
