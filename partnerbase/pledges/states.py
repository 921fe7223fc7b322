"""A pledge's life: pledged → confirmed → delivered / lapsed. Pure Python, no Django.

A pledge is delivered when its delivery records reach the quantity pledged: there is no
"mark delivered" move, so "delivered" always means the records add up. A delivery may be
partial; it is recorded only on a confirmed pledge and never for more than is left (pledge
more, by changing the quantity, if an organisation gives more). A pledge that will not be
delivered in full is lapsed, from pledged or confirmed; what was delivered before stays on
record. Delivered and lapsed are final.
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

PLEDGED = "pledged"
CONFIRMED = "confirmed"
DELIVERED = "delivered"
LAPSED = "lapsed"

STATUSES = (PLEDGED, CONFIRMED, DELIVERED, LAPSED)
LABELS = {PLEDGED: "Pledged", CONFIRMED: "Confirmed", DELIVERED: "Delivered", LAPSED: "Lapsed"}
# Moves a person makes; DELIVERED is reached only by recording deliveries.
MOVES = {
    PLEDGED: {CONFIRMED, LAPSED},
    CONFIRMED: {DELIVERED, LAPSED},
    DELIVERED: set(),
    LAPSED: set(),
}
OPEN = (PLEDGED, CONFIRMED)


class InvalidMove(ValueError):
    """A move the pledge's status does not allow; `field` names the input at fault."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


def check_move(current: str, target: str) -> None:
    if current not in MOVES:
        raise InvalidMove(f"Unknown status {current!r}.", "status")
    if target not in MOVES[current]:
        now, then = LABELS[current].lower(), LABELS.get(target, target).lower()
        raise InvalidMove(f"A {now} pledge cannot become {then}.", "status")


def is_open(status: str) -> bool:
    return status in OPEN


def is_overdue(status: str, due_on: date | None, today: date) -> bool:
    """Due date passed and neither delivered nor lapsed."""
    return status in OPEN and due_on is not None and due_on < today


@dataclass(frozen=True)
class Delivery:
    """The outcome of recording one delivery."""

    value_minor: int | None  # its share of the estimated value; None if the pledge has none
    status: str  # the pledge's status afterwards


def record_delivery(
    *,
    status: str,
    quantity: Decimal,
    delivered_quantity: Decimal,
    value_minor: int | None,
    delivered_value_minor: int,
    amount: Decimal,
) -> Delivery:
    """Check a delivery of `amount` against a pledge of `quantity` of which
    `delivered_quantity` is delivered, and give its value and the new status.

    Each delivery carries its share of the estimated value, rounded half up to the minor
    unit; the delivery that completes the pledge takes the remainder, so the values of a
    delivered pledge add up to its estimated value exactly."""
    if status != CONFIRMED:
        if status == PLEDGED:
            raise InvalidMove("Confirm the pledge before recording a delivery.", "status")
        raise InvalidMove(f"The pledge is {LABELS[status].lower()}: nothing more can be delivered.")
    if amount <= 0:
        raise InvalidMove("The quantity delivered must be more than 0.", "quantity")
    left = quantity - delivered_quantity
    if amount > left:
        raise InvalidMove(
            f"That is more than is left to deliver ({_plain(left)}).",
            "quantity",
        )
    completes = amount == left
    value = None
    if value_minor is not None:
        if completes:
            value = value_minor - delivered_value_minor
        else:
            share = Decimal(value_minor) * amount / quantity
            value = int(share.quantize(Decimal(1), rounding=ROUND_HALF_UP))
            # Never more than is left of the value, whatever the rounding did before.
            value = min(value, value_minor - delivered_value_minor)
    return Delivery(value, DELIVERED if completes else CONFIRMED)


def check_quantity(quantity: Decimal, delivered_quantity: Decimal) -> None:
    """A changed quantity: more than 0 and not less than what is already delivered."""
    if quantity <= 0:
        raise InvalidMove("The quantity must be more than 0.", "quantity")
    if quantity < delivered_quantity:
        raise InvalidMove(
            f"The quantity cannot be less than what is already delivered "
            f"({_plain(delivered_quantity)}).",
            "quantity",
        )


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")
