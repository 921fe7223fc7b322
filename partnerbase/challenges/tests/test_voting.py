"""The counting methods on their own: no database, milliseconds."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partnerbase.challenges import voting


def test_approval_counts_and_chooses_the_most_approved():
    result = voting.count_approval(
        ["a", "b", "c", "d"], [["a", "b"], ["b", "c"], ["b"], ["a", "d"]], seats=2
    )
    assert result.approvals == {"a": 2, "b": 3, "c": 1, "d": 1}
    assert result.winners == ["b", "a"]
    assert result.order == ["b", "a", "c", "d"]
    assert result.ballots == 4
    assert result.ties == [["c", "d"]]
    assert result.tie_at_cutoff is False


def test_approval_tie_at_the_cutoff_goes_to_the_earlier_candidate_and_is_flagged():
    result = voting.count_approval(["a", "b", "c"], [["c", "b"], ["a"], ["c"]], seats=2)
    assert result.approvals == {"a": 1, "b": 1, "c": 2}
    assert result.winners == ["c", "a"]  # a and b level: a was proposed first
    assert result.ties == [["a", "b"]]
    assert result.tie_at_cutoff is True
    # The rule is deterministic: the same ballots in another order give the same result.
    again = voting.count_approval(["a", "b", "c"], [["c"], ["a"], ["b", "c"]], seats=2)
    assert again.winners == result.winners


def test_approval_ignores_a_repeated_tick_and_refuses_unknown_candidates():
    assert voting.count_approval(["a", "b"], [["a", "a"]], 1).approvals == {"a": 1, "b": 0}
    with pytest.raises(ValueError):
        voting.count_approval(["a", "b"], [["z"]], 1)


def test_seats_must_fit_the_candidates():
    with pytest.raises(ValueError):
        voting.count_approval(["a", "b"], [], 3)
    with pytest.raises(ValueError):
        voting.count_schulze(["a", "a"], [], 1)


# The worked example in docs/algorithms/voting.md.
PLURALITY_BALLOTS = [["a", "b", "c"]] * 4 + [["b", "c", "a"]] * 3 + [["c", "b", "a"]] * 2


def test_schulze_winner_differs_from_plurality():
    result = voting.count_schulze(["a", "b", "c"], PLURALITY_BALLOTS, seats=1)
    assert result.first_preferences == {"a": 4, "b": 3, "c": 2}  # plurality would choose a
    assert result.pairwise["b"]["a"] == 5 and result.pairwise["a"]["b"] == 4
    assert result.pairwise["b"]["c"] == 7 and result.pairwise["c"]["b"] == 2
    assert result.winners == ["b"]
    assert result.order == ["b", "c", "a"]
    assert result.beats == {"a": 0, "b": 2, "c": 1}


def test_schulze_strongest_paths_resolve_a_cycle():
    # Condorcet cycle a>b (5-4), b>c (7-2), c>a (6-3): the weakest link a>b is overruled.
    ballots = [["a", "b", "c"]] * 3 + [["b", "c", "a"]] * 4 + [["c", "a", "b"]] * 2
    result = voting.count_schulze(["a", "b", "c"], ballots, seats=1)
    d = result.pairwise
    assert (d["a"]["b"], d["b"]["c"], d["c"]["a"]) == (5, 7, 6)
    assert result.strongest["b"]["a"] == 6  # b>c (7) then c>a (6)
    assert result.strongest["a"]["b"] == 5
    assert result.winners == ["b"]
    assert result.order == ["b", "c", "a"]


def test_schulze_unranked_candidates_count_below_ranked_ones():
    result = voting.count_schulze(["a", "b", "c"], [["c"], ["c"], ["a", "b"]], seats=2)
    assert result.pairwise["c"]["a"] == 2 and result.pairwise["a"]["c"] == 1
    assert result.pairwise["a"]["b"] == 1 and result.pairwise["b"]["a"] == 0  # ["c"] ranks neither
    assert result.winners == ["c", "a"]


def test_schulze_tie_is_broken_by_proposal_order_and_flagged():
    result = voting.count_schulze(["a", "b", "c"], [["b", "a"], ["a", "b"]], seats=1)
    assert result.order[0] == "a"
    assert result.ties and result.ties[0][:2] == ["a", "b"]
    assert result.tie_at_cutoff is True


def test_schulze_refuses_a_ballot_that_ranks_twice():
    with pytest.raises(ValueError):
        voting.count_schulze(["a", "b"], [["a", "a"]], 1)


def test_unknown_method_is_refused():
    with pytest.raises(ValueError):
        voting.count("borda", ["a", "b"], [], 1)


candidates_st = st.lists(st.sampled_from("abcdef"), min_size=2, max_size=6, unique=True)


@st.composite
def elections(draw):
    candidates = draw(candidates_st)
    ballot = st.permutations(candidates).flatmap(
        lambda order: st.integers(0, len(order)).map(lambda n: list(order[:n]))
    )
    return candidates, draw(st.lists(ballot, max_size=25))


@settings(max_examples=150, deadline=None)
@given(elections(), st.data())
def test_a_majority_first_choice_always_wins_a_single_seat(election, data):
    candidates, ballots = election
    favourite = data.draw(st.sampled_from(candidates))
    others = [c for c in candidates if c != favourite]
    majority = [[favourite, *data.draw(st.permutations(others))] for _ in range(len(ballots) + 1)]
    result = voting.count_schulze(candidates, ballots + majority, seats=1)
    assert result.winners == [favourite]
    assert result.beats[favourite] == len(candidates) - 1


@settings(max_examples=150, deadline=None)
@given(elections(), st.integers(1, 6))
def test_counts_are_deterministic_and_complete(election, seats):
    candidates, ballots = election
    seats = min(seats, len(candidates))
    for method in (voting.APPROVAL, voting.SCHULZE):
        result = voting.count(method, candidates, ballots, seats)
        assert sorted(result.order) == sorted(candidates)
        assert result.winners == result.order[:seats]
        assert result == voting.count(method, candidates, list(ballots), seats)
        assert result.as_dict()["winners"] == result.winners


@settings(max_examples=100, deadline=None)
@given(elections())
def test_the_schulze_relation_orders_the_result(election):
    candidates, ballots = election
    result = voting.count_schulze(candidates, ballots, seats=1)
    p = result.strongest
    position = {c: n for n, c in enumerate(result.order)}
    for a in candidates:
        for b in candidates:
            if a != b and p[a][b] > p[b][a]:
                assert position[a] < position[b]
