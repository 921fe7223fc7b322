"""Writes for brokering, one module per record family; everything is importable from here."""

from .hand import NO_MATCH, introduction_add_by_hand, pair_score
from .introductions import (
    SIDES,
    broker_of,
    introduction_answer_record,
    introduction_respond,
    introduction_send,
    round_send,
)
from .limits import round_innovator_limits_update, round_innovator_setting_set
from .partnerships import STAGE_DATES, partnership_create, partnership_move
from .rounds import (
    introduction_remove,
    round_create,
    round_review,
    round_run,
    round_start,
)
from .wants import (
    need_create,
    need_update,
    offer_create,
    offer_pledge_link,
    offer_update,
    want_close,
)

__all__ = [
    "NO_MATCH",
    "SIDES",
    "STAGE_DATES",
    "broker_of",
    "introduction_add_by_hand",
    "introduction_answer_record",
    "introduction_remove",
    "introduction_respond",
    "introduction_send",
    "need_create",
    "need_update",
    "offer_create",
    "offer_pledge_link",
    "offer_update",
    "pair_score",
    "partnership_create",
    "partnership_move",
    "round_create",
    "round_innovator_limits_update",
    "round_innovator_setting_set",
    "round_review",
    "round_run",
    "round_send",
    "round_start",
    "want_close",
]
