"""Every challenge page and action, for every role: allowed, refused (403), or not told the
programme exists (404); and forms that fail save nothing."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from partnerbase.accounts.models import Role
from partnerbase.challenges import services
from partnerbase.challenges.models import Ballot, ChallengeProposal, ChallengeVote, VoteStatus
from tests.factories import roles

from .factories import build_world

pytestmark = pytest.mark.django_db

EVERYONE = set(Role.values) | {"superuser"}
MEMBERS = {Role.TEAM, Role.CHAMPION, Role.PARTNER_CONTACT, Role.WORKING_GROUP_MEMBER, "superuser"}
PROPOSERS = MEMBERS
TEAM = {Role.TEAM, "superuser"}
VOTERS = {Role.CHAMPION, Role.PARTNER_CONTACT, Role.WORKING_GROUP_MEMBER}


@pytest.fixture
def setup(db):
    world = build_world(slug="alpha")
    world.opens_on, world.closes_on = date.today(), date.today() + timedelta(days=30)
    fi, mh, tw = world.proposals
    world.open_vote = world.vote(title="Open vote")
    world.draft_vote = world.vote(title="Draft vote", opened=False)
    closed = world.vote(title="Closed vote", method="approval")
    world.cast(closed, "Alpha Bank", fi, mh)
    services.vote_close(actor=world.actor, vote=closed)
    world.closed_vote = closed
    world.area = services.challenge_area_create(**world.kw(), name="Existing area")
    return world


def page_url(name, w):
    s = w.programme.slug
    return {
        "areas": reverse("challenges:area_list", args=[s]),
        "area": reverse("challenges:area_detail", args=[s, w.area.slug]),
        "proposals": reverse("challenges:proposal_list", args=[s]),
        "propose": reverse("challenges:proposal_add", args=[s]),
        "votes": reverse("challenges:vote_list", args=[s]),
        "vote add": reverse("challenges:vote_add", args=[s]),
        "vote": reverse("challenges:vote_detail", args=[s, w.open_vote.uid]),
        "ballot": reverse("challenges:ballot", args=[s, w.open_vote.uid]),
        "record ballot": reverse("challenges:ballot_record", args=[s, w.open_vote.uid]),
        "results": reverse("challenges:vote_results", args=[s, w.closed_vote.uid]),
        "open": reverse("challenges:vote_action", args=[s, w.draft_vote.uid, "open"]),
        "close": reverse("challenges:vote_action", args=[s, w.open_vote.uid, "close"]),
        "adopt": reverse("challenges:vote_action", args=[s, w.closed_vote.uid, "adopt"]),
    }[name]


PAGES = {
    "areas": EVERYONE, "area": EVERYONE, "proposals": MEMBERS, "propose": PROPOSERS,
    "votes": MEMBERS, "vote add": TEAM, "vote": MEMBERS, "ballot": VOTERS, "record ballot": TEAM,
    "results": MEMBERS, "open": TEAM, "close": TEAM, "adopt": TEAM,
}  # fmt: skip


def sign_in(client, world, who):
    return roles.sign_in(client, who, world.users.__getitem__)


@pytest.mark.parametrize("who", [*Role.values, "superuser", "no role"])
@pytest.mark.parametrize("page", PAGES)
def test_who_may_open_each_page(client, setup, page, who):
    sign_in(client, setup, who)
    response = client.get(page_url(page, setup))
    if who in PAGES[page]:
        assert response.status_code == 200
    else:
        assert response.status_code == (404 if who == "no role" else 403)


@pytest.mark.parametrize("page", PAGES)
def test_signed_out_visitors_are_sent_to_sign_in(client, setup, page):
    response = client.get(page_url(page, setup))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("page", PAGES)
def test_members_of_another_programme_get_404(client, setup, page):
    other = build_world(slug="bravo")
    client.force_login(other.users[Role.TEAM])
    assert client.get(page_url(page, setup)).status_code == 404


def ballot_post(world, vote, *ranked):
    """Form data for a ranked ballot: the given proposals ranked 1, 2, ..."""
    data = {f"rank_{p.uid.hex}": "" for p in world.proposals}
    for n, p in enumerate(ranked, start=1):
        data[f"rank_{p.uid.hex}"] = str(n)
    return data


@pytest.mark.parametrize("who", [*Role.values, "superuser"])
def test_who_may_cast_a_ballot(client, setup, who):
    sign_in(client, setup, who)
    fi, mh, _ = setup.proposals
    url = page_url("ballot", setup)
    response = client.post(url, ballot_post(setup, setup.open_vote, mh, fi))
    if who in VOTERS:
        assert response.status_code == 302
        ballot = Ballot.objects.get(vote=setup.open_vote)
        assert ballot.choices == [str(mh.uid), str(fi.uid)]
        assert ballot.cast_by == setup.users[who]
    else:
        assert response.status_code == 403
        assert not Ballot.objects.filter(vote=setup.open_vote).exists()


def test_a_ballot_off_the_roll_is_refused(client, setup):
    # A board vote: the working-group member's organisation has no seat.
    vote = setup.vote(title="Board vote", electorate="board")
    client.force_login(setup.users[Role.WORKING_GROUP_MEMBER])
    url = reverse("challenges:ballot", args=[setup.programme.slug, vote.uid])
    assert client.get(url).status_code == 403
    client.force_login(setup.users[Role.CHAMPION])
    assert client.get(url).status_code == 200


def test_a_bad_ranked_ballot_shows_the_error_summary_and_saves_nothing(client, setup):
    fi, mh, tw = setup.proposals
    client.force_login(setup.users[Role.CHAMPION])
    url = page_url("ballot", setup)
    data = ballot_post(setup, setup.open_vote, fi, mh)
    data[f"rank_{tw.uid.hex}"] = "1"  # two proposals ranked 1
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html and "Give rank 1 to only one challenge area" in html
    response = client.post(url, ballot_post(setup, setup.open_vote))
    assert "Rank at least one challenge area" in response.content.decode()
    assert not Ballot.objects.filter(vote=setup.open_vote).exists()


def test_a_second_ballot_replaces_the_first_and_the_page_says_so(client, setup):
    fi, mh, tw = setup.proposals
    client.force_login(setup.users[Role.CHAMPION])
    url = page_url("ballot", setup)
    client.post(url, ballot_post(setup, setup.open_vote, fi))
    page = client.get(url).content.decode()
    assert "Voting again replaces it" in page and "Replace the ballot" in page
    client.post(url, ballot_post(setup, setup.open_vote, tw, mh))
    assert Ballot.objects.get(vote=setup.open_vote).choices == [str(tw.uid), str(mh.uid)]


def test_a_member_proposes_only_for_their_own_organisation(client, setup):
    client.force_login(setup.users[Role.PARTNER_CONTACT])
    url = page_url("propose", setup)
    own = {"organisation": setup.orgs["Gamma Energy"].pk, "title": "Housing", "description": "x"}
    other = {**own, "organisation": setup.orgs["Alpha Bank"].pk, "title": "Not mine"}
    assert client.post(url, other).status_code == 200  # refused: not a choice
    assert client.post(url, own).status_code == 302
    assert ChallengeProposal.objects.get(title="Housing").organisation.name == "Gamma Energy"
    assert not ChallengeProposal.objects.filter(title="Not mine").exists()


def test_a_member_with_one_organisation_sees_it_as_the_one_choice(client, setup):
    """One organisation to propose for is a radio, checked: it must be there to see."""
    client.force_login(setup.users[Role.PARTNER_CONTACT])
    page = client.get(page_url("propose", setup)).content.decode()
    gamma = setup.orgs["Gamma Energy"]
    assert f'name="organisation" type="radio" value="{gamma.pk}" checked' in page
    assert 'name="organisation" type="radio" value=""' not in page  # no empty choice


def test_a_bad_proposal_shows_the_error_summary(client, setup):
    client.force_login(setup.users[Role.TEAM])
    before = ChallengeProposal.objects.count()
    response = client.post(page_url("propose", setup), {"title": "", "description": ""})
    assert "govuk-error-summary" in response.content.decode()
    assert ChallengeProposal.objects.count() == before


def test_the_team_sets_up_a_vote_and_bad_input_saves_nothing(client, setup):
    client.force_login(setup.users[Role.TEAM])
    url = page_url("vote add", setup)
    good = {
        "title": "Second round",
        "electorate": "board",
        "method": "approval",
        "seats": "1",
        "opens_on_0": "2",
        "opens_on_1": "10",
        "opens_on_2": "2017",
        "closes_on_0": "20",
        "closes_on_1": "10",
        "closes_on_2": "2017",
        "proposals": [p.pk for p in setup.proposals[:2]],
    }
    before = ChallengeVote.objects.count()
    bad = client.post(url, {**good, "seats": "2"})  # as many seats as proposals
    assert "Choose fewer areas" in bad.content.decode()
    bad = client.post(url, {**good, "closes_on_0": "1"})  # closes before it opens
    assert "close on or after it opens" in bad.content.decode()
    assert ChallengeVote.objects.count() == before
    assert client.post(url, good).status_code == 302
    assert ChallengeVote.objects.get(title="Second round").proposals.count() == 2


def test_the_team_opens_closes_and_adopts(client, setup):
    client.force_login(setup.users[Role.TEAM])
    draft = setup.draft_vote
    s = setup.programme.slug
    assert (
        client.post(reverse("challenges:vote_action", args=[s, draft.uid, "open"])).status_code
        == 302
    )
    draft.refresh_from_db()
    assert draft.status == VoteStatus.OPEN
    # Closing with no ballots: the error summary, and the vote stays open.
    response = client.post(reverse("challenges:vote_action", args=[s, draft.uid, "close"]))
    assert "No ballots have been cast yet" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == VoteStatus.OPEN
    closed = setup.closed_vote
    response = client.post(reverse("challenges:vote_action", args=[s, closed.uid, "adopt"]))
    assert response.status_code == 302
    closed.refresh_from_db()
    assert closed.status == VoteStatus.ADOPTED
    area = closed.challenge_areas.get(name="Financial inclusion")
    page = client.get(reverse("challenges:area_detail", args=[s, area.slug])).content.decode()
    assert "Chosen by vote" in page and "Closed vote" in page and "approved on 1 of 1" in page


@pytest.mark.parametrize("who", [Role.CHAMPION, Role.INNOVATOR])
def test_only_the_team_may_post_the_actions(client, setup, who):
    client.force_login(setup.users[who])
    s = setup.programme.slug
    response = client.post(
        reverse("challenges:vote_action", args=[s, setup.draft_vote.uid, "open"])
    )
    assert response.status_code == 403
    setup.draft_vote.refresh_from_db()
    assert setup.draft_vote.status == VoteStatus.DRAFT


def test_results_name_and_explain_the_method(client, setup):
    fi, mh, tw = setup.proposals
    vote = setup.open_vote
    setup.seat("Gamma Energy")
    for org, order in [
        ("Alpha Bank", (fi, mh, tw)),
        ("Beta Retail", (mh, tw, fi)),
        ("Gamma Energy", (tw, mh, fi)),
        ("Delta Trust", (fi, mh, tw)),
    ]:
        setup.cast(vote, org, *order)
    services.vote_close(actor=setup.actor, vote=vote)
    client.force_login(setup.users[Role.CHAMPION])
    page = client.get(reverse("challenges:vote_results", args=[setup.programme.slug, vote.uid]))
    html = page.content.decode()
    assert "Schulze method" in html and "Pairwise table" in html
    assert "Counting first choices alone would have put Financial inclusion first" in html


def test_results_of_a_vote_not_yet_counted_are_404(client, setup):
    client.force_login(setup.users[Role.TEAM])
    url = reverse("challenges:vote_results", args=[setup.programme.slug, setup.open_vote.uid])
    assert client.get(url).status_code == 404


def test_the_dashboard_links_to_the_challenge_pages(client, setup):
    client.force_login(setup.users[Role.TEAM])
    html = client.get(reverse("reports:dashboard", args=[setup.programme.slug])).content.decode()
    assert reverse("challenges:area_list", args=[setup.programme.slug]) in html


def test_an_approval_ballot_needs_a_tick_and_saves_the_ticked(client, setup):
    fi, mh, tw = setup.proposals
    vote = setup.vote(title="Approval vote", method="approval")
    client.force_login(setup.users[Role.PARTNER_CONTACT])
    url = reverse("challenges:ballot", args=[setup.programme.slug, vote.uid])
    response = client.post(url, {})
    assert "Choose at least one challenge area" in response.content.decode()
    assert not Ballot.objects.filter(vote=vote).exists()
    assert client.post(url, {"choices": [mh.pk, tw.pk]}).status_code == 302
    ballot = Ballot.objects.get(vote=vote)
    assert ballot.organisation.name == "Gamma Energy"
    assert sorted(ballot.choices) == sorted([str(mh.uid), str(tw.uid)])
