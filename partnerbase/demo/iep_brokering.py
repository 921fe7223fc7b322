"""The IEP's brokering, recorded through the brokering services: the innovators' needs, the
partners' offers, one round of 230 introductions made by hand (Nesta brokered them before
there was an engine), the answers, and the partnerships they became.

`Builder._partnerships` (iep.py) draws the plan — pairs, dates, values and outcomes — and
this module records it, so the headline figures come out exactly as the IEP reported them.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from partnerbase.brokering import services as brokering
from partnerbase.brokering.models import SupportType
from partnerbase.brokering.stages import Stage

from . import iep_data as data

LAST_DAY = date(2018, 9, 30)
ACTIVE_BY = date(2018, 9, 28)


@dataclass(frozen=True)
class Planned:
    """One introduction of the plan and what became of it."""

    n: int
    innovator: str
    partner: str
    kind: str  # a partnership kind
    name: str
    introduced: date
    illustrative: bool
    outcome: Stage
    confirmed_on: date | None = None
    value: Decimal | None = None

    @property
    def type(self) -> str:
        return SupportType.PREMISES if self.kind == "in_kind" else self.kind

    @property
    def answered_on(self) -> date:
        # Confirmed partnerships were agreed to within a week; the rest within a month.
        if self.outcome == Stage.CONFIRMED:
            return self.introduced + timedelta(7)
        return min(self.introduced + timedelta(30), LAST_DAY)


def build_brokering(builder, plan: list[Planned], uid) -> None:
    """Record `plan` in `builder`'s programme; `uid(*parts)` gives the fixed ids."""
    a, p, orgs = builder.actor, builder.programme, builder.orgs
    challenges = {key: builder.challenges[ch] for key, _, _, ch, *_ in data.INNOVATORS}
    needs, offers = {}, {}
    wanted = Counter((x.partner, x.type) for x in plan)
    for x in plan:
        if (x.innovator, x.type) not in needs:
            named = data.NAMED_NEEDS.get((x.innovator, x.type))
            description, amount = named or (_need_text(orgs[x.innovator].name, x.type), None)
            needs[x.innovator, x.type] = brokering.need_create(
                actor=a,
                programme=p,
                innovator=orgs[x.innovator],
                type=x.type,
                challenge_area=challenges[x.innovator],
                description=description,
                amount=Decimal(amount) if amount else None,
                recorded_on=date(2018, 2, 1),
                illustrative=named is None,
                uid=uid("need", x.innovator, x.type),
            )
        if (x.partner, x.type) not in offers:
            named = data.NAMED_OFFERS.get((x.partner, x.type))
            offers[x.partner, x.type] = brokering.offer_create(
                actor=a,
                programme=p,
                partner=orgs[x.partner],
                type=x.type,
                capacity=wanted[x.partner, x.type],
                description=named or f"{SupportType(x.type).label} for social innovators.",
                recorded_on=date(2018, 1, 15),
                illustrative=named is None,
                uid=uid("offer", x.partner, x.type),
            )
    per_innovator = Counter(x.innovator for x in plan)
    round = brokering.round_create(
        actor=a,
        programme=p,
        name="IEP accelerator introductions, 2018",
        innovator_capacity=max(per_innovator.values()),
        min_introductions=1,
        uid=uid("round", "2018"),
    )
    introductions = [
        brokering.introduction_add_by_hand(
            actor=a,
            round=round,
            innovator=orgs[x.innovator],
            partner=orgs[x.partner],
            need=needs[x.innovator, x.type],
            offer=offers[x.partner, x.type],
            reasons=_reasons(x),
            over_capacity=True,
            illustrative=x.illustrative,
            uid=uid("introduction", str(x.n)),
        )
        for x in plan
    ]
    brokering.round_review(actor=a, round=round)
    for x, introduction in zip(plan, introductions, strict=True):
        brokering.introduction_send(
            actor=a,
            introduction=introduction,
            on=x.introduced,
            proposed_on=x.introduced - timedelta(days=7),
            brokered_by=orgs["nesta"],
            name=x.name,
            partnership_uid=uid("partnership", str(x.n)),
        )
        _outcome(a, x, introduction)
    brokering.round_send(actor=a, round=round, on=max(x.introduced for x in plan))
    # The next round, ready for the team to run the engine on the open needs and offers.
    brokering.round_create(
        actor=a, programme=p, name="Autumn 2018 round", uid=uid("round", "autumn-2018")
    )


def _outcome(actor, x: Planned, introduction) -> None:
    def answer(side, accept=True, reason=""):
        brokering.introduction_respond(
            actor=actor,
            introduction=introduction,
            side=side,
            accept=accept,
            reason=reason,
            on=x.answered_on,
        )

    def move(stage, on, **extra):
        brokering.partnership_move(
            actor=actor, partnership=introduction.partnership, stage=stage, on=on, **extra
        )

    if x.outcome in (Stage.CONFIRMED, Stage.IN_DISCUSSION):
        answer("innovator")
        answer("partner")
    if x.outcome == Stage.CONFIRMED:
        move(Stage.CONFIRMED, x.confirmed_on, estimated_value=x.value)
        if x.n % 3 == 1:
            move(Stage.ACTIVE, min(x.confirmed_on + timedelta(21), ACTIVE_BY))
    elif x.outcome == Stage.DECLINED:
        reason = data.DECLINE_REASONS[x.n % len(data.DECLINE_REASONS)]
        answer("partner" if x.n % 2 else "innovator", accept=False, reason=reason)
    elif x.outcome == Stage.LAPSED:
        move(Stage.LAPSED, x.answered_on)  # neither side answered


def _need_text(name: str, type: str) -> str:
    return f"{SupportType(type).label} to help {name} reach more people."


def _reasons(x: Planned) -> str:
    """The team's own reason where the public record gives one; the engine explains the rest."""
    return data.NAMED_REASONS.get((x.innovator, x.partner), "")
