"""The lower layer: a pre-scored problem (the solver command's PROBLEM.json) and its solution."""

import gc
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import NamedTuple

from .flow import Progress, Round, solve_round

SCALE = 1000  # scores are optimised as integer thousandths of a point, so the optimum is exact
MAX_SCORE = 1_000_000  # keeps every sum of scaled scores far inside 64-bit integers
# No innovator or partner takes more introductions in one round than this; it keeps the
# flow network's capacities and the shortfall far inside 64-bit integers too.
MAX_COUNT = 1_000_000
MODES = ("optimal", "stable")


class ProblemError(ValueError):
    """A malformed problem; the message names the offending entry, e.g. "pairs[3]: …"."""


class ProblemInnovator(NamedTuple):
    id: str
    capacity: int
    min_introductions: int


class ProblemPartner(NamedTuple):
    id: str
    capacity: int


class Pair(NamedTuple):
    innovator: str
    partner: str
    score: float


@dataclass(frozen=True)
class Problem:
    innovators: list[ProblemInnovator]
    partners: list[ProblemPartner]
    pairs: list[Pair]


@dataclass(frozen=True)
class Solution:
    introductions: tuple[Pair, ...]  # sorted by innovator, then partner
    objective: float  # total score
    shortfall: int
    optimal: bool
    mode: str = "optimal"
    stable_cost: float | None = None

    def as_dict(self) -> dict:
        result = {
            "introductions": [
                {"innovator": i, "partner": p, "score": s} for i, p, s in self.introductions
            ],
            "objective": self.objective,
            "shortfall": self.shortfall,
            "optimal": self.optimal,
            "mode": self.mode,
        }
        if self.stable_cost is not None:
            result["stable_cost"] = self.stable_cost
        return result


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while half a million small tuples are made:
    each collection walks every live object again (the problem's dicts too), which made
    reading a 500,000-pair problem five times slower. None of them form cycles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def scaled(score: float) -> int:
    return round(score * SCALE)


def unscaled(value: int) -> float:
    return round(value / SCALE, 3)


def solve(problem: Problem, mode: str = "optimal", progress: Progress = None) -> Solution:
    with collector_paused():
        return _solve(problem, mode, progress)


def _solve(problem: Problem, mode: str, progress: Progress) -> Solution:
    """The exact optimum of a pre-scored problem (or the stable round, in stable mode).

    Scores are rounded to 1/1000 first; the introductions report the rounded scores, so
    the objective is exactly their sum. Ids are sorted first, so the result does not
    depend on the order of the input."""
    innovators = sorted(problem.innovators)
    partners = sorted(problem.partners)
    inn_index = {inn.id: n for n, inn in enumerate(innovators)}
    par_index = {par.id: n for n, par in enumerate(partners)}
    pairs = sorted(problem.pairs)
    # Column by column with builtins: half a million pairs.
    pair_innovators, pair_partners, scores = zip(*pairs, strict=True) if pairs else ((), (), ())
    round = Round(
        innovator_capacity=[inn.capacity for inn in innovators],
        innovator_minimum=[inn.min_introductions for inn in innovators],
        partner_capacity=[par.capacity for par in partners],
        pair_innovator=list(map(inn_index.__getitem__, pair_innovators)),
        pair_partner=list(map(par_index.__getitem__, pair_partners)),
        pair_score=list(map(scaled, scores)),
    )
    result = solve_round(round, mode, progress)
    introductions = tuple(
        Pair(pairs[e].innovator, pairs[e].partner, unscaled(round.pair_score[e]))
        for e in result.chosen
    )
    return Solution(
        introductions=introductions,
        objective=unscaled(result.total),
        shortfall=result.shortfall,
        optimal=result.optimal,
        mode=mode,
        stable_cost=None if result.stable_cost is None else unscaled(result.stable_cost),
    )


def parse_problem(data) -> Problem:
    """Check and read a PROBLEM document (already decoded from JSON)."""
    with collector_paused():
        return _parse_problem(data)


def _parse_problem(data) -> Problem:
    if not isinstance(data, dict):
        raise ProblemError("The problem must be a JSON object with innovators, partners and pairs.")
    for key in ("innovators", "partners", "pairs"):
        if key not in data:
            raise ProblemError(f"The problem has no {key!r} list.")
        if not isinstance(data[key], list):
            raise ProblemError(f"{key!r} must be a list.")
    unknown = sorted(set(data) - {"innovators", "partners", "pairs"})
    if unknown:
        raise ProblemError(f"Unknown key {unknown[0]!r}: expected innovators, partners and pairs.")
    innovators = []
    for n, entry in enumerate(data["innovators"]):
        where = f"innovators[{n}]"
        _keys(entry, where, ("id", "capacity", "min_introductions"))
        innovators.append(
            ProblemInnovator(
                _id(entry, where),
                _count(entry, "capacity", where),
                _count(entry, "min_introductions", where),
            )
        )
    partners = []
    for n, entry in enumerate(data["partners"]):
        where = f"partners[{n}]"
        _keys(entry, where, ("id", "capacity"))
        partners.append(ProblemPartner(_id(entry, where), _count(entry, "capacity", where)))
    _unique([i.id for i in innovators], "innovators", "innovator")
    _unique([p.id for p in partners], "partners", "partner")
    innovator_ids = {i.id for i in innovators}
    partner_ids = {p.id for p in partners}
    pairs = _pairs_at_once(data["pairs"], innovator_ids, partner_ids)
    if pairs is not None:
        return Problem(innovators, partners, pairs)
    # Something is wrong: check entry by entry to name the first wrong one.
    pairs, seen = [], {}
    for n, entry in enumerate(data["pairs"]):
        where = f"pairs[{n}]"
        _keys(entry, where, ("innovator", "partner", "score"))
        innovator, partner = entry["innovator"], entry["partner"]
        if not isinstance(innovator, str) or innovator not in innovator_ids:
            raise ProblemError(f"{where}: unknown innovator {_shown(innovator)}")
        if not isinstance(partner, str) or partner not in partner_ids:
            raise ProblemError(f"{where}: unknown partner {_shown(partner)}")
        if (innovator, partner) in seen:
            first = seen[(innovator, partner)]
            raise ProblemError(
                f"{where}: duplicate pair ({innovator!r}, {partner!r}), first at pairs[{first}]"
            )
        seen[(innovator, partner)] = n
        pairs.append(Pair(innovator, partner, _score(entry["score"], where)))
    return Problem(innovators, partners, pairs)


def _pairs_at_once(entries: list, innovator_ids: set, partner_ids: set) -> list[Pair] | None:
    """The pairs, checked column by column with sets and builtins (half a million pairs
    take a fraction of a second this way, seconds entry by entry); None if any entry is
    wrong in any way, for the entry-by-entry check to name it."""
    if not all(type(entry) is dict and len(entry) == 3 for entry in entries):
        return None
    try:
        innovators = [entry["innovator"] for entry in entries]
        partners = [entry["partner"] for entry in entries]
        scores = [entry["score"] for entry in entries]
    except KeyError:
        return None
    if not {type(i) for i in innovators} <= {str} or not {type(p) for p in partners} <= {str}:
        return None
    if not set(innovators) <= innovator_ids or not set(partners) <= partner_ids:
        return None
    if len(set(zip(innovators, partners, strict=True))) != len(entries):
        return None
    if not {type(score) for score in scores} <= {int, float}:  # bool is neither
        return None
    if not all(map(math.isfinite, scores)):
        return None
    if scores and not (0 <= min(scores) and max(scores) <= MAX_SCORE):
        return None
    return list(map(Pair, innovators, partners, map(float, scores)))


def _shown(value) -> str:
    """A value in a message, cut short: a bad file's value may be 100,000 characters."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _keys(entry, where: str, keys: tuple[str, ...]) -> None:
    if not isinstance(entry, dict):
        raise ProblemError(f"{where}: must be an object with {', '.join(keys)}")
    for key in keys:
        if key not in entry:
            raise ProblemError(f"{where}: missing {key!r}")
    extra = sorted(set(entry) - set(keys))
    if extra:
        raise ProblemError(f"{where}: unknown key {extra[0]!r}")


def _id(entry: dict, where: str) -> str:
    value = entry["id"]
    if not isinstance(value, str) or not value:
        raise ProblemError(f"{where}: 'id' must be a non-empty string, not {_shown(value)}")
    return value


def _count(entry: dict, key: str, where: str) -> int:
    value = entry[key]
    name = f"{where} ({_shown(entry['id'])})" if isinstance(entry["id"], str) else where
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COUNT:
        raise ProblemError(
            f"{name}: {key!r} must be a whole number from 0 to {MAX_COUNT:,}, not {_shown(value)}"
        )
    return value


def _score(value, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ProblemError(f"{where}: 'score' must be a number, not {_shown(value)}")
    if not 0 <= value <= MAX_SCORE:
        raise ProblemError(f"{where}: 'score' must be between 0 and {MAX_SCORE:,}, not {value!r}")
    return float(value)


def _unique(ids: list[str], key: str, what: str) -> None:
    seen = {}
    for n, value in enumerate(ids):
        if value in seen:
            raise ProblemError(
                f"{key}[{n}]: duplicate {what} id {value!r}, first at {key}[{seen[value]}]"
            )
        seen[value] = n
