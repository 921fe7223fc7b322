"""The small programme's pledges: partly delivered, delivered in thirds (the last delivery
takes the rounding remainder), lapsed before confirmation, and one offered for brokering."""

from datetime import date
from decimal import Decimal

from partnerbase.brokering import services as brokering
from partnerbase.brokering.models import Offer
from partnerbase.pledges import services as pledges


def pledge_records(actor, p, o, area, project) -> None:
    placements = pledges.pledge_record(
        actor=actor,
        programme=p,
        organisation=o["bank"],
        kind="work_placements",
        title="Placements for “Build” graduates",
        description="In branches",
        quantity=Decimal("12.5"),
        unit="placement weeks",
        estimated_value=Decimal("2500.10"),
        challenge_area=area,
        project=project,
        pledged_on=date(2017, 11, 1),
        due_on=date(2018, 6, 30),
    )
    placements = pledges.pledge_confirm(actor=actor, pledge=placements, on=date(2017, 11, 8))
    pledges.pledge_delivery_record(
        actor=actor,
        pledge=placements,
        delivered_on=date(2018, 2, 1),
        quantity=Decimal("4"),
        notes="First intake",
    )
    cash = pledges.pledge_record(
        actor=actor,
        programme=p,
        organisation=o["unltd"],
        kind="cash",
        title="Seed money",
        quantity=Decimal(3),
        unit="instalments",
        estimated_value=Decimal("10"),
        currency="USD",
        pledged_on=date(2017, 11, 1),
        illustrative=True,
    )
    cash = pledges.pledge_confirm(actor=actor, pledge=cash, on=date(2017, 11, 2))
    for month in (1, 2, 3):
        pledges.pledge_delivery_record(
            actor=actor,
            pledge=cash,
            delivered_on=date(2018, month, 1),
            quantity=Decimal(1),
            illustrative=True,
        )
    lapsed = pledges.pledge_record(
        actor=actor,
        programme=p,
        organisation=o["dcms"],
        kind="venue",
        title="Rooms",
        quantity=Decimal(2),
        unit="days",
        pledged_on=date(2017, 12, 1),
    )
    pledges.pledge_lapse(actor=actor, pledge=lapsed, on=date(2018, 3, 1), reason="Moved")
    mentoring = pledges.pledge_record(
        actor=actor,
        programme=p,
        organisation=o["gone"],
        kind="mentoring",
        title="Mentors",
        quantity=Decimal(2),
        unit="mentors",
        pledged_on=date(2018, 1, 2),
    )
    offer = Offer.objects.get(programme=p, partner=o["gone"], type="mentoring")
    brokering.offer_pledge_link(actor=actor, offer=offer, pledge=mentoring)
