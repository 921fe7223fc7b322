"""The worked example of docs/algorithms/brokering.md, number by number (no database)."""

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from partnerbase.matching import (
    InnovatorIn,
    Need,
    Offer,
    PartnerIn,
    Weights,
    parse_problem,
    propose,
    solve,
)
from partnerbase.matching.scoring import Compiler, candidates, points

DOC = Path(__file__).resolve().parents[3] / "docs" / "algorithms" / "brokering.md"
F = frozenset
MENTORING, FUNDING, EMPLOYMENT = "Mentoring or expertise", "Funding", "Employment pathways"
WM, FI = "West Midlands", "Financial inclusion"

INNOVATORS = [
    InnovatorIn("toolshed", "Toolshed", 2, 1, (
        Need("t1", MENTORING, F({WM}), F({FI}), None,
             "Mentoring on debt advice for social housing tenants"),
        Need("t2", FUNDING, F({WM}), F({FI}), Decimal(60000), "Grant to grow our debt advice app"),
    )),
    InnovatorIn("moneyae", "Money A+E", 2, 1, (
        Need("m1", FUNDING, F({"London"}), F({FI}), Decimal(40000),
             "Funding for money advice clinics in east London"),
    )),
    InnovatorIn("mkf", "MyKindaFuture", 1, 1, (
        Need("k1", EMPLOYMENT, F({"UK"}), F({"Employability"}), None,
             "Work placements for young people leaving school"),
    )),
]  # fmt: skip
PARTNERS = [
    PartnerIn("barclays", "Barclays", 1, (
        Offer("b1", MENTORING, F({WM, "London"}), F({FI}), None,
              "Volunteer mentors from our debt advice team"),
        Offer("b2", FUNDING, F({"UK"}), F({FI}), Decimal(50000),
              "Grants for money advice and financial inclusion"),
    ), preferred_regions=F({WM})),
    PartnerIn("unltd", "UnLtd", 1, (
        Offer("u1", FUNDING, F({WM}), F(), Decimal(30000),
              "Awards to help social entrepreneurs grow"),
    )),
    PartnerIn("ms", "Marks & Spencer", 1, (
        Offer("s1", EMPLOYMENT, F({"UK"}), F({"Employability"}), None,
              "Work placements and jobs for young people in our stores"),
        Offer("s2", FUNDING, F({"London"}), F(), Decimal(40000),
              "Funding for community money advice"),
    )),
]  # fmt: skip


def test_the_candidate_pairs_and_scores_are_those_in_the_table():
    found = candidates(INNOVATORS, PARTNERS, Compiler(), points(Weights()), set(), None)
    table = {
        (INNOVATORS[i].id, PARTNERS[p].id, n.item.id, o.item.id): round(s, 3)
        for i, p, s, n, o in zip(
            found.innovator, found.partner, found.score, found.need, found.offer, strict=True
        )
    }
    assert table == {
        ("toolshed", "barclays", "t1", "b1"): 87.401,
        ("toolshed", "unltd", "t2", "u1"): 74.736,
        ("moneyae", "barclays", "m1", "b2"): 82.401,
        ("moneyae", "ms", "m1", "s2"): 83.624,
        ("mkf", "ms", "k1", "s1"): 88.5,
    }


def test_optimal_mode():
    proposal = propose(INNOVATORS, PARTNERS)
    assert [(i.innovator, i.partner, i.score) for i in proposal.introductions] == [
        ("mkf", "ms", 88.5),
        ("moneyae", "barclays", 82.401),
        ("toolshed", "unltd", 74.736),
    ]
    assert (proposal.objective, proposal.shortfall, proposal.optimal) == (245.637, 0, True)
    money = proposal.introductions[1]
    assert money.parts == {
        "type_fit": 40.0,
        "challenge_fit": 20.0,
        "region_overlap": 7.5,
        "text_similarity": 3.651,
        "size_fit": 10.0,
        "preference": 1.25,
    }
    assert money.reasons == (
        "both work on financial inclusion; Barclays offers funding, which Money A+E needs; "
        "its budget of 50,000 covers the 40,000 asked for; both descriptions mention advice "
        "and money"
    )


def test_stable_mode():
    proposal = propose(INNOVATORS, PARTNERS, mode="stable")
    assert [(i.innovator, i.partner) for i in proposal.introductions] == [
        ("mkf", "ms"),
        ("toolshed", "barclays"),
        ("toolshed", "unltd"),
    ]
    assert (proposal.objective, proposal.shortfall) == (250.637, 1)
    assert (proposal.stable_cost, proposal.optimal) == (0.0, False)


def test_the_documented_problem_gives_the_documented_results():
    text = DOC.read_text()
    problem = json.loads(re.search(r"```json\n(\{\"innovators\".*?)```", text, re.S).group(1))
    parsed = parse_problem(problem)
    assert solve(parsed).objective == 245.637
    stable = solve(parsed, mode="stable")
    assert (stable.objective, stable.shortfall, stable.stable_cost) == (250.637, 1, 0.0)
    for number in ("245.637", "250.637", "87.401", "2/√30"):
        assert number in text


@pytest.mark.parametrize("mode", ["optimal", "stable"])
def test_reasons_name_the_worked_example_parts(mode):
    for intro in propose(INNOVATORS, PARTNERS, mode=mode).introductions:
        if intro.parts["challenge_fit"] == 20:
            assert "both work on" in intro.reasons
        if intro.parts["size_fit"] == 10:
            assert "covers the" in intro.reasons
        assert ("mention" in intro.reasons) == (intro.parts["text_similarity"] > 0)
