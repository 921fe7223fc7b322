"""Who is told what, when the email goes (after the commit), what happens when it fails, and
what a person may turn off."""

import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction

from partnerbase.accounts.invitations import invitation_send
from partnerbase.accounts.models import Role
from partnerbase.assessment.tests.factories import build_world as assessment_world
from partnerbase.brokering import services as brokering
from partnerbase.brokering.models import Introduction
from partnerbase.notifications import services
from partnerbase.notifications.due import due_notifications_make
from partnerbase.notifications.models import EmailState, Kind, Notification, TurnedOff
from partnerbase.pledges.services import pledge_record
from partnerbase.projects.tests.factories import build_world as competition_world

from .conftest import SENT, send_round
from .helpers import committed, sent_to

pytestmark = pytest.mark.django_db

REFUSING = "partnerbase.notifications.tests.helpers.RefusingBackend"


def kinds_for(user) -> list[str]:
    return sorted(Notification.objects.filter(user=user).values_list("kind", flat=True))


def test_an_introduction_is_emailed_to_both_sides_only_after_the_commit(people):
    with committed():
        send_round(people)
        # Recorded with the introduction, in its transaction; nothing emailed yet.
        assert kinds_for(people.partner) == [Kind.INTRODUCTION_SENT]
        assert kinds_for(people.innovator) == [Kind.INTRODUCTION_SENT]
        assert not mail.outbox

    [to_partner] = sent_to(people.partner.email)
    assert to_partner.subject == f"Introduction: Barclays and {people.intro.innovator.name}"
    assert f"/introductions/{people.intro.uid}/?side=partner" in to_partner.body
    assert len(sent_to(people.innovator.email)) == 1
    assert (
        not Notification.objects.filter(user=people.outsider, key="")
        .filter(body__contains="Barclays")
        .exists()
    )
    assert set(Notification.objects.values_list("email_state", flat=True)) == {EmailState.SENT}


def test_a_rolled_back_change_leaves_no_notification_and_sends_nothing(people):
    with committed(), pytest.raises(RuntimeError):
        with transaction.atomic():
            send_round(people)
            raise RuntimeError("the rest of the change failed")
    assert not Notification.objects.exists() and not mail.outbox


def test_an_answer_tells_the_other_side_and_the_rounds_maker_then_both_accepting_shares_contacts(
    people,
):
    send_round(people)
    intro = Introduction.objects.get(pk=people.intro.pk)
    with committed():
        brokering.introduction_respond(
            actor=people.partner, introduction=intro, side="partner", accept=True, on=SENT
        )
    assert kinds_for(people.innovator) == [Kind.INTRODUCTION_ANSWERED, Kind.INTRODUCTION_SENT]
    assert kinds_for(people.actor) == [Kind.INTRODUCTION_ANSWERED]  # made the round
    assert kinds_for(people.partner) == [Kind.INTRODUCTION_SENT]  # not told of its own answer
    [answered] = sent_to(people.innovator.email)
    assert answered.subject == f"Barclays accepted the introduction to {intro.innovator.name}"

    with committed():
        brokering.introduction_respond(
            actor=people.innovator, introduction=intro, side="innovator", accept=True, on=SENT
        )
    to_partner = Notification.objects.get(user=people.partner, kind=Kind.INTRODUCTION_ACCEPTED)
    to_innovator = Notification.objects.get(user=people.innovator, kind=Kind.INTRODUCTION_ACCEPTED)
    assert people.innovator.email in to_partner.body
    assert people.partner.email in to_innovator.body
    assert people.outsider.email not in to_partner.body
    assert kinds_for(people.actor) == [Kind.INTRODUCTION_ANSWERED] * 2


def test_a_kind_turned_off_is_not_made_for_that_person_only(people):
    services.notification_settings_save(
        actor=people.partner, user=people.partner, turned_off=[Kind.INTRODUCTION_SENT]
    )
    with committed():
        send_round(people)
    assert kinds_for(people.partner) == []
    assert kinds_for(people.innovator) == [Kind.INTRODUCTION_SENT]
    assert not sent_to(people.partner.email)


def test_invitations_cannot_be_turned_off(world):
    invited = world.user(Role.ASSESSOR)
    kept = services.notification_settings_save(
        actor=invited, user=invited, turned_off=[Kind.INVITATION, Kind.PLEDGE_DUE]
    )
    assert kept == {Kind.PLEDGE_DUE}
    # Even a row written around the service does not stop an invitation.
    TurnedOff.objects.create(user=invited, kind=Kind.INVITATION)
    with committed():
        invitation_send(
            actor=world.actor,
            programme=world.programme,
            email=invited.email,
            roles=[Role.INNOVATOR],
            organisation=world.orgs["toolshed"],
            site_url="http://testserver",
        )
    [email] = sent_to(invited.email)
    assert "/accounts/invitations/" in email.body
    assert Notification.objects.get(kind=Kind.INVITATION).user == invited


def test_a_failed_email_keeps_the_record_is_marked_failed_and_the_command_sends_it(
    people, settings
):
    settings.EMAIL_BACKEND = REFUSING
    with committed():
        send_round(people)  # does not raise: the request would succeed
    people.intro.refresh_from_db()
    assert people.intro.sent_on == SENT
    failed = Notification.objects.get(user=people.partner)
    assert failed.email_state == EmailState.FAILED and failed.attempts == 1
    assert "Connection refused" in failed.last_error

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    out = io.StringIO()
    call_command("notifications", "send", stdout=out)
    assert f"{Notification.objects.count()} sent, 0 failed" in out.getvalue()
    failed.refresh_from_db()
    assert failed.email_state == EmailState.SENT and failed.attempts == 2
    assert len(sent_to(people.partner.email)) == 1


def test_retries_stop_after_the_most_attempts(people, settings):
    settings.EMAIL_BACKEND = REFUSING
    with committed():
        send_round(people)
    for _ in range(services.MAX_ATTEMPTS + 2):
        call_command("notifications", "send", stdout=io.StringIO())
    attempts = set(Notification.objects.values_list("attempts", flat=True))
    assert attempts == {services.MAX_ATTEMPTS}
    assert set(Notification.objects.values_list("email_state", flat=True)) == {EmailState.FAILED}


def test_a_pending_email_whose_send_was_lost_is_sent_by_the_command(people):
    send_round(people)  # never committed here: as if the process stopped before sending
    Notification.objects.update(
        created_at=Notification.objects.first().created_at - timedelta(hours=1)
    )
    call_command("notifications", "send", stdout=io.StringIO())
    assert len(sent_to(people.partner.email)) == 1


def test_pledge_reminders_are_made_once_each(world):
    contact = world.user(Role.PARTNER_CONTACT, "barclays")
    champion = world.user(Role.CHAMPION, "barclays")
    bystander = world.user(Role.PARTNER_CONTACT, "unltd")
    today = date(2018, 6, 1)

    def pledge(title, due_on):
        return pledge_record(
            actor=world.actor,
            programme=world.programme,
            organisation=world.orgs["barclays"],
            kind="mentoring",
            title=title,
            quantity=Decimal("10"),
            unit="hours",
            pledged_on=date(2018, 1, 10),
            due_on=due_on,
        )

    pledge("Soon", today + timedelta(days=14))
    pledge("Late", today - timedelta(days=1))
    pledge("Later", today + timedelta(days=15))  # not yet

    with committed():
        made = services_due(today)
    assert made == 4  # two pledges, two people each
    for person in (contact, champion):
        assert kinds_for(person) == [Kind.PLEDGE_DUE, Kind.PLEDGE_OVERDUE]
    assert kinds_for(bystander) == []
    assert {m.subject for m in sent_to(contact.email)} == {
        "Due on 15 June 2018: Soon",
        "Overdue: Late",
    }
    with committed():
        assert services_due(today) == 0  # idempotent: run daily, nobody is told twice
        # The next day "Later" falls within 14 days; the others are not told again.
        assert services_due(today + timedelta(days=1)) == 2
    assert len(mail.outbox) == 6
    assert Notification.objects.filter(kind=Kind.PLEDGE_DUE, user=contact).count() == 2


def services_due(today):
    return due_notifications_make(today=today)


def test_the_due_command_runs_the_reminders(world):
    world.user(Role.PARTNER_CONTACT, "barclays")
    pledge_record(
        actor=world.actor,
        programme=world.programme,
        organisation=world.orgs["barclays"],
        kind="mentoring",
        title="Late",
        quantity=Decimal("10"),
        unit="hours",
        pledged_on=date(2018, 1, 10),
        due_on=date(2018, 2, 1),
    )
    out = io.StringIO()
    call_command("notifications", "due", stdout=out)
    assert out.getvalue().strip() == "1 reminder made."


def test_an_assessor_is_told_of_each_assignment(actor):
    w = assessment_world(actor)
    assessor = w.assessor()
    with committed():
        w.assign(w.applications[0], assessor)
    [n] = Notification.objects.filter(user=assessor)
    assert n.kind == Kind.ASSESSMENT_ASSIGNED
    assert w.applications[0].organisation.name in n.subject
    [email] = sent_to(assessor.email)
    assert f"/assessment/assignments/{w.applications[0].assessments.get().uid}/" in email.body


def test_a_judge_is_told_of_each_entry(actor):
    w = competition_world(actor)
    with committed():
        judge = w.judge(entries=[w.entry])
    [n] = Notification.objects.filter(user=judge.user)
    assert n.kind == Kind.JUDGE_ASSIGNED and w.entry.title in n.subject
    assert len(sent_to(judge.user.email)) == 1


def test_the_demo_and_the_importer_make_none(people):
    with services.notifications_off(), committed():
        send_round(people)
    assert not Notification.objects.exists() and not mail.outbox
