"""Whether a figure meets its target. Pure Python."""

from datetime import date
from decimal import Decimal

EXCEEDED, MET, ON_TRACK, BEHIND, NO_TARGET, UNAVAILABLE = (
    "exceeded",
    "met",
    "on_track",
    "behind",
    "no_target",
    "unavailable",
)

LABELS = {
    EXCEEDED: "Exceeded",
    MET: "Met",
    ON_TRACK: "On track",
    BEHIND: "Behind",
    NO_TARGET: "No target set",
    UNAVAILABLE: "Cannot be computed",
}


def elapsed_fraction(starts_on: date, ends_on: date | None, at: date) -> Decimal:
    """How much of the programme has passed at `at`, from 0 to 1 (1 if it has no end)."""
    if ends_on is None or at >= ends_on:
        return Decimal(1)
    if at <= starts_on:
        return Decimal(0)
    return Decimal((at - starts_on).days) / Decimal((ends_on - starts_on).days)


def figure_status(value: Decimal, target: Decimal | None, fraction: Decimal) -> str:
    """Exceeded or met against the whole target; otherwise on track if the value has reached
    the share of the target that the elapsed share of the programme calls for."""
    if target is None:
        return NO_TARGET
    if value > target:
        return EXCEEDED
    if value == target:
        return MET
    return ON_TRACK if value >= target * fraction else BEHIND
