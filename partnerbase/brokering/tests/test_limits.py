"""Each innovator's own limits in a round: set by the team, used by the engine's inputs and
kept by its run (the most it may get, the fewest, and the shortfall when it cannot)."""

from datetime import date

import pytest

from partnerbase.accelerator.models import Cohort
from partnerbase.brokering import services
from partnerbase.brokering.inputs import round_inputs
from partnerbase.brokering.models import RoundInnovatorSetting, RoundStatus
from partnerbase.core.errors import DomainError
from tests.factories import Make, make_programme

pytestmark = pytest.mark.django_db
ON = date(2018, 3, 1)


def got(round, key, world):
    return round.introductions.filter(innovator=world.orgs[key], status="proposed").count()


def limits(world, round, **by_key):
    for key, (capacity, minimum) in by_key.items():
        services.round_innovator_setting_set(
            actor=world.actor,
            round=round,
            innovator=world.orgs[key],
            capacity=capacity,
            min_introductions=minimum,
        )


def run(world, round):
    return services.round_run(actor=world.actor, round=round)


@pytest.fixture
def contest(world):
    """Acorn joins the cohort needing funding too, and Barclays and UnLtd take one
    introduction each: two funding introductions for Toolshed and Acorn to share."""
    cohort = Cohort.objects.get(accelerator__programme=world.programme)
    world.orgs["acorn"] = world.make.org("Acorn", regions="UK")
    world.make.member(cohort, world.orgs["acorn"], date(2018, 2, 1))
    services.need_create(
        actor=world.actor,
        programme=world.programme,
        innovator=world.orgs["acorn"],
        type="funding",
        description="A loan to open a second workshop",
    )
    for key in ("barclays-funding", "unltd-funding"):
        services.offer_update(actor=world.actor, offer=world.offers[key], capacity=1)
    return world


def test_the_engine_inputs_take_each_innovators_own_limits_else_the_rounds(world):
    round = world.round(innovator_capacity=3, min_introductions=1)
    limits(world, round, toolshed=(1, 0), mkf=(0, 0))
    by_name = {i.name: (i.capacity, i.min_introductions) for i in round_inputs(round).innovators}
    assert by_name == {"Toolshed": (1, 0), "Money A+E": (3, 1), "MyKindaFuture": (0, 0)}


def test_an_innovator_with_capacity_1_gets_at_most_1(world):
    assert got(run(world, world.round(name="Defaults")), "toolshed", world) == 2
    round = world.round()
    limits(world, round, toolshed=(1, 1), mkf=(0, 0))
    round = run(world, round)
    assert got(round, "toolshed", world) == 1
    assert got(round, "mkf", world) == 0  # a capacity of 0 leaves it out
    assert got(round, "money-ae", world) == 1  # the round's own limits for the rest
    assert round.shortfall == 0


def test_an_innovator_with_minimum_2_gets_2_when_it_can(contest):
    w = contest
    # Either innovator's minimum of 2 wins it both funding introductions, whatever the scores.
    for key, other in (("acorn", "toolshed"), ("toolshed", "acorn")):
        round = w.round(name=f"{key} first", innovator_capacity=2, min_introductions=0)
        limits(w, round, **{key: (2, 2)})
        round = run(w, round)
        assert (got(round, key, w), got(round, other, w)) == (2, 0)
        assert round.shortfall == 0 and round.optimal


def test_the_shortfall_is_reported_when_minimums_cannot_be_met(contest):
    w = contest
    round = w.round(innovator_capacity=2, min_introductions=0)
    limits(w, round, acorn=(2, 2), toolshed=(2, 2))
    round = run(w, round)
    # Two funding introductions for four wanted; Toolshed's mentoring need matches no offer.
    assert got(round, "acorn", w) + got(round, "toolshed", w) == 2
    assert round.shortfall == 2


def test_limits_are_checked_and_kept_in_history(world):
    round = world.round()
    kw = {"actor": world.actor, "round": round, "innovator": world.orgs["toolshed"]}
    with pytest.raises(DomainError, match="cannot be more than the most") as exc:
        services.round_innovator_setting_set(**kw, capacity=1, min_introductions=2)
    assert exc.value.field == "min_introductions"
    with pytest.raises(DomainError, match="0 or more") as exc:
        services.round_innovator_setting_set(**kw, capacity=-1, min_introductions=0)
    assert exc.value.field == "capacity"
    elsewhere = make_programme(world.actor, slug="elsewhere")
    stranger = Make(world.actor, elsewhere).org("Elsewhere")
    with pytest.raises(DomainError, match="another programme"):
        services.round_innovator_setting_set(
            **{**kw, "innovator": stranger}, capacity=1, min_introductions=0
        )
    setting = services.round_innovator_setting_set(**kw, capacity=2, min_introductions=1)
    again = services.round_innovator_setting_set(**kw, capacity=4, min_introductions=2)
    assert again.pk == setting.pk and RoundInnovatorSetting.objects.count() == 1
    assert [h.history_change_reason for h in again.history.order_by("history_id")] == [
        "Limits set",
        "Limits changed",
    ]


def test_many_at_once_all_or_nothing_and_the_rounds_limits_remove_a_setting(world):
    round = world.round(innovator_capacity=3, min_introductions=1)
    o = world.orgs
    services.round_innovator_limits_update(
        actor=world.actor, round=round, limits={o["toolshed"]: (1, 1), o["mkf"]: (3, 1)}
    )
    assert {s.innovator.name for s in round.innovator_settings.all()} == {"Toolshed"}
    with pytest.raises(DomainError):
        services.round_innovator_limits_update(
            actor=world.actor,
            round=round,
            limits={o["money-ae"]: (2, 2), o["toolshed"]: (1, 3)},
        )
    assert {s.innovator.name for s in round.innovator_settings.all()} == {"Toolshed"}
    setting = round.innovator_settings.get()
    services.round_innovator_limits_update(
        actor=world.actor, round=round, limits={o["toolshed"]: (3, 1)}
    )
    assert not round.innovator_settings.exists()
    assert setting.history.latest("history_id").history_type == "-"


def test_limits_change_only_before_review(world):
    round = run(world, world.round())
    limits(world, round, toolshed=(1, 1))  # proposals ready: still for the next run
    round = services.round_review(actor=world.actor, round=round)
    assert round.status == RoundStatus.REVIEWED
    for status in (RoundStatus.REVIEWED, RoundStatus.SENT):
        round.status = status
        with pytest.raises(DomainError, match="limits cannot change"):
            limits(world, round, toolshed=(2, 1))
        with pytest.raises(DomainError, match="limits cannot change"):
            services.round_innovator_limits_update(
                actor=world.actor, round=round, limits={world.orgs["mkf"]: (1, 0)}
            )
    assert round.innovator_settings.get().capacity == 1
