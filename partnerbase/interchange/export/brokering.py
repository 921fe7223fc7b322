"""A brokering round's status and weights, as the file keeps them."""

from partnerbase.brokering.models import BrokeringRound, RoundStatus
from partnerbase.brokering.models.rounds import WEIGHT_FIELDS


def round_status(r: BrokeringRound) -> str:
    # A run in progress is not a state to restore: write the round as it was before it.
    if r.status == RoundStatus.RUNNING:
        return RoundStatus.RUN if r.run_at else RoundStatus.DRAFT
    return r.status


def round_weights(r: BrokeringRound) -> dict:
    return {name: getattr(r, f"weight_{name}") for name in WEIGHT_FIELDS}
