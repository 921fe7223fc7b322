"""The partnership pipeline and its allowed moves. Pure Python."""

from enum import StrEnum


class Stage(StrEnum):
    PROPOSED = "proposed"
    INTRODUCED = "introduced"
    IN_DISCUSSION = "in_discussion"
    CONFIRMED = "confirmed"
    ACTIVE = "active"
    COMPLETED = "completed"
    DECLINED = "declined"
    LAPSED = "lapsed"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @classmethod
    def choices_list(cls):
        return [(s.value, s.label) for s in cls]


# Stages that count as a confirmed partnership (DESIGN.md, "partnerships confirmed").
CONFIRMED_STAGES = (Stage.CONFIRMED, Stage.ACTIVE, Stage.COMPLETED)
ENDED_STAGES = (Stage.COMPLETED, Stage.DECLINED, Stage.LAPSED)

ALLOWED_MOVES = {
    Stage.PROPOSED: {Stage.INTRODUCED, Stage.DECLINED, Stage.LAPSED},
    Stage.INTRODUCED: {Stage.IN_DISCUSSION, Stage.CONFIRMED, Stage.DECLINED, Stage.LAPSED},
    Stage.IN_DISCUSSION: {Stage.CONFIRMED, Stage.DECLINED, Stage.LAPSED},
    Stage.CONFIRMED: {Stage.ACTIVE, Stage.COMPLETED, Stage.LAPSED},
    Stage.ACTIVE: {Stage.COMPLETED, Stage.LAPSED},
    Stage.COMPLETED: set(),
    Stage.DECLINED: set(),
    Stage.LAPSED: set(),
}


def can_move(current: str, target: str) -> bool:
    return Stage(target) in ALLOWED_MOVES[Stage(current)]
