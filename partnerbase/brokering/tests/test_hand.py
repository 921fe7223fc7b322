"""Introductions added by hand get the engine's score and reasons for the pair."""

from datetime import date

import pytest

from partnerbase.brokering import services
from partnerbase.core.errors import DomainError

pytestmark = pytest.mark.django_db


def add(world, round, innovator, partner, **kw):
    return services.introduction_add_by_hand(
        actor=world.actor,
        round=round,
        innovator=world.orgs[innovator],
        partner=world.orgs[partner],
        **kw,
    )


def test_a_pair_added_by_hand_scores_as_the_engine_scores_it(world):
    ran = services.round_run(actor=world.actor, round=world.round(name="Ran"))
    engine = ran.introductions.get(innovator=world.orgs["toolshed"], partner=world.orgs["unltd"])
    added = add(world, world.round(), "toolshed", "unltd")
    assert added.score == engine.score and added.score > 0
    assert added.parts == engine.parts and added.reasons == engine.reasons
    # Its best need and offer are recorded, so sending it makes a funding partnership.
    assert (added.need, added.offer) == (
        world.needs["toolshed-funding"],
        world.offers["unltd-funding"],
    )


def test_the_teams_reason_follows_the_engines(world):
    added = add(world, world.round(), "money-ae", "gt", reasons="  Met at the launch. ")
    engine_part, team_part = added.reasons.split("\n\n")
    assert "Grant Thornton offers mentoring or expertise, which Money A+E needs" in engine_part
    assert team_part == "The team’s reason: Met at the launch."


def test_a_pair_with_nothing_compatible_scores_0_and_says_why(world):
    # Toolshed's needs are funding and mentoring on the transition to work; Grant Thornton
    # mentors on financial inclusion only, and Marks & Spencer offers placements.
    round = world.round()
    for partner in ("gt", "ms"):
        added = add(world, round, "toolshed", partner)
        assert added.score == 0 and added.parts == {}
        assert added.reasons == "Added by hand: no open need matches an open offer"
        assert added.need is None and added.offer is None


def test_closed_needs_do_not_count(world):
    services.want_close(
        actor=world.actor, record=world.needs["mkf-employment"], on=date(2018, 3, 1)
    )
    added = add(world, world.round(), "mkf", "ms")
    assert added.score == 0 and added.reasons == services.NO_MATCH


def test_a_given_need_and_offer_are_the_ones_scored(world):
    added = add(
        world,
        world.round(),
        "toolshed",
        "barclays",
        need=world.needs["toolshed-mentoring"],
        offer=world.offers["barclays-funding"],
    )
    assert added.score == 0 and added.need == world.needs["toolshed-mentoring"]


def test_adding_by_hand_keeps_the_innovators_own_capacity(world):
    round = world.round(innovator_capacity=3)
    services.round_innovator_setting_set(
        actor=world.actor,
        round=round,
        innovator=world.orgs["toolshed"],
        capacity=0,
        min_introductions=0,
    )
    with pytest.raises(DomainError, match=r"the most it may have in this round \(0\)") as exc:
        add(world, round, "toolshed", "barclays")
    assert exc.value.field == "innovator"
    assert add(world, round, "toolshed", "barclays", over_capacity=True).score > 0
    add(world, round, "money-ae", "gt")  # the round's capacity for the others
