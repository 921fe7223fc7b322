"""The lower layer: a pre-scored problem (the solver command's PROBLEM.json) and its solution."""

import gc
import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from operator import itemgetter
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
    pairs: Sequence[Pair]  # a list, or PairColumns from parse_problem


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
    import numpy as np

    columns = _columns_of(problem)
    # Each innovator's and partner's rank among the sorted ones, by its place in the input.
    inn_order = sorted(range(len(problem.innovators)), key=problem.innovators.__getitem__)
    par_order = sorted(range(len(problem.partners)), key=problem.partners.__getitem__)
    inn_rank = _ranks(np, inn_order)
    par_rank = _ranks(np, par_order)
    # Pairs sorted by innovator, then partner (then score), as arrays: half a million pairs.
    pair_inn, pair_par = inn_rank[columns.innovator_at], par_rank[columns.partner_at]
    keys = pair_inn.astype(np.int64) * len(par_rank) + pair_par
    order = np.argsort(keys, kind="stable")
    if (keys[order][1:] == keys[order][:-1]).any():  # only a hand-made problem repeats a pair
        order = np.lexsort((columns.scores, pair_par, pair_inn))
    # np.rint rounds half to even on the same double as round() does.
    scores = np.rint(columns.scores[order] * SCALE).astype(np.int64)
    round = Round(
        innovator_capacity=[problem.innovators[n].capacity for n in inn_order],
        innovator_minimum=[problem.innovators[n].min_introductions for n in inn_order],
        partner_capacity=[problem.partners[n].capacity for n in par_order],
        pair_innovator=pair_inn[order],
        pair_partner=pair_par[order],
        pair_score=scores,
    )
    result = solve_round(round, mode, progress)
    chosen = order[result.chosen]
    introductions = tuple(
        map(
            Pair,
            map(columns.innovator_ids.__getitem__, columns.innovator_at[chosen].tolist()),
            map(columns.partner_ids.__getitem__, columns.partner_at[chosen].tolist()),
            map(unscaled, scores[result.chosen].tolist()),
        )
    )
    return Solution(
        introductions=introductions,
        objective=unscaled(result.total),
        shortfall=result.shortfall,
        optimal=result.optimal,
        mode=mode,
        stable_cost=None if result.stable_cost is None else unscaled(result.stable_cost),
    )


def _ranks(np, order: list[int]):
    ranks = np.empty(len(order), dtype=np.int32)
    ranks[order] = np.arange(len(order), dtype=np.int32)
    return ranks


class PairColumns(Sequence):
    """The pairs as `parse_problem` reads them: numpy arrays of each pair's innovator and
    partner (its place in the problem's lists, whose ids are given) and its score. A
    sequence of Pair like a list, without half a million tuples made to be taken apart
    again by the solve."""

    def __init__(self, innovator_ids, partner_ids, innovator_at, partner_at, scores):
        self.innovator_ids, self.partner_ids = innovator_ids, partner_ids
        self.innovator_at, self.partner_at, self.scores = innovator_at, partner_at, scores

    def __len__(self) -> int:
        return len(self.scores)

    def __getitem__(self, n):
        if isinstance(n, slice):
            return [self[k] for k in range(*n.indices(len(self)))]
        innovator, partner = self.innovator_at[n], self.partner_at[n]
        return Pair(self.innovator_ids[innovator], self.partner_ids[partner], float(self.scores[n]))

    def __iter__(self):
        return map(
            Pair,
            map(self.innovator_ids.__getitem__, self.innovator_at.tolist()),
            map(self.partner_ids.__getitem__, self.partner_at.tolist()),
            self.scores.tolist(),
        )

    def __eq__(self, other) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    def __repr__(self) -> str:
        return f"PairColumns({len(self):,} pairs)"


def _columns_of(problem: Problem) -> PairColumns:
    """The problem's pairs as columns (a hand-made problem's list of Pair is turned round)."""
    import numpy as np

    if isinstance(problem.pairs, PairColumns):
        return problem.pairs
    inn_ids, par_ids = [i.id for i in problem.innovators], [p.id for p in problem.partners]
    inn_at = {id: n for n, id in enumerate(inn_ids)}
    par_at = {id: n for n, id in enumerate(par_ids)}
    count = len(problem.pairs)
    return PairColumns(
        inn_ids,
        par_ids,
        np.fromiter((inn_at[pair.innovator] for pair in problem.pairs), np.intp, count),
        np.fromiter((par_at[pair.partner] for pair in problem.pairs), np.intp, count),
        np.fromiter((pair.score for pair in problem.pairs), np.float64, count),
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
    innovators = _innovators_at_once(data["innovators"]) or _innovators(data["innovators"])
    partners = _partners_at_once(data["partners"]) or _partners(data["partners"])
    inn_at = {inn.id: n for n, inn in enumerate(innovators)}
    par_at = {par.id: n for n, par in enumerate(partners)}
    pairs = _pairs_at_once(data["pairs"], inn_at, par_at)
    if pairs is None:  # something is wrong: check entry by entry to name the first wrong one
        pairs = _pairs(data["pairs"], inn_at, par_at)
    return Problem(innovators, partners, pairs)


def _innovators(entries: list) -> list[ProblemInnovator]:
    innovators = []
    for n, entry in enumerate(entries):
        where = f"innovators[{n}]"
        _keys(entry, where, ("id", "capacity", "min_introductions"))
        innovators.append(
            ProblemInnovator(
                _id(entry, where),
                _count(entry, "capacity", where),
                _count(entry, "min_introductions", where),
            )
        )
    _unique([i.id for i in innovators], "innovators", "innovator")
    return innovators


def _partners(entries: list) -> list[ProblemPartner]:
    partners = []
    for n, entry in enumerate(entries):
        where = f"partners[{n}]"
        _keys(entry, where, ("id", "capacity"))
        partners.append(ProblemPartner(_id(entry, where), _count(entry, "capacity", where)))
    _unique([p.id for p in partners], "partners", "partner")
    return partners


def _pairs(entries: list, inn_at: dict, par_at: dict) -> list[Pair]:
    pairs, seen = [], {}
    for n, entry in enumerate(entries):
        where = f"pairs[{n}]"
        _keys(entry, where, ("innovator", "partner", "score"))
        innovator, partner = entry["innovator"], entry["partner"]
        if not isinstance(innovator, str) or innovator not in inn_at:
            raise ProblemError(f"{where}: unknown innovator {_shown(innovator)}")
        if not isinstance(partner, str) or partner not in par_at:
            raise ProblemError(f"{where}: unknown partner {_shown(partner)}")
        if (innovator, partner) in seen:
            first = seen[(innovator, partner)]
            raise ProblemError(
                f"{where}: duplicate pair ({innovator!r}, {partner!r}), first at pairs[{first}]"
            )
        seen[(innovator, partner)] = n
        pairs.append(Pair(innovator, partner, _score(entry["score"], where)))
    return pairs


# The fast paths below check a whole list at once with builtins, sets and numpy (half a
# million pairs in a fraction of a second; entry by entry takes seconds). Each returns
# None if any entry is wrong in any way, and the entry-by-entry check then names it.


def _columns(entries: list, keys: tuple[str, ...]) -> list[list] | None:
    """The entries' values under `keys`, column by column, if every entry is an object
    with exactly those keys."""
    if not set(map(type, entries)) <= {dict} or not set(map(len, entries)) <= {len(keys)}:
        return None
    try:
        return [list(map(itemgetter(key), entries)) for key in keys]
    except KeyError:
        return None


def _ids_ok(ids: list) -> bool:
    return set(map(type, ids)) <= {str} and "" not in ids and len(set(ids)) == len(ids)


def _counts_ok(values: list) -> bool:
    # type() is exact: a bool is not a whole number here
    return (
        set(map(type, values)) <= {int}
        and 0 <= min(values, default=0) <= max(values, default=0) <= MAX_COUNT
    )


def _innovators_at_once(entries: list) -> list[ProblemInnovator] | None:
    columns = _columns(entries, ("id", "capacity", "min_introductions"))
    if columns is None or not _ids_ok(columns[0]) or not all(map(_counts_ok, columns[1:])):
        return None
    return list(map(ProblemInnovator, *columns)) if entries else None


def _partners_at_once(entries: list) -> list[ProblemPartner] | None:
    columns = _columns(entries, ("id", "capacity"))
    if columns is None or not _ids_ok(columns[0]) or not _counts_ok(columns[1]):
        return None
    return list(map(ProblemPartner, *columns)) if entries else None


_INNOVATOR, _PARTNER, _SCORE = itemgetter("innovator"), itemgetter("partner"), itemgetter("score")


def _pairs_at_once(entries: list, inn_at: dict, par_at: dict) -> PairColumns | None:
    import numpy as np

    count = len(entries)
    try:
        # Only a known id is a key (no number, list or None equals a string); an entry
        # that is no object has no keys (TypeError).
        inn = np.fromiter(map(inn_at.__getitem__, map(_INNOVATOR, entries)), np.intp, count)
        par = np.fromiter(map(par_at.__getitem__, map(_PARTNER, entries)), np.intp, count)
        scores = list(map(_SCORE, entries))
    except (KeyError, TypeError):
        return None
    if sum(map(len, entries)) != 3 * count:  # each has the three keys: no more
        return None
    keys = np.sort(inn * len(par_at) + par)  # np.unique is ten times slower
    if (keys[1:] == keys[:-1]).any():  # a duplicate pair
        return None
    if not set(map(type, scores)) <= {int, float}:  # bool is neither
        return None
    try:
        values = np.fromiter(scores, np.float64, count)
    except OverflowError:
        return None
    if count and not (np.isfinite(values).all() and 0 <= values.min() <= values.max() <= MAX_SCORE):
        return None
    return PairColumns(list(inn_at), list(par_at), inn, par, values)


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
