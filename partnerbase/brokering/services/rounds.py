"""A brokering round: create it, run the engine, review the proposals by hand."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_delete, record_save
from partnerbase.matching import Proposal, propose

from ..inputs import round_inputs
from ..models import BrokeringRound, Introduction, IntroductionStatus
from ..models.rounds import TO_SEND, WEIGHT_FIELDS, RoundStatus

# Rounds whose proposals may still change.
OPEN_ROUND = (RoundStatus.DRAFT, RoundStatus.RUN, RoundStatus.REVIEWED)


@transaction.atomic
def round_create(
    *,
    actor,
    programme,
    name: str,
    mode: str = "optimal",
    weights: dict[str, int] | None = None,
    innovator_capacity: int = 3,
    min_introductions: int = 1,
    illustrative: bool = False,
    uid=None,
) -> BrokeringRound:
    weights = {**WEIGHT_FIELDS, **(weights or {})}
    unknown = set(weights) - set(WEIGHT_FIELDS)
    if unknown:
        raise DomainError(f"There is no weight called {sorted(unknown)[0]}.", field="weights")
    if not any(weights.values()):
        raise DomainError("At least one weight must be more than 0.", field="weight_type_fit")
    if min_introductions > innovator_capacity:
        raise DomainError(
            "The minimum cannot be more than the most an innovator may get.",
            field="min_introductions",
        )
    round = BrokeringRound(
        programme=programme,
        name=name,
        mode=mode,
        innovator_capacity=innovator_capacity,
        min_introductions=min_introductions,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        illustrative=illustrative,
        **{f"weight_{k}": v for k, v in weights.items()},
    )
    return record_save(round, uid=uid, actor=actor, reason="Round created")


def _round_progress(round: BrokeringRound, stage: str, percent: int) -> None:
    # A plain UPDATE, committed at once so the page polling it sees it; not history.
    BrokeringRound.objects.filter(pk=round.pk).update(
        progress_stage=stage[:100], progress_percent=percent
    )
    round.progress_stage, round.progress_percent = stage[:100], percent


@transaction.atomic
def round_start(*, actor, round: BrokeringRound) -> BrokeringRound:
    """Mark the round as running, before `round_run` does the work (perhaps elsewhere)."""
    round = BrokeringRound.objects.select_for_update().get(pk=round.pk)
    if round.status not in OPEN_ROUND:
        raise DomainError(f"A round that is {round.get_status_display().lower()} cannot run.")
    round.status, round.run_error = RoundStatus.RUNNING, ""
    round.progress_stage, round.progress_percent = "Waiting to start", 0
    return record_save(round, actor=actor, reason="Run started")


def round_run(*, actor, round: BrokeringRound, report=None) -> BrokeringRound:
    """Run the engine on the round's open needs and offers and store its proposals.

    Not one transaction: progress is committed as it goes so that a page can show it; the
    proposals themselves are replaced in one transaction at the end. `report(stage, done,
    total)`, if given, is told the same progress (the background job's).
    """
    if round.status not in (*OPEN_ROUND, RoundStatus.RUNNING):
        raise DomainError(f"A round that is {round.get_status_display().lower()} cannot run.")

    def _set_progress(round: BrokeringRound, stage: str, percent: int) -> None:
        _round_progress(round, stage, percent)
        if report is not None:
            report(stage, percent, 100)

    try:
        _set_progress(round, "Reading needs and offers", 0)
        inputs = round_inputs(round)
        if not inputs.innovators or not inputs.partners:
            raise DomainError(
                "There is nothing to match: the round needs open needs of cohort innovators "
                "and open offers of partners."
            )
        last = [None, -1]

        def progress(stage: str, fraction: float) -> None:
            percent = 5 + int(90 * max(0.0, min(1.0, fraction)))
            if [stage, percent] != last:  # one write per visible change
                last[:] = [stage, percent]
                _set_progress(round, stage, percent)

        proposal = propose(
            inputs.innovators,
            inputs.partners,
            weights=inputs.weights,
            exclusions=inputs.exclusions,
            mode=round.mode,
            progress=progress,
        )
        _set_progress(round, "Saving the proposals", 95)
        return _store(actor, round, inputs, proposal)
    except Exception as exc:
        round.refresh_from_db()
        round.status = RoundStatus.DRAFT if round.run_at is None else RoundStatus.RUN
        round.run_error = getattr(exc, "message", None) or f"The run failed: {exc}"
        round.progress_stage, round.progress_percent = "", 0
        record_save(round, actor=actor, reason="Run failed")
        raise


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(str(round(float(value), 4)))


@transaction.atomic
def _store(actor, round, inputs, proposal: Proposal) -> BrokeringRound:
    for old in round.introductions.filter(status=IntroductionStatus.PROPOSED):
        record_delete(old, actor=actor, reason="Replaced by a new run")
    for intro in proposal.introductions:
        record_save(
            Introduction(
                programme=round.programme,
                round=round,
                innovator=inputs.organisations[intro.innovator],
                partner=inputs.organisations[intro.partner],
                need=inputs.needs.get(intro.need),
                offer=inputs.offers.get(intro.offer),
                score=_decimal(intro.score),
                parts={k: round_float(v) for k, v in (intro.parts or {}).items()},
                reasons=intro.reasons,
                illustrative=round.illustrative,
            ),
            actor=actor,
            reason="Proposed by the engine",
        )
    round.refresh_from_db()
    round.status = RoundStatus.RUN
    round.run_at = timezone.now()
    round.objective = _decimal(proposal.objective)
    round.shortfall = proposal.shortfall
    round.optimal = proposal.optimal
    round.stable_cost = _decimal(proposal.stable_cost)
    round.progress_stage, round.progress_percent, round.run_error = "Done", 100, ""
    return record_save(
        round, actor=actor, reason=f"Run: {len(proposal.introductions)} introductions proposed"
    )


def round_float(value):
    return round(float(value), 4) if isinstance(value, int | float | Decimal) else value


def check_open(round: BrokeringRound) -> None:
    """Refuse to change the proposals of a round that has gone out."""
    if round.status not in OPEN_ROUND:
        raise DomainError(
            f"The round is {round.get_status_display().lower()}: its proposals cannot change."
        )


@transaction.atomic
def introduction_remove(*, actor, introduction: Introduction, reason: str = "") -> Introduction:
    check_open(introduction.round)
    if introduction.status not in TO_SEND:
        raise DomainError("Only a proposed introduction can be removed.")
    introduction.status = IntroductionStatus.REMOVED
    return record_save(introduction, actor=actor, reason=reason or "Removed in review")


@transaction.atomic
def round_review(*, actor, round: BrokeringRound) -> BrokeringRound:
    """The team has looked through the proposals and they are ready to send."""
    if round.status not in (RoundStatus.DRAFT, RoundStatus.RUN):
        raise DomainError("Only a round with proposals can be marked as reviewed.")
    if not round.introductions.filter(status__in=TO_SEND).exists():
        raise DomainError("There are no introductions to send: run the round or add some.")
    round.status = RoundStatus.REVIEWED
    return record_save(round, actor=actor, reason="Reviewed")
