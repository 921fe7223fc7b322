"""The champion-targeting pipeline and its allowed moves. Pure Python: no Django.

long list → targeted → meeting arranged → met → committed / declined. A prospect may step
back one stage when plans change (a meeting cancelled, a target put back on the long list)
and a declined prospect may be put back on the long list later. Committed is final: it is
reached only by committing the prospect to the board, which gives them a seat.
"""

from enum import StrEnum


class Stage(StrEnum):
    LONG_LIST = "long_list"
    TARGETED = "targeted"
    MEETING_ARRANGED = "meeting_arranged"
    MET = "met"
    COMMITTED = "committed"
    DECLINED = "declined"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


ALLOWED_MOVES = {
    Stage.LONG_LIST: {Stage.TARGETED, Stage.DECLINED},
    Stage.TARGETED: {Stage.MEETING_ARRANGED, Stage.LONG_LIST, Stage.DECLINED},
    Stage.MEETING_ARRANGED: {Stage.MET, Stage.TARGETED, Stage.DECLINED},
    Stage.MET: {Stage.COMMITTED, Stage.DECLINED},
    Stage.COMMITTED: set(),
    Stage.DECLINED: {Stage.LONG_LIST},
}


class InvalidMove(ValueError):
    """A move the pipeline does not allow; the message says why, in words for the page."""


def next_stages(current: str) -> list[Stage]:
    """The stages a prospect at `current` may move to, in pipeline order."""
    allowed = ALLOWED_MOVES[Stage(current)]
    return [s for s in Stage if s in allowed]


def check_move(current: str, target: str) -> Stage:
    """The target stage, if the move is allowed; otherwise InvalidMove saying why."""
    try:
        current, target = Stage(current), Stage(target)
    except ValueError as exc:
        raise InvalidMove(f"{exc.args[0]}") from None
    if current == target:
        raise InvalidMove(f"The prospect is already at “{current.label.lower()}”.")
    if target not in ALLOWED_MOVES[current]:
        if current == Stage.COMMITTED:
            raise InvalidMove("The prospect has committed and has a board seat; it cannot move.")
        allowed = " or ".join(f"“{s.label.lower()}”" for s in next_stages(current))
        raise InvalidMove(
            f"A prospect cannot move from “{current.label.lower()}” to "
            f"“{target.label.lower()}”; from here it can move to {allowed}."
        )
    return target
