"""score_pair(): one pair scored and explained exactly as propose() would (no database)."""

import random
from dataclasses import replace

import pytest

from partnerbase.matching import Weights, propose, score_pair

from .test_propose import innovator, need, offer, partner, random_round


@pytest.mark.parametrize("seed", range(30))
def test_a_pair_scores_as_the_engine_scores_it(seed):
    rng = random.Random(seed)
    innovators, partners, _ = random_round(rng, rng.randint(1, 4), rng.randint(1, 3))
    weights = Weights(type_fit=rng.randint(1, 50), text_similarity=rng.randint(0, 30))
    # Room for every pair, so the engine proposes (and explains) each compatible one.
    roomy = [replace(i, capacity=len(partners), min_introductions=0) for i in innovators]
    wide = [replace(p, capacity=len(innovators)) for p in partners]
    proposal = propose(roomy, wide, weights=weights)
    proposed = {(x.innovator, x.partner): x for x in proposal.introductions}
    for i in roomy:
        for p in wide:
            alone = score_pair(i, p, weights=weights)
            if alone is None:
                assert (i.id, p.id) not in proposed
            elif (i.id, p.id) in proposed:
                assert alone == proposed[(i.id, p.id)]
            else:  # left out only if its score is 0 and adds nothing
                assert alone.score == 0


def test_the_best_need_and_offer_with_reasons():
    shed = innovator(
        "i",
        need("n1", challenges=("Housing",), text="debt advice"),
        need("n2", type="Funding"),
        name="Toolshed",
    )
    bank = partner(
        "p",
        offer("o1", challenges=("Housing",), text="debt advice"),
        offer("o2", type="Funding", regions=("London",)),
        name="Barclays",
    )
    found = score_pair(shed, bank)
    assert (found.need, found.offer) == ("n1", "o1")
    assert found.score == pytest.approx(sum(found.parts.values()), abs=0.01)
    assert found.reasons.startswith("both work on housing in the West Midlands")
    assert "Barclays offers mentoring or expertise, which Toolshed needs" in found.reasons


def test_no_compatible_need_and_offer():
    shed = innovator("i", need("n", type="Funding"))
    bank = partner("p", offer("o", type="Funding", regions=("London",)))
    assert score_pair(shed, bank) is None
    assert score_pair(shed, partner("q")) is None  # a partner with no offers
