"""Org-id identifiers: the register's lists, their formats, and saving nothing on a bad one."""

import pytest

from partnerbase.core.errors import DomainError
from partnerbase.directory import orgid
from partnerbase.directory.models import Organisation, OrganisationIdentifier
from partnerbase.directory.services import organisation_create
from tests.factories import make_programme, make_user


@pytest.mark.parametrize(
    ("value", "scheme", "identifier"),
    [
        ("GB-CHC-1090393", "GB-CHC", "1090393"),
        ("GB-CHC-220949", "GB-CHC", "220949"),
        ("GB-COH-09506232", "GB-COH", "09506232"),
        ("GB-COH-SC123456", "GB-COH", "SC123456"),
        ("GB-SC-SC042386", "GB-SC", "SC042386"),
        ("GB-NIC-100019", "GB-NIC", "100019"),
        ("GB-GOR-D1198", "GB-GOR", "D1198"),
        ("GB-GOR-OT1211", "GB-GOR", "OT1211"),
        ("GB-LAE-BAS", "GB-LAE", "BAS"),
        ("GB-UKPRN-10000346", "GB-UKPRN", "10000346"),
        ("GB-EDU-125554", "GB-EDU", "125554"),
        ("GB-GOV-4", "GB-GOV", "4"),
        ("GB-NHS-RJ1", "GB-NHS", "RJ1"),  # a list without a known format: any short code
        ("GB-MPR-IP00123R", "GB-MPR", "IP00123R"),
    ],
)
def test_valid_identifiers(value, scheme, identifier):
    parsed = orgid.parse(value)
    assert (parsed.scheme, parsed.identifier) == (scheme, identifier)
    assert str(parsed) == value


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("gb-chc-1090393", "GB-CHC-1090393"),  # the list code is not case-sensitive
        ("Gb-Coh-09506232", "GB-COH-09506232"),
        ("  GB-CHC-1090393\n", "GB-CHC-1090393"),  # surrounding space is ignored
    ],
)
def test_list_codes_are_upper_cased_and_space_trimmed(value, expected):
    assert str(orgid.parse(value)) == expected


def test_an_unknown_list_is_refused_naming_the_known_ones():
    with pytest.raises(orgid.InvalidOrgId) as caught:
        orgid.parse("GB-XYZ-12345")
    message = str(caught.value)
    assert "GB-XYZ is not a list in the org-id register" in message
    assert "GB-CHC" in message and "GB-COH" in message
    assert "GB-GOVUK" not in message  # deprecated lists are not offered


def test_a_deprecated_list_is_refused():
    assert orgid.known_lists()["GB-GOVUK"].deprecated
    with pytest.raises(orgid.InvalidOrgId, match="GB-GOVUK .*deprecated"):
        orgid.parse("GB-GOVUK-cabinet-office")


def test_the_register_lists_are_loaded_from_the_data_files():
    lists = orgid.known_lists()
    assert len(lists) == len(list(orgid.DATA_DIR.glob("*.json")))
    assert lists["GB-CHC"].name and not lists["GB-CHC"].deprecated


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("", "Enter an identifier"),
        ("   ", "Enter an identifier"),
        (None, "Enter an identifier"),
        ("1090393", "is not an org-id identifier"),
        ("GB-CHC", "is not an org-id identifier"),
        ("GB-CHC-", "is not an org-id identifier"),
        ("GBCHC-1090393", "is not an org-id identifier"),
        ("GB-CHC-12345", "not a valid GB-CHC identifier: use 6 or 7 digits"),
        ("GB-CHC-12345678", "not a valid GB-CHC identifier"),
        ("GB-CHC-109O393", "not a valid GB-CHC identifier"),
        ("GB-COH-1234567", "not a valid GB-COH identifier: use 8 characters"),
        ("GB-COH-SC12345", "not a valid GB-COH identifier"),
        ("GB-SC-042386", "not a valid GB-SC identifier"),
        ("GB-LAE-bas", "not a valid GB-LAE identifier"),
        ("GB-GOR-1198", "not a valid GB-GOR identifier"),
        ("GB-NHS-RJ 1", "not a valid GB-NHS identifier"),
        ("GB-NHS-" + "A" * 65, "not a valid GB-NHS identifier"),
    ],
)
def test_bad_identifiers_say_what_is_wrong(value, says):
    with pytest.raises(orgid.InvalidOrgId, match=says):
        orgid.parse(value)


@pytest.mark.django_db
def test_organisation_create_with_a_bad_identifier_saves_nothing():
    actor = make_user()
    programme = make_programme(actor)

    with pytest.raises(DomainError) as caught:
        organisation_create(
            actor=actor,
            programme=programme,
            name="Toolshed",
            kind="charity",
            identifiers=["GB-CHC-1090393", "GB-CHC-12"],
        )

    assert caught.value.field == "identifiers"
    assert "GB-CHC" in caught.value.message
    assert not Organisation.objects.exists()
    assert not OrganisationIdentifier.objects.exists()
    assert not Organisation.history.exists()
    assert not OrganisationIdentifier.history.exists()


@pytest.mark.django_db
def test_organisation_create_stores_each_identifier_parsed():
    actor = make_user()
    programme = make_programme(actor)

    organisation = organisation_create(
        actor=actor,
        programme=programme,
        name=" Toolshed ",
        kind="charity",
        identifiers=["gb-chc-1090393", "GB-COH-09506232"],
    )

    assert organisation.name == "Toolshed"
    assert sorted(str(i) for i in organisation.identifiers.all()) == [
        "GB-CHC-1090393",
        "GB-COH-09506232",
    ]
