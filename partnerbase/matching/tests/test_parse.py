"""parse_problem: every malformed entry is named (no database)."""

import pytest
from hypothesis import given, settings

from partnerbase.matching import (
    Pair,
    Problem,
    ProblemError,
    ProblemInnovator,
    ProblemPartner,
    parse_problem,
    solve,
)
from partnerbase.matching.problem import PairColumns

from .strategies import problems


def document(**changes):
    data = {
        "innovators": [{"id": "i1", "capacity": 3, "min_introductions": 1}],
        "partners": [{"id": "p1", "capacity": 20}, {"id": "p2", "capacity": 1}],
        "pairs": [
            {"innovator": "i1", "partner": "p1", "score": 87.5},
            {"innovator": "i1", "partner": "p2", "score": 40},
        ],
    }
    data.update(changes)
    return data


def test_a_well_formed_problem_is_read():
    problem = parse_problem(document())
    assert problem.innovators == [ProblemInnovator("i1", 3, 1)]
    assert problem.partners == [ProblemPartner("p1", 20), ProblemPartner("p2", 1)]
    assert problem.pairs == [Pair("i1", "p1", 87.5), Pair("i1", "p2", 40.0)]


PAIR = {"innovator": "i1", "partner": "p1", "score": 1}


@pytest.mark.parametrize(
    "data, message",
    [
        ([], "must be a JSON object"),
        ({"innovators": [], "partners": []}, "no 'pairs' list"),
        (document(pairs={}), "'pairs' must be a list"),
        (document(extra=1), "Unknown key 'extra'"),
        (document(innovators=["i1"]), "innovators[0]: must be an object"),
        (document(innovators=[{"id": "i1", "capacity": 1}]), "innovators[0]: missing 'min_"),
        (
            document(innovators=[{"id": "i1", "capacity": -1, "min_introductions": 0}]),
            "innovators[0] ('i1'): 'capacity' must be a whole number from 0 to 1,000,000, not -1",
        ),
        (
            document(innovators=[{"id": "i1", "capacity": 1.5, "min_introductions": 0}]),
            "innovators[0] ('i1'): 'capacity' must be a whole number",
        ),
        (
            document(innovators=[{"id": "i1", "capacity": True, "min_introductions": 0}]),
            "'capacity' must be a whole number",
        ),
        (
            document(innovators=[{"id": 7, "capacity": 1, "min_introductions": 0}]),
            "innovators[0]: 'id' must be a non-empty string, not 7",
        ),
        (document(partners=[{"id": "p1", "capacity": "20"}]), "partners[0] ('p1'): 'capacity'"),
        (
            document(partners=[{"id": "p1", "capacity": 2}, {"id": "p1", "capacity": 1}]),
            "partners[1]: duplicate partner id 'p1', first at partners[0]",
        ),
        (
            document(partners=[{"id": "p1", "capacity": 2, "budget": 5}]),
            "partners[0]: unknown key 'budget'",
        ),
        (
            document(pairs=[{"innovator": "i1", "partner": "p9", "score": 1}]),
            "pairs[0]: unknown partner 'p9'",
        ),
        (
            document(pairs=[PAIR, {"innovator": "i9", "partner": "p1", "score": 1}]),
            "pairs[1]: unknown innovator 'i9'",
        ),
        (
            document(pairs=[PAIR, {"innovator": "i1", "partner": "p2", "score": 1}, PAIR]),
            "pairs[2]: duplicate pair ('i1', 'p1'), first at pairs[0]",
        ),
        (
            document(pairs=[{"innovator": "i1", "partner": "p1", "score": "high"}]),
            "pairs[0]: 'score' must be a number, not 'high'",
        ),
        (
            document(pairs=[{"innovator": "i1", "partner": "p1", "score": float("nan")}]),
            "pairs[0]: 'score' must be a number",
        ),
        (
            document(pairs=[{"innovator": "i1", "partner": "p1", "score": -3}]),
            "pairs[0]: 'score' must be between 0 and 1,000,000, not -3",
        ),
        (document(pairs=[{"innovator": "i1", "partner": "p1"}]), "pairs[0]: missing 'score'"),
    ],
)
def test_malformed_problems_name_the_offending_entry(data, message):
    with pytest.raises(ProblemError) as error:
        parse_problem(data)
    assert message in str(error.value)


def as_document(problem: Problem) -> dict:
    return {
        "innovators": [
            {"id": i.id, "capacity": i.capacity, "min_introductions": i.min_introductions}
            for i in problem.innovators
        ],
        "partners": [{"id": p.id, "capacity": p.capacity} for p in problem.partners],
        "pairs": [{"innovator": i, "partner": p, "score": s} for i, p, s in problem.pairs],
    }


@settings(max_examples=60, deadline=None)
@given(problems(max_innovators=5, max_partners=5, max_pairs=20))
def test_a_document_read_at_once_is_the_problem_it_was_written_from(problem):
    # parse_problem reads a good document column by column (PairColumns); the solve of
    # that must be the solve of the same problem given as a list of Pair.
    parsed = parse_problem(as_document(problem))
    assert isinstance(parsed.pairs, PairColumns)
    assert parsed.innovators == problem.innovators
    assert parsed.partners == problem.partners
    assert parsed.pairs == problem.pairs
    assert list(parsed.pairs) == problem.pairs
    assert [parsed.pairs[n] for n in range(len(problem.pairs))] == problem.pairs
    for mode in ("optimal", "stable"):
        assert solve(parsed, mode=mode) == solve(problem, mode=mode)


def test_whole_number_scores_are_read_as_numbers_and_huge_ones_refused():
    problem = parse_problem(document(pairs=[{"innovator": "i1", "partner": "p1", "score": 7}]))
    assert list(problem.pairs) == [Pair("i1", "p1", 7.0)]
    with pytest.raises(ProblemError, match="pairs\\[0\\]: 'score' must be between 0 and"):
        parse_problem(document(pairs=[{"innovator": "i1", "partner": "p1", "score": 10**29}]))
    with pytest.raises(ProblemError, match="pairs\\[0\\]: 'score' must be a number"):
        parse_problem(document(pairs=[{"innovator": "i1", "partner": "p1", "score": True}]))


@pytest.mark.parametrize(
    "pair",
    [
        {"innovator": ["i1"], "partner": "p1", "score": 1},
        {"innovator": None, "partner": "p1", "score": 1},
        {"innovator": "i1", "partner": {"id": "p1"}, "score": 1},
    ],
)
def test_an_id_that_is_no_string_is_unknown(pair):
    with pytest.raises(ProblemError, match="pairs\\[0\\]: unknown (innovator|partner)"):
        parse_problem(document(pairs=[pair]))


def test_empty_ids_and_out_of_range_counts_are_named_however_many_entries_are_good():
    good = [{"id": f"i{n}", "capacity": 1, "min_introductions": 0} for n in range(50)]
    bad = {"id": "", "capacity": 1, "min_introductions": 0}
    with pytest.raises(ProblemError, match="innovators\\[50\\]: 'id' must be a non-empty"):
        parse_problem(document(innovators=[*good, bad], pairs=[]))
    huge = {"id": "i99", "capacity": 1_000_001, "min_introductions": 0}
    with pytest.raises(ProblemError, match="innovators\\[50\\] \\('i99'\\): 'capacity'"):
        parse_problem(document(innovators=[*good, huge], pairs=[]))
