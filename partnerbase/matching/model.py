"""What the engine reads and what it proposes (the API the brokering app calls)."""

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Need:
    """Something an innovator asks for. `type`, `regions` and `challenges` are display names
    ("Mentoring or expertise", "West Midlands", "Financial inclusion"); reasons quote them."""

    id: str
    type: str
    regions: frozenset[str]
    challenges: frozenset[str]
    amount: Decimal | None
    description: str


@dataclass(frozen=True)
class Offer:
    """Something a partner offers; `budget` is compared with a need's `amount`."""

    id: str
    type: str
    regions: frozenset[str]
    challenges: frozenset[str]
    budget: Decimal | None
    description: str


@dataclass(frozen=True)
class InnovatorIn:
    id: str
    name: str
    capacity: int  # at most this many introductions in the round
    min_introductions: int  # fewer than this counts towards the shortfall
    needs: tuple[Need, ...]


@dataclass(frozen=True)
class PartnerIn:
    id: str
    name: str
    capacity: int
    offers: tuple[Offer, ...]
    preferred_challenges: frozenset[str] = frozenset()
    preferred_regions: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Weights:
    """Points each part can earn; a pair's score is scaled so that it lies between 0 and 100
    whatever the weights add up to."""

    type_fit: float = 40
    challenge_fit: float = 20
    region_overlap: float = 15
    text_similarity: float = 10
    size_fit: float = 10
    preference: float = 5

    def __post_init__(self):
        values = [getattr(self, name) for name in PARTS]
        if any(not isinstance(v, int | float) or v < 0 or v != v for v in values):
            raise ValueError("Weights must be numbers of at least 0.")
        if sum(values) <= 0:
            raise ValueError("At least one weight must be above 0.")


# The scoring parts, in the order reasons mention them.
PARTS = (
    "type_fit",
    "challenge_fit",
    "region_overlap",
    "text_similarity",
    "size_fit",
    "preference",
)


@dataclass(frozen=True)
class Introduction:
    innovator: str
    partner: str
    need: str
    offer: str
    score: float  # 0-100, rounded to 1/1000: the value the optimisation used
    parts: dict[str, float] = field(hash=False)  # points per part; they add up to `score`
    reasons: str


@dataclass(frozen=True)
class Proposal:
    introductions: tuple[Introduction, ...]
    objective: float  # total score
    shortfall: int  # sum over innovators of max(0, min_introductions - introductions)
    optimal: bool  # the introductions reach the exact optimum (lowest shortfall, then score)
    mode: str  # "optimal" or "stable"
    stable_cost: float | None  # in stable mode: the score given up for stability
