"""How prospects' scores and the programme's weights make the champion ranking.
Pure Python: no Django.

Each prospect is scored on each criterion as a whole number from 0 to 5. The programme gives
each criterion a weight: any whole numbers, which need not add up to anything, because they
are normalised: a criterion's share is its weight divided by the sum of all the weights
(weights 3, 1, 1, 1 give shares 1/2, 1/6, 1/6, 1/6; so do 6, 2, 2, 2). A prospect's score
is the weighted mean of its criterion scores scaled to 0-100:

    score = 100 x sum(weight_i x score_i / 5) / sum(weight_i)

A criterion not yet scored counts as 0 (a gap in what we know is not a strength); a
prospect with no scores at all is listed after the others, unranked. Scores are exact
fractions until shown, rounded to one place. Prospects rank highest score first; equal
scores share a rank and the next rank is skipped (1, 2, 2, 4); within a tie, and among the
unranked, prospects are listed by their name (organisation, then person, case-insensitive)
and then their key, so the order is the same every time.

Worked example: weights employee base 3, customer base 1, national reach 1,
responsible-business agenda 1 (sum 6). A prospect scored 4, 2, 5, 3 scores
100 x (3x4 + 1x2 + 1x5 + 1x3) / (5 x 6) = 100 x 22 / 30 = 73 1/3, shown 73.3. A second
prospect scored 2, 5, 5, 5 scores 100 x (6 + 5 + 5 + 5) / 30 = 70: it ranks second. With
employee base weighted 1 instead (sum 4) they score 100 x 14/20 = 70 and
100 x 17/20 = 85, and swap places.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from partnerbase.core.ranking import competition_ranks, scaled, shown

SCORE_MIN, SCORE_MAX = 0, 5
WEIGHT_MAX = 100

# The four criteria DESIGN.md names, with equal weights until the programme sets its own.
DEFAULT_CRITERIA = [
    ("Employee base", 1),
    ("Customer base", 1),
    ("National reach", 1),
    ("Responsible-business agenda", 1),
]


@dataclass(frozen=True)
class Criterion:
    key: object
    weight: int


@dataclass(frozen=True)
class Candidate:
    key: object
    name: str  # the tie-break: "organisation person"
    scores: Mapping[object, int]  # criterion key -> 0..5; missing means not scored


@dataclass(frozen=True)
class Ranked:
    key: object
    score: Fraction | None
    rank: int | None
    scored: int  # how many criteria have a score

    @property
    def shown(self) -> Decimal | None:
        return shown(self.score, 1)


class InvalidWeights(ValueError):
    pass


def check_weights(weights: Iterable[int]) -> None:
    weights = list(weights)
    if any(w < 0 or w > WEIGHT_MAX for w in weights):
        raise InvalidWeights(f"A weight must be a whole number from 0 to {WEIGHT_MAX}.")
    if not any(weights):
        raise InvalidWeights("At least one criterion must have a weight above 0.")


def shares(criteria: Iterable[Criterion]) -> dict[object, Fraction]:
    """Each criterion's normalised share of the score; the shares add up to 1."""
    criteria = list(criteria)
    check_weights(c.weight for c in criteria)
    total = sum(c.weight for c in criteria)
    return {c.key: Fraction(c.weight, total) for c in criteria}


def weighted_score(criteria: Iterable[Criterion], scores: Mapping[object, int]) -> Fraction:
    """A prospect's 0-100 score; unscored criteria count as 0."""
    total = Fraction(0)
    for key, share in shares(criteria).items():
        s = scores.get(key, SCORE_MIN)
        if not SCORE_MIN <= s <= SCORE_MAX:
            raise ValueError(f"{s} is outside {SCORE_MIN}-{SCORE_MAX} for {key}.")
        total += share * scaled(s, SCORE_MIN, SCORE_MAX)
    return total


def rank(criteria: Iterable[Criterion], candidates: Iterable[Candidate]) -> list[Ranked]:
    """Every candidate, ranked ones first (see the module's docstring for the rules)."""
    criteria = list(criteria)
    keys = {c.key for c in criteria}

    def tiebreak(c: Candidate):
        return (c.name.casefold(), str(c.key))

    scored, unscored = [], []
    for c in candidates:
        known = sum(1 for k in c.scores if k in keys)
        if known:
            scored.append((weighted_score(criteria, c.scores), known, c))
        else:
            unscored.append(c)
    scored.sort(key=lambda row: (-row[0], *tiebreak(row[2])))
    ranks = competition_ranks(scored, lambda row: row[0])
    result = [
        Ranked(c.key, score, place, known)
        for (score, known, c), place in zip(scored, ranks, strict=True)
    ]
    unscored.sort(key=tiebreak)
    result.extend(Ranked(c.key, None, None, 0) for c in unscored)
    return result
