"""The team records a ballot sent by email for an organisation on the roll whose voter has
no account: it counts like any ballot, and the history says who recorded it for whom."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from partnerbase.accounts.models import Role
from partnerbase.challenges import services
from partnerbase.challenges.models import Ballot
from partnerbase.core.errors import DomainError

from .factories import build_world
from .test_views import ballot_post, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(db):
    world = build_world(slug="alpha")
    world.opens_on, world.closes_on = date.today(), date.today() + timedelta(days=30)
    world.ranked = world.vote(title="Ranked vote")
    world.approval = world.vote(title="Approval vote", method="approval")
    return world


def record_url(world, vote):
    return reverse("challenges:ballot_record", args=[world.programme.slug, vote.uid])


def test_the_service_keeps_who_recorded_it_for_whom(setup):
    fi, mh, _ = setup.proposals
    team = setup.users[Role.TEAM]

    ballot = services.ballot_record(
        actor=team,
        vote=setup.ranked,
        organisation=setup.orgs["Beta Retail"],
        choices=[mh, fi],
        cast_by_name="Pat Jones",
    )

    assert ballot.choices == [str(mh.uid), str(fi.uid)] and ballot.cast_by == team
    latest = ballot.history.latest()
    assert latest.history_user == team
    assert latest.history_change_reason == (
        f"Recorded by {team} for Pat Jones of Beta Retail: ballot cast"
    )
    assert services.vote_count(setup.ranked).winners  # it counts like any ballot


def test_without_a_name_it_is_recorded_for_the_organisation(setup):
    fi, _, _ = setup.proposals
    team = setup.users[Role.TEAM]
    setup.cast(setup.approval, "Beta Retail", fi, on=date.today())

    ballot = services.ballot_record(
        actor=team, vote=setup.approval, organisation=setup.orgs["Beta Retail"], choices=[fi]
    )

    assert ballot.history.latest().history_change_reason == (
        f"Recorded by {team} for Beta Retail: ballot replaced"
    )


def test_only_organisations_on_the_roll(setup):
    fi, _, _ = setup.proposals
    with pytest.raises(DomainError, match="not on this vote's roll"):
        services.ballot_record(
            actor=setup.users[Role.TEAM],
            vote=setup.ranked,
            organisation=setup.orgs["Innovator Ltd"],
            choices=[fi],
        )


def test_the_team_records_a_ranked_ballot_sent_by_email(client, setup):
    fi, mh, tw = setup.proposals
    team = sign_in(client, setup, Role.TEAM)
    beta = setup.orgs["Beta Retail"]
    detail = reverse("challenges:vote_detail", args=[setup.programme.slug, setup.ranked.uid])
    page = client.get(detail).content.decode()
    assert "Record a ballot sent by email" in page
    assert f"{record_url(setup, setup.ranked)}?for={beta.uid}" in page

    form = client.get(f"{record_url(setup, setup.ranked)}?for={beta.uid}").content.decode()
    assert f'<option value="{beta.pk}" selected>' in form
    data = ballot_post(setup, setup.ranked, tw, fi)
    response = client.post(record_url(setup, setup.ranked), data)
    assert "Choose the organisation whose ballot it is" in response.content.decode()
    assert not Ballot.objects.exists()

    data.update(organisation=beta.pk, cast_by_name="Pat Jones")
    response = client.post(record_url(setup, setup.ranked), data)

    assert response.status_code == 302
    ballot = Ballot.objects.get(vote=setup.ranked, organisation=beta)
    assert ballot.choices == [str(tw.uid), str(fi.uid)]
    note = f"Recorded by {team} for Pat Jones of Beta Retail: ballot cast"
    assert ballot.history.latest().history_change_reason == note
    assert note in client.get(detail).content.decode()


def test_the_team_records_an_approval_ballot(client, setup):
    fi, mh, _ = setup.proposals
    sign_in(client, setup, Role.TEAM)
    gamma = setup.orgs["Gamma Energy"]

    response = client.post(
        record_url(setup, setup.approval), {"organisation": gamma.pk, "choices": [fi.pk, mh.pk]}
    )

    assert response.status_code == 302
    assert set(Ballot.objects.get(organisation=gamma).choices) == {str(fi.uid), str(mh.uid)}


def test_a_vote_not_open_takes_no_recorded_ballot(client, setup):
    draft = setup.vote(title="Draft", opened=False)
    sign_in(client, setup, Role.TEAM)
    assert client.get(record_url(setup, draft)).status_code == 403


@pytest.mark.parametrize("who", [r for r in Role.values if r != Role.TEAM] + ["no role"])
def test_only_the_team_may_record_a_ballot(client, setup, who):
    fi, _, _ = setup.proposals
    sign_in(client, setup, who)
    data = ballot_post(setup, setup.ranked, fi)
    data["organisation"] = setup.orgs["Beta Retail"].pk

    response = client.post(record_url(setup, setup.ranked), data)

    assert response.status_code == (404 if who == "no role" else 403)
    assert not Ballot.objects.exists()
