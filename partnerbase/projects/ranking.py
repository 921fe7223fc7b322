"""How judges' scores combine into a competition's ranking. Pure Python: no Django.

Each judge scores an entry on every criterion of the rubric, within that criterion's range.
A judge's score for the entry is the weighted mean of their criterion scores, each first
scaled to 0-100 across its range (so a 1-5 criterion and a 0-10 one count alike, by
weight). The entry's score is the mean over the judges who submitted; exact (fractions)
until it is shown, rounded to two places. Entries rank by score, highest first; equal
scores share a rank and the next rank is skipped (1, 2, 2, 4). Entries nobody has scored
yet are listed after, unranked.

Worked example: criteria A (weight 2, 0-10) and B (weight 1, 1-5). A judge gives A 8 and
B 3: (2 x 80 + 1 x 50) / 3 = 70. A second judge gives A 6 and B 5: (2 x 60 + 1 x 100) / 3
= 73 1/3. The entry scores (70 + 73 1/3) / 2 = 71 2/3, shown as 71.67.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from partnerbase.core.ranking import competition_ranks, scaled, shown, weighted_mean


@dataclass(frozen=True)
class Criterion:
    key: object
    weight: int
    min_score: int
    max_score: int


@dataclass(frozen=True)
class Ranked:
    entry: object
    score: Fraction | None
    judges: int
    rank: int | None

    @property
    def shown(self) -> Decimal | None:
        return shown(self.score, 2)


class IncompleteScores(ValueError):
    pass


def judge_score(criteria: Iterable[Criterion], scores: Mapping[object, int]) -> Fraction:
    """One judge's 0-100 score for one entry; every criterion must be scored in range."""
    criteria = list(criteria)
    if not criteria:
        raise IncompleteScores("The rubric has no criteria.")
    for c in criteria:
        if c.key not in scores:
            raise IncompleteScores(f"No score for {c.key}.")
        s = scores[c.key]
        if not c.min_score <= s <= c.max_score:
            raise IncompleteScores(f"{s} is outside {c.min_score}-{c.max_score} for {c.key}.")
    return weighted_mean(
        (c.weight, scaled(scores[c.key], c.min_score, c.max_score)) for c in criteria
    )


def rank(
    criteria: Iterable[Criterion], entries: Mapping[object, list[Mapping[object, int]]]
) -> list[Ranked]:
    """`entries` maps each entry to the score sheets ({criterion key: score}) submitted for
    it; the result lists every entry, ranked ones first."""
    criteria = list(criteria)
    scored, unscored = [], []
    for entry, sheets in entries.items():
        if sheets:
            per_judge = [judge_score(criteria, sheet) for sheet in sheets]
            scored.append((entry, sum(per_judge, Fraction(0)) / len(per_judge), len(sheets)))
        else:
            unscored.append(entry)
    scored.sort(key=lambda row: row[1], reverse=True)  # stable: ties keep their given order
    ranks = competition_ranks(scored, lambda row: row[1])
    result = [
        Ranked(entry, score, judges, place)
        for (entry, score, judges), place in zip(scored, ranks, strict=True)
    ]
    result.extend(Ranked(entry, None, 0, None) for entry in unscored)
    return result
