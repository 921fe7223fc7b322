"""Who may open each project and competition page, for every role; and the forms."""

from datetime import date
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from partnerbase.accounts.models import Role
from partnerbase.funding.models import FundingAward
from partnerbase.projects import services
from partnerbase.projects.models import (
    CollaborativeProject,
    CompetitionEntry,
    CompetitionJudge,
    JudgeAssignment,
    ProjectObservation,
)
from tests.factories import roles

from .factories import build_world

pytestmark = pytest.mark.django_db

READ_PROJECTS = {Role.TEAM, Role.CHAMPION, Role.WORKING_GROUP_MEMBER, Role.ACCELERATOR_MANAGER}
READ_COMPETITIONS = {Role.TEAM, Role.CHAMPION, Role.ACCELERATOR_MANAGER}
MANAGE = {Role.TEAM}
WHO = roles.WHO


def _p(name, args):
    return lambda w: reverse(f"projects:{name}", args=[w.programme.slug, *args(w)])


PAGES = {
    "project list": (_p("project_list", lambda w: []), READ_PROJECTS),
    "project": (_p("project_detail", lambda w: [w.project.uid]), READ_PROJECTS),
    "create project": (_p("project_add", lambda w: []), MANAGE),
    "add coalition member": (_p("coalition_add", lambda w: [w.project.uid]), MANAGE),
    "change status": (_p("status_change", lambda w: [w.project.uid]), MANAGE),
    "add indicator": (_p("indicator_add", lambda w: [w.project.uid]), MANAGE),
    "record observation": (_p("observation_add", lambda w: [w.project.uid]), MANAGE),
    "competition list": (_p("competition_list", lambda w: []), READ_COMPETITIONS),
    "competition": (_p("competition_detail", lambda w: [w.competition.uid]), READ_COMPETITIONS),
    "enter": (_p("entry_add", lambda w: [w.competition.uid]), MANAGE),
    "add judge": (_p("judge_add", lambda w: [w.competition.uid]), MANAGE),
    "award": (_p("award_add", lambda w: [w.competition.uid, w.entry.uid]), MANAGE),
}


def sign_in(client, world, who):
    return roles.sign_in(client, who, world.user)


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("page", PAGES)
def test_who_may_open_each_page(client, world, page, who):
    sign_in(client, world, who)

    response = client.get(PAGES[page][0](world))

    if who in PAGES[page][1] or who == "superuser":
        assert response.status_code == 200
    else:
        assert response.status_code == (404 if who == "no role" else 403)


@pytest.mark.parametrize("page", PAGES)
def test_signed_out_visitors_are_sent_to_sign_in(client, world, page):
    response = client.get(PAGES[page][0](world))

    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == reverse("accounts:login")


@pytest.mark.parametrize("role", Role.values)
def test_nobody_sees_another_programmes_projects_or_competitions(client, world, actor, role):
    other = build_world(actor)
    sign_in(client, world, role)

    for page in PAGES:
        assert client.get(PAGES[page][0](other)).status_code == 404, page


def test_the_team_cannot_reach_a_record_of_another_programme_under_its_own(client, world, actor):
    other = build_world(actor)
    sign_in(client, world, Role.TEAM)
    slug = world.programme.slug

    for name, uid in [
        ("project_detail", other.project.uid),
        ("competition_detail", other.competition.uid),
    ]:
        assert client.get(reverse(f"projects:{name}", args=[slug, uid])).status_code == 404


# --- organisation-bound roles ----------------------------------------------------------


@pytest.mark.parametrize("role", [Role.INNOVATOR, Role.PARTNER_CONTACT])
def test_someone_acting_for_a_coalition_member_sees_that_project_only(client, world, role):
    lead = world.project.coalition.get(role="lead").organisation
    elsewhere = services.project_create(
        actor=world.make.actor, programme=world.programme, name="Elsewhere"
    )
    client.force_login(world.user(role, organisation=lead))

    listing = client.get(reverse("projects:project_list", args=[world.programme.slug]))
    detail = lambda p: client.get(  # noqa: E731
        reverse("projects:project_detail", args=[world.programme.slug, p.uid])
    )
    mine, other = detail(world.project), detail(elsewhere)

    assert listing.status_code == 200
    assert list(listing.context["projects"]) == [world.project]
    assert mine.status_code == 200 and not mine.context["can_manage"]
    assert other.status_code == 404


def competition_page(client, world):
    return client.get(
        reverse("projects:competition_detail", args=[world.programme.slug, world.competition.uid])
    )


def test_a_champion_of_the_sponsor_manages_the_competition(client, world):
    client.force_login(world.user(Role.CHAMPION, organisation=world.sponsor))
    newcomer = world.make.org("Newcomer")

    response = client.post(
        reverse("projects:entry_add", args=[world.programme.slug, world.competition.uid]),
        {
            "organisation": newcomer.pk,
            "title": "Late idea",
            "summary": "",
            "entered_on_0": "3",
            "entered_on_1": "5",
            "entered_on_2": "2017",
        },
    )

    assert response.status_code == 302
    assert CompetitionEntry.objects.filter(organisation=newcomer).exists()
    assert competition_page(client, world).context["can_manage"]


def test_a_champion_of_another_organisation_reads_but_does_not_manage(client, world):
    client.force_login(world.user(Role.CHAMPION))

    page = competition_page(client, world)

    assert page.status_code == 200 and not page.context["can_manage"]
    assert page.context["ranking"] is not None


def test_a_judge_sees_only_their_assigned_entries_and_no_ranking(client, world):
    judge = world.judge(entries=[world.entry])
    other_judge = world.judge(entries=[world.other_entry])
    client.force_login(judge.user)

    listing = client.get(reverse("projects:competition_list", args=[world.programme.slug]))
    page = competition_page(client, world)
    mine = judge.assignments.get()
    theirs = other_judge.assignments.get()
    score_url = lambda a: reverse(  # noqa: E731
        "projects:score", args=[world.programme.slug, world.competition.uid, a.uid]
    )

    assert list(listing.context["competitions"]) == [world.competition]
    assert list(page.context["entries"]) == [world.entry]
    assert page.context["ranking"] is None and not page.context["can_manage"]
    assert world.other_entry.title not in page.content.decode()
    assert client.get(score_url(mine)).status_code == 200
    assert client.get(score_url(theirs)).status_code == 404  # another judge's: not found
    impact, team = world.criteria
    bad = client.post(score_url(mine), {f"criterion_{impact.pk}": "11", f"criterion_{team.pk}": ""})
    assert bad.status_code == 200 and bad.context["form"].errors
    assert JudgeAssignment.objects.get(pk=mine.pk).submitted_on is None
    good = client.post(
        score_url(mine), {f"criterion_{impact.pk}": "7", f"criterion_{team.pk}": "4"}
    )
    assert good.status_code == 302
    assert JudgeAssignment.objects.get(pk=mine.pk).submitted_on is not None


def test_an_assessor_who_is_not_a_judge_here_is_refused(client, world):
    world.judge(entries=[world.entry])
    client.force_login(world.user(Role.ASSESSOR))

    assert competition_page(client, world).status_code == 403


def test_an_innovator_sees_their_own_entry_only(client, world):
    client.force_login(world.user(Role.INNOVATOR, organisation=world.entrant))

    page = competition_page(client, world)

    assert page.status_code == 200
    assert list(page.context["entries"]) == [world.entry]
    assert page.context["ranking"] is None
    assert world.other_entry.title not in page.content.decode()


# --- the forms -------------------------------------------------------------------------


def post(client, world, name, data, *args):
    return client.post(reverse(f"projects:{name}", args=[world.programme.slug, *args]), data)


def test_the_team_creates_a_project_and_bad_input_saves_nothing(client, world):
    sign_in(client, world, Role.TEAM)

    bad = post(client, world, "project_add", {"name": ""})
    good = post(client, world, "project_add", {"name": "Pilot two", "origin": "Idea 4"})

    assert bad.status_code == 200 and "There is a problem" in bad.content.decode()
    project = CollaborativeProject.objects.get(name="Pilot two")
    assert project.status == "proposed" and project.origin == "Idea 4"
    assert good["Location"] == reverse(
        "projects:project_detail", args=[world.programme.slug, project.uid]
    )


def test_launching_without_a_date_shows_the_error_next_to_the_date(client, world):
    sign_in(client, world, Role.TEAM)
    project = services.project_create(
        actor=world.make.actor, programme=world.programme, name="Idea"
    )

    bad = post(client, world, "status_change", {"status": "launched"}, project.uid)
    good = post(
        client,
        world,
        "status_change",
        {"status": "launched", "launch_date_0": "1", "launch_date_1": "9", "launch_date_2": "2017"},
        project.uid,
    )

    assert bad.status_code == 200
    assert bad.context["form"].errors["launch_date"] == ["Enter the date the project launched."]
    assert good.status_code == 302
    project.refresh_from_db()
    assert (project.status, project.launch_date) == ("launched", date(2017, 9, 1))


def test_coalition_member_indicator_and_observation_forms(client, world):
    sign_in(client, world, Role.TEAM)
    org = world.make.org("Employer")
    uid = world.project.uid

    member = post(client, world, "coalition_add", {"organisation": org.pk, "role": "employer"}, uid)
    added = post(client, world, "indicator_add", {"name": "Jobs", "unit": "jobs"}, uid)
    assert member.status_code == added.status_code == 302
    indicator = world.project.indicators.get()
    observation = {
        "indicator": indicator.pk,
        "observed_on_0": "1",
        "observed_on_1": "10",
        "observed_on_2": "2017",
        "value": "12",
        "quality": "verified",
    }
    bad = post(client, world, "observation_add", observation, uid)
    good = post(client, world, "observation_add", {**observation, "evidence": "Payroll"}, uid)

    assert world.project.coalition.filter(organisation=org, role="employer").exists()
    assert bad.status_code == 200 and "evidence" in bad.context["form"].errors
    assert good.status_code == 302
    assert ProjectObservation.objects.get().evidence == "Payroll"
    page = client.get(reverse("projects:project_detail", args=[world.programme.slug, uid]))
    assert "12 jobs" in page.content.decode()


def test_adding_a_conflicted_judge_is_refused_and_saves_nothing(client, world):
    sign_in(client, world, Role.TEAM)
    assessor = world.user(Role.ASSESSOR)

    response = post(
        client,
        world,
        "judge_add",
        {
            "user": assessor.pk,
            "organisation": world.entrant.pk,
            "entries": [world.entry.pk, world.other_entry.pk],
        },
        world.competition.uid,
    )

    assert response.status_code == 200
    assert "Conflict of interest" in str(response.context["form"].errors["entries"])
    assert not CompetitionJudge.objects.exists() and not JudgeAssignment.objects.exists()


def test_the_award_form_records_a_prize_in_the_ledger(client, world):
    sign_in(client, world, Role.TEAM)
    data = {"amount": "25000", "award_date_0": "1", "award_date_1": "10", "award_date_2": "2017"}

    too_much = post(
        client,
        world,
        "award_add",
        {**data, "amount": "100000.01"},
        world.competition.uid,
        world.entry.uid,
    )
    response = post(client, world, "award_add", data, world.competition.uid, world.entry.uid)

    assert too_much.status_code == 200 and "amount" in too_much.context["form"].errors
    assert response.status_code == 302
    ledger = FundingAward.objects.get()
    assert (ledger.instrument, ledger.funder, ledger.recipient) == (
        "prize",
        world.sponsor,
        world.entrant,
    )
    page = competition_page(client, world).content.decode()
    assert "£25,000" in page


def test_the_judge_form_gives_an_existing_judge_more_entries(client, world):
    sign_in(client, world, Role.TEAM)
    judge = world.judge(organisation=world.make.org("Judge Employer"), entries=[world.entry])
    form = {"user": judge.user.pk, "entries": [world.other_entry.pk]}

    clash = post(
        client,
        world,
        "judge_add",
        {**form, "organisation": world.sponsor.pk},
        world.competition.uid,
    )
    response = post(client, world, "judge_add", form, world.competition.uid)

    assert clash.status_code == 200 and "organisation" in clash.context["form"].errors
    assert response.status_code == 302
    assert set(judge.assignments.values_list("entry", flat=True)) == {
        world.entry.pk,
        world.other_entry.pk,
    }
    assert CompetitionJudge.objects.count() == 1


def test_a_prize_fund_shows_in_the_reference_currency_when_a_display_rate_is_missing(client, world):
    # USD has a rate in the world; EUR has none, so only EUR is left out, not the amount.
    world.programme.display_currencies = "USD,EUR"
    world.programme.save()
    client.force_login(world.user(Role.TEAM))

    response = competition_page(client, world)

    total = response.context["prize_fund"]
    assert total.amount == 100000 and total.problem == ""
    assert "£100,000" in total.display and "$125,000" in total.display
    assert "EUR is not shown" in response.content.decode()
    assert "—" not in total.display
