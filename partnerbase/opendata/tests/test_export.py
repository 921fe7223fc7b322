"""A programme's grants and prizes as 360Giving JSON and CSV: valid, with the right ids."""

import csv
import io
from datetime import date

import pytest

from partnerbase.opendata.export import grant_awards, package_csv, package_json
from partnerbase.opendata.quality import quality_findings
from partnerbase.opendata.schema import schema_errors
from partnerbase.opendata.services import grant_details_set

pytestmark = pytest.mark.django_db


@pytest.fixture
def ledger(make):
    funder = make.org("Barclays", kind="business", identifiers=["GB-COH-01026167"])
    innovator = make.org("Toolshed")
    grant = make.award(funder=funder, recipient=innovator, amount="25000", on=date(2018, 3, 1))
    prize = make.award(
        funder=funder,
        recipient=innovator,
        amount="1000.50",
        on=date(2018, 4, 1),
        instrument="prize",
    )
    make.award(
        funder=funder,
        recipient=innovator,
        amount="80500",
        on=date(2018, 5, 1),
        instrument="social_loan",
    )
    make.award(funder=funder, recipient=innovator, amount="5", on=date(2018, 5, 2), confirmed=False)
    grant_details_set(
        actor=make.actor,
        award=grant,
        beneficiary_locations=[
            {"name": "West Midlands", "geoCode": "E12000005", "geoCodeType": "RGN/GOR"}
        ],
        classifications=[{"vocabulary": "partnerbase", "code": "fin", "title": "Financial"}],
    )
    return make, funder, innovator, grant, prize


def test_only_confirmed_grants_and_prizes_are_published(ledger):
    make, _, _, grant, prize = ledger

    assert list(grant_awards(make.programme)) == [grant, prize]


def test_the_package_is_valid_with_360g_ids_and_org_ids(ledger):
    make, funder, innovator, grant, prize = ledger

    package = package_json(make.programme, prefix="360G-alpha")

    assert schema_errors(package) == []
    first, second = package["grants"]
    assert first["id"] == f"360G-alpha-{grant.uid}"
    assert first["amountAwarded"] == 25000 and second["amountAwarded"] == 1000.5
    assert first["awardDate"] == "2018-03-01"
    assert first["fundingOrganization"] == [{"id": "GB-COH-01026167", "name": "Barclays"}]
    # No org-id identifier: the 360G- one 360Giving recommends.
    assert first["recipientOrganization"] == [
        {"id": f"360G-alpha-org-{innovator.uid}", "name": "Toolshed"}
    ]
    assert first["beneficiaryLocation"][0]["geoCode"] == "E12000005"
    assert first["classifications"][0]["code"] == "fin"
    assert first["grantProgramme"] == [{"code": "alpha", "title": "Alpha Programme"}]
    assert package["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert package["publisher"] == {"name": "Alpha Programme"}


def test_the_default_prefix_is_the_programme_slug(ledger):
    make, *_, grant, _ = ledger

    assert package_json(make.programme)["grants"][0]["id"] == f"360G-alpha-{grant.uid}"


def test_the_csv_has_360giving_column_titles_and_values(ledger):
    make, funder, innovator, grant, _ = ledger

    rows = list(csv.reader(io.StringIO(package_csv(package_json(make.programme)))))

    head = rows[0]
    for title in (
        "Identifier",
        "Title",
        "Description",
        "Currency",
        "Amount Awarded",
        "Award Date",
        "Recipient Org:Identifier",
        "Recipient Org:Name",
        "Funding Org:Identifier",
        "Funding Org:Name",
        "Beneficiary Location:Name",
        "Beneficiary Location:Geographic Code",
        "Grant Programme:Title",
        "Last Modified",
    ):
        assert title in head
    first = dict(zip(head, rows[1], strict=True))
    assert first["Identifier"] == f"360G-alpha-{grant.uid}"
    assert first["Amount Awarded"] == "25000"
    assert first["Currency"] == "GBP"
    assert first["Award Date"] == "2018-03-01"
    assert first["Funding Org:Identifier"] == "GB-COH-01026167"
    assert first["Recipient Org:Name"] == "Toolshed"
    assert first["Beneficiary Location:Geographic Code Type"] == "RGN/GOR"
    assert dict(zip(head, rows[2], strict=True))["Amount Awarded"] == "1000.50"
    assert len(rows) == 3


def test_csv_cells_that_look_like_formulas_are_defused(make):
    funder, recipient = make.org(kind="funder"), make.org("=HYPERLINK(1)")
    make.award(funder=funder, recipient=recipient, amount="10", on=date(2018, 1, 1))

    text = package_csv(package_json(make.programme))

    assert "'=HYPERLINK(1)" in text


def test_quality_warnings_name_the_checks(ledger):
    make, *_ = ledger

    findings = {
        f.name: f for f in quality_findings(package_json(make.programme), today=date(2019, 1, 1))
    }

    # Only the first grant has a beneficiary location; no grant has a data source.
    assert findings["NoBeneficiaryLocation"].count == 1
    assert findings["NoDataSource"].count == 2
    assert findings["NoBeneficiaryLocation"].locations == ["grants/1/id"]
    assert "PostDatedAwardDates" not in findings
    future = quality_findings(package_json(make.programme), today=date(2018, 3, 15))
    assert [f.count for f in future if f.name == "PostDatedAwardDates"] == [1]


def test_the_demo_programme_exports_valid_against_the_schema(db, iep_restored):
    iep = iep_restored()

    package = package_json(iep)

    assert schema_errors(package) == []
    grants = package["grants"]
    # The 18 accelerator grants from DCMS are among them; loans are not.
    assert sum(1 for g in grants if g["title"].startswith("IEP accelerator grant")) == 18
    assert all(g["id"].startswith("360G-iep-") for g in grants)
    assert len(grants) == grant_awards(iep).count()
    findings = quality_findings(package, today=date(2030, 1, 1))
    # Accuracy checks (likely mistakes) find nothing but what a partnership programme is:
    # grants from several funders in one file.
    assert [f.name for f in findings if f.kind == "accuracy"] == ["MoreThanOneFundingOrg"]
