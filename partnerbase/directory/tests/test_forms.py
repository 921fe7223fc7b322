"""Adding an organisation and recording an engagement through the pages."""

from datetime import date

import pytest
from django.urls import reverse

from partnerbase.accounts.models import Role
from partnerbase.accounts.services import membership_grant, user_create
from partnerbase.directory.models import Engagement, Organisation
from partnerbase.directory.services import organisation_create
from partnerbase.programmes.services import programme_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    return programme_create(
        actor=None, name="Test programme", slug="test", starts_on=date(2020, 1, 1)
    )


def _client(client, programme, role, email="someone@example.org"):
    user = user_create(email=email, password="a long password 123")
    membership_grant(
        actor=None,
        user=user,
        programme=programme,
        role=role,
        organisation=organisation_create(
            actor=None, programme=programme, name="Their org", kind="business"
        )
        if role in (Role.CHAMPION, Role.INNOVATOR, Role.PARTNER_CONTACT)
        else None,
    )
    client.force_login(user)
    return client


def test_team_adds_an_organisation_with_identifiers(client, programme):
    c = _client(client, programme, Role.TEAM)
    response = c.post(
        reverse("directory:organisation_add", args=[programme.slug]),
        {
            "name": "UnLtd",
            "kind": "charity",
            "identifiers": "GB-CHC-1090393\n",
            "regions": "UK",
            "description": "",
        },
    )
    organisation = Organisation.objects.get(programme=programme, name="UnLtd")
    assert response.status_code == 302
    assert response["Location"].endswith(f"/organisations/{organisation.uid}/")
    assert [str(i) for i in organisation.identifiers.all()] == ["GB-CHC-1090393"]
    assert organisation.sector_group == "civil_society"
    assert organisation.history.first().history_user.email == "someone@example.org"


def test_bad_identifier_shows_error_summary_and_saves_nothing(client, programme):
    c = _client(client, programme, Role.TEAM)
    before = Organisation.objects.count()
    response = c.post(
        reverse("directory:organisation_add", args=[programme.slug]),
        {
            "name": "Bad",
            "kind": "charity",
            "identifiers": "GB-CHC-1090393\nGB-CHC-12",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html
    assert "is not a valid GB-CHC identifier" in html
    assert 'href="#id_identifiers"' in html
    assert Organisation.objects.count() == before


def test_missing_name_and_kind_are_reported_next_to_the_fields(client, programme):
    c = _client(client, programme, Role.TEAM)
    response = c.post(reverse("directory:organisation_add", args=[programme.slug]), {"name": ""})
    html = response.content.decode()
    assert 'href="#id_name"' in html and 'href="#id_kind"' in html
    assert "Error: " in html  # GOV.UK: the page title starts with "Error:"


@pytest.mark.parametrize("role", [r for r in Role if r != Role.TEAM])
def test_only_the_team_may_add(client, programme, role):
    c = _client(client, programme, role)
    response = c.get(reverse("directory:organisation_add", args=[programme.slug]))
    assert response.status_code == 403


def test_team_records_an_engagement(client, programme):
    c = _client(client, programme, Role.TEAM)
    org = organisation_create(actor=None, programme=programme, name="Barclays", kind="business")
    url = reverse("directory:engagement_add", args=[programme.slug, org.uid])
    form = c.get(url).content.decode()
    assert 'name="occurred_on_0"' in form and 'class="govuk-date-input"' in form
    assert 'type="date"' not in form
    response = c.post(
        url,
        {
            "kind": "meeting",
            "occurred_on_0": "27",
            "occurred_on_1": "3",
            "occurred_on_2": "2020",
            "summary": "First meeting",
        },
    )
    assert response.status_code == 302
    engagement = Engagement.objects.get(organisation=org)
    assert engagement.occurred_on == date(2020, 3, 27)
    bad = c.post(
        url,
        {"kind": "meeting", "occurred_on_0": "27", "occurred_on_2": "2020", "summary": "x"},
    )
    html = bad.content.decode()
    assert bad.status_code == 200
    # The summary links to the input in error: the month.
    assert '<a href="#id_occurred_on_1">Date must include a month</a>' in html
    assert Engagement.objects.filter(organisation=org).count() == 1
