"""One (innovator, partner) pair scored and explained as the engine would: for pairs the
team adds by hand, so they carry the same kind of score and reasons as the engine's."""

from .model import PARTS, InnovatorIn, Introduction, PartnerIn, Weights
from .problem import scaled, unscaled
from .reasons import reasons
from .scoring import Compiler, Preferences, Side, compatible, parts_of, points, score_of

DEFAULT_WEIGHTS = Weights()


def explained(
    need: Side,
    offer: Side,
    innovator: InnovatorIn,
    partner: PartnerIn,
    prefs: Preferences,
    scale: tuple[float, ...],
    score: float,
) -> Introduction:
    """The introduction of a scored need and offer: its points per part and its reasons."""
    values = parts_of(need, offer, prefs)
    return Introduction(
        innovator=innovator.id,
        partner=partner.id,
        need=need.item.id,
        offer=offer.item.id,
        score=score,
        parts={
            name: round(value * weight, 3)
            for name, value, weight in zip(PARTS, values, scale, strict=True)
        },
        reasons=reasons(need, offer, innovator.name, partner.name, values, partner),
    )


def score_pair(
    innovator: InnovatorIn, partner: PartnerIn, *, weights: Weights = DEFAULT_WEIGHTS
) -> Introduction | None:
    """The pair's best-scoring compatible need and offer, as `propose` would score and
    explain it (the same parts, weights, tie-breaking and rounding), or None if no need of
    the innovator is compatible with an offer of the partner. Capacities and exclusions are
    not looked at: that is the caller's decision."""
    compiler = Compiler()
    scale = points(weights)
    prefs = compiler.preferences(partner)
    offers = [compiler.side(1, o, o.budget) for o in sorted(partner.offers, key=lambda o: o.id)]
    best = None
    for item in sorted(innovator.needs, key=lambda n: n.id):
        need = compiler.side(0, item, item.amount)
        for offer in offers:
            if not compatible(need, offer):
                continue
            score = score_of(need, offer, prefs, scale)
            if best is None or score > best[0]:
                best = (score, need, offer)
    if best is None:
        return None
    score, need, offer = best
    return explained(need, offer, innovator, partner, prefs, scale, unscaled(scaled(score)))
