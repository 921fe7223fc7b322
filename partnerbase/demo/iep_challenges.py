"""The vote that chose the IEP's three challenge areas (illustrative: the public account
says the partners chose them together, not how). Seven proposals from partner
organisations; the 14 board organisations rank them; the Schulze count chooses the three
areas in iep_data.CHALLENGES, and adopting the result creates them with their stable ids."""

import random
from datetime import date, timedelta

from partnerbase.challenges import services
from partnerbase.challenges.models import Electorate, VoteMethod

from . import iep_data as data
from .ids import uid

_WINNERS = {slug: (name, description) for slug, name, description in data.CHALLENGES}
# (key, proposing organisation, title, description, proposed on)
PROPOSALS = [
    ("financial-inclusion", "barclays", *_WINNERS["financial-inclusion"], date(2017, 9, 18)),
    ("mental-health-at-work", "unilever", *_WINNERS["mental-health-at-work"], date(2017, 9, 19)),
    ("transition-to-work", "accenture", *_WINNERS["transition-to-work"], date(2017, 9, 21)),
    ("affordable-housing", "nationwide", "Affordable housing",
     "Too many families spend more than a third of their income on rent.", date(2017, 9, 25)),
    ("digital-inclusion", "bt", "Digital inclusion",
     "Millions of adults lack the basic digital skills that work and services now need.",
     date(2017, 9, 27)),
    ("loneliness", "o2", "Loneliness in later life",
     "Older people cut off from family, work and their community.", date(2017, 10, 2)),
    ("in-work-progression", "kpmg", "Progression for people in low pay",
     "People stuck in low-paid work with no route to better jobs.", date(2017, 10, 4)),
]  # fmt: skip
OPENS, CLOSES, ADOPTED = date(2017, 10, 9), date(2017, 10, 27), date(2017, 10, 30)
SEED = 20171009  # our own generator: the rest of the demo's draws stay as they were


def build_challenge_vote(b) -> None:
    """Sets b.challenges = {slug: ChallengeArea}, as the rest of the demo expects."""
    rng = random.Random(SEED)
    a, p = b.actor, b.programme
    proposals = {
        key: services.proposal_create(
            actor=a,
            programme=p,
            organisation=b.orgs[org],
            title=title,
            description=description,
            proposed_on=on,
            illustrative=True,
            uid=uid("challenge-proposal", key),
        )
        for key, org, title, description, on in PROPOSALS
    }
    vote = services.vote_create(
        actor=a,
        programme=p,
        title="Choosing the partnership's three challenge areas",
        electorate=Electorate.BOARD,
        method=VoteMethod.RANKED,
        seats=len(data.CHALLENGES),
        opens_on=OPENS,
        closes_on=CLOSES,
        proposals=proposals.values(),
        illustrative=True,
        uid=uid("challenge-vote", "2017"),
    )
    # The roll is the board on the opening day; before the seats exist, its organisations.
    seated = bool(getattr(b, "champions", None))
    electors = None if seated else [b.orgs[key] for key, *_ in data.CHAMPIONS]
    services.vote_open(actor=a, vote=vote, on=OPENS, electors=electors)
    winners = [slug for slug, *_ in data.CHALLENGES]
    others = [key for key, *_ in PROPOSALS if key not in winners]
    for n, (key, *_) in enumerate(data.CHAMPIONS):
        # Most rank the three winners first, in their own order; a few put another first.
        top, rest = rng.sample(winners, 3), rng.sample(others, rng.randrange(1, len(others)))
        order = [rest[0], *top, *rest[1:]] if n % 5 == 3 else [*top, *rest]
        services.ballot_cast(
            actor=a,
            vote=vote,
            organisation=b.orgs[key],
            choices=[proposals[k] for k in order],
            on=OPENS + timedelta(days=rng.randrange(18)),
            illustrative=True,
            uid=uid("challenge-ballot", key),
        )
    services.vote_close(actor=a, vote=vote, on=CLOSES)
    chosen = {str(proposals[slug].uid) for slug in winners}
    assert set(vote.result["winners"]) == chosen, "the demo vote must choose the IEP's areas"
    areas = services.vote_adopt(
        actor=a,
        vote=vote,
        on=ADOPTED,
        areas={
            str(proposals[slug].uid): {
                "slug": slug,
                "uid": uid("challenge", slug),
                "illustrative": False,
            }
            for slug in winners
        },
    )
    b.challenges = {area.slug: area for area in areas}
    b.challenge_vote = vote
