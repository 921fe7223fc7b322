"""The 360Giving data-quality checks, each on a grant made to fail it (no database)."""

from datetime import date

import pytest

from partnerbase.opendata.quality import quality_findings

TODAY = date(2021, 6, 1)


def _grant(**changes):
    grant = {
        "id": "360G-x-1",
        "title": "Grant to a charity",
        "description": "For a music programme",
        "currency": "GBP",
        "amountAwarded": 100,
        "awardDate": "2020-01-02",
        "plannedDates": [{"duration": 12}],
        "recipientOrganization": [
            {
                "id": "GB-CHC-1090393",
                "name": "A",
                "charityNumber": "1090393",
                "postalCode": "S1 1AA",
            }
        ],
        "fundingOrganization": [{"id": "GB-CHC-1015648", "name": "F"}],
        "beneficiaryLocation": [{"name": "UK", "geoCode": "K02000001"}],
        "grantProgramme": [{"title": "Music"}],
        "dateModified": "2021-01-01T00:00:00+00:00",
        "dataSource": "https://example.org/",
    }
    grant.update(changes)
    return grant


def _names(*grants):
    return {f.name: f for f in quality_findings({"grants": list(grants)}, today=TODAY)}


def test_a_complete_grant_passes_every_check():
    assert _names(_grant()) == {}


@pytest.mark.parametrize(
    "changes, check",
    [
        ({"amountAwarded": 0}, "ZeroAmount"),
        ({"awardDate": "2022-01-01"}, "PostDatedAwardDates"),
        ({"awardDate": "1990-01-01"}, "FarPastDates"),
        ({"awardDate": "2019-02-29"}, "ImpossibleDates"),
        (
            {"plannedDates": [{"startDate": "2020-05-01", "endDate": "2020-01-01"}]},
            "PlannedStartDateBeforeEndDate",
        ),
        (
            {"plannedDates": [{"startDate": "2040-01-01", "endDate": "2041-01-01"}]},
            "FarFuturePlannedDates",
        ),
        ({"description": "Call jo@example.org"}, "LooksLikeEmail"),
        ({"title": "x" * 141}, "TitleLength"),
        ({"description": "Grant to a charity"}, "TitleDescriptionSame"),
        ({"id": "360G-x\n-1"}, "GrantIdUnexpectedChars"),
        (
            {
                "recipientOrganization": [
                    {"id": "GB-CHC-12", "name": "A", "charityNumber": "12", "postalCode": "S1 1AA"}
                ]
            },
            "OrganizationIdLooksInvalid",
        ),
        (
            {
                "recipientOrganization": [
                    {
                        "id": "XX-ABC-1",
                        "name": "A",
                        "charityNumber": "1090393",
                        "postalCode": "S1 1AA",
                    }
                ]
            },
            "RecipientOrgUnrecognisedPrefix",
        ),
        (
            {"recipientOrganization": [{"id": "360G-x-org-1", "name": "A"}]},
            "RecipientOrg360GPrefix",
        ),
        ({"beneficiaryLocation": []}, "NoBeneficiaryLocation"),
        ({"grantProgramme": []}, "NoGrantProgramme"),
        ({"dataSource": ""}, "NoDataSource"),
        ({"dateModified": ""}, "NoLastModified"),
        ({"plannedDates": []}, "PlannedDurationNotPresent"),
    ],
)
def test_each_check_finds_its_problem(changes, check):
    found = _names(_grant(**changes))

    assert check in found
    assert found[check].count == 1
    assert found[check].locations[0].startswith("grants/0/")


def test_file_level_checks_count_funders_not_grants():
    other = _grant(id="360G-x-2", fundingOrganization=[{"id": "GB-CHC-1000000", "name": "F"}])

    found = _names(_grant(), other)

    assert found["MoreThanOneFundingOrg"].summary == "2 different funding organisation identifiers"
    assert found["MultiFundingNamesForOrgId"].count == 1
