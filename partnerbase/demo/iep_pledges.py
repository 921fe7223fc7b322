"""The champions' pledges and their delivery (a step of `iep.Builder`, after the board).

The public record says the champions' organisations committed their own resources, not
what each gave: every pledge here is illustrative. Three are linked to the offers the
brokering step already made (Barclays, Marks & Spencer, UnLtd), which changes no figure.
A pledge is linked to its board seat (builder.champions) and board decision
(builder.decisions) when those steps have run.
"""

from datetime import date, timedelta
from decimal import Decimal

from partnerbase.brokering import services as brokering
from partnerbase.brokering.models import Offer
from partnerbase.pledges import services as pledges

from .ids import uid

CONFIRMED_AFTER = 14  # days from pledge to confirmation, when not given

# (key, org key, kind, title, quantity, unit, value in GBP or None, challenge area key,
#  project key, decision key, pledged on, due on, [(delivered on, quantity)], lapsed)
# lapsed: None, "pledged" (not yet confirmed) or (lapsed on, reason).
PLEDGES = [
    ("gt-mentoring", "grant-thornton", "mentoring", "Mentoring for the accelerator cohort",
     "200", "hours", "30000", "financial-inclusion", None, "accelerator",
     date(2017, 11, 21), date(2018, 9, 30),
     [(date(2018, 3, 30), "80"), (date(2018, 6, 29), "70"), (date(2018, 9, 28), "50")], None),
    ("esmee-grants", "esmee-fairbairn", "cash", "Grants for working-group ideas",
     "100000", "pounds", "100000", "mental-health-at-work", None, "working-groups",
     date(2017, 11, 21), date(2018, 9, 30),
     [(date(2018, 5, 1), "60000"), (date(2018, 9, 3), "40000")], None),
    ("barclays-funding", "barclays", "cash", "Funding for transition-to-work programmes",
     "50000", "pounds", "50000", "transition-to-work", None, "transition-to-work",
     date(2017, 11, 21), date(2018, 8, 31),
     [(date(2018, 4, 2), "25000"), (date(2018, 8, 1), "25000")], None),
    ("ms-placements", "marks-and-spencer", "work_placements",
     "Work placements for young people in stores", "100", "placements", "50000",
     "transition-to-work", None, "transition-to-work", date(2017, 11, 21), date(2018, 9, 30),
     [(date(2018, 4, 20), "40"), (date(2018, 7, 20), "35"), (date(2018, 9, 21), "25")], None),
    ("accenture-mentoring", "accenture", "mentoring", "Digital mentoring for the pilot",
     "150", "hours", "22500", None, "west-midlands", None,
     date(2018, 1, 15), date(2018, 9, 30), [(date(2018, 7, 2), "60")], None),
    ("nationwide-credit", "nationwide", "cash", "Funding for affordable credit in the community",
     "75000", "pounds", "75000", None, "affordable-credit", None,
     date(2018, 1, 15), date(2018, 9, 30),
     [(date(2018, 5, 21), "40000"), (date(2018, 9, 14), "35000")], None),
    ("bt-venue", "bt", "venue", "Rooms for employer open-doors days", "12", "days", "6000",
     None, "open-doors", None, date(2017, 12, 4), date(2018, 6, 30),
     [(date(2018, 3, 5), "6"), (date(2018, 5, 14), "6")], None),
    ("bt-distribution", "bt", "distribution", "Messages to customers about digital skills",
     "200000", "customers", None, "transition-to-work", None, None,
     date(2018, 2, 1), None, [(date(2018, 6, 1), "120000")], None),
    ("unilever-volunteering", "unilever", "staff_hours", "Volunteers for open-doors workshops",
     "300", "hours", "15000", None, "open-doors", None, date(2017, 12, 4), date(2018, 6, 30),
     [(date(2018, 3, 5), "300")], None),
    ("aviva-toolkit", "aviva", "cash", "Funding for the mentally healthy workplaces toolkit",
     "60000", "pounds", "60000", None, "mh-toolkit", None, date(2018, 1, 8), date(2018, 6, 30),
     [(date(2018, 4, 16), "60000")], None),
    ("national-grid-tasters", "national-grid", "work_placements",
     "Apprenticeship taster placements", "30", "placements", "15000", "transition-to-work",
     None, "transition-to-work", date(2017, 11, 21), date(2018, 7, 31),
     [(date(2018, 3, 9), "8")], (date(2018, 7, 31), "The taster scheme was paused for a "
                                  "restructure; eight placements were given before it was.")),
    ("kpmg-advice", "kpmg", "staff_hours", "Pro bono advice for the cohort", "250", "hours",
     "37500", "mental-health-at-work", None, "accelerator", date(2017, 11, 21),
     date(2018, 9, 30), [(date(2018, 4, 30), "120"), (date(2018, 9, 7), "130")], None),
    ("o2-data", "o2", "data", "Anonymised data on young people's mobile access", "1",
     "data set", "10000", None, "west-midlands", None, date(2018, 2, 12), date(2018, 6, 29),
     [(date(2018, 6, 4), "1")], None),
    ("unltd-investment", "unltd", "cash", "Social investment for the cohort", "80000",
     "pounds", "80000", None, None, "accelerator", date(2017, 11, 21), date(2018, 9, 30),
     [(date(2018, 3, 1), "40000"), (date(2018, 7, 2), "40000")], None),
    ("tnlcf-second-year", "tnlcf", "cash", "Funding for a second year of projects", "150000",
     "pounds", "150000", None, None, "year-two", date(2018, 9, 25), None, [], "pledged"),
]  # fmt: skip

# Offers the brokering step made (org key, support type) that carry out a pledge.
OFFERED = [
    ("barclays", "funding", "barclays-funding"),
    ("marks-and-spencer", "employment_pathways", "ms-placements"),
    ("unltd", "funding", "unltd-investment"),
]


def build_pledges(b) -> None:
    a, p = b.actor, b.programme
    seats = getattr(b, "champions", None) or {}
    decisions = getattr(b, "decisions", None) or {}
    made = {}
    for (
        key,
        org,
        kind,
        title,
        quantity,
        unit,
        value,
        challenge,
        project,
        decision,
        pledged_on,
        due_on,
        deliveries,
        lapsed,
    ) in PLEDGES:
        pledge = pledges.pledge_record(
            actor=a,
            programme=p,
            organisation=b.orgs[org],
            champion=seats.get(org),
            kind=kind,
            title=title,
            quantity=Decimal(quantity),
            unit=unit,
            estimated_value=Decimal(value) if value else None,
            challenge_area=b.challenges[challenge] if challenge else None,
            project=b.projects[project] if project else None,
            decision=decisions.get(decision) if decision else None,
            pledged_on=pledged_on,
            due_on=due_on,
            illustrative=True,
            uid=uid("pledge", key),
        )
        made[key] = pledge
        if lapsed == "pledged":
            continue
        confirmed_on = pledged_on + timedelta(days=CONFIRMED_AFTER)
        if deliveries:
            confirmed_on = min(confirmed_on, deliveries[0][0])
        pledge = pledges.pledge_confirm(actor=a, pledge=pledge, on=confirmed_on)
        for n, (on, amount) in enumerate(deliveries, start=1):
            pledges.pledge_delivery_record(
                actor=a,
                pledge=pledge,
                delivered_on=on,
                quantity=Decimal(amount),
                illustrative=True,
                uid=uid("pledge-delivery", key, str(n)),
            )
        if lapsed:
            pledge.refresh_from_db()
            pledges.pledge_lapse(actor=a, pledge=pledge, on=lapsed[0], reason=lapsed[1])
    for org, type, key in OFFERED:
        offer = Offer.objects.get(programme=p, uid=uid("offer", org, type))
        brokering.offer_pledge_link(actor=a, offer=offer, pledge=made[key])
    b.pledges = made
