"""Setting up a competition in the pages: creating it, its stages and its rubric; who may,
and bad input shown next to its field with nothing saved."""

import re
from datetime import date
from html import unescape

import pytest
from django.urls import reverse

from partnerbase.accounts.models import Role
from partnerbase.challenges.services import challenge_area_create
from partnerbase.projects import services
from partnerbase.projects.models import Competition, CompetitionStage
from partnerbase.rubrics.models import Criterion

from .factories import build_world
from .test_views import WHO, sign_in

pytestmark = pytest.mark.django_db

# Competitions' criteria (the model is shared with calls' rubrics).
COMPETITION_CRITERIA = Criterion.objects.filter(competition__isnull=False)

CREATE = {Role.TEAM}
MANAGE = {Role.TEAM}  # and a champion acting for the sponsor: tested on its own below


def url(world, name, *args):
    return reverse(f"projects:{name}", args=[world.programme.slug, *args])


def competition_data(world, **changes):
    data = {
        "name": "Savings for All",
        "sponsor": world.sponsor.pk,
        "prize_fund": "250,000.50",
        "currency": "GBP",
        "launch_date_0": "1",
        "launch_date_1": "3",
        "launch_date_2": "2018",
        "challenge_area": "",
        "description": "A prize for saving tools.",
    }
    return {**data, **changes}


def stage_data(**changes):
    data = {
        "name": "Shortlist",
        "starts_on_0": "1",
        "starts_on_1": "6",
        "starts_on_2": "2017",
        "ends_on_0": "30",
        "ends_on_1": "6",
        "ends_on_2": "2017",
    }
    return {**data, **changes}


def criterion_data(**changes):
    return {"name": "Reach", "weight": "3", "min_score": "0", "max_score": "5", **changes}


# What each form makes, and how to count what it made.
FORMS = {
    "create competition": (
        lambda w: url(w, "competition_add"),
        competition_data,
        lambda w: Competition.objects.filter(name="Savings for All").count(),
        CREATE,
    ),
    "add stage": (
        lambda w: url(w, "stage_add", w.competition.uid),
        lambda w: stage_data(),
        lambda w: w.competition.stages.filter(name="Shortlist").count(),
        MANAGE,
    ),
    "add criterion": (
        lambda w: url(w, "criterion_add", w.competition.uid),
        lambda w: criterion_data(),
        lambda w: w.competition.criteria.filter(name="Reach").count(),
        MANAGE,
    ),
}


def error_next_to(response, field) -> str:
    """The error message shown with `field` ("" if none), without its hidden prefix."""
    found = re.search(
        rf'<p id="id_{field}-error" class="govuk-error-message">(.*?)</p>',
        response.content.decode(),
        re.S,
    )
    if not found:
        return ""
    return unescape(re.sub(r"<[^>]+>", "", found.group(1))).replace("Error:", "").strip()


def assert_refused(response, field, message):
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert message in error_next_to(response, field)


# --- who may -----------------------------------------------------------------------------


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("form", FORMS)
def test_who_may_open_and_post_each_form(client, world, form, who):
    page, data, made, allowed = FORMS[form]
    sign_in(client, world, who)

    opened = client.get(page(world))
    posted = client.post(page(world), data(world))

    if who in allowed or who == "superuser":
        assert opened.status_code == 200
        assert posted.status_code == 302
        assert made(world) == 1
    else:
        refused = 404 if who == "no role" else 403
        assert (opened.status_code, posted.status_code) == (refused, refused)
        assert made(world) == 0


@pytest.mark.parametrize("form", FORMS)
def test_signed_out_visitors_post_nothing(client, world, form):
    page, data, made, _ = FORMS[form]

    response = client.post(page(world), data(world))

    assert response.status_code == 302 and made(world) == 0


def test_a_champion_of_the_sponsor_adds_stages_and_criteria_but_creates_no_competition(
    client, world
):
    client.force_login(world.user(Role.CHAMPION, organisation=world.sponsor))

    stage = client.post(url(world, "stage_add", world.competition.uid), stage_data())
    criterion = client.post(url(world, "criterion_add", world.competition.uid), criterion_data())
    create = client.post(url(world, "competition_add"), competition_data(world))

    assert stage.status_code == criterion.status_code == 302
    assert world.competition.stages.filter(name="Shortlist").exists()
    assert world.competition.criteria.filter(name="Reach").exists()
    assert create.status_code == 403
    assert not Competition.objects.filter(name="Savings for All").exists()


@pytest.mark.parametrize(
    "who", [Role.TEAM, Role.CHAMPION, Role.ACCELERATOR_MANAGER, "superuser", "sponsor champion"]
)
def test_the_links_to_the_forms_show_only_for_who_may_use_them(client, world, who):
    if who == "sponsor champion":
        client.force_login(world.user(Role.CHAMPION, organisation=world.sponsor))
    else:
        sign_in(client, world, who)

    listing = client.get(url(world, "competition_list"))
    page = client.get(url(world, "competition_detail", world.competition.uid))

    may_create = who in CREATE or who == "superuser"
    may_manage = who in MANAGE or who in ("superuser", "sponsor champion")
    assert (url(world, "competition_add") in listing.content.decode()) == may_create
    html = page.content.decode()
    assert (url(world, "stage_add", world.competition.uid) in html) == may_manage
    assert (url(world, "criterion_add", world.competition.uid) in html) == may_manage


# --- creating a competition --------------------------------------------------------------


def test_the_team_creates_a_competition(client, world):
    user = sign_in(client, world, Role.TEAM)
    area = challenge_area_create(actor=world.make.actor, programme=world.programme, name="Saving")

    response = client.post(
        url(world, "competition_add"), competition_data(world, challenge_area=area.pk)
    )

    competition = Competition.objects.get(name="Savings for All")
    assert response["Location"] == url(world, "competition_detail", competition.uid)
    assert (competition.sponsor, competition.challenge_area) == (world.sponsor, area)
    assert (competition.prize_fund_minor, competition.prize_fund_currency) == (25_000_050, "GBP")
    assert competition.launch_date == date(2018, 3, 1)
    assert competition.description == "A prize for saving tools."
    assert competition.history.get().history_user == user
    page = client.get(response["Location"])
    assert "Savings for All created." in page.content.decode()
    assert page.context["prize_fund"].display == "£250,001 ($312,501)"  # whole pounds


def test_the_currency_defaults_to_the_programmes_reference_currency(client, actor):
    world = build_world(actor, reference_currency="USD")
    sign_in(client, world, Role.TEAM)

    form = client.get(url(world, "competition_add")).context["form"]

    assert form["currency"].value() == "USD"
    assert [code for code, _ in form.fields["currency"].choices] == ["GBP", "USD", "EUR"]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": ""}, "name", "Enter the name of the competition"),
        ({"sponsor": ""}, "sponsor", "Choose the sponsor"),
        ({"prize_fund": ""}, "prize_fund", "Enter the prize fund"),
        ({"prize_fund": "-5000"}, "prize_fund", "The prize fund must be more than 0"),
        ({"prize_fund": "0"}, "prize_fund", "The prize fund must be more than 0"),
        ({"prize_fund": "lots"}, "prize_fund", "The prize fund must be a number"),
        ({"prize_fund": "100.005"}, "prize_fund", "at most 2 decimal places in GBP"),
        ({"currency": "XYZ"}, "currency", "Select a valid choice"),
        ({"launch_date_1": ""}, "launch_date", "Launch date must include a month"),
        ({"launch_date_0": "31", "launch_date_1": "2"}, "launch_date", "must be a real date"),
    ],
)
def test_bad_input_to_the_competition_form_saves_nothing(client, world, changes, field, message):
    sign_in(client, world, Role.TEAM)

    response = client.post(url(world, "competition_add"), competition_data(world, **changes))

    assert_refused(response, field, message)
    assert not Competition.objects.filter(name__in=["Savings for All", ""]).exists()


def test_a_sponsor_from_another_programme_is_refused(client, world, actor):
    other = build_world(actor)
    sign_in(client, world, Role.TEAM)

    response = client.post(
        url(world, "competition_add"), competition_data(world, sponsor=other.sponsor.pk)
    )

    assert_refused(response, "sponsor", "Select a valid choice")
    assert not Competition.objects.filter(name="Savings for All").exists()


# --- stages --------------------------------------------------------------------------------


def test_the_team_adds_a_stage_and_sees_it_on_the_competition(client, world):
    sign_in(client, world, Role.TEAM)

    response = client.post(url(world, "stage_add", world.competition.uid), stage_data())

    assert response["Location"] == url(world, "competition_detail", world.competition.uid)
    stage = CompetitionStage.objects.get(name="Shortlist")
    assert (stage.starts_on, stage.ends_on) == (date(2017, 6, 1), date(2017, 6, 30))
    page = client.get(response["Location"]).content.decode()
    assert "Stage “Shortlist” added." in page
    assert "Shortlist: 1 June 2017 to 30 June 2017" in page


def test_a_stage_of_one_day_needs_no_end_date(client, world):
    sign_in(client, world, Role.TEAM)

    response = client.post(
        url(world, "stage_add", world.competition.uid),
        stage_data(ends_on_0="", ends_on_1="", ends_on_2=""),
    )

    assert response.status_code == 302
    assert CompetitionStage.objects.get(name="Shortlist").ends_on is None


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": ""}, "name", "Enter the name of the stage"),
        (
            {"starts_on_0": "", "starts_on_1": "", "starts_on_2": ""},
            "starts_on",
            "Enter the start date",
        ),
        (
            {"ends_on_0": "31", "ends_on_1": "5"},
            "ends_on",
            "The end date must be the same as or after the start date",
        ),
        ({"ends_on_2": "17"}, "ends_on", "End date must have a year with 4 numbers"),
    ],
)
def test_bad_input_to_the_stage_form_saves_nothing(client, world, changes, field, message):
    sign_in(client, world, Role.TEAM)
    before = CompetitionStage.objects.count()

    response = client.post(url(world, "stage_add", world.competition.uid), stage_data(**changes))

    assert_refused(response, field, message)
    assert CompetitionStage.objects.count() == before


# --- the rubric ------------------------------------------------------------------------------


def test_the_team_adds_a_criterion_to_the_rubric(client, world):
    sign_in(client, world, Role.TEAM)

    response = client.post(url(world, "criterion_add", world.competition.uid), criterion_data())

    assert response["Location"] == url(world, "competition_detail", world.competition.uid)
    criterion = COMPETITION_CRITERIA.get(name="Reach")
    assert (criterion.weight, criterion.min_score, criterion.max_score) == (3, 0, 5)
    page = client.get(response["Location"]).content.decode()
    assert "Criterion “Reach” added to the rubric." in page


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": ""}, "name", "Enter the name of the criterion"),
        ({"name": "Impact"}, "name", "The rubric already has a criterion called Impact."),
        ({"weight": "0"}, "weight", "The weight must be 1 or more"),
        ({"weight": "1.5"}, "weight", "The weight must be a whole number"),
        ({"min_score": ""}, "min_score", "Enter the lowest score"),
        ({"max_score": "0"}, "max_score", "The highest score must be more than the lowest"),
        ({"max_score": "40000"}, "max_score", "The highest score must be 1000 or less"),
    ],
)
def test_bad_input_to_the_criterion_form_saves_nothing(client, world, changes, field, message):
    sign_in(client, world, Role.TEAM)
    before = list(COMPETITION_CRITERIA.values_list("name", flat=True))

    response = client.post(
        url(world, "criterion_add", world.competition.uid), criterion_data(**changes)
    )

    assert_refused(response, field, message)
    assert list(COMPETITION_CRITERIA.values_list("name", flat=True)) == before


def test_no_criterion_can_be_added_once_judging_has_started(client, world):
    judge = world.judge(entries=[world.entry])
    impact, team = world.criteria
    services.judge_scores_submit(
        actor=judge.user,
        assignment=judge.assignments.get(),
        scores={impact: 7, team: 4},
        submitted_on=date(2017, 6, 1),
    )
    sign_in(client, world, Role.TEAM)

    form = client.get(url(world, "criterion_add", world.competition.uid))
    response = client.post(url(world, "criterion_add", world.competition.uid), criterion_data())
    page = client.get(url(world, "competition_detail", world.competition.uid)).content.decode()

    assert "Judging has started" in form.content.decode()
    assert 'name="name"' not in form.content.decode()  # nothing to fill in
    assert_refused(response, "name", "Judging has started: the rubric can no longer change.")
    assert not COMPETITION_CRITERIA.filter(name="Reach").exists()
    assert url(world, "criterion_add", world.competition.uid) not in page
    assert "the rubric can no longer change" in page
