"""Who may open each outcomes page, for every role; and the forms."""

from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from partnerbase.accounts.models import Role
from partnerbase.outcomes.models import OutcomeIndicator, OutcomeObservation
from tests.factories import roles

pytestmark = pytest.mark.django_db

READERS = {Role.TEAM, Role.ACCELERATOR_MANAGER, Role.CHAMPION}
MANAGERS = {Role.TEAM, Role.ACCELERATOR_MANAGER}
WHO = roles.WHO


def _u(name, args):
    return lambda w: reverse(f"outcomes:{name}", args=[w.programme.slug, *args(w)])


# The innovator role here acts for another innovator in the cohort, not the one on the page.
PAGES = {
    "cohort": (_u("cohort", lambda w: []), READERS),
    "innovator": (_u("innovator", lambda w: [w.innovator.uid]), READERS),
    "add indicator": (_u("indicator_add", lambda w: [w.innovator.uid]), MANAGERS),
    "record value": (_u("observation_add", lambda w: [w.indicator.uid]), MANAGERS),
    "verify": (_u("observation_verify", lambda w: [w.estimate.uid]), MANAGERS),
}


def sign_in(client, world, who, organisation=None):
    return roles.sign_in(client, who, lambda role: world.user(role, organisation))


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("page", PAGES)
def test_who_may_open_each_page(client, world, page, who):
    sign_in(client, world, who)
    response = client.get(PAGES[page][0](world))
    if who in PAGES[page][1] or who == "superuser":
        assert response.status_code == 200
    elif page in ("innovator", "add indicator") or (page == "record value" and who not in READERS):
        assert response.status_code == 404  # one innovator's: its existence does not show
    else:
        assert response.status_code == (404 if who == "no role" else 403)


@pytest.mark.parametrize("page", PAGES)
def test_signed_out_visitors_are_sent_to_sign_in(client, world, page):
    response = client.get(PAGES[page][0](world))
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == reverse("accounts:login")


@pytest.mark.parametrize("page", ["innovator", "add indicator", "record value"])
def test_an_innovator_opens_its_own_pages_but_not_verify(client, world, page):
    sign_in(client, world, Role.INNOVATOR, world.innovator)
    assert client.get(PAGES[page][0](world)).status_code == 200
    assert client.get(PAGES["verify"][0](world)).status_code == 403
    assert client.get(PAGES["cohort"][0](world)).status_code == 403


def test_the_cohort_page_shows_before_after_and_the_total(client, world):
    sign_in(client, world, Role.CHAMPION)
    page = client.get(PAGES["cohort"][0](world)).content.decode()
    assert "Toolshed" in page and "trebled (120 to 360 participants) — estimate" in page
    assert "<strong>120 participants</strong> at joining" in page
    other_cohort = (
        reverse("outcomes:cohort", args=[world.programme.slug])
        + "?cohort="
        + str(world.indicator.uid)
    )
    assert client.get(other_cohort).status_code == 404


def test_an_innovators_value_is_recorded_as_an_estimate(client, world):
    sign_in(client, world, Role.INNOVATOR, world.innovator)
    url = PAGES["record value"][0](world)
    assert 'name="quality"' not in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "observed_on_0": "1",
            "observed_on_1": "10",
            "observed_on_2": "2018",
            "value": "400",
            "quality": "verified",
            "evidence": "Our own count",
        },
    )
    assert response.status_code == 302
    saved = OutcomeObservation.objects.get(value=400)
    assert saved.quality == "estimate" and saved.history.get().history_user.pk


def test_bad_input_shows_the_error_summary_and_saves_nothing(client, world):
    sign_in(client, world, Role.TEAM)
    before = OutcomeObservation.objects.count()
    response = client.post(
        PAGES["record value"][0](world),
        {
            "observed_on_0": "31",
            "observed_on_1": "2",
            "observed_on_2": "2018",
            "value": "-4",
            "quality": "verified",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in page
    assert OutcomeObservation.objects.count() == before
    response = client.post(PAGES["add indicator"][0](world), {"kind": "other", "name": "Trees"})
    assert "Enter the unit the indicator is counted in." in response.content.decode()
    assert not OutcomeIndicator.objects.filter(name="Trees").exists()


def test_a_manager_verifies_an_estimate(client, world):
    sign_in(client, world, Role.ACCELERATOR_MANAGER)
    response = client.post(PAGES["verify"][0](world), {"evidence": "Payroll records"})
    assert response.status_code == 302
    world.estimate.refresh_from_db()
    assert world.estimate.quality == "verified" and world.estimate.evidence == "Payroll records"
