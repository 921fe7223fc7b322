"""Changing a call after it was created: its details before it opens, its questions and
rules until the first submission, closing it early, deleting it while nothing was submitted
(calls/lifecycle.py says when each may happen)."""

from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_delete, record_save
from partnerbase.core.references import Dependents, refusal
from partnerbase.core.services import same_programme

from .. import deadlines
from ..lifecycle import has_opened, submitted_count
from ..models import ApplicationStatus, Call, EligibilityRule, Question
from .setup import RESERVED_SLUGS, answer_delete, unlocked

MOVES = ("up", "down")


@transaction.atomic
def call_update(
    *,
    actor,
    call: Call,
    accelerator,
    title: str,
    slug: str,
    opens_at: datetime,
    closes_at: datetime,
    summary: str = "",
    challenge_areas: Iterable = (),
    now: datetime | None = None,
) -> Call:
    """Change every detail of a call that has not opened yet."""
    if has_opened(call, now):
        raise DomainError(
            f"The call opened at {deadlines.format_uk(call.opens_at)}: its details can no "
            "longer change. You can close it early instead."
        )
    challenge_areas = list(challenge_areas)
    same_programme(call.programme, accelerator=accelerator)
    for area in challenge_areas:
        same_programme(call.programme, challenge_areas=area)
    if slug in RESERVED_SLUGS:
        raise DomainError("This web address is used by another page: choose another.", field="slug")
    if Call.objects.filter(programme=call.programme, slug=slug).exclude(pk=call.pk).exists():
        raise DomainError(
            "Another call already has this web address: choose another.", field="slug"
        )
    call.accelerator, call.title, call.slug, call.summary = (
        accelerator,
        title.strip(),
        slug,
        summary,
    )
    call.opens_at, call.closes_at = opens_at, closes_at
    areas_changed = {a.pk for a in challenge_areas} != set(
        call.challenge_areas.values_list("pk", flat=True)
    )
    reason = "Call changed, with its challenge areas" if areas_changed else "Call changed"
    record_save(call, actor=actor, reason=reason)
    call.challenge_areas.set(challenge_areas)
    return call


@transaction.atomic
def call_close(*, actor, call: Call, now: datetime | None = None) -> Call:
    """Close an open call now: drafts not yet submitted can no longer be."""
    now = now or timezone.now()
    if not has_opened(call, now):
        raise DomainError("The call has not opened: change its dates, or delete it, instead.")
    if now >= call.closes_at:
        raise DomainError(f"The call already closed at {deadlines.format_uk(call.closes_at)}.")
    call.closes_at = now
    return record_save(call, actor=actor, reason="Closed early")


def call_delete_refusal(call: Call) -> str:
    submitted = Dependents("submitted application", "submitted applications", submitted_count(call))
    return refusal("delete", [submitted], relation="depend on", whom="it")


@transaction.atomic
def call_delete(*, actor, call: Call) -> None:
    """Delete a call no application was submitted to; its drafts go with it."""
    refused = call_delete_refusal(call)
    if refused:
        raise DomainError(refused)
    for application in call.applications.prefetch_related("answers"):
        for answer in application.answers.all():
            answer_delete(answer, actor=actor, reason="Call deleted")
        record_delete(application, actor=actor, reason="Call deleted")
    record_delete(call, actor=actor, reason="Call deleted")


def draft_count(call: Call) -> int:
    return call.applications.filter(status=ApplicationStatus.DRAFT).count()


def _renumber(records: list, *, actor, reason: str) -> None:
    """Positions 1, 2, 3… in the given order; only the records that move are saved."""
    for position, record in enumerate(records, start=1):
        if record.position != position:
            record.position = position
            record_save(record, actor=actor, reason=reason)


def _move(record, siblings: list, direction: str, *, actor, noun: str) -> None:
    if direction not in MOVES:
        raise DomainError("Move up or down.", field="direction")
    index = [s.pk for s in siblings].index(record.pk)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(siblings):
        return  # already first (or last): nothing to do
    siblings[index], siblings[other] = siblings[other], siblings[index]
    _renumber(siblings, actor=actor, reason=f"{noun} moved {direction}")


@transaction.atomic
def question_move(*, actor, question: Question, direction: str) -> None:
    unlocked(question.call)
    siblings = list(question.call.questions.all())
    _move(question, siblings, direction, actor=actor, noun="Question")


@transaction.atomic
def question_remove(*, actor, question: Question) -> None:
    """Remove a question no eligibility rule checks; drafts' answers to it go with it."""
    call = question.call
    unlocked(call)
    rules = list(question.rules.all())
    if rules:
        checks = "rule checks" if len(rules) == 1 else "rules check"
        raise DomainError(
            f"{len(rules)} eligibility {checks} this question: change or remove "
            f"{'it' if len(rules) == 1 else 'them'} first."
        )
    for answer in question.answers.all():
        answer_delete(answer, actor=actor, reason="Question removed")
    record_delete(question, actor=actor, reason="Question removed")
    _renumber(list(call.questions.all()), actor=actor, reason="Question moved up")


@transaction.atomic
def rule_update(
    *,
    actor,
    rule: EligibilityRule,
    kind: str,
    values: Iterable[str] | str = (),
    amount: int | None = None,
    question: Question | None = None,
) -> EligibilityRule:
    unlocked(rule.call)
    if not isinstance(values, str):
        values = "\n".join(v.strip() for v in values if v.strip())
    rule.kind, rule.values, rule.amount, rule.question = kind, values, amount, question
    return record_save(rule, actor=actor, reason="Eligibility rule changed")


@transaction.atomic
def rule_move(*, actor, rule: EligibilityRule, direction: str) -> None:
    unlocked(rule.call)
    siblings = list(rule.call.rules.all())
    _move(rule, siblings, direction, actor=actor, noun="Eligibility rule")
