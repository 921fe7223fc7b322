"""propose(): compatibility, exclusions, scores, reasons (no database)."""

import random
from decimal import Decimal

import pytest

from partnerbase.matching import (
    PARTS,
    InnovatorIn,
    Need,
    Offer,
    Pair,
    PartnerIn,
    Problem,
    ProblemInnovator,
    ProblemPartner,
    Weights,
    propose,
)
from partnerbase.matching.scoring import Compiler, candidates, compatible, points, score_of

from .reference import brute_force, thousandths

F = frozenset
MENTORING = "Mentoring or expertise"


def need(id="n", type=MENTORING, regions=("West Midlands",), challenges=(), amount=None, text=""):
    return Need(id, type, F(regions), F(challenges), amount, text)


def offer(id="o", type=MENTORING, regions=("West Midlands",), challenges=(), budget=None, text=""):
    return Offer(id, type, F(regions), F(challenges), budget, text)


def innovator(id, *needs, capacity=3, minimum=1, name=None):
    return InnovatorIn(id, name or id.title(), capacity, minimum, tuple(needs))


def partner(id, *offers, capacity=5, name=None, **preferences):
    return PartnerIn(id, name or id.title(), capacity, tuple(offers), **preferences)


def pairs_of(proposal):
    return [(i.innovator, i.partner) for i in proposal.introductions]


@pytest.mark.parametrize(
    "n, o, expected",
    [
        (need(), offer(), True),
        (need(type="Funding"), offer(), False),  # different types
        (need(type="funding "), offer(type="Funding"), True),  # case and spaces ignored
        (need(regions=["London"]), offer(), False),  # no shared region
        (need(regions=["London"]), offer(regions=["UK"]), True),  # the offer is national
        (need(regions=["UK"]), offer(regions=["London"]), True),  # the need is national
        (need(regions=[]), offer(regions=["London"]), True),  # no region: national
        (need(challenges=["Housing"]), offer(challenges=["Ageing"]), False),
        (need(challenges=["Housing"]), offer(challenges=["Ageing", "housing"]), True),
        (need(challenges=["Housing"]), offer(), True),  # the offer names no challenge
        (need(), offer(challenges=["Housing"]), True),  # the need names none
    ],
)
def test_compatibility(n, o, expected):
    compiler = Compiler()
    assert compatible(compiler.side(0, n, None), compiler.side(0, o, None)) is expected


def test_incompatible_pairs_are_never_proposed_even_with_room_and_minimums():
    proposal = propose(
        [
            innovator("acorn", need(regions=["London"]), minimum=2),
            innovator("birch", need(type="Funding"), minimum=2),
            innovator("cedar", need(challenges=["Housing"]), minimum=2),
        ],
        [partner("bank", offer(challenges=["Ageing"]))],
    )
    assert proposal.introductions == ()
    assert proposal.shortfall == 6


def test_excluded_pairs_are_never_proposed():
    innovators = [innovator(name, need()) for name in ("acorn", "birch")]
    partners = [partner("bank", offer()), partner("mint", offer())]
    assert len(propose(innovators, partners).introductions) == 4
    exclusions = {("acorn", "bank"), ("birch", "mint"), ("nobody", "bank"), ("acorn", "gone")}
    proposal = propose(innovators, partners, exclusions=exclusions)
    assert pairs_of(proposal) == [("acorn", "mint"), ("birch", "bank")]


def test_one_introduction_per_pair_with_the_best_need_and_offer():
    proposal = propose(
        [
            innovator(
                "acorn",
                need("n-weak", challenges=["Housing"]),
                need("n-strong", challenges=["Housing"], text="debt advice for tenants"),
            )
        ],
        [
            partner(
                "bank",
                offer("o-plain", challenges=["Housing"]),
                offer("o-match", challenges=["Housing"], text="debt advice volunteers"),
            )
        ],
    )
    assert len(proposal.introductions) == 1
    intro = proposal.introductions[0]
    assert (intro.need, intro.offer) == ("n-strong", "o-match")


def test_capacities_are_respected():
    innovators = [innovator(f"i{n}", need(), capacity=2, minimum=0) for n in range(6)]
    partners = [partner(f"p{n}", offer(), capacity=3) for n in range(3)]
    proposal = propose(innovators, partners)
    counts = {}
    for i, p in pairs_of(proposal):
        counts[i] = counts.get(i, 0) + 1
        counts[p] = counts.get(p, 0) + 1
    assert max(counts.get(f"i{n}", 0) for n in range(6)) <= 2
    assert [counts[f"p{n}"] for n in range(3)] == [3, 3, 3]
    assert len(proposal.introductions) == 9


def test_shortfall_comes_before_score_end_to_end():
    # Bank has one place. Acorn fits it best, but Birch has no other partner and a minimum.
    proposal = propose(
        [
            innovator("acorn", need(challenges=["Housing"], text="debt advice"), minimum=1),
            innovator("birch", need(regions=["London"]), minimum=1),
        ],
        [
            partner(
                "bank",
                offer(regions=["UK"], challenges=["Housing"], text="debt advice"),
                capacity=1,
            ),
            partner("mint", offer(), capacity=1),
        ],
    )
    assert pairs_of(proposal) == [("acorn", "mint"), ("birch", "bank")]
    assert proposal.shortfall == 0


EXAMPLE = dict(
    innovators=[
        innovator(
            "toolshed",
            need(
                challenges=["Financial inclusion"],
                text="Mentoring on debt advice for our tenants",
                amount=None,
            ),
            name="Toolshed",
        )
    ],
    partners=[
        partner(
            "barclays",
            offer(
                regions=["West Midlands", "London"],
                challenges=["Financial inclusion", "Employability"],
                text="Our debt advice team mentors social enterprises",
            ),
            name="Barclays",
            preferred_challenges=F(["Financial inclusion"]),
        )
    ],
)


def test_reasons_and_parts_of_the_worked_example():
    (intro,) = propose(**EXAMPLE).introductions
    assert intro.reasons == (
        "both work on financial inclusion in the West Midlands; "
        "Barclays offers mentoring or expertise, which Toolshed needs; "
        "both descriptions mention advice and debt; "
        "Barclays prefers innovators working on financial inclusion"
    )
    # Words: {mentoring, debt, advice, tenant} and {debt, advice, team, mentor, social,
    # enterprise}: 2 shared, cosine 2/sqrt(4*6). Size unknown: half. Preference: challenge
    # met, regions not stated (half): 0.75.
    assert intro.parts == {
        "type_fit": 40.0,
        "challenge_fit": 20.0,
        "region_overlap": 15.0,
        "text_similarity": round(10 * 2 / 24**0.5, 3),
        "size_fit": 5.0,
        "preference": 3.75,
    }
    assert intro.score == pytest.approx(sum(intro.parts.values()), abs=0.002)


def test_reasons_mention_only_the_parts_that_scored():
    (intro,) = propose(
        [innovator("acorn", need(regions=["London"], amount=Decimal(50000)), name="Acorn")],
        [partner("bank", offer(regions=["UK"], budget=Decimal("12500.50")), name="Bank")],
    ).introductions
    assert intro.reasons == (
        "Bank works across the UK; Bank offers mentoring or expertise, which Acorn needs; "
        "its budget of 12,500.50 covers 25% of the 50,000 asked for"
    )
    assert intro.parts["text_similarity"] == 0
    assert intro.parts["region_overlap"] == 7.5  # national only: half
    assert intro.parts["size_fit"] == pytest.approx(10 * 12500.5 / 50000, abs=0.001)


def test_weights_scale_scores_to_100():
    weights = Weights(
        type_fit=1, challenge_fit=0, region_overlap=1, text_similarity=0, size_fit=0, preference=0
    )
    (intro,) = propose(**EXAMPLE, weights=weights).introductions
    assert intro.score == 100
    assert intro.parts == dict.fromkeys(PARTS, 0.0) | {"type_fit": 50.0, "region_overlap": 50.0}


@pytest.mark.parametrize("values", [{"type_fit": -1}, dict.fromkeys(PARTS, 0)])
def test_bad_weights_are_refused(values):
    with pytest.raises(ValueError):
        Weights(**values)


def test_progress_is_reported_for_scoring_and_solving():
    calls = []
    propose(**EXAMPLE, progress=lambda stage, fraction: calls.append((stage, fraction)))
    stages = [stage for stage, _ in calls]
    assert stages[0] == "Scoring pairs" and stages[-1] == "Finding the best round"
    assert ("Scoring pairs", 1.0) in calls and calls[-1][1] == 1.0
    assert all(0 <= fraction <= 1 for _, fraction in calls)


# --- random rounds ----------------------------------------------------------------------

TYPES, REGIONS = ["Funding", MENTORING], ["London", "West Midlands", "North East", "UK"]
CHALLENGES, WORDS = ["Housing", "Ageing", "Employability"], "debt advice jobs homes care".split()


def random_round(rng, n_i, n_p):
    def pick(pool, most):
        return rng.sample(pool, rng.randint(0, most))

    def text():
        return " ".join(pick(WORDS, 3))

    def amount():
        return rng.choice([None, Decimal(rng.randrange(1, 9) * 1000)])

    innovators = [
        innovator(
            f"i{n}",
            *[
                need(
                    f"n{n}-{k}",
                    rng.choice(TYPES),
                    pick(REGIONS, 2),
                    pick(CHALLENGES, 2),
                    amount(),
                    text(),
                )
                for k in range(rng.randint(1, 2))
            ],
            capacity=rng.randint(0, 2),
            minimum=rng.randint(0, 2),
        )
        for n in range(n_i)
    ]
    partners = [
        partner(
            f"p{n}",
            *[
                offer(
                    f"o{n}-{k}",
                    rng.choice(TYPES),
                    pick(REGIONS, 2),
                    pick(CHALLENGES, 2),
                    amount(),
                    text(),
                )
                for k in range(rng.randint(1, 2))
            ],
            capacity=rng.randint(0, 3),
            preferred_challenges=F(pick(CHALLENGES, 1)),
            preferred_regions=F(pick(REGIONS, 1)),
        )
        for n in range(n_p)
    ]
    exclusions = {(i.id, p.id) for i in innovators for p in partners if rng.random() < 0.15}
    return innovators, partners, exclusions


def expected_pairs(innovators, partners, exclusions):
    """Brute force over every need and offer: the best score of each allowed pair."""
    compiler, scale = Compiler(), points(Weights())
    best = {}
    for i in innovators:
        for p in partners:
            if (i.id, p.id) in exclusions:
                continue
            for n in i.needs:
                for o in p.offers:
                    ns, os = compiler.side(0, n, n.amount), compiler.side(0, o, o.budget)
                    if compatible(ns, os):
                        s = score_of(ns, os, compiler.preferences(p), scale)
                        best[(i.id, p.id)] = max(best.get((i.id, p.id), 0), s)
    return best


@pytest.mark.parametrize("seed", range(30))
def test_random_rounds_match_brute_force(seed):
    rng = random.Random(seed)
    innovators, partners, exclusions = random_round(rng, rng.randint(1, 4), rng.randint(1, 3))
    best = expected_pairs(innovators, partners, exclusions)
    # The fast scoring loop finds exactly these pairs with exactly these scores.
    found = candidates(innovators, partners, Compiler(), points(Weights()), exclusions, None)
    numbers = zip(found.innovator, found.partner, strict=True)
    ids = [(innovators[i].id, partners[p].id) for i, p in numbers]
    assert dict(zip(ids, found.score, strict=True)) == best
    proposal = propose(innovators, partners, exclusions=exclusions)
    assert set(pairs_of(proposal)) <= set(best)
    for intro in proposal.introductions:
        assert intro.score == round(best[(intro.innovator, intro.partner)], 3)
    if len(best) <= 12:
        problem = Problem(
            [ProblemInnovator(i.id, i.capacity, i.min_introductions) for i in innovators],
            [ProblemPartner(p.id, p.capacity) for p in partners],
            [Pair(i, p, s) for (i, p), s in best.items()],
        )
        assert (proposal.shortfall, thousandths(proposal.objective)) == brute_force(problem)
    stable = propose(innovators, partners, exclusions=exclusions, mode="stable")
    assert stable.stable_cost >= 0
    assert propose(list(reversed(innovators)), partners, exclusions=exclusions) == proposal


def test_duplicate_ids_are_refused():
    with pytest.raises(ValueError, match="Duplicate partner id 'bank'"):
        propose([], [partner("bank", offer()), partner("bank", offer())])
