"""A small world holding one person's data in every place it can be, beside another
person's, in two programmes."""

from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

import pytest
from axes.models import AccessAttempt
from django.utils import timezone

from partnerbase.accelerator.models import Decision, SelectionDecision
from partnerbase.accelerator.services.cohorts import accelerator_create
from partnerbase.accounts.invitations import invitation_send
from partnerbase.accounts.models import Role
from partnerbase.accounts.services import membership_grant
from partnerbase.calls.models import Applicant, Application, ApplicationStatus
from partnerbase.calls.services.setup import call_create
from partnerbase.core.history import record_save
from partnerbase.directory.services import engagement_record, person_create
from partnerbase.notifications.services import notification_send
from tests.factories import Make, make_programme, make_user

NAME = "Petra Quinlan"
EMAIL = "petra.quinlan@example.org"
OTHER_NAME = "Otto Brightwater"
OTHER_EMAIL = "otto.brightwater@example.org"


@pytest.fixture
def world(db, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    team = make_user(email="tess@example.org", full_name="Tess Team")
    alpha = make_programme(team, slug="alpha", name="Alpha")
    bravo = make_programme(team, slug="bravo", name="Bravo")
    a, b = Make(team, alpha), Make(team, bravo)
    for programme in (alpha, bravo):
        membership_grant(actor=team, user=team, programme=programme, role=Role.TEAM)
    # A second team member of alpha, so erasing is not refused for leaving it without one.
    second = a.user(Role.TEAM, email="second@example.org", full_name="Sam Second")
    bravo_team = b.user(Role.TEAM, email="bravo-team@example.org", full_name="Bea Bravo")

    toolshed = a.org("Toolshed")
    invitation = invitation_send(
        actor=team,
        programme=alpha,
        email=EMAIL,
        roles=[Role.INNOVATOR],
        organisation=toolshed,
        full_name=NAME,
        site_url="http://testserver/",
    )
    user = make_user(email=EMAIL, full_name=NAME)
    membership_grant(
        actor=team, user=user, programme=alpha, role=Role.INNOVATOR, organisation=toolshed
    )
    other = a.user(Role.INNOVATOR, organisation=toolshed, email=OTHER_EMAIL, full_name=OTHER_NAME)
    person = person_create(
        actor=team,
        programme=alpha,
        name=NAME,
        organisation=toolshed,
        job_title="Founder",
        email=EMAIL,
        phone="07700 900123",
    )
    other_person = person_create(
        actor=team, programme=alpha, name=OTHER_NAME, organisation=toolshed, email=OTHER_EMAIL
    )
    engagement_record(
        actor=team,
        programme=alpha,
        organisation=toolshed,
        kind="meeting",
        occurred_on=date(2017, 3, 1),
        summary="First meeting",
        notes=f"{NAME} explained the idea; {OTHER_NAME} took notes.",
        participants=[person, other_person],
    )
    # Something she changed herself, and a change whose reason names her.
    record_save(toolshed, actor=user, reason="Description updated")
    record_save(toolshed, actor=team, reason=f"Recorded by Tess Team for {NAME}: website")
    notification_send(
        actor=team,
        programme=alpha,
        kind="introduction_sent",
        users=[user, other],
        subject="An introduction",
        body=f"Dear {NAME}, meet Barclays ({EMAIL}).",
    )
    AccessAttempt.objects.create(
        username=EMAIL,
        ip_address="192.0.2.7",
        user_agent="Firefox",
        failures_since_start=2,
        get_data="",
        post_data="",
        http_accept="*/*",
        path_info="/accounts/login/",
    )
    return SimpleNamespace(
        team=team,
        second=second,
        bravo_team=bravo_team,
        alpha=alpha,
        bravo=bravo,
        a=a,
        b=b,
        toolshed=toolshed,
        user=user,
        other=other,
        person=person,
        other_person=other_person,
        invitation=invitation,
    )


def declined_applicant(world, *, email, name, decided_at, org_name="Declined Ltd"):
    """An applicant account whose organisation's only application to alpha was declined."""
    a = world.a
    if not hasattr(world, "call"):
        accelerator = accelerator_create(
            actor=world.team, programme=world.alpha, name="Accelerator", starts_on=date(2017, 1, 1)
        )
        world.call = call_create(
            actor=world.team,
            accelerator=accelerator,
            title="Call",
            slug="call",
            opens_at=datetime(2017, 1, 1, tzinfo=UTC),
            closes_at=datetime(2017, 2, 1, tzinfo=UTC),
        )
    organisation = a.org(org_name)
    user = make_user(email=email, full_name=name)
    record_save(Applicant(programme=world.alpha, user=user, organisation=organisation), actor=user)
    application = record_save(
        Application(
            call=world.call,
            organisation=organisation,
            status=ApplicationStatus.SUBMITTED,
            submitted_at=datetime(2017, 1, 20, tzinfo=UTC),
        ),
        actor=user,
    )
    record_save(
        SelectionDecision(
            application=application,
            decision=Decision.DECLINED,
            reason="Not this time",
            decided_by=world.team,
            decided_at=decided_at,
        ),
        actor=world.team,
    )
    return user


def months_ago(months: int, days: int = 0):
    return timezone.now() - timedelta(days=months * 31 + days)
