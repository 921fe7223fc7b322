"""The pages: a person's own list and settings, the team's unsent emails, the header's
count, and an introduction's contacts before and after both sides accept."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnerbase.accounts.models import Role
from partnerbase.brokering import services as brokering
from partnerbase.brokering.models import Introduction
from partnerbase.brokering.queries import introduction_contacts
from partnerbase.brokering.tests.conftest import build_world
from partnerbase.directory.models import Person
from partnerbase.notifications.models import EmailState, Kind, Notification, TurnedOff

from .conftest import SENT, send_round
from .helpers import committed

pytestmark = pytest.mark.django_db

LIST = reverse("notifications:list")
SETTINGS = reverse("notifications:settings")


@pytest.fixture
def told(people):
    """The round sent: the partner and the innovator each have one unread notification."""
    send_round(people)
    people.mine = Notification.objects.get(user=people.partner)
    people.theirs = Notification.objects.get(user=people.innovator)
    return people


def unsent_url(w):
    return reverse("programme_notifications:unsent", args=[w.programme.slug])


def retry_url(w, notification):
    return reverse("programme_notifications:retry", args=[w.programme.slug, notification.uid])


def test_the_list_shows_ones_own_notifications_unread_marked(client, told):
    client.force_login(told.partner)
    page = client.get(LIST).content.decode()
    assert told.mine.subject in page and told.theirs.subject not in page
    assert "data-unread" in page and "Mark all as read" in page
    assert "Notifications (1)" in page  # the header's count


def test_marking_read_is_a_post_and_only_of_ones_own(client, told):
    client.force_login(told.partner)
    read = reverse("notifications:read", args=[told.mine.uid])
    assert client.get(read).status_code == 405
    assert client.post(reverse("notifications:read", args=[told.theirs.uid])).status_code == 404
    told.theirs.refresh_from_db()
    assert told.theirs.read_at is None

    assert client.post(read).status_code == 302
    told.mine.refresh_from_db()
    assert told.mine.read_at is not None
    page = client.get(LIST).content.decode()
    assert "data-unread" not in page and "Notifications (1)" not in page


def test_mark_all_read_marks_only_ones_own(client, told):
    client.force_login(told.innovator)
    assert client.post(reverse("notifications:read_all"), follow=True).status_code == 200
    assert not Notification.objects.filter(user=told.innovator, read_at__isnull=True).exists()
    assert Notification.objects.filter(user=told.partner, read_at__isnull=True).exists()


def test_the_list_is_paginated_newest_first(client, told):
    for n in range(30):
        Notification.objects.create(
            programme=told.programme,
            user=told.partner,
            email=told.partner.email,
            kind=Kind.PLEDGE_DUE,
            subject=f"Number {n:02}",
            body="…",
            key=f"k{n}",
        )
    client.force_login(told.partner)
    first = client.get(LIST).content.decode()
    assert "Number 29" in first and "Page 1 of 2" in first and "Number 00" not in first
    assert "Number 00" in client.get(LIST + "?page=2").content.decode()


def test_settings_turn_kinds_off_by_post_and_show_what_is_always_on(client, told):
    client.force_login(told.partner)
    page = client.get(SETTINGS).content.decode()
    assert 'value="pledge_due"' in page and 'value="invitation"' not in page
    assert "Invitations to a programme" in page and "Password reset" in page
    assert not TurnedOff.objects.exists()  # the GET changed nothing

    kept_on = [k for k in Kind.values if k not in (Kind.INVITATION, Kind.PLEDGE_DUE)]
    response = client.post(SETTINGS, {"kinds": kept_on}, follow=True)
    assert "Your notification settings are saved" in response.content.decode()
    assert set(TurnedOff.objects.values_list("user", "kind")) == {
        (told.partner.pk, Kind.PLEDGE_DUE)
    }
    response = client.post(SETTINGS, {"kinds": ["nonsense"]})
    assert response.status_code == 200 and "govuk-error-summary" in response.content.decode()
    assert TurnedOff.objects.count() == 1  # nothing half-saved


def test_signed_out_people_are_sent_to_sign_in(client, told):
    assert client.get(LIST).status_code == 302
    assert client.get(unsent_url(told)).status_code == 302


def test_only_the_team_sees_and_retries_unsent_emails(client, told, settings):
    told.mine.email_state, told.mine.last_error = EmailState.FAILED, "Mail server down"
    told.mine.save()
    client.force_login(told.partner)
    assert client.get(unsent_url(told)).status_code == 403
    assert client.post(retry_url(told, told.mine)).status_code == 403

    team = told.user(Role.TEAM)
    client.force_login(team)
    page = client.get(unsent_url(told)).content.decode()
    assert "Mail server down" in page and told.partner.email in page and "Try again" in page
    assert client.get(retry_url(told, told.mine)).status_code == 405

    response = client.post(retry_url(told, told.mine), follow=True)
    assert f"The email to {told.partner.email} was sent" in response.content.decode()
    told.mine.refresh_from_db()
    assert told.mine.email_state == EmailState.SENT
    assert [m.to for m in mail.outbox] == [[told.partner.email]]


def test_another_programmes_team_gets_404(client, told, actor):
    other = build_world(actor, slug="other")
    client.force_login(other.user(Role.TEAM))
    assert client.get(unsent_url(told)).status_code == 404
    assert client.post(retry_url(told, told.mine)).status_code == 404


# --- an introduction's contacts ----------------------------------------------------------


def respond_url(w, side):
    return reverse("brokering:introduction_respond", args=[w.programme.slug, w.intro.uid])


def test_contacts_are_shared_only_once_both_sides_accept(client, told):
    intro = Introduction.objects.get(pk=told.intro.pk)
    client.force_login(told.partner)
    before = client.get(respond_url(told, "partner")).content.decode()
    assert "data-contact-notice" in before and "each side sees the other’s contact" in before
    assert told.innovator.email not in before

    brokering.introduction_respond(
        actor=told.partner, introduction=intro, side="partner", accept=True, on=SENT
    )
    half = client.get(reverse("brokering:my_introductions", args=[told.programme.slug]))
    assert told.innovator.email not in half.content.decode()  # one side is not enough

    with committed():
        brokering.introduction_respond(
            actor=told.innovator, introduction=intro, side="innovator", accept=True, on=SENT
        )
    after = client.get(respond_url(told, "partner")).content.decode()
    assert "You both accepted" in after and told.innovator.email in after
    assert "data-contact-notice" not in after
    mine = client.get(reverse("brokering:my_introductions", args=[told.programme.slug]))
    assert told.innovator.email in mine.content.decode()
    client.force_login(told.innovator)
    theirs = client.get(respond_url(told, "innovator")).content.decode()
    assert told.partner.email in theirs
    # Someone from another organisation learns neither, nor that the introduction exists.
    client.force_login(told.outsider)
    assert client.get(respond_url(told, "innovator")).status_code == 404


def test_without_accounts_the_contacts_are_the_directorys_people(told):
    told.innovator.memberships.all().delete()
    Person.objects.create(
        programme=told.programme,
        name="Ann Org",
        organisation=told.intro.innovator,
        email="ann@example.org",
    )
    [contact] = introduction_contacts(told.intro, "innovator")
    assert (contact.name, contact.email) == ("Ann Org", "ann@example.org")


def test_the_list_runs_the_same_queries_however_many_notifications(client, told):
    client.force_login(told.partner)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(LIST).status_code == 200
        return len(captured)

    few = queries()
    for n in range(40):
        Notification.objects.create(
            programme=told.programme,
            user=told.partner,
            email=told.partner.email,
            kind=Kind.PLEDGE_DUE,
            subject=f"Number {n:02}",
            body="…",
            key=f"k{n}",
        )
    assert queries() == few
