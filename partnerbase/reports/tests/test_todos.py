"""What to do next: each role's to-dos on the landing page count the records that wait on
them, link to where they are dealt with, and drop out once done."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from partnerbase.accounts.models import Role
from partnerbase.assessment.tests.factories import build_world as assessment_world
from partnerbase.brokering import services as brokering
from partnerbase.brokering.models import Introduction
from partnerbase.brokering.stages import Stage
from partnerbase.brokering.tests.conftest import build_world as brokering_world
from partnerbase.pledges import services as pledges
from partnerbase.reports.todos import todos
from tests.factories import Make, make_programme, make_user

pytestmark = pytest.mark.django_db
SENT = date(2018, 3, 1)


def counts(user, programme, today):
    return {t.key: t.count for t in todos(user, programme, today=today)}


@pytest.fixture
def sent():
    """The brokering world with its round run, reviewed and sent on 1 March 2018."""
    world = brokering_world(make_user())
    round = world.round()
    brokering.round_run(actor=world.actor, round=round)
    brokering.round_review(actor=world.actor, round=round)
    brokering.round_send(actor=world.actor, round=round, on=SENT)
    return world


def test_each_side_of_an_introduction_is_asked_until_it_answers(sent):
    toolshed = sent.user(Role.INNOVATOR, "toolshed")
    barclays = sent.user(Role.PARTNER_CONTACT, "barclays")
    day = SENT + timedelta(days=1)

    assert counts(toolshed, sent.programme, day)["innovator-introductions"] == 2
    assert counts(barclays, sent.programme, day)["partner-introductions"] == 1
    intro = Introduction.objects.get(innovator=sent.orgs["toolshed"], partner=sent.orgs["barclays"])
    brokering.introduction_respond(
        actor=toolshed, introduction=intro, side="innovator", accept=True, on=day
    )

    assert counts(toolshed, sent.programme, day)["innovator-introductions"] == 1
    assert counts(barclays, sent.programme, day)["partner-introductions"] == 1
    brokering.introduction_respond(
        actor=barclays, introduction=intro, side="partner", accept=True, on=day
    )
    assert "partner-introductions" not in counts(barclays, sent.programme, day)


def test_the_team_is_told_of_introductions_unanswered_after_14_days(sent):
    team = sent.user(Role.TEAM)

    assert "unanswered" not in counts(team, sent.programme, SENT + timedelta(days=13))
    late = counts(team, sent.programme, SENT + timedelta(days=14))
    assert late["unanswered"] == Introduction.objects.filter(status="sent").count() > 0


def test_an_assessor_counts_applications_to_score_and_the_team_unassigned_ones():
    world = assessment_world(make_user())
    assessor = world.assessor()
    team = world.user(Role.TEAM)
    world.assign(world.applications[0], assessor)
    today = date(2017, 12, 1)

    assert counts(assessor, world.programme, today)["assessments"] == 1
    assert counts(team, world.programme, today)["unassigned"] == 2


def test_pledges_due_within_14_days_and_overdue(db):
    actor = make_user()
    make = Make(actor, make_programme(actor))
    barclays = make.org("Barclays", kind="business")
    for due in (date(2018, 5, 1), date(2018, 5, 20), date(2018, 7, 1)):
        pledges.pledge_record(
            actor=actor,
            programme=make.programme,
            organisation=barclays,
            kind="mentoring",
            title="Mentoring",
            quantity=Decimal(5),
            unit="hours",
            pledged_on=date(2018, 1, 1),
            due_on=due,
        )
    partner = make.user(Role.PARTNER_CONTACT, organisation=barclays)
    champion = make.user(Role.CHAMPION, organisation=barclays)
    team = make.user(Role.TEAM)
    today = date(2018, 5, 10)

    # Due by 24 May: the one overdue and the one due on the 20th.
    assert counts(partner, make.programme, today)["partner-pledges"] == 2
    assert counts(champion, make.programme, today)["champion-pledges"] == 2
    assert counts(team, make.programme, today)["overdue-pledges"] == 1


def test_the_team_is_told_of_confirmed_partnerships_without_an_estimate(db):
    actor = make_user()
    make = Make(actor, make_programme(actor))
    make.partnership(stage=Stage.CONFIRMED)
    make.partnership(stage=Stage.CONFIRMED, value="5000")
    make.partnership(stage=Stage.IN_DISCUSSION)

    assert counts(make.user(Role.TEAM), make.programme, date(2018, 1, 1))["unvalued"] == 1


def test_the_landing_page_lists_the_to_dos_as_links_with_counts_in_words(client, sent):
    toolshed = sent.user(Role.INNOVATOR, "toolshed")
    client.force_login(toolshed)

    page = client.get(reverse("home")).content.decode()

    mine = reverse("brokering:my_introductions", args=[sent.programme.slug])
    assert f'href="{mine}">2 introductions await your answer' in page


def test_someone_with_nothing_waiting_is_told_so(client, db):
    actor = make_user()
    make = Make(actor, make_programme(actor))
    client.force_login(make.user(Role.WORKING_GROUP_MEMBER))

    assert "Nothing waits on you." in client.get(reverse("home")).content.decode()


def test_a_judge_is_called_a_competition_judge_on_the_landing_page(client, db):
    from partnerbase.projects import services as projects

    actor = make_user()
    make = Make(actor, make_programme(actor))
    judge = make.user(Role.ASSESSOR, organisation=make.org("Money Advice Service"))
    competition = projects.competition_create(
        actor=actor,
        programme=make.programme,
        name="Open Up Challenge",
        sponsor=make.org("Nesta", kind="charity"),
        prize_fund=Decimal(3_000_000),
        currency="GBP",
        launch_date=date(2017, 9, 1),
    )
    projects.competition_judge_add(actor=actor, competition=competition, user=judge)
    client.force_login(judge)

    page = client.get(reverse("home")).content.decode()

    assert "Competition judge" in page and "Assessor" not in page
