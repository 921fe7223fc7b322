"""How a working group's idea moves: idea → shortlisted → became a project / parked.

Pure Python (no Django), so the rules are tested on their own in milliseconds. A parked
idea can be brought back as an idea; "became a project" is final, and only a shortlisted
idea can become one (the group chooses before it builds).
"""

IDEA = "idea"
SHORTLISTED = "shortlisted"
BECAME_PROJECT = "became_project"
PARKED = "parked"

LABELS = {
    IDEA: "Idea",
    SHORTLISTED: "Shortlisted",
    BECAME_PROJECT: "Became a project",
    PARKED: "Parked",
}
ORDER = [IDEA, SHORTLISTED, BECAME_PROJECT, PARKED]

MOVES: dict[str, frozenset[str]] = {
    IDEA: frozenset({SHORTLISTED, PARKED}),
    SHORTLISTED: frozenset({BECAME_PROJECT, PARKED, IDEA}),
    PARKED: frozenset({IDEA}),
    BECAME_PROJECT: frozenset(),
}


class InvalidMove(ValueError):
    """The idea cannot go from its status to the one asked for; `field` is the input at
    fault ("status" or "project")."""

    def __init__(self, message: str, field: str = "status"):
        super().__init__(message)
        self.field = field


def next_statuses(current: str) -> list[str]:
    """Where an idea in `current` may go next, in display order."""
    if current not in MOVES:
        raise InvalidMove(f"Unknown status {current!r}.")
    return [s for s in ORDER if s in MOVES[current]]


def check_move(current: str, new: str, *, has_project: bool) -> None:
    """Raise InvalidMove unless an idea may go from `current` to `new`; an idea that becomes
    a project must name it, and only then may it name one."""
    if new not in MOVES:
        raise InvalidMove(f"Unknown status {new!r}.")
    if new not in next_statuses(current):
        if current == BECAME_PROJECT:
            raise InvalidMove("This idea became a project: it cannot move again.")
        raise InvalidMove(
            f"An idea that is {LABELS[current].lower()} cannot move to “{LABELS[new].lower()}”."
        )
    if new == BECAME_PROJECT and not has_project:
        raise InvalidMove("Choose the project the idea became.", "project")
    if new != BECAME_PROJECT and has_project:
        raise InvalidMove("Only an idea that became a project links to one.", "project")
