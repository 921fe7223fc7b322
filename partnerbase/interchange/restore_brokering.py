"""A brokering round's results and its introductions, written as the file has them.

The services reach these states only by running the matching engine, or by sending
introductions (which makes each one's partnership) and recording answers (which moves it).
Partnerships are imported first, with their own stages and dates, so an introduction is
linked to its partnership by id instead: replaying the sending would make a second one.
An innovator's limits in a round are written as stored too: the service changes them only
while the round is a draft or has proposals ready, and the file's round may be sent already.
The rules the services keep are checked here, so a file cannot hold what they never make.
"""

from decimal import Decimal

from partnerbase.brokering.models import (
    BrokeringRound,
    Introduction,
    IntroductionStatus,
    Response,
    RoundInnovatorSetting,
    RoundStatus,
)
from partnerbase.brokering.models.rounds import SENT_STATUSES
from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_save
from partnerbase.core.services import same_programme

from .format import parse_date, parse_datetime

REASON = "Restored from an interchange file"
SIDES = ("innovator", "partner")
RESULTS = ("objective", "shortfall", "optimal", "stable_cost")


def _decimal(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def round_restore(*, actor, round: BrokeringRound, record: dict) -> BrokeringRound:
    """Give a just-created round the file's status, run time, sending date and results."""
    status = record.get("status", RoundStatus.DRAFT)
    run_at, sent_on = parse_datetime(record.get("run_at")), parse_date(record.get("sent_on"))
    if (status == RoundStatus.SENT) != bool(sent_on):
        raise DomainError(
            "A sent round has the date it was sent, and no other does.", field="sent_on"
        )
    if status == RoundStatus.RUN and not run_at:
        raise DomainError("A round with proposals ready has the time it ran.", field="run_at")
    results = {name: record.get(name) for name in RESULTS}
    if not run_at and any(value is not None for value in results.values()):
        raise DomainError("Only a round that ran has results.", field="run_at")
    if status == RoundStatus.DRAFT and not run_at:
        return round  # just as round_create left it
    round.status, round.run_at, round.sent_on = status, run_at, sent_on
    round.objective = _decimal(results["objective"])
    round.stable_cost = _decimal(results["stable_cost"])
    round.shortfall, round.optimal = results["shortfall"], results["optimal"]
    return record_save(round, actor=actor, reason=REASON)


def _check_answers(record: dict, sent: bool) -> None:
    for side in SIDES:
        answered = record.get(f"{side}_response", Response.PENDING) != Response.PENDING
        if answered and not sent:
            raise DomainError("Only a sent introduction is answered.", field=f"{side}_response")
        if answered != bool(record.get(f"{side}_responded_on")):
            raise DomainError(
                "An answer has the date it was given, and only an answer does.",
                field=f"{side}_responded_on",
            )


def _answers(record: dict) -> dict:
    answers = {}
    for side in SIDES:
        answers[f"{side}_response"] = record.get(f"{side}_response", Response.PENDING)
        answers[f"{side}_reason"] = record.get(f"{side}_reason", "")
        answers[f"{side}_responded_on"] = parse_date(record.get(f"{side}_responded_on"))
    return answers


def _check_partnership(partnership, innovator, partner) -> None:
    if partnership is None:
        return
    if (
        partnership.innovator_id != innovator.pk
        or not partnership.partners.filter(organisation=partner).exists()
    ):
        raise DomainError(
            f"{partnership} is not between {innovator} and {partner}.", field="partnership"
        )


def introduction_restore(
    *, actor, round: BrokeringRound, record: dict, innovator, partner, need, offer, partnership
) -> Introduction:
    """An introduction with its stored score, status and answers, linked to its partnership."""
    if innovator.pk == partner.pk:
        raise DomainError("An organisation cannot be introduced to itself.", field="partner")
    if need is not None and need.innovator_id != innovator.pk:
        raise DomainError(f"That need is not {innovator}'s.", field="need")
    if offer is not None and offer.partner_id != partner.pk:
        raise DomainError(f"That offer is not {partner}'s.", field="offer")
    status = record.get("status", IntroductionStatus.PROPOSED)
    sent = status in SENT_STATUSES
    if sent != bool(record.get("sent_on")):
        raise DomainError(
            "A sent, accepted or declined introduction has the date it was sent, and no "
            "other does.",
            field="sent_on",
        )
    _check_answers(record, sent)
    _check_partnership(partnership, innovator, partner)
    introduction = Introduction(
        programme=round.programme,
        round=round,
        innovator=innovator,
        partner=partner,
        need=need,
        offer=offer,
        score=_decimal(record.get("score")),
        parts=record.get("parts", {}),
        reasons=record.get("reasons", ""),
        status=status,
        sent_on=parse_date(record.get("sent_on")),
        partnership=partnership,
        illustrative=record.get("illustrative", False),
        uid=record["id"],
        **_answers(record),
    )
    return record_save(introduction, actor=actor, reason=REASON)


def setting_restore(*, actor, round: BrokeringRound, innovator, record: dict):
    """An innovator's limits in a round, whatever the round's status; the model's checks
    (0 to 50, the fewest not above the most, one per innovator and round) still hold."""
    same_programme(round.programme, innovator=innovator)
    setting = RoundInnovatorSetting(
        round=round,
        innovator=innovator,
        capacity=record["capacity"],
        min_introductions=record["min_introductions"],
        illustrative=record.get("illustrative", False),
        uid=record["id"],
    )
    return record_save(setting, actor=actor, reason=REASON)
