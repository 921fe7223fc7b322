"""The ledger's totals: cash and in-kind apart, by kind and by challenge, lapsed on their
own, overdue flagged."""

from datetime import date
from decimal import Decimal

import pytest

from partnerbase.pledges import services
from partnerbase.pledges.ledger import NO_CHALLENGE, Line, Sums, build_ledger
from partnerbase.pledges.queries import ledger_for, pledge_list

TODAY = date(2018, 6, 1)


def line(
    kind="mentoring",
    *,
    status="confirmed",
    quantity=10,
    delivered=0,
    value=None,
    done=0,
    unit="hours",
    challenge="Mental health",
    currency="GBP",
    due_on=None,
):
    return Line(
        pledge=None,
        kind=kind,
        kind_label=kind.title(),
        challenge=challenge,
        status=status,
        quantity=Decimal(quantity),
        unit=unit,
        delivered_quantity=Decimal(delivered),
        value_minor=value,
        delivered_value_minor=done,
        currency=currency,
        due_on=due_on,
    )


def test_cash_and_in_kind_are_never_added_together():
    ledger = build_ledger(
        [
            line("cash", value=500_000, done=100_000, unit="pounds"),
            line("mentoring", value=200_000, done=50_000),
            line("venue", value=30_000, done=30_000, status="delivered", delivered=10),
        ],
        currency="GBP",
        today=TODAY,
    )
    assert ledger.total.cash_pledged == {"GBP": 500_000}
    assert ledger.total.cash_delivered == {"GBP": 100_000}
    assert ledger.total.in_kind_pledged == {"GBP": 230_000}
    assert ledger.total.in_kind_delivered == {"GBP": 80_000}


def test_by_kind_sums_quantities_per_unit_and_keeps_the_kind_order():
    ledger = build_ledger(
        [
            line("mentoring", quantity=10, delivered=4, unit="hours"),
            line("mentoring", quantity=5, delivered=5, unit="hours", status="delivered"),
            line("mentoring", quantity=3, delivered=1, unit="mentors"),
            line("cash", quantity=100, unit="pounds", value=10_000),
        ],
        currency="GBP",
        today=TODAY,
        kind_order=[("cash", "Cash"), ("mentoring", "Mentoring")],
    )
    assert [row.label for row in ledger.by_kind] == ["Cash", "Mentoring"]
    mentoring = ledger.by_kind[1]
    assert mentoring.split.count == 3
    assert mentoring.quantities == {"hours": [15, 9], "mentors": [3, 1]}


def test_by_challenge_with_pledges_without_one_last():
    ledger = build_ledger(
        [
            line("cash", value=100, done=40, challenge=NO_CHALLENGE),
            line("cash", value=200, challenge="Young people"),
            line("data", value=300, done=300, challenge="Young people"),
            line("cash", value=50, challenge="Financial inclusion"),
        ],
        currency="GBP",
        today=TODAY,
    )
    names = [name for name, _ in ledger.by_challenge]
    assert names == ["Financial inclusion", "Young people", NO_CHALLENGE]
    young = dict(ledger.by_challenge)["Young people"]
    assert (young.cash_pledged, young.in_kind_pledged, young.in_kind_delivered) == (
        {"GBP": 200},
        {"GBP": 300},
        {"GBP": 300},
    )


def test_lapsed_pledges_are_counted_apart_and_overdue_ones_flagged():
    overdue = line(due_on=date(2018, 5, 31), value=10)
    ledger = build_ledger(
        [
            line(status="lapsed", value=1_000, done=400, delivered=4, due_on=date(2018, 1, 1)),
            overdue,
            line(due_on=TODAY, value=20),
            line(status="delivered", due_on=date(2018, 1, 1), value=30, done=30),
        ],
        currency="GBP",
        today=TODAY,
    )
    assert ledger.total.in_kind_pledged == {"GBP": 60}
    assert ledger.total.in_kind_delivered == {"GBP": 30}
    assert (ledger.lapsed.count, ledger.lapsed.in_kind_pledged) == (1, {"GBP": 1_000})
    assert ledger.lapsed.in_kind_delivered == {"GBP": 400}
    assert ledger.overdue == [overdue]
    assert ledger.by_status == {"pledged": 0, "confirmed": 2, "delivered": 1, "lapsed": 1}


def test_currencies_are_summed_apart_and_shown_reference_first():
    sums = Sums()
    sums.add("USD", 500)
    sums.add("GBP", 120_000)
    sums.add("GBP", None)
    assert sums.text("GBP") == "£1,200 and $5"
    assert Sums().text("GBP") == "£0"


@pytest.mark.django_db
def test_the_ledger_from_the_database_adds_up_deliveries(world):
    cash = world.confirmed(
        kind="cash",
        quantity=Decimal(5000),
        unit="pounds",
        estimated_value=Decimal(5000),
        challenge_area=world.challenge,
    )
    services.pledge_delivery_record(
        actor=world.team, pledge=cash, delivered_on=date(2018, 1, 1), quantity=Decimal(2000)
    )
    placements = world.confirmed(due_on=date(2018, 1, 1))
    services.pledge_delivery_record(
        actor=world.team, pledge=placements, delivered_on=date(2018, 1, 1), quantity=Decimal(3)
    )
    world.pledge(
        organisation=world.theirs,
        kind="data",
        unit="datasets",
        quantity=Decimal(1),
        estimated_value=None,
    )

    ledger = ledger_for(
        pledge_list(user=world.team, programme=world.programme), currency="GBP", today=TODAY
    )

    assert ledger.total.cash_pledged == {"GBP": 500_000}
    assert ledger.total.cash_delivered == {"GBP": 200_000}
    assert ledger.total.in_kind_pledged == {"GBP": 100_000}
    assert ledger.total.in_kind_delivered == {"GBP": 30_000}
    assert [x.pledge for x in ledger.overdue] == [placements]
    assert dict(ledger.by_challenge)["Financial inclusion"].count == 1
    assert dict(ledger.by_challenge)[NO_CHALLENGE].count == 2
