"""How assessors' scores combine into a call's ranking. Pure Python: no Django.

An assessor's total for an application is the weighted mean of their criterion scores,
each scaled to 0-100 across its range (`projects.ranking.judge_score`, shared with the
competitions). Raw score: the mean of the totals of the assessors who submitted.

Normalised score (assessor strictness): each assessor's totals become z-scores over the
applications that assessor scored, z = (total - their mean) / their standard deviation
(population: divided by n); the application's normalised score is the mean of its
z-scores. An assessor who scored only one application, or gave every application the same
total, shows no spread to measure strictness by: their z-scores are 0 ("average for
them"), so they neither lift nor sink an application.

Disagreement: an application with two or more totals whose range (highest less lowest)
is above the rubric's threshold (points on the 0-100 scale) is flagged for moderation.

Ranks: highest score first; equal scores share a rank and the next is skipped (1, 2, 2,
4); applications nobody has scored come last, unranked. The worked example is in
docs/algorithms/assessment.md and tests/test_scoring.py.
"""

import math
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, replace
from fractions import Fraction

from partnerbase.core.ranking import competition_ranks
from partnerbase.projects.ranking import Criterion, IncompleteScores, judge_score

__all__ = ["Criterion", "IncompleteScores", "Row", "Sheet", "rank", "totals", "z_scores"]


@dataclass(frozen=True)
class Sheet:
    """One assessor's submitted scores for one application: {criterion key: score}."""

    assessor: Hashable
    application: Hashable
    scores: Mapping[Hashable, int]


@dataclass(frozen=True)
class Row:
    application: Hashable
    totals: dict  # assessor -> total (Fraction, 0-100)
    raw: Fraction | None
    normalised: float | None
    spread: Fraction | None  # highest total less lowest; None with fewer than two
    flagged: bool
    rank: int | None

    @property
    def assessors(self) -> int:
        return len(self.totals)


def totals(criteria: Iterable[Criterion], sheets: Iterable[Sheet]) -> dict[tuple, Fraction]:
    """{(assessor, application): total} for every sheet."""
    criteria = list(criteria)
    return {(s.assessor, s.application): judge_score(criteria, s.scores) for s in sheets}


def z_scores(by_pair: Mapping[tuple, Fraction]) -> dict[tuple, float]:
    """{(assessor, application): z} over each assessor's own totals (see the docstring)."""
    per_assessor = defaultdict(list)
    for (assessor, application), total in by_pair.items():
        per_assessor[assessor].append((application, total))
    result = {}
    for assessor, rows in per_assessor.items():
        n = len(rows)
        mean = sum((t for _, t in rows), Fraction(0)) / n
        variance = sum(((t - mean) ** 2 for _, t in rows), Fraction(0)) / n
        sd = math.sqrt(variance)
        for application, total in rows:
            result[(assessor, application)] = float((total - mean) / Fraction(sd)) if sd else 0.0
    return result


def rank(
    criteria: Iterable[Criterion],
    sheets: Iterable[Sheet],
    applications: Iterable[Hashable],
    *,
    normalised: bool = False,
    threshold: int | None = None,
) -> list[Row]:
    """Every application in `applications`, ranked by raw or normalised score."""
    by_pair = totals(criteria, list(sheets))
    zs = z_scores(by_pair)
    rows = []
    for application in applications:
        mine = {r: t for (r, a), t in by_pair.items() if a == application}
        if not mine:
            rows.append(Row(application, {}, None, None, None, False, None))
            continue
        raw = sum(mine.values(), Fraction(0)) / len(mine)
        z = sum(zs[(r, application)] for r in mine) / len(mine)
        spread = max(mine.values()) - min(mine.values()) if len(mine) > 1 else None
        flagged = spread is not None and threshold is not None and spread > threshold
        rows.append(Row(application, mine, raw, z, spread, flagged, None))
    # Rounded so float noise in the z-scores cannot split a tie.
    key = (lambda r: round(r.normalised, 9)) if normalised else (lambda r: r.raw)
    scored = sorted((r for r in rows if r.raw is not None), key=key, reverse=True)
    ranks = competition_ranks(scored, key)
    ranked = [replace(row, rank=place) for row, place in zip(scored, ranks, strict=True)]
    return ranked + [r for r in rows if r.raw is None]
