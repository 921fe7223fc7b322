"""Brokering records: partnerships, and the needs, offers and rounds that lead to them."""

from .partnerships import Partnership, PartnershipKind, PartnershipPartner
from .rounds import (
    BrokeringRound,
    Introduction,
    IntroductionStatus,
    Response,
    RoundInnovatorSetting,
    RoundMode,
    RoundStatus,
)
from .wants import Need, Offer, OpenStatus, SupportType

__all__ = [
    "BrokeringRound",
    "Introduction",
    "IntroductionStatus",
    "Need",
    "Offer",
    "OpenStatus",
    "Partnership",
    "PartnershipKind",
    "PartnershipPartner",
    "Response",
    "RoundInnovatorSetting",
    "RoundMode",
    "RoundStatus",
    "SupportType",
]
