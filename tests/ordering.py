"""The order tests start in, so that the long ones end together on every worker.

pytest-xdist's work stealing (`make test`) first hands the collected tests out in order, in
one contiguous share per worker (`len(pending) // workers_left` each), and an idle worker
later steals from the tail of a busy one's queue. Put the long tests simply first and they
all fall in the first worker's share and run one after another there, however many workers
there are: the suite lasts at least as long as all of them together. So each worker's share
starts with its turn of the long tests (dealt round-robin, longest first), then short ones.
"""

from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def share_sizes(count: int, workers: int) -> list[int]:
    """How many tests each worker gets in the first hand-out (xdist's worksteal rule)."""
    sizes = []
    for left in range(workers, 0, -1):
        sizes.append(count // left)
        count -= sizes[-1]
    return sizes


def start_order(long: Sequence[T], short: Sequence[T], workers: int) -> list[T]:
    """`long` (longest first) dealt out to the heads of the workers' shares, `short`
    filling the rest of each share in its own order."""
    if workers <= 1:
        return [*long, *short]
    order: list[T] = []
    rest = list(short)
    for worker, size in enumerate(share_sizes(len(long) + len(short), workers)):
        mine = list(long[worker::workers])
        take = max(0, size - len(mine))
        order += mine + rest[:take]
        rest = rest[take:]
    return order + rest
