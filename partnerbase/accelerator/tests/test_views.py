"""Every accelerator page and action, for every role; forms show errors and save nothing."""

from datetime import date

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnerbase.accelerator import services
from partnerbase.accelerator.models import (
    CohortMembership,
    Milestone,
    SelectionDecision,
    SupportSession,
)
from partnerbase.accounts.models import Role
from partnerbase.notifications.tests.helpers import committed

from .world import build_world

pytestmark = pytest.mark.django_db

MANAGERS = {Role.TEAM, Role.ACCELERATOR_MANAGER, "superuser"}
OWN = MANAGERS | {Role.INNOVATOR}  # the innovator acting for alpha
EVERYONE = [*Role.values, "other innovator", "superuser", "no role"]
PDF = b"%PDF-1.4\n% evidence\n"


@pytest.fixture
def full(world, settings, tmp_path):
    """alpha in the cohort with a milestone (with a file) and a session it attended."""
    settings.MEDIA_ROOT = tmp_path
    s = services.decision_record(
        actor=world.actor,
        application=world.applications["alpha"],
        decision="selected",
        reason="Good",
    )
    place = services.selection_place_add(
        actor=world.actor, selection=s, cohort=world.cohort, joined_on=date(2018, 2, 1)
    )
    m = services.milestone_create(
        actor=world.actor, membership=place, title="Plan", due_on=date(2018, 3, 31)
    )
    services.milestone_evidence_record(
        actor=world.actor,
        milestone=m,
        status="in_progress",
        upload=SimpleUploadedFile("plan.pdf", PDF),
    )
    session = services.session_create(
        actor=world.actor,
        cohort=world.cohort,
        kind="workshop",
        title="Scaling",
        held_on=date(2018, 3, 1),
    )
    services.attendance_set(actor=world.actor, session=session, memberships=[place])
    world.place, world.milestone, world.session = place, m, session
    return world


def urls(w):
    slug, call = w.programme.slug, w.call.slug
    a = w.applications["bravo"]
    return {
        "selection": (reverse("accelerator:selection", args=[slug, call]), MANAGERS),
        "decide": (reverse("accelerator:decide", args=[slug, call, a.uid]), MANAGERS),
        "select cohort": (reverse("accelerator:select_cohort", args=[slug, call]), MANAGERS),
        "cohort": (reverse("accelerator:cohort", args=[slug, w.cohort.uid]), MANAGERS),
        "session add": (reverse("accelerator:session_add", args=[slug, w.cohort.uid]), MANAGERS),
        "session": (reverse("accelerator:session", args=[slug, w.session.uid]), MANAGERS),
        "milestone add": (
            reverse("accelerator:milestone_add", args=[slug, w.cohort.uid]),
            MANAGERS,
        ),
        "status": (reverse("accelerator:membership_status", args=[slug, w.place.uid]), MANAGERS),
        "innovator": (reverse("accelerator:innovator", args=[slug, w.place.uid]), OWN),
        "evidence": (reverse("accelerator:evidence", args=[slug, w.milestone.uid]), OWN),
        "evidence file": (reverse("accelerator:evidence_file", args=[slug, w.milestone.uid]), OWN),
        "mine": (reverse("accelerator:mine", args=[slug]), {Role.INNOVATOR, "other innovator"}),
    }


HIDDEN = {"innovator", "evidence", "evidence file"}


@pytest.mark.parametrize("who", EVERYONE)
def test_every_page_for_every_role(client, full, who):
    client.force_login(full.users[who])
    for name, (url, allowed) in urls(full).items():
        response = client.get(url)
        if who in allowed:
            assert response.status_code in (200, 302), (name, who, response.status_code)
        else:
            # Someone with no role here does not learn the programme exists, nor anyone
            # another innovator's place or milestones.
            refused = 404 if who == "no role" or name in HIDDEN else 403
            assert response.status_code == refused, (name, who, response.status_code)


@pytest.mark.parametrize("who", EVERYONE)
def test_the_accelerator_home(client, full, who):
    client.force_login(full.users[who])
    response = client.get(reverse("accelerator:home", args=[full.programme.slug]))
    if who in MANAGERS:
        assert response.status_code == 200 and b"First cohort" in response.content
    elif who in (Role.INNOVATOR, "other innovator"):
        assert response.status_code == 302
    else:
        assert response.status_code == (404 if who == "no role" else 403)


def test_outsiders_get_404_and_signed_out_visitors_sign_in(client, full):
    other = build_world(slug="other", name="Other programme")
    client.force_login(other.users[Role.TEAM])
    for name, (url, _) in urls(full).items():
        assert client.get(url).status_code == 404, name
    client.logout()
    for name, (url, _) in urls(full).items():
        assert client.get(url).status_code in (302, 404), name


def test_the_innovator_page_shows_milestones_sessions_and_only_a_told_decision(client, full):
    client.force_login(full.users[Role.INNOVATOR])
    url = reverse("accelerator:innovator", args=[full.programme.slug, full.place.uid])
    page = client.get(url).content.decode()
    assert "Plan" in page and "Scaling" in page and "plan.pdf" in page
    assert "No decision yet" in page and "Selected" not in page
    services.decision_notify(actor=full.actor, selections=SelectionDecision.objects.all())
    page = client.get(url).content.decode()
    assert "Selected" in page and "No decision yet" not in page
    outcomes = reverse("outcomes:innovator", args=[full.programme.slug, full.orgs["alpha"].uid])
    assert outcomes in page


def test_the_evidence_file_downloads_as_an_attachment(client, full):
    client.force_login(full.users[Role.INNOVATOR])
    response = client.get(urls(full)["evidence file"][0])
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == PDF


def test_the_manager_decides_and_a_bad_decision_saves_nothing(client, full):
    client.force_login(full.users[Role.ACCELERATOR_MANAGER])
    url = urls(full)["decide"][0]
    response = client.post(url, {"decision": "declined", "reason": ""})
    assert b"govuk-error-summary" in response.content and b"Enter the reason" in response.content
    assert not SelectionDecision.objects.filter(application=full.applications["bravo"]).exists()
    response = client.post(url, {"decision": "declined", "reason": "Too early."})
    assert response.status_code == 302
    assert (
        SelectionDecision.objects.get(application=full.applications["bravo"]).decision == "declined"
    )


def test_a_told_decision_can_be_changed_by_the_team_only(client, full):
    client.force_login(full.users[Role.ACCELERATOR_MANAGER])
    url = urls(full)["decide"][0]
    client.post(url, {"decision": "declined", "reason": "Too early."})
    client.post(reverse("accelerator:notify", args=[full.programme.slug, full.call.slug]))
    assert client.get(url).status_code == 403
    client.force_login(full.users[Role.TEAM])
    response = client.post(
        url, {"decision": "waitlisted", "reason": "Too early.", "change_reason": ""}
    )
    assert b"Enter why the decision changes" in response.content
    response = client.post(
        url, {"decision": "waitlisted", "reason": "Too early.", "change_reason": "Appeal"}
    )
    assert response.status_code == 302
    assert (
        SelectionDecision.objects.get(application=full.applications["bravo"]).decision
        == "waitlisted"
    )


def test_notify_sends_emails_and_refuses_get_and_other_roles(client, full):
    url = reverse("accelerator:notify", args=[full.programme.slug, full.call.slug])
    client.force_login(full.users[Role.CHAMPION])
    assert client.post(url).status_code == 403
    client.force_login(full.users[Role.ACCELERATOR_MANAGER])
    assert client.get(url).status_code == 405
    with committed():
        client.post(url)
    assert [m.to for m in mail.outbox] == [[full.users[Role.INNOVATOR].email]]
    assert SelectionDecision.objects.get().notified_at is not None


def test_select_the_cohort_in_one_step(client, full):
    client.force_login(full.users[Role.ACCELERATOR_MANAGER])
    url = urls(full)["select cohort"][0]
    data = {
        "applications": [str(full.applications[k].uid) for k in ("bravo", "charlie")],
        "cohort": str(full.cohort.uid),
        "joined_on_0": "1",
        "joined_on_1": "2",
        "joined_on_2": "2018",
        "reason": "Top of the ranking.",
    }
    bad = dict(data, joined_on_1="13")
    response = client.post(url, bad)
    assert b"govuk-error-summary" in response.content
    assert CohortMembership.objects.count() == 1
    response = client.post(url, data)
    assert response.status_code == 302
    places = CohortMembership.objects.filter(
        organisation__in=[full.orgs["bravo"], full.orgs["charlie"]]
    )
    assert places.count() == 2 and {p.joined_on for p in places} == {date(2018, 2, 1)}


def test_sessions_attendance_and_milestones_for_all(client, full):
    client.force_login(full.users[Role.TEAM])
    slug = full.programme.slug
    response = client.post(
        reverse("accelerator:session_add", args=[slug, full.cohort.uid]),
        {"kind": "mentoring", "title": "", "held_on_0": "1", "held_on_1": "4", "held_on_2": "2018"},
    )
    assert b"Enter the title" in response.content and SupportSession.objects.count() == 1
    response = client.post(
        reverse("accelerator:session_add", args=[slug, full.cohort.uid]),
        {
            "kind": "mentoring",
            "title": "Pitch",
            "held_on_0": "1",
            "held_on_1": "4",
            "held_on_2": "2018",
        },
    )
    session = SupportSession.objects.get(title="Pitch")
    client.post(
        reverse("accelerator:session", args=[slug, session.uid]),
        {"attended": [str(full.place.uid)]},
    )
    assert [a.membership for a in session.attendances.all()] == [full.place]
    response = client.post(
        reverse("accelerator:milestone_add", args=[slug, full.cohort.uid]),
        {
            "membership": "all",
            "title": "First partnership confirmed",
            "due_on_0": "30",
            "due_on_1": "6",
            "due_on_2": "2018",
        },
    )
    assert response.status_code == 302
    assert Milestone.objects.filter(title="First partnership confirmed").count() == 1


def test_the_innovator_records_evidence_and_a_bad_file_saves_nothing(client, full):
    client.force_login(full.users[Role.INNOVATOR])
    url = urls(full)["evidence"][0]
    response = client.post(
        url,
        {
            "status": "achieved",
            "achieved_on_0": "30",
            "achieved_on_1": "3",
            "achieved_on_2": "2018",
            "evidence": "Board approved",
            "evidence_file": SimpleUploadedFile("plan.exe", b"MZ"),
        },
    )
    assert b"govuk-error-summary" in response.content
    assert Milestone.objects.get(pk=full.milestone.pk).status == "in_progress"
    response = client.post(
        url,
        {
            "status": "achieved",
            "achieved_on_0": "30",
            "achieved_on_1": "3",
            "achieved_on_2": "2018",
            "evidence": "Board approved",
        },
    )
    assert response.status_code == 302
    m = Milestone.objects.get(pk=full.milestone.pk)
    assert (
        m.status == "achieved"
        and m.evidence == "Board approved"
        and m.evidence_filename == "plan.pdf"
    )


def test_withdraw_needs_a_date(client, full):
    client.force_login(full.users[Role.ACCELERATOR_MANAGER])
    url = urls(full)["status"][0]
    response = client.post(url, {"status": "withdrawn", "on_0": "", "on_1": "", "on_2": ""})
    assert b"Enter the date they graduated or withdrew" in response.content
    assert CohortMembership.objects.get(pk=full.place.pk).status == "active"
    client.post(url, {"status": "withdrawn", "on_0": "1", "on_1": "3", "on_2": "2018"})
    assert CohortMembership.objects.get(pk=full.place.pk).withdrawn_on == date(2018, 3, 1)


def test_the_applicants_own_application_page_shows_the_decision_once_told(client, full):
    client.force_login(full.users[Role.INNOVATOR])
    url = reverse(
        "calls:application_detail",
        args=[full.programme.slug, full.call.slug, full.applications["alpha"].uid],
    )
    assert b"data-decision" not in client.get(url).content
    services.decision_notify(actor=full.actor, selections=SelectionDecision.objects.all())
    page = client.get(url).content.decode()
    assert "data-decision" in page and "Selected" in page and "Good" in page


def test_the_cohort_and_selection_pages_do_not_query_per_innovator(client, full):
    client.force_login(full.users[Role.TEAM])
    slug = full.programme.slug
    pages = [urls(full)["cohort"][0], urls(full)["selection"][0], urls(full)["innovator"][0]]

    def counts():
        result = []
        for url in pages:
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(url).status_code == 200
            result.append(len(ctx))
        return result

    before = counts()
    services.cohort_select(
        actor=full.actor,
        cohort=full.cohort,
        applications=[full.applications["bravo"], full.applications["charlie"]],
        joined_on=date(2018, 2, 1),
        reason="Next in the ranking.",
    )
    services.milestones_create_for_cohort(
        actor=full.actor, cohort=full.cohort, title="Partner", due_on=date(2018, 5, 31)
    )
    assert counts() == before, slug
