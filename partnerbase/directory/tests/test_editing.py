"""Changing, deleting and merging organisations and their people through the pages: who may,
what bad input says (and that it saves nothing), and what refusals name."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.html import escape

from partnerbase.accounts.models import Role, User
from partnerbase.board.services import champion_appoint
from partnerbase.directory import services
from partnerbase.directory.models import Organisation, OrganisationIdentifier, Person
from tests.factories import Make, make_programme, make_user

pytestmark = pytest.mark.django_db

TEAM = {Role.TEAM, "superuser"}
READERS = TEAM | {Role.ACCELERATOR_MANAGER}


@pytest.fixture
def make(db):
    actor = make_user(full_name="Tess Team")
    return Make(actor, make_programme(actor, starts_on=date(2017, 1, 1)))


@pytest.fixture
def users(make):
    people = {role: make.user(role) for role in Role.values}
    people["superuser"] = User.objects.create_superuser(email="root@example.org")
    people["no role"] = make_user()
    return people


@pytest.fixture
def org(make):
    organisation = make.org("Toolshed", kind="social_enterprise", identifiers=["GB-COH-09506232"])
    services.person_create(
        actor=make.actor,
        programme=make.programme,
        organisation=organisation,
        name="Ada Lovelace",
        email="ada@example.org",
        phone="01632 960 001",
    )
    return organisation


def refused(who) -> int:
    """No role in the programme: 404, so nobody learns it exists; any other role: 403."""
    return 404 if who == "no role" else 403


def pages(org, person):
    p, o = org.programme.slug, org.uid
    return {
        "change": reverse("directory:organisation_change", args=[p, o]),
        "delete": reverse("directory:organisation_delete", args=[p, o]),
        "merge": reverse("directory:organisation_merge_choose", args=[p, o]),
        "add person": reverse("directory:person_add", args=[p, o]),
        "change person": reverse("directory:person_change", args=[p, o, person.uid]),
        "remove person": reverse("directory:person_remove", args=[p, o, person.uid]),
    }


def post_pages(org, person, other):
    """The pages that write; the merge is posted to its confirmation page."""
    merge = reverse("directory:organisation_merge", args=[org.programme.slug, org.uid, other.uid])
    return pages(org, person) | {"merge": merge}


def test_only_the_team_opens_the_pages_that_change_the_directory(client, org, users):
    person = org.people.get()
    for page, url in pages(org, person).items():
        for who, user in users.items():
            client.force_login(user)
            status = client.get(url).status_code
            expected = 200 if who in TEAM else refused(who)
            assert status == expected, f"{who} on {page}: {status}"


def test_people_and_history_are_shown_to_the_directory_roles_only(client, org, users):
    url = reverse("directory:organisation_detail", args=[org.programme.slug, org.uid])
    history = reverse("directory:organisation_history", args=[org.programme.slug, org.uid])
    for who, user in users.items():
        client.force_login(user)
        response = client.get(url)
        expected = 200 if who in READERS else refused(who)
        assert response.status_code == expected, who
        assert client.get(history).status_code == expected, who
        if expected == 200:
            body = response.content.decode()
            assert "ada@example.org" in body and "01632 960 001" in body
            assert ("Change details" in body) == (who in TEAM)


def test_posts_are_refused_to_other_roles_and_save_nothing(client, org, users, make):
    person = org.people.get()
    other = make.org("Toolshed Ltd")
    posts = post_pages(org, person, other)
    data = {"name": "Renamed", "kind": "charity", "keep": str(org.uid)}
    before = Organisation.objects.count()
    for who, user in users.items():
        if who in TEAM:
            continue
        client.force_login(user)
        for page, url in posts.items():
            status = client.post(url, data).status_code
            assert status == refused(who), f"{who} posting to {page}: {status}"
    assert Organisation.objects.count() == before
    assert Organisation.objects.get(pk=org.pk).name == "Toolshed"
    assert Person.objects.get(pk=person.pk).name == "Ada Lovelace"
    assert Person.objects.filter(organisation=org).count() == 1


def test_another_programmes_team_gets_404(client, org, make):
    actor = make_user()
    elsewhere = Make(actor, make_programme(actor))
    client.force_login(elsewhere.user(Role.TEAM))
    person = org.people.get()
    other = make.org("Toolshed Ltd")
    detail = reverse("directory:organisation_detail", args=[org.programme.slug, org.uid])
    for page, url in (pages(org, person) | {"detail": detail}).items():
        assert client.get(url).status_code == 404, page
    data = {"name": "x", "kind": "charity", "keep": str(org.uid)}
    for page, url in post_pages(org, person, other).items():
        assert client.post(url, data).status_code == 404, page
    # Nor may they put their own programme's slug before this programme's record.
    url = reverse("directory:organisation_change", args=[elsewhere.programme.slug, org.uid])
    assert client.post(url, {"name": "x", "kind": "charity"}).status_code == 404
    assert Organisation.objects.get(pk=org.pk).name == "Toolshed"


def test_team_changes_every_detail(client, org, users):
    client.force_login(users[Role.TEAM])
    url = reverse("directory:organisation_change", args=[org.programme.slug, org.uid])
    form = client.get(url).content.decode()
    assert 'value="Toolshed"' in form and "GB-COH-09506232" in form
    response = client.post(
        url,
        {
            "name": "Toolshed Enterprises",
            "kind": "business",
            "sector_group": "civil_society",
            "identifiers": "GB-CHC-1090393\nGB-COH-09506232",
            "regions": "West Midlands, Wales",
            "employee_count": "45",
            "customer_count": "12000",
            "national_reach": "on",
            "responsible_business_notes": "Living wage employer",
            "website": "toolshed.example.org",
            "description": "Tools for young people",
        },
    )
    assert response.status_code == 302
    org.refresh_from_db()
    assert (org.name, org.kind, org.sector_group) == (
        "Toolshed Enterprises",
        "business",
        "civil_society",
    )
    assert (org.employee_count, org.customer_count, org.national_reach) == (45, 12000, True)
    assert org.regions == "West Midlands, Wales"
    assert org.responsible_business_notes == "Living wage employer"
    assert org.website == "https://toolshed.example.org"
    assert org.description == "Tools for young people"
    assert sorted(str(i) for i in org.identifiers.all()) == ["GB-CHC-1090393", "GB-COH-09506232"]
    last = org.history.first()
    assert (last.history_user, last.history_change_reason) == (users[Role.TEAM], "Details changed")
    page = client.get(response["Location"]).content.decode()
    assert "12,000" in page and "Living wage employer" in page

    # An identifier left out is removed, with its history; an empty sector follows the kind.
    client.post(url, {"name": "Toolshed Enterprises", "kind": "charity", "identifiers": ""})
    org.refresh_from_db()
    assert not org.identifiers.exists() and org.sector_group == "civil_society"
    assert OrganisationIdentifier.history.filter(history_type="-").count() == 2


def test_bad_details_are_named_and_nothing_is_saved(client, org, users):
    client.force_login(users[Role.TEAM])
    url = reverse("directory:organisation_change", args=[org.programme.slug, org.uid])
    before = org.history.count()
    response = client.post(
        url,
        {
            "name": "",
            "kind": "spaceship",
            "identifiers": "GB-COH-09506232\nGB-CHC-12",
            "employee_count": "-3",
            "customer_count": "lots",
            "website": "not a website",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body and "<title>Error: " in body
    for message in (
        "Enter the organisation&#x27;s name",
        "Select the kind of organisation",
        "is not a valid GB-CHC identifier",
        "Enter the number of employees as a whole number, 0 or more",
        "Enter the number of customers as a whole number, 0 or more",
        "Enter the website address in the correct format",
    ):
        assert message in body, message
    assert 'href="#id_name"' in body and 'href="#id_employee_count"' in body
    org.refresh_from_db()
    assert org.name == "Toolshed" and org.history.count() == before
    assert [str(i) for i in org.identifiers.all()] == ["GB-COH-09506232"]


def test_team_adds_changes_and_removes_a_person(client, org, users):
    client.force_login(users[Role.TEAM])
    p, o = org.programme.slug, org.uid
    response = client.post(
        reverse("directory:person_add", args=[p, o]),
        {
            "name": "Grace Hopper",
            "job_title": "CEO",
            "email": "grace@example.org",
            "phone": "+44 808 157 0192",
        },
    )
    assert response.status_code == 302
    grace = Person.objects.get(name="Grace Hopper")
    assert (grace.organisation, grace.programme) == (org, org.programme)
    assert grace.history.first().history_user == users[Role.TEAM]

    change = reverse("directory:person_change", args=[p, o, grace.uid])
    bad = client.post(change, {"name": "", "email": "grace-at-example", "phone": "call me"})
    body = bad.content.decode()
    assert "Enter the person&#x27;s full name" in body
    assert "Enter an email address in the correct format" in body
    assert "Enter a telephone number" in body
    grace.refresh_from_db()
    assert grace.email == "grace@example.org"

    response = client.post(
        change, {"name": "Grace Hopper", "job_title": "Chair", "email": "", "phone": ""}
    )
    assert response.status_code == 302
    grace.refresh_from_db()
    assert (grace.job_title, grace.email, grace.phone) == ("Chair", "", "")
    assert grace.history.first().history_change_reason == "Contact details changed"

    remove = reverse("directory:person_remove", args=[p, o, grace.uid])
    assert "Remove Grace Hopper" in client.get(remove).content.decode()
    assert client.post(remove).status_code == 302
    assert not Person.objects.filter(pk=grace.pk).exists()
    assert (
        Person.history.filter(id=grace.pk, history_type="-").get().history_user == users[Role.TEAM]
    )


def test_a_person_with_a_board_seat_is_not_removed(client, org, users, make):
    person = org.people.get()
    seat = champion_appoint(
        actor=make.actor,
        programme=make.programme,
        person=person,
        organisation=org,
        term_starts_on=date(2017, 3, 1),
    )
    client.force_login(users[Role.TEAM])
    url = reverse("directory:person_remove", args=[org.programme.slug, org.uid, person.uid])
    message = escape(f"Cannot remove: 1 champion ({seat}) refers to them.")
    assert message in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Person.objects.filter(pk=person.pk).exists()


def test_delete_is_refused_naming_what_refers_to_the_organisation(client, make, users):
    funder, recipient = make.org("UnLtd", kind="charity"), make.org("Toolshed")
    for amount in ("1000", "2000"):
        make.award(funder=funder, recipient=recipient, amount=amount, on=date(2017, 6, 1))
    make.partnership(innovator=make.org(), partners=[recipient], value=Decimal("100"))
    client.force_login(users[Role.TEAM])
    url = reverse("directory:organisation_delete", args=[make.programme.slug, recipient.uid])
    awards = [str(a) for a in recipient.awards_received.order_by("pk")]
    partnership = recipient.partner_in.get().partnership
    message = escape(
        f"Cannot delete: 2 funding awards ({awards[0]}, {awards[1]}) and 1 partnership partner "
        f"(Toolshed in {partnership}) refer to it."
    )
    page = client.get(url).content.decode()
    assert escape(f"2 funding awards ({awards[0]}, {awards[1]})") in page
    assert escape(f"1 partnership partner (Toolshed in {partnership})") in page
    assert "Delete organisation" not in page
    response = client.post(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "govuk-error-summary" in body and message in body
    assert Organisation.objects.filter(pk=recipient.pk).exists()
    # One record is "refers".
    url = reverse("directory:organisation_delete", args=[make.programme.slug, funder.uid])
    assert "Cannot delete: 2 funding awards (" in client.post(url).content.decode()


def test_team_deletes_an_organisation_nothing_refers_to(client, make, users):
    organisation = make.org("Typo Ltd", identifiers=["GB-COH-09506232"])
    client.force_login(users[Role.TEAM])
    url = reverse("directory:organisation_delete", args=[make.programme.slug, organisation.uid])
    assert "Nothing refers to Typo Ltd" in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "directory:organisation_list", args=[make.programme.slug]
    )
    assert not Organisation.objects.filter(pk=organisation.pk).exists()
    assert not OrganisationIdentifier.objects.filter(organisation_id=organisation.pk).exists()
    deleted = Organisation.history.get(id=organisation.pk, history_type="-")
    assert deleted.history_user == users[Role.TEAM]
    # Its history stays readable.
    history = reverse(
        "directory:organisation_history", args=[make.programme.slug, organisation.uid]
    )
    page = client.get(history).content.decode()
    assert "This record was deleted" in page and "Organisation deleted" in page
