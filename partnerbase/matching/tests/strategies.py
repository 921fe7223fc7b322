"""Random problems for the property tests."""

from hypothesis import strategies as st

from partnerbase.matching import Pair, Problem, ProblemInnovator, ProblemPartner


@st.composite
def problems(draw, max_innovators=4, max_partners=4, max_pairs=12, integral=False):
    n_i = draw(st.integers(1, max_innovators))
    n_p = draw(st.integers(1, max_partners))
    innovators = [
        ProblemInnovator(f"i{n}", draw(st.integers(0, 3)), draw(st.integers(0, 3)))
        for n in range(n_i)
    ]
    partners = [ProblemPartner(f"p{n}", draw(st.integers(0, 3))) for n in range(n_p)]
    every = [(i.id, p.id) for i in innovators for p in partners]
    chosen = draw(st.lists(st.sampled_from(every), unique=True, max_size=max_pairs))
    # Few distinct scores, so that ties (where solvers may differ) come up often.
    score = st.integers(0, 10) if integral else st.sampled_from([0, 12.5, 40, 40.001, 77.25, 100])
    pairs = [Pair(i, p, float(draw(score))) for i, p in chosen]
    return Problem(innovators, partners, pairs)
