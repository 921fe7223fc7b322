"""Setting up a call: the call itself, its questions and its eligibility rules.

Questions and rules change until the first application is submitted, so every applicant
answers the same questions under the same rules (calls/lifecycle.py).
"""

from collections.abc import Iterable
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_delete, record_save
from partnerbase.core.services import same_programme

from ..lifecycle import setup_lock_reason
from ..models import Call, EligibilityRule, Question
from ..wording import rule_in_words

# Page addresses under /calls/ that a call's slug would hide.
RESERVED_SLUGS = {"add", "my-applications"}
QUESTION_FIELDS = (
    "kind",
    "text",
    "help_text",
    "required",
    "word_limit",
    "min_value",
    "max_value",
    "prefix",
    "options",
)


@transaction.atomic
def call_create(
    *,
    actor,
    accelerator,
    title: str,
    slug: str,
    opens_at: datetime,
    closes_at: datetime,
    summary: str = "",
    challenge_areas: Iterable = (),
    illustrative: bool = False,
    uid=None,
) -> Call:
    programme = accelerator.programme
    challenge_areas = list(challenge_areas)
    for area in challenge_areas:
        same_programme(programme, challenge_areas=area)
    if slug in RESERVED_SLUGS:
        raise DomainError("This web address is used by another page: choose another.", field="slug")
    if Call.objects.filter(programme=programme, slug=slug).exists():
        raise DomainError(
            "Another call already has this web address: choose another.", field="slug"
        )
    call = Call(
        programme=programme,
        accelerator=accelerator,
        title=title.strip(),
        slug=slug,
        summary=summary,
        opens_at=opens_at,
        closes_at=closes_at,
        illustrative=illustrative,
    )
    record_save(call, uid=uid, actor=actor, reason="Call created")
    call.challenge_areas.set(challenge_areas)
    return call


def unlocked(call: Call) -> None:
    """Refuse a change to the questions or rules once an application has been submitted."""
    reason = setup_lock_reason(call)
    if reason:
        raise DomainError(reason)


@transaction.atomic
def question_add(
    *,
    actor,
    call: Call,
    kind: str,
    text: str,
    help_text: str = "",
    required: bool = True,
    word_limit: int | None = None,
    min_value: int | None = None,
    max_value: int | None = None,
    prefix: str = "",
    options: str = "",
    position: int | None = None,
    now: datetime | None = None,
    illustrative: bool = False,
    uid=None,
) -> Question:
    """Add a question at `position`, by default the end of the call's list. (`now` is
    accepted for the demo and the importer; the lock is the first submission, not a time.)"""
    unlocked(call)
    last = call.questions.aggregate(last=Max("position"))["last"] or 0
    question = Question(
        call=call,
        position=position or last + 1,
        kind=kind,
        text=text.strip(),
        help_text=help_text,
        required=required,
        word_limit=word_limit,
        min_value=min_value,
        max_value=max_value,
        prefix=prefix,
        options=options,
        illustrative=illustrative,
    )
    return record_save(question, uid=uid, actor=actor, reason="Question added")


@transaction.atomic
def question_update(
    *, actor, question: Question, now: datetime | None = None, **changes
) -> Question:
    unlocked(question.call)
    old_kind = question.kind
    for name, value in changes.items():
        if name not in QUESTION_FIELDS:
            raise TypeError(f"question_update() got an unexpected field {name!r}")
        setattr(question, name, value)
    rules_still_hold(question)
    record_save(question, actor=actor, reason="Question changed")
    if question.kind != old_kind:
        # Drafts' answers of the old kind mean nothing now: the applicants answer again.
        for answer in question.answers.all():
            answer_delete(answer, actor=actor, reason="The question's kind of answer changed")
    return question


def rules_still_hold(question: Question) -> None:
    """Refuse a change that breaks an eligibility rule checking this question."""
    for rule in question.rules.all():
        rule.question = question
        try:
            rule.clean()
        except ValidationError as exc:
            problem = " ".join(exc.messages)
            raise DomainError(
                f"The eligibility rule “{rule_in_words(rule)}” checks this question: {problem} "
                "Change or remove the rule first.",
                field="kind",
            ) from exc


def answer_delete(answer, *, actor, reason: str) -> None:
    """Delete an answer and, once the transaction commits, its uploaded file."""
    if answer.file:
        storage, name = answer.file.storage, answer.file.name
        transaction.on_commit(lambda: storage.delete(name))
    record_delete(answer, actor=actor, reason=reason)


@transaction.atomic
def rule_add(
    *,
    actor,
    call: Call,
    kind: str,
    values: Iterable[str] | str = (),
    amount: int | None = None,
    question: Question | None = None,
    position: int | None = None,
    now: datetime | None = None,
    illustrative: bool = False,
    uid=None,
) -> EligibilityRule:
    unlocked(call)
    if not isinstance(values, str):
        values = "\n".join(v.strip() for v in values if v.strip())
    last = call.rules.aggregate(last=Max("position"))["last"] or 0
    rule = EligibilityRule(
        call=call,
        position=position or last + 1,
        kind=kind,
        values=values,
        amount=amount,
        question=question,
        illustrative=illustrative,
    )
    return record_save(rule, uid=uid, actor=actor, reason="Eligibility rule added")


@transaction.atomic
def rule_remove(*, actor, rule: EligibilityRule, now: datetime | None = None) -> None:
    unlocked(rule.call)
    record_delete(rule, actor=actor, reason="Eligibility rule removed")
