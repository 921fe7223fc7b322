"""The pledge's moves, without a database."""

from datetime import date
from decimal import Decimal

import pytest

from partnerbase.pledges import states
from partnerbase.pledges.states import CONFIRMED, DELIVERED, LAPSED, PLEDGED, InvalidMove

ALLOWED = {(PLEDGED, CONFIRMED), (PLEDGED, LAPSED), (CONFIRMED, DELIVERED), (CONFIRMED, LAPSED)}


@pytest.mark.parametrize("current", states.STATUSES)
@pytest.mark.parametrize("target", states.STATUSES)
def test_only_the_listed_moves_are_allowed(current, target):
    if (current, target) in ALLOWED:
        states.check_move(current, target)
    else:
        with pytest.raises(InvalidMove):
            states.check_move(current, target)


def test_an_unknown_status_is_refused():
    with pytest.raises(InvalidMove, match="Unknown"):
        states.check_move("promised", CONFIRMED)


def deliver(amount, *, status=CONFIRMED, quantity="10", delivered="0", value=1000, done=0):
    return states.record_delivery(
        status=status,
        quantity=Decimal(quantity),
        delivered_quantity=Decimal(delivered),
        value_minor=value,
        delivered_value_minor=done,
        amount=Decimal(amount),
    )


def test_a_partial_delivery_keeps_the_pledge_confirmed_with_its_share_of_the_value():
    outcome = deliver("3")
    assert outcome == states.Delivery(300, CONFIRMED)


def test_the_delivery_that_reaches_the_quantity_delivers_the_pledge_and_takes_the_remainder():
    # 1/3 of 1000 pence rounds to 333 twice; the last third takes 334 so the sum is exact.
    first = deliver("1", quantity="3")
    second = deliver("1", quantity="3", delivered="1", done=first.value_minor)
    last = deliver("1", quantity="3", delivered="2", done=first.value_minor + second.value_minor)
    assert [first.value_minor, second.value_minor, last.value_minor] == [333, 333, 334]
    assert (first.status, second.status, last.status) == (CONFIRMED, CONFIRMED, DELIVERED)


def test_a_pledge_without_a_value_gives_deliveries_without_one():
    assert deliver("10", value=None) == states.Delivery(None, DELIVERED)


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"status": PLEDGED}, "Confirm the pledge"),
        ({"status": DELIVERED}, "nothing more"),
        ({"status": LAPSED}, "nothing more"),
        ({"delivered": "8"}, r"more than is left to deliver \(2\)"),
    ],
)
def test_invalid_deliveries_are_refused(kw, message):
    with pytest.raises(InvalidMove, match=message):
        deliver("3", **kw)


@pytest.mark.parametrize("amount", ["0", "-1"])
def test_a_delivery_must_be_of_something(amount):
    with pytest.raises(InvalidMove, match="more than 0"):
        deliver(amount)


def test_the_quantity_cannot_fall_below_what_is_delivered():
    states.check_quantity(Decimal(5), Decimal(5))
    with pytest.raises(InvalidMove, match=r"already delivered \(5\)"):
        states.check_quantity(Decimal("4.5"), Decimal(5))
    with pytest.raises(InvalidMove, match="more than 0"):
        states.check_quantity(Decimal(0), Decimal(0))


@pytest.mark.parametrize(
    ("status", "due_on", "overdue"),
    [
        (PLEDGED, date(2018, 1, 1), True),
        (CONFIRMED, date(2018, 1, 1), True),
        (CONFIRMED, date(2018, 1, 2), False),  # due today: not yet overdue
        (CONFIRMED, None, False),
        (DELIVERED, date(2018, 1, 1), False),
        (LAPSED, date(2018, 1, 1), False),
    ],
)
def test_overdue_means_past_due_and_neither_delivered_nor_lapsed(status, due_on, overdue):
    assert states.is_overdue(status, due_on, date(2018, 1, 2)) is overdue
