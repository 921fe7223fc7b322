"""Pledges through the services: links, moves, deliveries and their history."""

from datetime import date
from decimal import Decimal

import pytest

from partnerbase.core.errors import DomainError
from partnerbase.pledges import services
from partnerbase.pledges.models import Pledge, PledgeDelivery

from .factories import PLEDGED_ON

pytestmark = pytest.mark.django_db


def deliver(world, pledge, quantity, on=date(2018, 1, 10)):
    return services.pledge_delivery_record(
        actor=world.team, pledge=pledge, delivered_on=on, quantity=Decimal(quantity)
    )


def test_a_pledge_is_recorded_with_its_value_in_minor_units_and_history(world):
    pledge = world.pledge(estimated_value=Decimal("1234.56"), challenge_area=world.challenge)
    assert (pledge.estimated_value_minor, pledge.estimated_value_currency) == (123456, "GBP")
    assert pledge.status == "pledged"
    assert pledge.history.get().history_user == world.team


def test_a_pledge_to_a_project_takes_the_project_challenge_area_unless_it_names_one(world):
    world.project.challenge_area = world.challenge
    world.project.save()
    assert world.pledge(project=world.project).challenge_area == world.challenge


def test_links_to_another_programme_are_refused(world, other):
    for field, record in [
        ("challenge_area", other.challenge),
        ("project", other.project),
        ("decision", other.decision),
        ("champion", other.seat),
    ]:
        with pytest.raises(DomainError) as caught:
            world.pledge(**{field: record})
        assert caught.value.field == field
    with pytest.raises(DomainError):
        world.pledge(organisation=other.ours)
    assert not Pledge.objects.exists()


def test_a_board_seat_must_be_the_pledging_organisations(world):
    with pytest.raises(Exception, match="board seat"):
        world.pledge(organisation=world.theirs, champion=world.seat)
    assert world.pledge(champion=world.seat).champion == world.seat


def test_a_cash_pledge_needs_its_amount(world):
    with pytest.raises(Exception, match="amount of a cash pledge"):
        world.pledge(kind="cash", estimated_value=None)


def test_partial_deliveries_then_the_last_one_delivers_the_pledge(world):
    pledge = world.confirmed(quantity=Decimal(3), estimated_value=Decimal("10"))
    deliver(world, pledge, "1", on=date(2018, 1, 1))
    deliver(world, pledge, "1", on=date(2018, 2, 1))
    pledge.refresh_from_db()
    assert (pledge.status, pledge.delivered_on) == ("confirmed", None)
    deliver(world, pledge, "1", on=date(2018, 3, 1))
    pledge.refresh_from_db()
    assert (pledge.status, pledge.delivered_on) == ("delivered", date(2018, 3, 1))
    values = list(pledge.deliveries.values_list("value_minor", flat=True))
    assert values == [333, 333, 334] and sum(values) == pledge.estimated_value_minor


def test_a_delivery_is_refused_before_confirmation_and_beyond_the_quantity(world):
    pledge = world.pledge()
    with pytest.raises(DomainError, match="Confirm the pledge"):
        deliver(world, pledge, "1")
    pledge = services.pledge_confirm(actor=world.team, pledge=pledge, on=PLEDGED_ON)
    with pytest.raises(DomainError, match="more than is left") as caught:
        deliver(world, pledge, "11")
    assert caught.value.field == "quantity"
    with pytest.raises(Exception, match="before the pledge was made"):
        deliver(world, pledge, "1", on=date(2017, 1, 1))
    assert not PledgeDelivery.objects.exists()


def test_confirm_and_lapse_follow_the_moves(world):
    pledge = world.pledge()
    pledge = services.pledge_lapse(
        actor=world.team, pledge=pledge, on=date(2018, 9, 30), reason="x"
    )
    assert (pledge.status, pledge.lapsed_on) == ("lapsed", date(2018, 9, 30))
    with pytest.raises(DomainError, match="lapsed pledge cannot become confirmed"):
        services.pledge_confirm(actor=world.team, pledge=pledge, on=date(2018, 10, 1))
    with pytest.raises(DomainError, match="cannot be changed"):
        services.pledge_update(actor=world.team, pledge=pledge, title="New")
    confirmed = world.confirmed()
    with pytest.raises(DomainError, match="confirmed pledge cannot become confirmed"):
        services.pledge_confirm(actor=world.team, pledge=confirmed, on=PLEDGED_ON)
    with pytest.raises(DomainError, match="before it was pledged"):
        services.pledge_lapse(actor=world.team, pledge=confirmed, on=date(2017, 1, 1))


def test_a_delivered_pledge_cannot_lapse_or_be_delivered_again(world):
    pledge = world.confirmed()
    deliver(world, pledge, "10")
    pledge.refresh_from_db()
    with pytest.raises(DomainError, match="delivered pledge cannot become lapsed"):
        services.pledge_lapse(actor=world.team, pledge=pledge, on=date(2018, 9, 30))
    with pytest.raises(DomainError, match="nothing more can be delivered"):
        deliver(world, pledge, "1")


def test_a_lapsed_pledge_keeps_what_was_delivered(world):
    pledge = world.confirmed()
    deliver(world, pledge, "4")
    pledge = services.pledge_lapse(actor=world.team, pledge=pledge, on=date(2018, 9, 30))
    assert services.delivered_totals(pledge) == (Decimal(4), 40000)


def test_an_update_cannot_take_the_quantity_below_what_is_delivered(world):
    pledge = world.confirmed()
    deliver(world, pledge, "4")
    with pytest.raises(DomainError, match="already delivered"):
        services.pledge_update(
            actor=world.team, pledge=pledge, quantity=Decimal(3), estimated_value=Decimal(1000)
        )
    pledge.refresh_from_db()
    assert pledge.quantity == 10
    # Lowered to exactly what was delivered: delivered in full.
    pledge = services.pledge_update(
        actor=world.team, pledge=pledge, quantity=Decimal(4), estimated_value=Decimal(1000)
    )
    assert (pledge.status, pledge.delivered_on) == ("delivered", date(2018, 1, 10))


def test_an_update_refuses_unknown_fields(world):
    with pytest.raises(DomainError, match="no field organisation"):
        services.pledge_update(actor=world.team, pledge=world.pledge(), organisation=world.theirs)
