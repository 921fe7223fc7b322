"""The round's life: run the engine, review by hand, send, hear back; and what is excluded."""

from datetime import date
from decimal import Decimal

import pytest

from partnerbase.brokering import services
from partnerbase.brokering.inputs import excluded_pairs, round_inputs
from partnerbase.brokering.models import (
    Introduction,
    IntroductionStatus,
    Partnership,
    Response,
    RoundStatus,
)
from partnerbase.brokering.queries import conversion
from partnerbase.brokering.stages import Stage
from partnerbase.core.errors import DomainError
from partnerbase.core.period import programme_period
from partnerbase.impact.figures import engaged_organisations

pytestmark = pytest.mark.django_db
ON = date(2018, 3, 1)


def run(world, **kw):
    return services.round_run(actor=world.actor, round=world.round(**kw))


def pairs(round):
    return {
        (i.innovator.name, i.partner.name)
        for i in round.introductions.filter(status__in=["proposed", "added"])
    }


def sent_round(world, **kw):
    round = run(world, **kw)
    services.round_review(actor=world.actor, round=round)
    return services.round_send(actor=world.actor, round=round, on=ON)


def test_a_run_proposes_compatible_pairs_with_scores_and_reasons(world):
    round = run(world)
    assert round.status == RoundStatus.RUN
    assert round.optimal is True and round.shortfall == 0
    assert pairs(round) == {
        ("Money A+E", "Grant Thornton"),
        ("MyKindaFuture", "Marks & Spencer"),
        ("Toolshed", "UnLtd"),
        ("Toolshed", "Barclays"),
    }
    intro = round.introductions.get(innovator=world.orgs["money-ae"])
    assert intro.need == world.needs["money-ae-mentoring"]
    assert intro.offer == world.offers["gt-mentoring"]
    assert "Grant Thornton offers mentoring" in intro.reasons
    assert set(intro.parts) == {
        "type_fit",
        "challenge_fit",
        "region_overlap",
        "text_similarity",
        "size_fit",
        "preference",
    }
    assert sum(round.introductions.values_list("score", flat=True)) == round.objective
    assert round.progress_percent == 100
    assert round.history.filter(history_change_reason__startswith="Run:").exists()


def test_capacities_are_respected(world):
    round = run(world, innovator_capacity=1)
    toolshed = round.introductions.filter(innovator=world.orgs["toolshed"])
    assert toolshed.count() == 1


def test_existing_partners_funders_and_sent_pairs_are_never_proposed(world):
    world.make.partnership(innovator=world.orgs["toolshed"], partners=[world.orgs["unltd"]])
    world.make.award(
        funder=world.orgs["ms"], recipient=world.orgs["mkf"], amount="1000", on=date(2018, 3, 1)
    )
    round = run(world)
    assert ("Toolshed", "UnLtd") not in pairs(round)
    assert ("MyKindaFuture", "Marks & Spencer") not in pairs(round)
    assert ("Toolshed", "Barclays") in pairs(round)
    uid = str
    exclusions = excluded_pairs(round)
    assert (uid(world.orgs["toolshed"].uid), uid(world.orgs["unltd"].uid)) in exclusions
    assert (uid(world.orgs["toolshed"].uid), uid(world.orgs["toolshed"].uid)) in exclusions


def test_only_open_needs_of_cohort_innovators_go_in(world):
    outsider = world.make.org("Not in the cohort")
    services.need_create(
        actor=world.actor, programme=world.programme, innovator=outsider, type="mentoring"
    )
    services.want_close(actor=world.actor, record=world.needs["mkf-employment"], on=ON)
    inputs = round_inputs(world.round())
    names = {i.name for i in inputs.innovators}
    assert names == {"Toolshed", "Money A+E"}
    toolshed = next(i for i in inputs.innovators if i.name == "Toolshed")
    # A need without regions takes its organisation's; the type is its label.
    assert {n.type for n in toolshed.needs} == {"Funding", "Mentoring or expertise"}
    assert all(n.regions == frozenset({"West Midlands"}) for n in toolshed.needs)
    barclays = next(p for p in inputs.partners if p.name == "Barclays")
    assert barclays.capacity == 2 and barclays.offers[0].budget == Decimal("25000.00")


def test_remove_and_add_by_hand(world):
    round = run(world)
    intro = round.introductions.get(partner=world.orgs["barclays"])
    services.introduction_remove(actor=world.actor, introduction=intro)
    intro.refresh_from_db()
    assert intro.status == IntroductionStatus.REMOVED
    # A re-run keeps the team's removal.
    round.refresh_from_db()
    round = services.round_run(actor=world.actor, round=round)
    assert ("Toolshed", "Barclays") not in pairs(round)
    added = services.introduction_add_by_hand(
        actor=world.actor,
        round=round,
        innovator=world.orgs["money-ae"],
        partner=world.orgs["barclays"],
        reasons="They met at the launch.",
    )
    # No need of Money A+E's matches an offer of Barclays's: score 0, and it says so.
    assert added.status == IntroductionStatus.ADDED and added.score == 0
    assert added.reasons == f"{services.NO_MATCH}\n\nThe team’s reason: They met at the launch."
    assert ("Money A+E", "Barclays") in pairs(round)


def test_add_by_hand_refuses_excluded_pairs_and_warns_on_capacity(world):
    round = run(world)
    kw = {"actor": world.actor, "round": round, "reasons": "x"}
    with pytest.raises(DomainError, match="already proposed"):
        services.introduction_add_by_hand(
            **kw, innovator=world.orgs["toolshed"], partner=world.orgs["unltd"]
        )
    with pytest.raises(DomainError, match="itself"):
        services.introduction_add_by_hand(
            **kw, innovator=world.orgs["toolshed"], partner=world.orgs["toolshed"]
        )
    world.make.partnership(innovator=world.orgs["mkf"], partners=[world.orgs["gt"]])
    with pytest.raises(DomainError, match="already partners") as exc:
        services.introduction_add_by_hand(
            **kw, innovator=world.orgs["mkf"], partner=world.orgs["gt"]
        )
    assert exc.value.field == "partner"
    # Marks & Spencer takes one introduction and has it already.
    with pytest.raises(DomainError, match="will take 1 introduction and already has 1"):
        services.introduction_add_by_hand(
            **kw, innovator=world.orgs["money-ae"], partner=world.orgs["ms"]
        )
    services.introduction_add_by_hand(
        **kw, innovator=world.orgs["money-ae"], partner=world.orgs["ms"], over_capacity=True
    )
    assert round.introductions.filter(partner=world.orgs["ms"]).count() == 2


def test_sending_makes_introduced_partnerships_brokered_by_the_delivery_partner(world):
    with pytest.raises(DomainError, match="Review"):
        services.round_send(actor=world.actor, round=run(world), on=ON)
    round = sent_round(world)
    assert round.status == RoundStatus.SENT and round.sent_on == ON
    partnerships = Partnership.objects.filter(programme=world.programme)
    assert partnerships.count() == 4
    for p in partnerships:
        assert p.stage == Stage.INTRODUCED and p.introduced_on == ON
        assert p.brokered_by == world.orgs["nesta"]
        assert p.introduction.status == IntroductionStatus.SENT
    assert {p.kind for p in partnerships} == {"funding", "mentoring", "employment_pathways"}
    with pytest.raises(DomainError):
        services.round_run(actor=world.actor, round=round)


def test_both_accepting_opens_the_discussion(world):
    sent_round(world)
    intro = Introduction.objects.get(partner=world.orgs["gt"])
    services.introduction_respond(
        actor=world.actor, introduction=intro, side="innovator", accept=True, on=ON
    )
    assert intro.partnership.stage == Stage.INTRODUCED
    with pytest.raises(DomainError, match="already answered"):
        services.introduction_respond(
            actor=world.actor, introduction=intro, side="innovator", accept=True, on=ON
        )
    services.introduction_respond(
        actor=world.actor, introduction=intro, side="partner", accept=True, on=date(2018, 3, 5)
    )
    intro.refresh_from_db()
    assert intro.status == IntroductionStatus.ACCEPTED
    assert intro.partner_response == Response.ACCEPTED
    assert intro.partnership.stage == Stage.IN_DISCUSSION
    services.partnership_move(
        actor=world.actor,
        partnership=intro.partnership,
        stage=Stage.CONFIRMED,
        on=date(2018, 4, 1),
        estimated_value=Decimal("18000"),
    )
    assert conversion(world.programme, programme_period(world.programme)).display == (
        "4 introductions → 1 confirmed partnership (25%)"
    )


def test_a_decline_needs_a_reason_ends_the_partnership_and_feeds_the_next_round(world):
    sent_round(world)
    intro = Introduction.objects.get(partner=world.orgs["barclays"])
    kw = {"actor": world.actor, "introduction": intro, "side": "partner", "accept": False}
    with pytest.raises(DomainError, match="Say why") as exc:
        services.introduction_respond(**kw, reason="  ", on=ON)
    assert exc.value.field == "reason"
    with pytest.raises(DomainError, match="on or after"):
        services.introduction_respond(**kw, reason="No budget", on=date(2018, 2, 1))
    services.introduction_respond(**kw, reason="No budget this year", on=ON)
    intro.refresh_from_db()
    assert intro.status == IntroductionStatus.DECLINED
    assert intro.partnership.stage == Stage.DECLINED
    assert "No budget this year" in intro.partnership.description
    with pytest.raises(DomainError, match="not waiting"):
        services.introduction_respond(
            actor=world.actor, introduction=intro, side="innovator", accept=True, on=ON
        )
    # More offers, so a second round has something to propose; the declined pair is out.
    for key in ("barclays", "unltd"):
        services.offer_create(
            actor=world.actor,
            programme=world.programme,
            partner=world.orgs[key],
            type="funding",
            capacity=3,
        )
    again = run(world, name="Second round")
    assert ("Toolshed", "Barclays") not in pairs(again)


def test_needs_offers_and_introductions_give_organisations_a_role(world):
    partner = world.make.org("Offers only", kind="business")
    services.offer_create(
        actor=world.actor,
        programme=world.programme,
        partner=partner,
        type="skills",
        recorded_on=date(2018, 5, 1),
    )
    engaged = engaged_organisations(world.programme, programme_period(world.programme))
    assert partner in engaged
    assert world.orgs["gt"] in engaged  # an offer too


def test_weights_and_bad_rounds_are_refused(world):
    with pytest.raises(DomainError, match="At least one weight"):
        world.round(
            weights=dict.fromkeys(
                [
                    "type_fit",
                    "challenge_fit",
                    "region_overlap",
                    "text_similarity",
                    "size_fit",
                    "preference",
                ],
                0,
            )
        )
    with pytest.raises(DomainError, match="minimum"):
        world.round(innovator_capacity=1, min_introductions=2)
    empty = services.round_create(actor=world.actor, programme=world.programme, name="Empty")
    for need in world.needs.values():
        services.want_close(actor=world.actor, record=need, on=ON)
    with pytest.raises(DomainError, match="nothing to match"):
        services.round_run(actor=world.actor, round=empty)
    empty.refresh_from_db()
    assert empty.status == RoundStatus.DRAFT and "nothing to match" in empty.run_error
