"""Sending a round's introductions and hearing back from each side.

A sent introduction is a partnership at stage "introduced"; both sides accepting moves it
to "in discussion"; either side declining declines it, which keeps the pair out of later
rounds (inputs.excluded_pair_ids).
"""

import uuid
from datetime import date

from django.db import transaction

from partnerbase.core.errors import DomainError
from partnerbase.core.history import on_behalf_of, record_save, recorded_reason
from partnerbase.directory.models import Organisation

from ..models import BrokeringRound, Introduction, IntroductionStatus, Response, SupportType
from ..models.rounds import TO_SEND, RoundStatus
from ..stages import ENDED_STAGES, Stage
from .notices import introduction_answer_notify, introduction_sent_notify
from .partnerships import partnership_create, partnership_move

SIDES = ("innovator", "partner")


def broker_of(programme):
    """The accelerator's delivery partner brokers the introductions (e.g. Nesta), if any:
    that of the programme's first accelerator to start that has one."""
    return (
        Organisation.objects.filter(accelerators_delivered__programme=programme)
        .order_by("accelerators_delivered__starts_on", "accelerators_delivered__pk")
        .first()
    )


def _kind(introduction: Introduction) -> str:
    source = introduction.need or introduction.offer
    return SupportType(source.type).partnership_kind if source else "other"


@transaction.atomic
def introduction_send(
    *,
    actor,
    introduction: Introduction,
    on: date,
    proposed_on: date | None = None,
    brokered_by=None,
    name: str = "",
    partnership_uid=None,
) -> Introduction:
    """Make the introduction: a partnership proposed (by default when the round ran) and
    introduced on `on`. The partnership's uid derives from the introduction's unless given,
    so a rebuilt or re-imported programme gets the same ids."""
    if introduction.status not in TO_SEND:
        raise DomainError(f"{introduction} is {introduction.get_status_display().lower()}.")
    round = introduction.round
    if proposed_on is None:
        proposed_on = min(on, timezone_date(round.run_at) or on)
    partnership = partnership_create(
        actor=actor,
        programme=introduction.programme,
        name=name or f"{introduction.innovator.name} and {introduction.partner.name}",
        kind=_kind(introduction),
        proposed_on=proposed_on,
        innovator=introduction.innovator,
        partners=[introduction.partner],
        brokered_by=brokered_by if brokered_by is not None else broker_of(round.programme),
        description=introduction.reasons,
        illustrative=introduction.illustrative,
        uid=partnership_uid or uuid.uuid5(introduction.uid, "partnership"),
    )
    partnership_move(actor=actor, partnership=partnership, stage=Stage.INTRODUCED, on=on)
    introduction.partnership = partnership
    introduction.status = IntroductionStatus.SENT
    introduction.sent_on = on
    record_save(introduction, actor=actor, reason="Sent")
    introduction_sent_notify(actor=actor, introduction=introduction)
    return introduction


def timezone_date(moment) -> date | None:
    return moment.date() if moment else None


@transaction.atomic
def round_send(*, actor, round: BrokeringRound, on: date) -> BrokeringRound:
    """Send every introduction still to go (some may have gone out already, one by one)."""
    if round.status != RoundStatus.REVIEWED:
        raise DomainError("Review the proposals before sending them.")
    broker = broker_of(round.programme)
    for introduction in round.introductions.filter(status__in=TO_SEND).select_related(
        "innovator", "partner", "need", "offer", "round"
    ):
        introduction_send(actor=actor, introduction=introduction, on=on, brokered_by=broker)
    round.status, round.sent_on = RoundStatus.SENT, on
    return record_save(round, actor=actor, reason="Sent")


@transaction.atomic
def introduction_respond(
    *,
    actor,
    introduction: Introduction,
    side: str,
    accept: bool,
    reason: str = "",
    on: date,
    recorded_for: str = "",
) -> Introduction:
    """One side's answer. Both accepting opens the discussion; a decline ends it.
    `recorded_for` names whom the actor answers for, when it is not their own answer."""
    if side not in SIDES:
        raise DomainError(f"Answer for the innovator or the partner, not {side}.", field="side")
    partnership = introduction.partnership
    if introduction.status != IntroductionStatus.SENT or partnership is None:
        raise DomainError("This introduction is not waiting for an answer.")
    if Stage(partnership.stage) in ENDED_STAGES:
        stage = Stage(partnership.stage).label.lower()
        raise DomainError(f"The partnership is {stage}: it is too late to answer.")
    if getattr(introduction, f"{side}_response") != Response.PENDING:
        raise DomainError("This side has already answered.")
    reason = reason.strip()
    if not accept and not reason:
        raise DomainError("Say why the introduction is declined.", field="reason")
    if introduction.sent_on and on < introduction.sent_on:
        raise DomainError(
            f"The answer must be on or after {introduction.sent_on:%-d %B %Y}.", field="on"
        )
    setattr(introduction, f"{side}_response", Response.ACCEPTED if accept else Response.DECLINED)
    setattr(introduction, f"{side}_reason", reason)
    setattr(introduction, f"{side}_responded_on", on)
    if not accept:
        introduction.status = IntroductionStatus.DECLINED
        partnership.description = _with_line(
            partnership.description, f"Declined by the {side}: {reason}"
        )
        partnership_move(actor=actor, partnership=partnership, stage=Stage.DECLINED, on=on)
    elif introduction.innovator_response == introduction.partner_response == Response.ACCEPTED:
        introduction.status = IntroductionStatus.ACCEPTED
        partnership_move(actor=actor, partnership=partnership, stage=Stage.IN_DISCUSSION, on=on)
    verb = "Accepted" if accept else "Declined"
    said = recorded_reason(f"{verb} by the {side}", actor=actor, recorded_for=recorded_for)
    record_save(introduction, actor=actor, reason=said)
    introduction_answer_notify(actor=actor, introduction=introduction, side=side, accept=accept)
    return introduction


@transaction.atomic
def introduction_answer_record(
    *,
    actor,
    introduction: Introduction,
    side: str,
    accept: bool,
    reason: str = "",
    on: date,
    answered_by: str = "",
) -> Introduction:
    """The brokering team records one side's answer given outside Partnerbase (by email,
    on the phone), for someone without an account; `answered_by` names the person, if
    known. The history says "Recorded by <actor> for <person> of <organisation>"."""
    if side not in SIDES:
        raise DomainError(f"Answer for the innovator or the partner, not {side}.", field="side")
    whom = on_behalf_of(answered_by, getattr(introduction, side))
    return introduction_respond(
        actor=actor,
        introduction=introduction,
        side=side,
        accept=accept,
        reason=reason,
        on=on,
        recorded_for=whom,
    )


def _with_line(text: str, line: str) -> str:
    return f"{text}\n\n{line}" if text else line
