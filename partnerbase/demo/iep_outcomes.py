"""The IEP innovators' outcomes: what the seed states, and illustrative values around it.

The baseline of each is the day the cohort began (the innovators' join date); the latest
value is the end of the accelerator, September 2018. Where the seed gives a change but not
the counts either side (Toolshed "trebled"), the counts are illustrative and say so.
"""

import random
from datetime import date
from decimal import Decimal

from partnerbase.outcomes import services

from . import iep_data as data
from .ids import uid

BLOG = (
    "https://www.inclusiveeconomypartnership.gov.uk/latest/"
    "could-partnering-business-be-future-innovative-social-policy"
)
NESTA_TTW = (
    "https://www.nesta.org.uk/blog/how-partnerships-can-support-transitions-work-young-people/"
)
LATEST_ON = date(2018, 9, 30)

# (innovator, kind, baseline, latest, latest quality, evidence, evidence URL, illustrative?)
# The latest value is from the seed unless marked illustrative; every baseline is invented.
STATED = [
    ("toolshed", "participants_served", 120, 360, "estimate",
     "Illustrative counts; the IEP blog post says the loan and grant let Toolshed treble the "
     "size of its operation to serve hundreds of new participants.", BLOG, True),
    ("toolshed", "cities", 1, 2, "verified",
     "The IEP blog post: Toolshed expanded into another city.", BLOG, False),
    ("mykindafuture", "young_people_into_work", 0, 3000, "verified",
     "The IEP blog post: with Marks & Spencer, 3,000 young people moved from work experience "
     "into full-time employment.", BLOG, False),
    ("money-ae", "people_reached", 5000, 20000, "estimate",
     "Money A+E's own estimate, in the IEP blog post, that it will reach another 15,000 people "
     "through its partnerships (the baseline is illustrative).", BLOG, True),
]  # fmt: skip
# "More than £800,000 of increased revenue" across the seven transition-to-work innovators.
TTW_REVENUE_INCREASE = Decimal("812000")


def build_outcomes(builder) -> None:
    a, p, rng = builder.actor, builder.programme, random.Random(2018)
    joined = builder.cohort.starts_on

    def record(key, kind, baseline, latest, quality, evidence, url, illustrative):
        indicator = services.outcome_indicator_add(
            actor=a,
            programme=p,
            organisation=builder.orgs[key],
            kind=kind,
            illustrative=illustrative,
            uid=uid("outcome", key, kind),
        )
        services.outcome_observation_record(
            actor=a,
            indicator=indicator,
            observed_on=joined,
            value=Decimal(baseline),
            quality="estimate",
            evidence="Illustrative baseline at joining.",
            illustrative=True,
            uid=uid("outcome", key, kind, "baseline"),
        )
        services.outcome_observation_record(
            actor=a,
            indicator=indicator,
            observed_on=LATEST_ON,
            value=Decimal(latest),
            quality=quality,
            evidence=evidence,
            evidence_url=url,
            illustrative=illustrative,
            uid=uid("outcome", key, kind, "latest"),
        )

    for row in STATED:
        record(*row)
    stated = {(key, kind) for key, kind, *_ in STATED}
    ttw = [key for key, _, _, challenge, *_ in data.INNOVATORS if challenge == "transition-to-work"]
    shares = [rng.randint(60, 180) for _ in ttw]
    for n, key in enumerate(ttw):
        # Whole pounds in proportion to the shares, the last taking the remainder.
        increase = (
            TTW_REVENUE_INCREASE * shares[n] // sum(shares)
            if n < len(ttw) - 1
            else TTW_REVENUE_INCREASE
            - sum(TTW_REVENUE_INCREASE * s // sum(shares) for s in shares[:-1])
        )
        baseline = Decimal(rng.randrange(40, 400) * 1000)
        record(
            key,
            "revenue",
            baseline,
            baseline + increase,
            "estimate",
            "Illustrative split of the transition-to-work strand's reported increase in "
            "revenue (more than £800,000 between the seven innovators).",
            NESTA_TTW,
            True,
        )
    for key, *_ in data.INNOVATORS:
        if (key, "people_reached") in stated:
            continue
        baseline = rng.randrange(2, 60) * 50
        record(
            key,
            "people_reached",
            baseline,
            baseline * rng.randint(120, 350) // 1000 * 10,
            "estimate",
            "Illustrative: the innovator's own count.",
            "",
            True,
        )
