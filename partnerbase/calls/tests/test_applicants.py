"""An applicant (an account made on a call's page) holds no programme role: they draft,
submit, withdraw and read their own organisation's applications and open nothing else,
until selection makes them the organisation's innovator."""

from datetime import date

import pytest
from django.urls import reverse

from partnerbase.accelerator import services as accelerator
from partnerbase.accounts.models import Role
from partnerbase.accounts.permissions import can_view_programme, programme_roles
from partnerbase.calls import services
from partnerbase.calls.models import Application, ApplicationStatus
from partnerbase.reports.places import GROUPS, navigation, places
from tests.factories.calls import good_answers


@pytest.fixture
def pages(call):
    """Where an applicant goes, by name."""
    p, c = call.programme.slug, call.slug
    return {
        "apply": reverse("calls_public:apply", args=[p, c]),
        "withdraw": reverse("calls_public:withdraw", args=[p, c]),
        "mine": reverse("calls:my_applications", args=[p]),
    }


def _every_place(programme):
    """Each place of the landing page's list (reports/places.py), by key."""
    return {
        place.key: reverse(place.url_name, args=[programme.slug])
        for group in GROUPS.values()
        for place in group
    }


def test_an_applicant_holds_no_role(call, applicant):
    user, _ = applicant
    assert programme_roles(user, call.programme) == set()
    assert not can_view_programme(user, call.programme)


def test_an_applicant_drafts_submits_reads_and_withdraws(client, call, applicant, pages):
    user, organisation = applicant
    client.force_login(user)
    assert client.get(pages["apply"]).status_code == 200
    answers = {q.field_name: v for q, v in good_answers(call).items()}
    response = client.post(pages["apply"], {**answers, "action": "save"})
    assert response.status_code == 302
    application = Application.objects.get(call=call, organisation=organisation)
    response = client.post(
        pages["apply"], {**answers, "challenge_area": call.area.pk, "action": "submit"}
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    # Their applications, and the application's own page.
    mine = client.get(pages["mine"])
    assert mine.status_code == 200 and call.title in mine.content.decode()
    detail = reverse(
        "calls:application_detail", args=[call.programme.slug, call.slug, application.uid]
    )
    assert client.get(detail).status_code == 200
    assert client.post(pages["withdraw"]).status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN


def test_an_applicant_opens_nothing_but_their_applications(client, make, call, applicant):
    user, _ = applicant
    client.force_login(user)
    for key, url in _every_place(make.programme).items():
        status = client.get(url).status_code
        assert status == (200 if key == "applications" else 404), (key, url, status)
    # Nor another organisation's application.
    other = make.org("Other Enterprise")
    application = services.application_start(actor=make.actor, call=call, organisation=other)
    detail = reverse(
        "calls:application_detail", args=[call.programme.slug, call.slug, application.uid]
    )
    assert client.get(detail).status_code == 404  # not even its existence


def test_the_landing_page_and_navigation_show_an_applicant_their_applications(
    client, call, applicant
):
    user, _ = applicant
    mine = reverse("calls:my_applications", args=[call.programme.slug])
    assert places(user, call.programme) == [
        ("Accelerator", [("applications", "Your applications", mine)])
    ]
    assert navigation(user, call.programme) == [("applications", "Your applications", mine)]
    client.force_login(user)
    page = client.get("/").content.decode()
    assert call.programme.name in page and "Applicant" in page and f'href="{mine}"' in page


def test_selection_gives_the_applicant_the_innovator_role(client, make, call, applicant):
    user, organisation = applicant
    application = services.application_start(actor=user, call=call, organisation=organisation)
    services.application_submit(
        actor=user,
        application=application,
        answers=good_answers(call),
        challenge_area=call.area,
    )
    own_page = reverse("accelerator:mine", args=[call.programme.slug])
    client.force_login(user)
    assert client.get(own_page).status_code == 404  # no role: the programme is not theirs
    cohort = accelerator.cohort_create(
        actor=make.actor,
        accelerator=call.accelerator,
        name="First cohort",
        starts_on=date(2030, 1, 1),
    )
    accelerator.cohort_select(
        actor=make.actor,
        cohort=cohort,
        applications=[application],
        joined_on=date(2030, 1, 1),
        reason="Strong evidence of impact.",
    )
    assert programme_roles(user, call.programme) == {Role.INNOVATOR}
    assert client.get(own_page, follow=True).status_code == 200
