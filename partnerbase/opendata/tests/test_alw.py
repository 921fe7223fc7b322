"""The Andrew Lloyd Webber Foundation's real 360Giving file: every grant and amount comes
in, and goes back out valid with the same grants, amounts, dates and recipients."""

import json
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command

from partnerbase.directory.models import Organisation
from partnerbase.funding.models import FundingAward
from partnerbase.opendata.export import package_csv, package_json, package_text
from partnerbase.opendata.importer import grants_import
from partnerbase.opendata.quality import quality_findings
from partnerbase.opendata.reading import read_source, source_from_csv, source_from_json
from partnerbase.opendata.schema import schema_errors
from partnerbase.programmes.models import Programme

from .conftest import ALW

pytestmark = pytest.mark.django_db

# Counted from the file independently (python json, sum of amountAwarded).
GRANTS, TOTAL = 475, Decimal("21757793.27")


def _original():
    return json.loads(ALW.read_text(encoding="utf-8"), parse_float=Decimal)["grants"]


def _key(grant):
    return (
        grant["id"],
        Decimal(str(grant["amountAwarded"])).quantize(Decimal("0.01")),
        date.fromisoformat(str(grant["awardDate"])[:10]),
        grant["recipientOrganization"][0]["id"],
        grant["recipientOrganization"][0]["name"],
        grant["fundingOrganization"][0]["id"],
        grant["currency"],
    )


@pytest.fixture
def imported(actor):
    return grants_import(actor=actor, source=read_source(ALW), slug="alwf", create=True)


def test_every_grant_and_amount_comes_in(imported):
    awards = FundingAward.objects.filter(programme=imported.programme)

    assert imported.created_programme
    assert imported.programme.name == "Andrew Lloyd Webber Foundation grants"
    assert awards.count() == GRANTS
    assert sum(a.amount for a in awards) == TOTAL
    assert imported.totals == {"GBP": TOTAL}
    assert set(awards.values_list("instrument", flat=True)) == {"grant"}


def test_a_sample_grant_keeps_its_fields(imported):
    award = FundingAward.objects.get(grant_details__original_id="360G-ALWF-2044")
    details = award.grant_details

    assert award.title == "Grant to The Friends of the City of Sheffield Youth Orchestra"
    assert award.description == "City of Sheffield Youth Orchestra Bursaries"
    assert award.amount == Decimal("9000.00") and award.currency == "GBP"
    assert award.award_date == date(2020, 11, 3)
    assert award.recipient.name == "The Friends of the City of Sheffield Youth Orchestra"
    assert award.recipient.kind == "charity"
    assert [str(i) for i in award.recipient.identifiers.all()] == ["GB-CHC-514479"]
    assert award.funder.name == "Andrew Lloyd Webber Foundation"
    assert award.funder.kind == "funder"
    assert details.beneficiary_locations == [{"name": "South Yorkshire", "countryCode": "GB"}]
    assert details.grant_programmes == [{"title": "Music"}]
    assert details.planned_dates == [{"duration": 36}]
    assert details.extra["amountAppliedFor"] == 15000
    assert details.recipient_fields["postalCode"] == "S40 3RB"


def test_organisations_are_matched_by_identifier_not_duplicated(imported):
    programme = imported.programme
    recipients = {g["recipientOrganization"][0]["id"] for g in _original()}

    # One funder plus one organisation per distinct recipient identifier.
    assert Organisation.objects.filter(programme=programme).count() == len(recipients) + 1
    assert imported.organisations == len(recipients) + 1
    # Float noise in the file (41133.770000000004) is whole pence in the ledger.
    noisy = FundingAward.objects.get(programme=programme, amount_minor=4113377)
    assert noisy.amount == Decimal("41133.77")


def test_round_trip_gives_the_same_grants_and_a_valid_file(imported):
    package = json.loads(package_text(package_json(imported.programme, prefix="ALWF")))

    assert schema_errors(package) == []
    assert sorted(map(_key, package["grants"])) == sorted(map(_key, _original()))
    assert sum(Decimal(str(g["amountAwarded"])) for g in package["grants"]) == TOTAL
    # Fields the ledger has no column for come back too.
    by_id = {g["id"]: g for g in package["grants"]}
    for grant in _original():
        for field in ("beneficiaryLocation", "grantProgramme", "plannedDates", "dataSource"):
            assert by_id[grant["id"]].get(field) == grant.get(field)
    # The publisher's own quality profile is unchanged (no new warnings from the trip).
    names = {f.name: f.count for f in quality_findings(package, today=date(2021, 4, 7))}
    original = {
        f.name: f.count for f in quality_findings({"grants": _original()}, today=date(2021, 4, 7))
    }
    assert names == original


def test_the_exported_csv_imports_again_with_the_same_grants(imported, tmp_path):
    package = package_json(imported.programme)
    source = source_from_csv(package_csv(package))

    again = grants_import(actor=None, source=source, slug="alwf-from-csv", create=True)

    assert again.grants == GRANTS and again.totals == {"GBP": TOTAL}
    reexported = package_json(again.programme)
    assert sorted(map(_key, reexported["grants"])) == sorted(map(_key, _original()))


def test_the_commands_import_and_export(db, tmp_path, capsys):
    out = tmp_path / "alw.json"

    call_command("import-360giving", str(ALW), "--programme", "alw", "--create")
    call_command("export-360giving", "--programme", "alw", "-o", str(out))

    assert "Imported 475 grants (£21,757,793.27)" in capsys.readouterr().out
    written = source_from_json(out.read_text(encoding="utf-8"))
    assert len(written.grants) == GRANTS
    assert Programme.objects.filter(slug="alw").count() == 1
