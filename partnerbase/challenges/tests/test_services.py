"""Proposals, votes and ballots through the services: the rules, the roll, the count and
adoption; every failure leaves nothing half-saved."""

from datetime import date

import pytest

from partnerbase.challenges import services
from partnerbase.challenges.models import Ballot, ChallengeArea, ChallengeVote, VoteStatus
from partnerbase.core.errors import DomainError

from .factories import CLOSES, OPENS, build_world

pytestmark = pytest.mark.django_db


def names(orgs):
    return sorted(o.name for o in orgs)


def test_the_board_roll_is_the_organisations_seated_on_the_day(world):
    board = world.vote(electorate="board")
    assert names(board.electors.all()) == ["Alpha Bank", "Beta Retail"]
    partnership = world.vote(electorate="partnership")
    # Seated organisations plus those a champion, partner contact or working-group member
    # acts for; not the innovator's, not the convening department.
    assert names(partnership.electors.all()) == [
        "Alpha Bank",
        "Beta Retail",
        "Delta Trust",
        "Gamma Energy",
    ]


def test_a_seat_that_starts_after_the_opening_day_is_not_on_the_roll(world):
    world.seat("Gamma Energy", on=date(2017, 11, 1))
    vote = world.vote(electorate="board")
    assert "Gamma Energy" not in names(vote.electors.all())


def test_a_vote_needs_two_proposals_and_fewer_seats_than_proposals(world):
    with pytest.raises(DomainError) as exc:
        world.vote(proposals=world.proposals[:1], seats=1)
    assert exc.value.field == "proposals"
    with pytest.raises(DomainError) as exc:
        world.vote(seats=3)
    assert exc.value.field == "seats"
    assert not ChallengeVote.objects.exists()


def test_proposals_from_another_programme_are_refused(world):
    other = build_world(slug="other")
    with pytest.raises(DomainError):
        world.vote(proposals=[*world.proposals, other.proposals[0]])
    assert not ChallengeVote.objects.filter(programme=world.programme).exists()


def test_a_vote_opens_once_and_not_before_its_date(world):
    vote = world.vote(opened=False)
    with pytest.raises(DomainError, match="set to open"):
        services.vote_open(actor=world.actor, vote=vote, on=date(2017, 10, 1))
    vote.refresh_from_db()
    assert vote.status == VoteStatus.DRAFT and not vote.electors.exists()
    services.vote_open(actor=world.actor, vote=vote, on=OPENS)
    with pytest.raises(DomainError, match="already"):
        services.vote_open(actor=world.actor, vote=vote, on=OPENS)


def test_a_second_ballot_from_the_same_organisation_replaces_the_first(world):
    fi, mh, tw = world.proposals
    vote = world.vote()
    first = world.cast(vote, "Alpha Bank", fi, mh)
    second = world.cast(vote, "Alpha Bank", tw)
    assert first.pk == second.pk
    assert Ballot.objects.get(vote=vote).choices == [str(tw.uid)]
    assert [h.history_change_reason for h in second.history.order_by("history_id")] == [
        "Ballot cast",
        "Ballot replaced",
    ]


def test_ballots_off_the_roll_empty_foreign_or_late_are_refused(world):
    fi, mh, _ = world.proposals
    vote = world.vote(electorate="board")
    with pytest.raises(DomainError, match="roll"):
        world.cast(vote, "Gamma Energy", fi)
    with pytest.raises(DomainError) as exc:
        world.cast(vote, "Alpha Bank")
    assert exc.value.field == "choices"
    with pytest.raises(DomainError, match="only once"):
        world.cast(vote, "Alpha Bank", fi, fi)
    with pytest.raises(DomainError, match="closed"):
        world.cast(vote, "Alpha Bank", fi, on=date(2017, 10, 21))
    other = world.propose("Not in the vote", "Delta Trust")
    with pytest.raises(DomainError, match="only proposals"):
        world.cast(vote, "Alpha Bank", other)
    assert not Ballot.objects.exists()


def test_closing_counts_and_adopting_makes_the_areas(world):
    fi, mh, tw = world.proposals
    vote = world.vote(method="approval", seats=2)
    world.cast(vote, "Alpha Bank", fi, mh)
    world.cast(vote, "Beta Retail", mh)
    world.cast(vote, "Gamma Energy", tw, mh)
    with pytest.raises(DomainError, match="closed"):
        services.vote_adopt(actor=world.actor, vote=vote)
    services.vote_close(actor=world.actor, vote=vote, on=CLOSES)
    assert vote.result["approvals"] == {str(fi.uid): 1, str(mh.uid): 3, str(tw.uid): 1}
    assert vote.result["winners"] == [str(mh.uid), str(fi.uid)]
    assert vote.result["tie_at_cutoff"] is True  # fi and tw level; fi proposed first
    with pytest.raises(DomainError, match="not open"):
        world.cast(vote, "Delta Trust", tw)
    areas = services.vote_adopt(actor=world.actor, vote=vote, on=date(2017, 10, 23))
    assert [a.name for a in areas] == ["Mental health at work", "Financial inclusion"]
    assert {a.proposal for a in areas} == {fi, mh} and {a.vote for a in areas} == {vote}
    assert vote.status == VoteStatus.ADOPTED and vote.adopted_on == date(2017, 10, 23)
    with pytest.raises(DomainError):
        services.vote_adopt(actor=world.actor, vote=vote)
    assert ChallengeArea.objects.filter(programme=world.programme).count() == 2


def test_closing_with_no_ballots_is_refused(world):
    vote = world.vote()
    with pytest.raises(DomainError, match="No ballots"):
        services.vote_close(actor=world.actor, vote=vote)
    vote.refresh_from_db()
    assert vote.status == VoteStatus.OPEN and vote.result is None


def test_adopting_an_area_whose_name_is_taken_saves_nothing(world):
    fi, mh, _ = world.proposals
    services.challenge_area_create(**world.kw(), name="Mental health at work")
    vote = world.vote(seats=2)
    world.cast(vote, "Alpha Bank", fi, mh)
    services.vote_close(actor=world.actor, vote=vote)
    with pytest.raises(DomainError):
        services.vote_adopt(actor=world.actor, vote=vote)
    vote.refresh_from_db()
    assert vote.status == VoteStatus.CLOSED
    assert ChallengeArea.objects.filter(programme=world.programme).count() == 1


def test_a_ranked_vote_is_counted_by_schulze_not_first_choices(world):
    fi, mh, tw = world.proposals
    vote = world.vote(method="ranked", seats=1)
    world.seat("Gamma Energy")
    world.cast(vote, "Alpha Bank", fi, mh, tw)
    world.cast(vote, "Beta Retail", mh, tw, fi)
    world.cast(vote, "Gamma Energy", tw, mh, fi)
    world.cast(vote, "Delta Trust", fi, mh, tw)
    services.vote_close(actor=world.actor, vote=vote)
    # fi has the most first choices (2); mh beats tw 3-1 and draws with fi 2-2, so it leads.
    assert vote.result["first_preferences"][str(fi.uid)] == 2
    assert vote.result["pairwise"][str(mh.uid)][str(tw.uid)] == 3
    assert vote.result["winners"] == [str(mh.uid)]
