"""What every ranking in Partnerbase shares. Pure Python: no Django.

Champion targeting (`champions/ranking.py`), a call's assessment (`assessment/scoring.py`)
and a competition's judging (`projects/ranking.py`) each decide their own scores; they rank
and show them alike:

- a criterion's score is scaled to 0-100 across its range, so a 1-5 criterion and a 0-10
  one count alike, and a weighted mean of those is the total;
- highest first; equal scores share a rank and the next rank is skipped (1, 2, 2, 4), the
  "standard competition ranking";
- exact fractions until shown, then rounded half up.
"""

from collections.abc import Callable, Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction


def scaled(score: int, low: int, high: int) -> Fraction:
    """`score` within low..high as a share of 100."""
    return Fraction(100 * (score - low), high - low)


def weighted_mean(parts: Iterable[tuple[int, Fraction]]) -> Fraction:
    """The mean of the (weight, value) pairs, weighted; the weights need not add up to
    anything."""
    total, weights = Fraction(0), 0
    for weight, value in parts:
        total += weight * value
        weights += weight
    return total / weights


def competition_ranks(best_first: Sequence, score: Callable[[object], object]) -> list[int]:
    """The rank of each row of `best_first` (already sorted, highest score first): equal
    scores share a rank and the next is skipped (1, 2, 2, 4)."""
    ranks, previous, previous_rank = [], object(), 0
    for position, row in enumerate(best_first, start=1):
        value = score(row)
        place = previous_rank if value == previous else position
        ranks.append(place)
        previous, previous_rank = value, place
    return ranks


def shown(score: Fraction | None, places: int) -> Decimal | None:
    """An exact score rounded half up to `places` decimal places, as it is shown."""
    if score is None:
        return None
    exact = Decimal(score.numerator) / Decimal(score.denominator)
    return exact.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
