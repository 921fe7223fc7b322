"""propose(): score every compatible pair of a round, optimise, explain."""

from collections.abc import Callable, Iterable, Sequence

from .flow import Round, solve_round
from .model import InnovatorIn, PartnerIn, Proposal, Weights
from .pair import explained
from .problem import MODES, scaled, unscaled
from .scoring import Compiler, candidates, points

DEFAULT_WEIGHTS = Weights()


def propose(
    innovators: Sequence[InnovatorIn],
    partners: Sequence[PartnerIn],
    *,
    weights: Weights = DEFAULT_WEIGHTS,
    exclusions: Iterable[tuple[str, str]] = frozenset(),
    mode: str = "optimal",
    progress: Callable[[str, float], None] | None = None,
) -> Proposal:
    """The introductions for a round.

    Candidate pairs are the (innovator, partner) pairs, not in `exclusions`, with at least
    one compatible need and offer; each is scored by its best need/offer. In "optimal" mode
    the result has the smallest possible shortfall and, with it, the highest total score;
    in "stable" mode no innovator and partner would both rather have each other, and
    `stable_cost` is the score that costs. Results do not depend on the order of the input.
    """
    if mode not in MODES:
        raise ValueError(f"Unknown mode {mode!r}: use 'optimal' or 'stable'.")
    innovators = sorted(innovators, key=lambda i: i.id)
    partners = sorted(partners, key=lambda p: p.id)
    for label, items in (("innovator", innovators), ("partner", partners)):
        for a, b in zip(items, items[1:], strict=False):
            if a.id == b.id:
                raise ValueError(f"Duplicate {label} id {a.id!r}.")
        for item in items:
            if item.capacity < 0:
                raise ValueError(f"The {label} {item.id!r} has a negative capacity.")
    compiler = Compiler()
    scale = points(weights)
    found = candidates(innovators, partners, compiler, scale, set(exclusions), progress)
    round = Round(
        innovator_capacity=[i.capacity for i in innovators],
        innovator_minimum=[max(0, i.min_introductions) for i in innovators],
        partner_capacity=[p.capacity for p in partners],
        pair_innovator=found.innovator,
        pair_partner=found.partner,
        pair_score=[scaled(s) for s in found.score],
    )
    result = solve_round(round, mode, progress)
    introductions = []
    preferences = {}
    for e in result.chosen:
        need, offer = found.need[e], found.offer[e]
        innovator, partner = innovators[need.owner], partners[offer.owner]
        if offer.owner not in preferences:
            preferences[offer.owner] = compiler.preferences(partner)
        introductions.append(
            explained(
                need,
                offer,
                innovator,
                partner,
                preferences[offer.owner],
                scale,
                unscaled(round.pair_score[e]),
            )
        )
    return Proposal(
        introductions=tuple(introductions),
        objective=unscaled(result.total),
        shortfall=result.shortfall,
        optimal=result.optimal,
        mode=mode,
        stable_cost=None if result.stable_cost is None else unscaled(result.stable_cost),
    )
