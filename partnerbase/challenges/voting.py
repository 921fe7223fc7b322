"""Counting challenge-area votes: approval, and the Schulze method for ranked ballots.

Pure Python, no Django: candidates are strings (proposal ids), ballots are lists of them.
Each count returns a `Result` that carries its own explanation, so the results page and the
stored record show how the winners were found. See docs/algorithms/voting.md.

Ties are broken by one stated, deterministic rule: the candidate listed earlier in
`candidates` goes first (the app lists proposals in the order they were made, oldest
first, then by title: an order that survives export and import). Every tie is reported,
and `tie_at_cutoff` says when a tie decided who was chosen, so the team can confirm the
result rather than trust the rule blindly.
"""

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

APPROVAL = "approval"
SCHULZE = "schulze"
TIE_RULE = (
    "Proposals level with each other are placed in the order they were proposed, earliest "
    "first (proposals made the same day in alphabetical order of title)."
)


@dataclass(frozen=True)
class Result:
    method: str
    seats: int
    candidates: list[str]
    ballots: int
    order: list[str]  # every candidate, best first, ties broken by the tie rule
    winners: list[str]
    ties: list[list[str]] = field(default_factory=list)  # groups level with each other
    tie_at_cutoff: bool = False  # a tie decided who was chosen
    tie_rule: str = TIE_RULE
    # approval: approvals per candidate. schulze: first preferences (for comparison with
    # plurality), the pairwise table d[a][b] and the strongest paths p[a][b].
    approvals: dict[str, int] = field(default_factory=dict)
    first_preferences: dict[str, int] = field(default_factory=dict)
    pairwise: dict[str, dict[str, int]] = field(default_factory=dict)
    strongest: dict[str, dict[str, int]] = field(default_factory=dict)
    beats: dict[str, int] = field(default_factory=dict)  # how many others each one beats

    def as_dict(self) -> dict:
        return asdict(self)


def _check(candidates: Sequence[str], seats: int) -> None:
    if len(set(candidates)) != len(candidates):
        raise ValueError("Candidates must be distinct.")
    if not 1 <= seats <= len(candidates):
        raise ValueError("Choose at least one and at most as many as there are candidates.")


def _order_by_score(candidates: Sequence[str], score: dict[str, int], seats: int):
    """Best score first; the tie rule keeps equal scores in candidate order (sort is
    stable). Returns the order, the tie groups and whether a tie straddles the cut-off."""
    order = sorted(candidates, key=lambda c: -score[c])
    groups: dict[int, list[str]] = {}
    for c in order:
        groups.setdefault(score[c], []).append(c)
    ties = [group for group in groups.values() if len(group) > 1]
    at_cutoff = seats < len(order) and score[order[seats - 1]] == score[order[seats]]
    return order, ties, at_cutoff


def count_approval(candidates: Sequence[str], ballots: Sequence[Sequence[str]], seats: int):
    """Each ballot approves any number of candidates; the most approved are chosen."""
    _check(candidates, seats)
    approvals = {c: 0 for c in candidates}
    for ballot in ballots:
        for c in set(ballot):
            if c not in approvals:
                raise ValueError(f"Unknown candidate {c!r} on a ballot.")
            approvals[c] += 1
    order, ties, at_cutoff = _order_by_score(candidates, approvals, seats)
    return Result(
        method=APPROVAL,
        seats=seats,
        candidates=list(candidates),
        ballots=len(ballots),
        order=order,
        winners=order[:seats],
        ties=ties,
        tie_at_cutoff=at_cutoff,
        approvals=approvals,
    )


def pairwise_table(candidates: Sequence[str], ballots: Sequence[Sequence[str]]):
    """d[a][b]: how many ballots rank a above b. A ranked candidate is above every
    candidate the ballot leaves unranked; unranked candidates are level with each other."""
    d = {a: {b: 0 for b in candidates if b != a} for a in candidates}
    for ballot in ballots:
        if len(set(ballot)) != len(ballot):
            raise ValueError("A ballot ranks a candidate twice.")
        ranked = list(ballot)
        for i, a in enumerate(ranked):
            if a not in d:
                raise ValueError(f"Unknown candidate {a!r} on a ballot.")
            for b in candidates:
                if b != a and b not in ranked[:i]:
                    d[a][b] += 1
    return d


def strongest_paths(candidates: Sequence[str], d: dict[str, dict[str, int]]):
    """p[a][b]: the strength of the strongest path of pairwise wins from a to b, a path
    being as strong as its weakest link (Schulze; Floyd-Warshall style widest paths)."""
    p = {a: {b: (d[a][b] if d[a][b] > d[b][a] else 0) for b in d[a]} for a in candidates}
    for k in candidates:
        for a in candidates:
            if a == k:
                continue
            for b in candidates:
                if b in (a, k):
                    continue
                p[a][b] = max(p[a][b], min(p[a][k], p[k][b]))
    return p


def count_schulze(candidates: Sequence[str], ballots: Sequence[Sequence[str]], seats: int):
    """The Schulze method: a beats b when the strongest path from a to b is stronger than
    the one back. That relation is transitive, so ordering by how many others each one
    beats gives the Schulze ranking; the top `seats` are chosen. Candidates that beat the
    same number of others do not beat each other: they are tied."""
    _check(candidates, seats)
    d = pairwise_table(candidates, ballots)
    p = strongest_paths(candidates, d)
    beats = {a: sum(1 for b in p[a] if p[a][b] > p[b][a]) for a in candidates}
    firsts = {c: 0 for c in candidates}
    for ballot in ballots:
        if ballot:
            firsts[ballot[0]] += 1
    order, ties, at_cutoff = _order_by_score(candidates, beats, seats)
    return Result(
        method=SCHULZE,
        seats=seats,
        candidates=list(candidates),
        ballots=len(ballots),
        order=order,
        winners=order[:seats],
        ties=ties,
        tie_at_cutoff=at_cutoff,
        first_preferences=firsts,
        pairwise=d,
        strongest=p,
        beats=beats,
    )


def count(method: str, candidates, ballots, seats: int) -> Result:
    if method == APPROVAL:
        return count_approval(candidates, ballots, seats)
    if method == SCHULZE:
        return count_schulze(candidates, ballots, seats)
    raise ValueError(f"Unknown method {method!r}")
