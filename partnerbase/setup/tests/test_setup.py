"""Setting a programme up in the browser: the administrator creates it, the convening team
changes its settings and conveners and publishes its public page; the dashboard's set-up
task list follows the records."""

from datetime import date

import pytest
from django.urls import reverse

from partnerbase.accounts.models import Role, User
from partnerbase.core.period import programme_period
from partnerbase.directory.models import Organisation
from partnerbase.impact import figures as f
from partnerbase.impact.models import Figure
from partnerbase.programmes.models import Programme
from partnerbase.setup.tasks import COMPLETED, INCOMPLETE, NOT_STARTED, setup_tasks
from tests.factories import Make, make_programme, make_user

pytestmark = pytest.mark.django_db

NEW_PROGRAMME = {
    "name": "Northern Inclusion Partnership",
    "slug": "northern-inclusion",
    "description": "Businesses, charities and councils in the North.",
    "owner_name": "Greater Manchester Combined Authority",
    "owner_kind": "local_authority",
    "starts_on_0": "1",
    "starts_on_1": "4",
    "starts_on_2": "2026",
    "ends_on_0": "31",
    "ends_on_1": "3",
    "ends_on_2": "2028",
    "reference_currency": "gbp",
    "display_currencies": "USD, EUR",
}


@pytest.fixture
def admin_user():
    return User.objects.create_superuser(email="root@example.org", password=None)


@pytest.fixture
def make():
    actor = make_user()
    return Make(actor, make_programme(actor, slug="alpha", ends_on=None))


def signed_in(client, make, role):
    user = make.user(role)
    client.force_login(user)
    return user


# --- creating a programme --------------------------------------------------------------


def test_the_administrator_creates_a_programme_with_its_owning_organisation(client, admin_user):
    client.force_login(admin_user)

    response = client.post(reverse("programme_new"), NEW_PROGRAMME)

    programme = Programme.objects.get(slug="northern-inclusion")
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:dashboard", args=[programme.slug])
    assert (programme.starts_on, programme.ends_on) == (date(2026, 4, 1), date(2028, 3, 31))
    assert (programme.reference_currency, programme.display_currencies) == ("GBP", "USD,EUR")
    owner = Organisation.objects.get(programme=programme)
    assert owner.name == "Greater Manchester Combined Authority"
    assert owner.convenes_programme and owner.kind == "local_authority"
    assert programme.history.get().history_user == admin_user
    # Its dashboard opens on the set-up task list.
    page = client.get(response["Location"]).content.decode()
    assert "data-setup-tasks" in page and "Set up the programme" in page


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"slug": "new"}, "slug", "kept for a page"),
        ({"slug": "alpha"}, "slug", "already has that short name"),
        ({"slug": "Bad Slug"}, "slug", "lower-case letters"),
        ({"name": ""}, "name", "Enter the programme&#x27;s name"),
        ({"ends_on_2": "2025"}, "ends_on", "same as or after the start date"),
        ({"reference_currency": "POUNDS"}, "reference_currency", "three-letter code"),
        ({"display_currencies": "USD, GBP"}, "display_currencies", "leave GBP out"),
        ({"starts_on_1": "13"}, "starts_on", "start date must be a real date"),
    ],
)
def test_bad_input_is_named_and_nothing_is_saved(client, admin_user, make, change, field, message):
    client.force_login(admin_user)
    before = (Programme.objects.count(), Organisation.objects.count())

    response = client.post(reverse("programme_new"), {**NEW_PROGRAMME, **change})

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert message in response.content.decode()
    assert (Programme.objects.count(), Organisation.objects.count()) == before


@pytest.mark.parametrize("role", [*Role.values, "no role"])
def test_only_the_administrator_may_create_a_programme(client, make, role):
    user = make_user() if role == "no role" else make.user(role)
    client.force_login(user)

    assert client.get(reverse("programme_new")).status_code == 403
    assert client.post(reverse("programme_new"), NEW_PROGRAMME).status_code == 403
    assert not Programme.objects.filter(slug="northern-inclusion").exists()


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("programme_new"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_programme_list_offers_the_administrator_a_new_programme(client, admin_user, make):
    client.force_login(admin_user)
    assert reverse("programme_new") in client.get(reverse("home")).content.decode()
    client.force_login(make.user(Role.TEAM))
    assert reverse("programme_new") not in client.get(reverse("home")).content.decode()


# --- settings, conveners and the public page: the team only ---------------------------

SETTINGS = {
    "name": "Alpha Partnership",
    "description": "What it is for.",
    "starts_on_0": "1",
    "starts_on_1": "1",
    "starts_on_2": "2017",
    "ends_on_0": "30",
    "ends_on_1": "9",
    "ends_on_2": "2018",
    "reference_currency": "GBP",
    "display_currencies": "USD",
    "report_date_0": "30",
    "report_date_1": "9",
    "report_date_2": "2018",
}


def test_the_team_changes_the_settings_and_the_history_keeps_it(client, make):
    user = signed_in(client, make, Role.TEAM)

    response = client.post(reverse("setup:settings", args=["alpha"]), SETTINGS)

    assert response.status_code == 302
    programme = Programme.objects.get(slug="alpha")
    assert programme.name == "Alpha Partnership"
    assert (programme.ends_on, programme.report_date) == (date(2018, 9, 30), date(2018, 9, 30))
    latest = programme.history.latest()
    assert latest.history_user == user and latest.history_change_reason == "Settings changed"


PAGES = [
    ("setup:settings", []),
    ("setup:conveners", []),
    ("setup:public_page", []),
]


@pytest.mark.parametrize("role", [r for r in Role.values if r != Role.TEAM])
@pytest.mark.parametrize(("name", "args"), PAGES)
def test_other_roles_may_not_open_or_post_the_set_up_pages(client, make, role, name, args):
    signed_in(client, make, role)
    url = reverse(name, args=["alpha", *args])

    assert client.get(url).status_code == 403
    assert client.post(url, {**SETTINGS, "publish": "yes"}).status_code == 403
    programme = Programme.objects.get(slug="alpha")
    assert programme.name != SETTINGS["name"] and not programme.figures_published


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_another_programmes_team_is_told_it_does_not_exist(client, make, name, args):
    other = Make(make.actor, make_programme(make.actor, slug="bravo"))
    client.force_login(other.user(Role.TEAM))

    assert client.get(reverse(name, args=["alpha", *args])).status_code == 404


def test_a_convener_is_added_and_removed_and_the_figures_follow(client, make):
    signed_in(client, make, Role.TEAM)
    department = make.org("Department for Work and Pensions", kind="government_department")
    make.engagement(department, date(2017, 5, 1))
    period = programme_period(make.programme)
    assert department in set(f.engaged_organisations(make.programme, period))

    client.post(reverse("setup:conveners", args=["alpha"]), {"organisation": department.pk})

    department.refresh_from_db()
    assert department.convenes_programme
    assert department not in set(f.engaged_organisations(make.programme, period))
    page = client.get(reverse("setup:conveners", args=["alpha"])).content.decode()
    assert "Department for Work and Pensions" in page

    client.post(reverse("setup:convener_remove", args=["alpha", department.uid]))

    department.refresh_from_db()
    assert not department.convenes_programme
    assert department.history.latest().history_change_reason == "No longer convening"


def test_the_team_previews_then_publishes_and_unpublishes_the_public_page(client, make):
    signed_in(client, make, Role.TEAM)
    public = reverse("public_figures", args=["alpha"])
    page = reverse("setup:public_page", args=["alpha"])

    preview = client.get(page).content.decode()
    assert "Preview: not published" in preview and "What the programme achieved" in preview
    assert client.get(public).status_code == 404

    client.post(page, {"publish": "yes"})
    assert client.get(public).status_code == 200
    assert "Anyone can see this page" in client.get(page).content.decode()

    client.post(page, {"publish": "no"})
    assert client.get(public).status_code == 404
    reasons = list(
        Programme.objects.get(slug="alpha").history.values_list("history_change_reason", flat=True)
    )
    assert "Public page published" in reasons and "Public page unpublished" in reasons


# --- the task list ---------------------------------------------------------------------


def test_the_task_list_follows_the_records(make):
    def status():
        return {task.key: task.status for task in setup_tasks(make.programme)}

    first = status()
    assert first["settings"] == INCOMPLETE  # no end date, no description yet
    assert first["conveners"] == first["targets"] == first["rates"] == NOT_STARTED
    assert first["working-groups"] == "cannot_start" and first["call"] == "cannot_start"

    make.convener("Department for Culture, Media and Sport")
    make.target(Figure.NEW_PROJECTS, "3")
    make.rate("GBP", "USD", date(2017, 1, 1), "1.3167")
    make.cohort(date(2017, 3, 1))

    after = status()
    assert after["conveners"] == COMPLETED
    assert after["targets"] == INCOMPLETE
    assert after["rates"] == COMPLETED
    assert after["accelerator"] == COMPLETED
    assert after["call"] == NOT_STARTED
    for figure in Figure.values:
        make.target(figure, "1")
    assert {t.key: t.status for t in setup_tasks(make.programme)}["targets"] == COMPLETED


def test_only_the_team_sees_the_task_list(client, make):
    dashboard = reverse("reports:dashboard", args=["alpha"])
    signed_in(client, make, Role.TEAM)
    assert "data-setup-tasks" in client.get(dashboard).content.decode()
    signed_in(client, make, Role.CHAMPION)
    assert "data-setup-tasks" not in client.get(dashboard).content.decode()
