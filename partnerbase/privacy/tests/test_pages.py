"""The team's personal-data pages: only the convening team of a programme the person is in
(or the administrator); everyone else gets 404."""

import json

import pytest
from django.urls import reverse

from partnerbase.accounts.models import Role, User
from partnerbase.directory.services import person_create
from partnerbase.privacy.models import ActionKind, PersonalDataAction
from tests.factories import make_user

from .conftest import EMAIL, NAME, OTHER_EMAIL, declined_applicant, months_ago

pytestmark = pytest.mark.django_db


def url(name, slug="alpha"):
    return reverse(f"privacy:{name}", args=[slug])


def test_the_team_finds_a_person_and_reads_everything_held(client, world):
    client.force_login(world.team)
    assert client.get(url("index")).status_code == 200
    response = client.post(url("person"), {"email": EMAIL})
    assert response.status_code == 200
    page = response.content.decode()
    assert NAME in page and "07700 900123" in page and "192.0.2.7" in page
    assert OTHER_EMAIL not in page
    assert PersonalDataAction.objects.get().kind == ActionKind.VIEW


def test_the_json_download(client, world):
    client.force_login(world.team)
    response = client.post(url("export"), {"email": EMAIL})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["format"] == "partnerbase-personal-data" and data["account"]["full_name"] == NAME
    assert PersonalDataAction.objects.get().kind == ActionKind.EXPORT


def test_someone_not_held_in_the_programme_answers_404_with_the_error_at_the_field(client, world):
    client.force_login(world.team)
    response = client.post(url("person", "bravo"), {"email": EMAIL})
    assert response.status_code == 404
    assert "No one with this email address is held in Bravo" in response.content.decode()
    assert client.post(url("export", "bravo"), {"email": EMAIL}).status_code == 404
    assert client.post(url("person"), {"email": "not an address"}).status_code == 400
    assert not PersonalDataAction.objects.exists()


@pytest.mark.parametrize("role", [Role.INNOVATOR, Role.CHAMPION, Role.ACCELERATOR_MANAGER, None])
def test_everyone_but_the_team_gets_404(client, world, role):
    user = world.a.user(role) if role else make_user()
    client.force_login(user)
    assert client.get(url("index")).status_code == 404
    assert client.post(url("person"), {"email": EMAIL}).status_code == 404
    assert client.post(url("export"), {"email": EMAIL}).status_code == 404
    assert (
        client.post(
            url("erase"), {"email": EMAIL, "confirmed": "1", "confirm": "on", "reason": "x"}
        ).status_code
        == 404
    )
    assert client.get(url("retention")).status_code == 404
    # The other programme's team, too.
    client.force_login(world.bravo_team)
    assert client.post(url("export"), {"email": EMAIL}).status_code == 404
    assert User.objects.get(pk=world.user.pk).full_name == NAME


def test_the_administrator_may_use_any_programmes_pages(client, world):
    admin = User.objects.create_superuser(email="admin@example.org")
    client.force_login(admin)
    assert client.post(url("export"), {"email": EMAIL}).status_code == 200


def test_erasure_asks_for_confirmation_and_a_reason_then_erases(client, world):
    client.force_login(world.team)
    first = client.post(url("erase"), {"email": EMAIL})
    assert first.status_code == 200 and "cannot be undone" in first.content.decode()
    assert User.objects.get(pk=world.user.pk).full_name == NAME  # not yet
    missing = client.post(url("erase"), {"email": EMAIL, "confirmed": "1"})
    assert missing.status_code == 400
    page = missing.content.decode()
    assert "Say why the data is erased" in page and "Confirm that you understand" in page
    assert User.objects.get(pk=world.user.pk).full_name == NAME
    done = client.post(
        url("erase"), {"email": EMAIL, "confirmed": "1", "confirm": "on", "reason": "Asked 3 May"}
    )
    assert done.status_code == 302
    action = PersonalDataAction.objects.get(kind=ActionKind.ERASURE)
    assert User.objects.get(pk=world.user.pk).full_name == action.erased_label
    log = client.get(url("index")).content.decode()
    assert "Asked 3 May" in log and f"erasure {action.pk}" in log


def test_erasure_refused_shows_the_reason_and_changes_nothing(client, world):
    client.force_login(world.second)
    response = client.post(
        url("erase"),
        {"email": world.second.email, "confirmed": "1", "confirm": "on", "reason": "Me"},
    )
    assert response.status_code == 200
    assert "You cannot erase your own account" in response.content.decode()
    assert User.objects.get(pk=world.second.pk).is_active


def test_the_retention_page_lists_who_is_due_and_erases_them(client, world):
    declined_applicant(
        world, email="old@example.org", name="Olive Oldfield", decided_at=months_ago(13)
    )
    client.force_login(world.team)
    page = client.get(url("retention")).content.decode()
    assert "old@example.org" in page and "Olive Oldfield" in page
    assert client.post(url("retention")).status_code == 302
    assert "No one is due" in client.get(url("retention")).content.decode()
    assert PersonalDataAction.objects.filter(kind=ActionKind.RETENTION).count() == 1


SETTINGS = {
    "name": "Alpha",
    "starts_on_0": "1",
    "starts_on_1": "1",
    "starts_on_2": "2017",
    "reference_currency": "GBP",
    "display_currencies": "USD",
}


def test_the_retention_setting_is_in_the_programmes_settings(client, world):
    client.force_login(world.team)
    settings_url = reverse("setup:settings", args=["alpha"])
    page = client.get(settings_url).content.decode()
    assert "Keep unsuccessful applicants" in page and 'value="12"' in page
    for bad, error in [("0", "at least 1 month"), ("121", "no more than 120"), ("x", "whole")]:
        response = client.post(settings_url, {**SETTINGS, "applicant_retention_months": bad})
        assert error in response.content.decode()
        world.alpha.refresh_from_db()
        assert world.alpha.applicant_retention_months == 12
    client.post(settings_url, {**SETTINGS, "applicant_retention_months": "24"})
    world.alpha.refresh_from_db()
    assert world.alpha.applicant_retention_months == 24
    assert world.alpha.history.first().history_change_reason == "Settings changed"
    # Blank is the standard 12 months.
    client.post(settings_url, {**SETTINGS, "applicant_retention_months": ""})
    world.alpha.refresh_from_db()
    assert world.alpha.applicant_retention_months == 12


def test_a_team_sees_and_logs_only_its_own_programmes_records(client, world):
    elsewhere = person_create(actor=world.team, programme=world.bravo, name=NAME, email=EMAIL)
    client.force_login(world.second)  # alpha's team only
    data = json.loads(client.post(url("export"), {"email": EMAIL}).content)
    people = [r["id"] for r in data["records"] if r["model"] == "directory.Person"]
    assert people == [world.person.pk] and elsewhere.pk not in people
    assert PersonalDataAction.objects.get().subject_people == [world.person.pk]
    # Nor may it erase her: she is in a programme it does not run.
    page = client.post(url("erase"), {"email": EMAIL}).content.decode()
    assert "also in a programme you do not run" in page


def test_a_directory_person_without_an_address_is_found_from_the_directory(client, world):
    champion = person_create(actor=world.team, programme=world.alpha, name="Carys Chairwoman")
    client.force_login(world.team)
    page = client.post(url("person"), {"person": champion.uid}).content.decode()
    assert "Held about Carys Chairwoman" in page and f'value="{champion.uid}"' in page
    done = client.post(
        url("erase"),
        {"person": champion.uid, "confirmed": "1", "confirm": "on", "reason": "Asked"},
    )
    assert done.status_code == 302
    champion.refresh_from_db()
    assert champion.name.startswith("Erased person")
    # Another programme's directory person is not found here.
    elsewhere = person_create(actor=world.team, programme=world.bravo, name="Bob Elsewhere")
    assert client.post(url("person"), {"person": elsewhere.uid}).status_code == 404
    assert client.post(url("person"), {}).status_code == 400
