"""Setting up the accelerator in the pages: an accelerator, its cohorts and their places, and a
place's graduation or withdrawal with its date. Who may (every role), the happy paths with
their history, bad input saving nothing, and another programme's records as a 404."""

from datetime import date

import pytest
from django.urls import reverse

from partnerbase.accelerator import services
from partnerbase.accelerator.models import Accelerator, Cohort, CohortMembership
from partnerbase.accounts.models import Role

from .world import build_world

pytestmark = pytest.mark.django_db

MANAGERS = {Role.TEAM, Role.ACCELERATOR_MANAGER, "superuser"}
EVERYONE = [*Role.values, "other innovator", "superuser", "no role"]
STARTS = date(2018, 2, 1)  # the cohort's start


def _date(name, d):
    return {f"{name}_0": d.day, f"{name}_1": d.month, f"{name}_2": d.year}


def _u(name, w, *args):
    return reverse(f"accelerator:{name}", args=[w.programme.slug, *args])


def _pages(w):
    return {
        "add accelerator": _u("accelerator_add", w),
        "change accelerator": _u("accelerator_edit", w, w.accelerator.uid),
        "add cohort": _u("cohort_add", w, w.accelerator.uid),
        "change cohort": _u("cohort_edit", w, w.cohort.uid),
        "add innovator": _u("place_add", w, w.cohort.uid),
    }


def _refused(who):
    return 404 if who == "no role" else 403


@pytest.mark.parametrize("who", EVERYONE)
def test_who_may_open_each_page(client, world, who):
    client.force_login(world.users[who])
    for name, url in _pages(world).items():
        want = 200 if who in MANAGERS else _refused(who)
        assert client.get(url).status_code == want, name


def _writes(w):
    """Each write with valid data, and how to tell it happened."""
    partner = w.make.org("Nesta", kind="intermediary")
    newcomer = w.make.org("Newcomer CIC")
    return [
        (
            _pages(w)["add accelerator"],
            {
                "name": "Second accelerator",
                "delivery_partner": partner.pk,
                **_date("starts_on", date(2018, 9, 1)),
            },
            lambda: Accelerator.objects.filter(name="Second accelerator").exists(),
        ),
        (
            _pages(w)["change accelerator"],
            {"name": "Renamed accelerator", **_date("starts_on", date(2017, 8, 1))},
            lambda: Accelerator.objects.get(pk=w.accelerator.pk).name == "Renamed accelerator",
        ),
        (
            _pages(w)["add cohort"],
            {"name": "Second cohort", **_date("starts_on", date(2018, 9, 1))},
            lambda: Cohort.objects.filter(name="Second cohort").exists(),
        ),
        (
            _pages(w)["change cohort"],
            {"name": "Renamed cohort", **_date("starts_on", STARTS)},
            lambda: Cohort.objects.get(pk=w.cohort.pk).name == "Renamed cohort",
        ),
        (
            _pages(w)["add innovator"],
            {"organisation": newcomer.pk, **_date("joined_on", STARTS)},
            lambda: w.cohort.memberships.filter(organisation=newcomer).exists(),
        ),
    ]


@pytest.mark.parametrize("who", EVERYONE)
def test_who_may_write(client, world, who):
    writes = _writes(world)
    client.force_login(world.users[who])
    for url, data, happened in writes:
        response = client.post(url, data)
        if who in MANAGERS:
            assert response.status_code == 302 and happened(), url
        else:
            assert response.status_code == _refused(who) and not happened(), url


def test_another_programmes_records_are_a_404(client, world):
    other = build_world(slug="other", name="Other programme")
    client.force_login(world.users[Role.TEAM])
    theirs = {
        "accelerator_edit": other.accelerator.uid,
        "cohort_add": other.accelerator.uid,
        "cohort_edit": other.cohort.uid,
        "place_add": other.cohort.uid,
    }
    for name, uid in theirs.items():
        under_mine = reverse(f"accelerator:{name}", args=[world.programme.slug, uid])
        under_theirs = reverse(f"accelerator:{name}", args=[other.programme.slug, uid])
        for url in (under_mine, under_theirs):
            assert client.post(url, {"name": "Taken"}).status_code == 404, url
    assert client.get(_u("accelerator_add", other)).status_code == 404
    assert not Accelerator.objects.filter(name="Taken").exists()
    assert not Cohort.objects.filter(name="Taken").exists()


# --- accelerators ------------------------------------------------------------------------


def test_a_manager_adds_an_accelerator_with_its_delivery_partner(client, world):
    manager = world.users[Role.ACCELERATOR_MANAGER]
    client.force_login(manager)
    nesta = world.make.org("Nesta", kind="intermediary")

    response = client.post(
        _pages(world)["add accelerator"],
        {
            "name": " Scale-up ",
            "delivery_partner": nesta.pk,
            "description": "Six months",
            **_date("starts_on", date(2018, 1, 15)),
            **_date("ends_on", date(2018, 7, 15)),
        },
    )

    assert response["Location"] == _u("home", world)
    made = Accelerator.objects.get(name="Scale-up")
    assert (made.programme, made.delivery_partner, made.starts_on, made.ends_on) == (
        world.programme,
        nesta,
        date(2018, 1, 15),
        date(2018, 7, 15),
    )
    row = made.history.get()
    assert (row.history_user, row.history_change_reason) == (manager, "Accelerator created")
    home = client.get(_u("home", world)).content.decode()
    assert "Scale-up" in home and "Nesta" in home


def test_changing_an_accelerator_keeps_the_old_values_in_history(client, world):
    team = world.users[Role.TEAM]
    client.force_login(team)
    old_name = world.accelerator.name

    client.post(
        _pages(world)["change accelerator"],
        {"name": "IEP accelerator", **_date("starts_on", date(2017, 9, 1))},
    )

    accelerator = Accelerator.objects.get(pk=world.accelerator.pk)
    assert (accelerator.name, accelerator.starts_on) == ("IEP accelerator", date(2017, 9, 1))
    newest, older = accelerator.history.all()[:2]
    assert (newest.history_user, newest.history_change_reason) == (team, "Accelerator changed")
    assert older.name == old_name


def test_bad_accelerator_input_names_the_problem_and_saves_nothing(client, world):
    client.force_login(world.users[Role.TEAM])
    elsewhere = build_world(slug="elsewhere").make.org("Elsewhere Ltd")
    url = _pages(world)["add accelerator"]

    no_name = client.post(url, {"name": "", **_date("starts_on", date(2018, 1, 1))})
    backwards = client.post(
        url,
        {
            "name": "Backwards",
            **_date("starts_on", date(2018, 7, 1)),
            **_date("ends_on", date(2018, 1, 1)),
        },
    )
    foreign = client.post(
        url,
        {
            "name": "Foreign",
            "delivery_partner": elsewhere.pk,
            **_date("starts_on", date(2018, 1, 1)),
        },
    )
    no_start = client.post(url, {"name": "Undated", "starts_on_0": "", "starts_on_1": ""})

    assert "Enter the accelerator&#x27;s name" in no_name.content.decode()
    assert "The accelerator must end on or after it starts" in backwards.content.decode()
    assert "Choose one of the programme&#x27;s organisations" in foreign.content.decode()
    assert "Enter the start date" in no_start.content.decode()
    for response in (no_name, backwards, foreign, no_start):
        assert response.status_code == 200 and "There is a problem" in response.content.decode()
    assert Accelerator.objects.filter(programme=world.programme).count() == 1


def test_the_service_refuses_an_accelerator_ending_before_it_starts(world):
    with pytest.raises(Exception, match="must end on or after it starts"):
        services.accelerator_update(
            actor=world.actor,
            accelerator=world.accelerator,
            name="X",
            starts_on=date(2018, 7, 1),
            ends_on=date(2018, 1, 1),
        )


# --- cohorts -----------------------------------------------------------------------------


def test_the_team_adds_a_cohort_and_lands_on_its_page(client, world):
    team = world.users[Role.TEAM]
    client.force_login(team)

    response = client.post(
        _pages(world)["add cohort"],
        {
            "name": "2019 cohort",
            **_date("starts_on", date(2019, 2, 1)),
            **_date("ends_on", date(2019, 7, 31)),
        },
    )

    cohort = Cohort.objects.get(name="2019 cohort")
    assert cohort.accelerator == world.accelerator
    assert response["Location"] == _u("cohort", world, cohort.uid)
    row = cohort.history.get()
    assert (row.history_user, row.history_change_reason) == (team, "Cohort created")


def test_changing_a_cohort_and_bad_input(client, world):
    team = world.users[Role.TEAM]
    client.force_login(team)
    url = _pages(world)["change cohort"]

    no_name = client.post(url, {"name": "", **_date("starts_on", STARTS)})
    backwards = client.post(
        url, {"name": "X", **_date("starts_on", STARTS), **_date("ends_on", date(2018, 1, 1))}
    )
    assert "Enter the cohort&#x27;s name" in no_name.content.decode()
    assert "The cohort must end on or after it starts" in backwards.content.decode()
    assert Cohort.objects.get(pk=world.cohort.pk).name == "First cohort"

    client.post(url, {"name": "Cohort one", **_date("starts_on", date(2018, 2, 5))})

    cohort = Cohort.objects.get(pk=world.cohort.pk)
    assert (cohort.name, cohort.starts_on, cohort.ends_on) == ("Cohort one", date(2018, 2, 5), None)
    newest, older = cohort.history.all()[:2]
    assert (newest.history_user, newest.history_change_reason) == (team, "Cohort changed")
    assert (older.name, older.ends_on) == ("First cohort", date(2018, 7, 31))


def test_the_home_page_offers_the_buttons_and_select_cohort_offers_a_new_cohort(client, world):
    client.force_login(world.users[Role.ACCELERATOR_MANAGER])
    home = client.get(_u("home", world)).content.decode()
    assert (
        _u("accelerator_add", world) in home
        and _u("cohort_add", world, world.accelerator.uid) in home
    )
    assert "ask the convening team" not in home

    Cohort.objects.all().delete()
    select = client.get(_u("select_cohort", world, world.call.slug)).content.decode()

    assert "ask the convening team" not in select
    assert _u("cohort_add", world, world.accelerator.uid) in select


# --- places: add, graduate, withdraw ------------------------------------------------------


def test_the_team_adds_an_innovator_to_the_cohort(client, world):
    team = world.users[Role.TEAM]
    client.force_login(team)
    org = world.make.org("Toolshed Ltd")

    page = client.get(_pages(world)["add innovator"])
    offered = set(page.context["form"].fields["organisation"].queryset)
    response = client.post(
        _pages(world)["add innovator"],
        {
            "organisation": org.pk,
            "challenge_area": world.challenge.pk,
            **_date("joined_on", date(2018, 2, 12)),
        },
    )

    assert org in offered
    assert response["Location"] == _u("cohort", world, world.cohort.uid)
    place = CohortMembership.objects.get(cohort=world.cohort, organisation=org)
    assert (place.joined_on, place.challenge_area, place.status) == (
        date(2018, 2, 12),
        world.challenge,
        "active",
    )
    assert place.history.get().history_user == team
    assert org not in set(
        client.get(_pages(world)["add innovator"]).context["form"].fields["organisation"].queryset
    )


def test_an_innovator_already_in_the_cohort_or_undated_is_refused(client, world):
    client.force_login(world.users[Role.TEAM])
    org = world.orgs["alpha"]
    services.cohort_member_add(
        actor=world.actor, cohort=world.cohort, organisation=org, joined_on=STARTS
    )

    twice = client.post(
        _pages(world)["add innovator"], {"organisation": org.pk, **_date("joined_on", STARTS)}
    )
    undated = client.post(
        _pages(world)["add innovator"],
        {"organisation": world.orgs["bravo"].pk, "joined_on_0": "", "joined_on_1": ""},
    )

    assert "Choose an organisation without a place in this cohort" in twice.content.decode()
    assert "Enter the date joined" in undated.content.decode()
    assert world.cohort.memberships.count() == 1
    with pytest.raises(Exception, match="already has a place"):
        services.cohort_member_add(
            actor=world.actor, cohort=world.cohort, organisation=org, joined_on=STARTS
        )


def _place(world):
    return services.cohort_member_add(
        actor=world.actor, cohort=world.cohort, organisation=world.orgs["alpha"], joined_on=STARTS
    )


def test_graduating_needs_its_date_and_keeps_it(client, world):
    manager = world.users[Role.ACCELERATOR_MANAGER]
    client.force_login(manager)
    place = _place(world)
    url = _u("membership_status", world, place.uid)

    undated = client.post(url, {"status": "graduated", "on_0": "", "on_1": "", "on_2": ""})
    early = client.post(url, {"status": "graduated", **_date("on", date(2018, 1, 2))})
    assert "Enter the date they graduated or withdrew" in undated.content.decode()
    # The service's refusal goes next to the date.
    assert 'id="id_on-error"' in early.content.decode()
    assert "An innovator cannot graduate before joining" in early.content.decode()
    assert CohortMembership.objects.get(pk=place.pk).status == "active"

    client.post(url, {"status": "graduated", **_date("on", date(2018, 7, 31))})

    place = CohortMembership.objects.get(pk=place.pk)
    assert (place.status, place.graduated_on, place.withdrawn_on) == (
        "graduated",
        date(2018, 7, 31),
        None,
    )
    row = place.history.first()
    assert (row.history_user, row.history_change_reason) == (manager, "Graduated from cohort")
    cohort_page = client.get(_u("cohort", world, world.cohort.uid)).content.decode()
    assert "Graduated 31 Jul 2018" in cohort_page


def test_withdrawing_keeps_its_date(client, world):
    client.force_login(world.users[Role.TEAM])
    place = _place(world)

    client.post(
        _u("membership_status", world, place.uid),
        {"status": "withdrawn", **_date("on", date(2018, 3, 1))},
    )

    place = CohortMembership.objects.get(pk=place.pk)
    assert (place.status, place.withdrawn_on, place.graduated_on) == (
        "withdrawn",
        date(2018, 3, 1),
        None,
    )
    assert place.history.first().history_change_reason == "Withdrew from cohort"
