from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Q, Sum
from django.urls import reverse

from partnerbase.accounts.models import Membership, Role
from partnerbase.brokering.models import Partnership
from partnerbase.brokering.stages import Stage
from partnerbase.core.currencies import from_minor
from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_save
from partnerbase.core.money import format_money
from partnerbase.core.services import same_programme
from partnerbase.funding.models import Instrument
from partnerbase.funding.services import funding_award_record, money_to_minor
from partnerbase.notifications.models import Kind
from partnerbase.notifications.services import notification_send
from partnerbase.rubrics.models import Criterion

from ..models import (
    Competition,
    CompetitionAward,
    CompetitionEntry,
    CompetitionJudge,
    CompetitionStage,
    JudgeAssignment,
    JudgeScore,
)


@transaction.atomic
def competition_create(
    *,
    actor,
    programme,
    name: str,
    sponsor,
    prize_fund: Decimal,
    currency: str,
    launch_date: date,
    challenge_area=None,
    description: str = "",
    stages: Iterable[tuple] = (),
    criteria: Iterable[tuple] = (),
    published: bool = False,
    illustrative: bool = False,
    uid=None,
) -> Competition:
    """`stages` holds (name, starts_on, ends_on); `criteria` (name, weight, min, max)."""
    same_programme(programme, sponsor=sponsor, challenge_area=challenge_area)
    prize_fund_minor = money_to_minor(prize_fund, currency, field="prize_fund")
    if prize_fund_minor <= 0:
        raise DomainError("The prize fund must be more than 0.", field="prize_fund")
    competition = Competition(
        programme=programme,
        name=name,
        sponsor=sponsor,
        prize_fund_minor=prize_fund_minor,
        prize_fund_currency=currency,
        launch_date=launch_date,
        challenge_area=challenge_area,
        description=description,
        published=published,
        illustrative=illustrative,
    )
    record_save(competition, uid=uid, actor=actor, reason="Competition created")
    for stage_name, starts_on, ends_on in stages:
        competition_stage_add(
            actor=actor,
            competition=competition,
            name=stage_name,
            starts_on=starts_on,
            ends_on=ends_on,
        )
    for criterion_name, weight, low, high in criteria:
        rubric_criterion_add(
            actor=actor,
            competition=competition,
            name=criterion_name,
            weight=weight,
            min_score=low,
            max_score=high,
        )
    return competition


def _child(obj, uid, illustrative):
    if uid:
        obj.uid = uid
    obj.illustrative = illustrative
    return obj


@transaction.atomic
def competition_stage_add(
    *,
    actor,
    competition,
    name: str,
    starts_on: date,
    ends_on: date | None = None,
    illustrative: bool = False,
    uid=None,
) -> CompetitionStage:
    stage = CompetitionStage(
        competition=competition, name=name, starts_on=starts_on, ends_on=ends_on
    )
    return record_save(_child(stage, uid, illustrative), actor=actor, reason="Stage added")


@transaction.atomic
def rubric_criterion_add(
    *,
    actor,
    competition,
    name: str,
    weight: int = 1,
    min_score: int = 0,
    max_score: int = 10,
    illustrative: bool = False,
    uid=None,
) -> Criterion:
    if JudgeScore.objects.filter(assignment__entry__competition=competition).exists():
        raise DomainError("Judging has started: the rubric can no longer change.", field="name")
    # Checked here so the message names the field (the unique constraint's would not).
    if competition.criteria.filter(name=name).exists():
        raise DomainError(f"The rubric already has a criterion called {name}.", field="name")
    criterion = Criterion(
        competition=competition,
        name=name,
        weight=weight,
        min_score=min_score,
        max_score=max_score,
    )
    return record_save(_child(criterion, uid, illustrative), actor=actor, reason="Criterion added")


@transaction.atomic
def competition_entry_record(
    *,
    actor,
    competition,
    organisation,
    title: str,
    entered_on: date,
    summary: str = "",
    illustrative: bool = False,
    uid=None,
) -> CompetitionEntry:
    """The team records an entry on an organisation's behalf."""
    same_programme(competition.programme, organisation=organisation)
    if organisation.pk == competition.sponsor_id:
        raise DomainError("The sponsor cannot enter its own competition.", field="organisation")
    if entered_on < competition.launch_date:
        raise DomainError(
            "An entry cannot come before the competition launched.", field="entered_on"
        )
    if competition.entries.filter(organisation=organisation).exists():
        raise DomainError(f"{organisation} has already entered.", field="organisation")
    entry = CompetitionEntry(
        competition=competition,
        organisation=organisation,
        title=title,
        summary=summary,
        entered_on=entered_on,
    )
    return record_save(_child(entry, uid, illustrative), actor=actor, reason="Entry recorded")


def judge_conflict(judge: CompetitionJudge, entry: CompetitionEntry) -> str:
    """Why the judge may not judge the entry ("" if they may): the judge's organisation is
    the entrant, or the two have a partnership (any that was not declined)."""
    mine, theirs = judge.organisation_id, entry.organisation_id
    if mine is None:
        return ""
    if mine == theirs:
        return f"{judge.user} judges for {entry.organisation}, the entrant."
    together = (
        Partnership.objects.filter(programme_id=entry.competition.programme_id)
        .exclude(stage=Stage.DECLINED.value)
        .filter(Q(innovator_id=mine) | Q(partners__organisation_id=mine))
        .filter(Q(innovator_id=theirs) | Q(partners__organisation_id=theirs))
    )
    if together.exists():
        return f"{judge.organisation} is a partner of {entry.organisation}, the entrant."
    return ""


@transaction.atomic
def competition_judge_add(
    *,
    actor,
    competition,
    user,
    organisation=None,
    entries: Iterable = (),
    illustrative: bool = False,
    uid=None,
) -> CompetitionJudge:
    """A judge holds the assessor role in the programme; `entries` are assigned at once,
    all or none (a conflict of interest refuses the lot)."""
    same_programme(competition.programme, organisation=organisation)
    if not Membership.objects.filter(
        user=user, programme=competition.programme, role=Role.ASSESSOR
    ).exists():
        raise DomainError(f"{user} is not an assessor in this programme.", field="user")
    if competition.judges.filter(user=user).exists():
        raise DomainError(f"{user} already judges this competition.", field="user")
    judge = CompetitionJudge(competition=competition, user=user, organisation=organisation)
    record_save(_child(judge, uid, illustrative), actor=actor, reason="Judge added")
    for entry in entries:
        judge_assign(actor=actor, judge=judge, entry=entry)
    return judge


@transaction.atomic
def judge_entries_assign(*, actor, judge: CompetitionJudge, entries: Iterable) -> list:
    """Assign more entries to an existing judge: all or none."""
    return [judge_assign(actor=actor, judge=judge, entry=entry) for entry in entries]


@transaction.atomic
def judge_assign(
    *, actor, judge: CompetitionJudge, entry: CompetitionEntry, uid=None, illustrative=None
) -> JudgeAssignment:
    """`illustrative` is the judge's unless given (the importer restores it as it was)."""
    if entry.competition_id != judge.competition_id:
        raise DomainError("The entry is in another competition.", field="entries")
    conflict = judge_conflict(judge, entry)
    if conflict:
        raise DomainError(f"Conflict of interest: {conflict}", field="entries")
    if JudgeAssignment.objects.filter(judge=judge, entry=entry).exists():
        raise DomainError(f"{entry} is already assigned to {judge.user}.", field="entries")
    assignment = JudgeAssignment(judge=judge, entry=entry)
    record_save(
        _child(assignment, uid, judge.illustrative if illustrative is None else illustrative),
        actor=actor,
        reason="Entry assigned",
    )
    competition = judge.competition
    notification_send(
        actor=actor,
        programme=competition.programme,
        kind=Kind.JUDGE_ASSIGNED,
        users=[judge.user],
        subject=f"Please judge {entry.title} in {competition.name}",
        body=f"You are asked to judge {entry.organisation.name}’s entry, {entry.title}, "
        f"in {competition.name}.",
        url=reverse(
            "projects:score", args=[competition.programme.slug, competition.uid, assignment.uid]
        ),
    )
    return assignment


@transaction.atomic
def judge_scores_submit(
    *, actor, assignment: JudgeAssignment, scores: Mapping, submitted_on: date
) -> JudgeAssignment:
    """Save one judge's scores for one entry: every criterion, each within its range.
    Submitting again replaces them (history keeps the earlier ones)."""
    assignment = JudgeAssignment.objects.select_for_update().get(pk=assignment.pk)
    competition = assignment.entry.competition
    if CompetitionAward.objects.filter(entry=assignment.entry).exists():
        raise DomainError("This entry has been awarded a prize: its judging is closed.")
    conflict = judge_conflict(assignment.judge, assignment.entry)
    if conflict:
        raise DomainError(f"Conflict of interest: {conflict}")
    by_id = {getattr(k, "pk", k): v for k, v in scores.items()}
    for criterion in competition.criteria.all():
        field = f"criterion_{criterion.pk}"
        value = by_id.get(criterion.pk)
        if value is None:
            raise DomainError(f"Enter a score for {criterion.name}.", field=field)
        if not criterion.min_score <= int(value) <= criterion.max_score:
            raise DomainError(
                f"The score for {criterion.name} must be between {criterion.min_score} "
                f"and {criterion.max_score}.",
                field=field,
            )
        row = JudgeScore.objects.filter(assignment=assignment, criterion=criterion).first()
        row = row or JudgeScore(
            assignment=assignment, criterion=criterion, illustrative=assignment.illustrative
        )
        row.score = int(value)
        record_save(row, actor=actor, reason="Scored")
    assignment.submitted_on = submitted_on
    return record_save(assignment, actor=actor, reason="Scores submitted")


def awarded_minor(competition: Competition) -> int:
    """Prize money awarded so far, in the prize fund's currency."""
    total = CompetitionAward.objects.filter(entry__competition=competition).aggregate(
        total=Sum("funding_award__amount_minor")
    )["total"]
    return total or 0


@transaction.atomic
def competition_award_make(
    *,
    actor,
    entry: CompetitionEntry,
    amount: Decimal,
    award_date: date,
    title: str = "",
    illustrative: bool = False,
    uid=None,
    funding_award_uid=None,
) -> CompetitionAward:
    """A prize to an entry, recorded in the ledger as a funding award: instrument prize,
    funder the sponsor, recipient the entrant, in the prize fund's currency."""
    competition = Competition.objects.select_for_update().get(pk=entry.competition_id)
    currency = competition.prize_fund_currency
    minor = money_to_minor(amount, currency)
    if minor <= 0:
        raise DomainError("The prize must be more than 0.", field="amount")
    left = competition.prize_fund_minor - awarded_minor(competition)
    if minor > left:
        raise DomainError(
            f"Only {format_money(from_minor(left, currency), currency)} of the prize fund "
            "is left to award.",
            field="amount",
        )
    if award_date < competition.launch_date:
        raise DomainError(
            "A prize cannot come before the competition launched.", field="award_date"
        )
    funding_award = funding_award_record(
        actor=actor,
        programme=competition.programme,
        title=title or f"{competition.name}: prize to {entry.organisation}",
        instrument=Instrument.PRIZE,
        amount=Decimal(amount),
        currency=currency,
        award_date=award_date,
        funder=competition.sponsor,
        recipient=entry.organisation,
        description=f"Prize in {competition.name} for the entry “{entry.title}”.",
        illustrative=illustrative,
        uid=funding_award_uid,
    )
    award = CompetitionAward(entry=entry, funding_award=funding_award)
    return record_save(_child(award, uid, illustrative), actor=actor, reason="Prize awarded")


@transaction.atomic
def competition_publish(*, actor, competition: Competition, published: bool) -> Competition:
    """Show the competition on the programme's public page, or take it off."""
    competition.published = published
    reason = "Published on the public page" if published else "Taken off the public page"
    return record_save(competition, actor=actor, reason=reason)
