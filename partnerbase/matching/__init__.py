"""The brokering engine: proposes introductions between innovators and partners.

Pure Python: nothing here imports Django (see docs/algorithms/brokering.md). The exact
optimisation uses OR-Tools' network-flow solvers, imported only when a round is solved.
"""

from .model import (
    PARTS,
    InnovatorIn,
    Introduction,
    Need,
    Offer,
    PartnerIn,
    Proposal,
    Weights,
)
from .pair import score_pair
from .problem import (
    Pair,
    Problem,
    ProblemError,
    ProblemInnovator,
    ProblemPartner,
    Solution,
    parse_problem,
    solve,
)
from .propose import propose

__all__ = [
    "PARTS",
    "InnovatorIn",
    "Introduction",
    "Need",
    "Offer",
    "Pair",
    "PartnerIn",
    "Problem",
    "ProblemError",
    "ProblemInnovator",
    "ProblemPartner",
    "Proposal",
    "Solution",
    "Weights",
    "parse_problem",
    "propose",
    "score_pair",
    "solve",
]
