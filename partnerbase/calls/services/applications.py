"""Applications: start, save as draft, submit before the deadline, withdraw.

A new draft may come unsaved (the apply page shows one without writing): saving or
submitting it saves it first, in the same transaction.

Answers arrive raw, as a form gives them ({question: text, or an uploaded file}); a
question left out of `answers` keeps its saved answer. Everything is checked before anything
is written, so bad input saves nothing (uploaded files included).
"""

import uuid
from collections.abc import Mapping
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_save
from partnerbase.core.services import same_programme
from partnerbase.core.uploads import MAX_BYTES, check_upload
from partnerbase.directory.models import OrganisationKind

from .. import deadlines, eligibility
from ..models import Answer, Application, ApplicationStatus, Call, Question, QuestionKind

CHALLENGE_FIELD = "challenge_area"
MAX_FILE_BYTES = MAX_BYTES
KEEP = object()  # a file question with no new upload keeps its saved file


@transaction.atomic
def application_start(
    *, actor, call: Call, organisation, illustrative: bool = False, uid=None
) -> Application:
    """The organisation's application to the call: its existing one, or a new draft."""
    same_programme(call.programme, organisation=organisation)
    existing = Application.objects.filter(call=call, organisation=organisation).first()
    if existing:
        return existing
    application = Application(call=call, organisation=organisation, illustrative=illustrative)
    return record_save(application, uid=uid, actor=actor, reason="Application started")


def _words(text: str) -> int:
    return len(text.split())


def _parse(question: Question, raw):
    """The answer in its stored form, or raise ValidationError with the message to show."""
    label = f"“{question.text}”"
    if question.kind == QuestionKind.FILE:
        if raw is None or raw == "":
            return KEEP
        check_upload(raw, max_bytes=MAX_FILE_BYTES)
        return raw
    value = "" if raw is None else str(raw).strip()
    if question.kind == QuestionKind.TEXT:
        if question.word_limit and _words(value) > question.word_limit:
            raise ValidationError(
                f"Your answer to {label} must be {question.word_limit} words or fewer "
                f"(it has {_words(value)})"
            )
        return value
    if question.kind == QuestionKind.CHOICE:
        if value and value not in question.option_list:
            raise ValidationError(f"Select one of the options for {label}")
        return value
    # Numbers: whole numbers, commas and the prefix (e.g. "£") allowed.
    if not value:
        return None
    cleaned = value.replace(",", "").removeprefix(question.prefix).strip()
    try:
        number = int(cleaned)
    except ValueError:
        raise ValidationError(f"Your answer to {label} must be a whole number") from None
    low, high = question.min_value, question.max_value
    if (low is not None and number < low) or (high is not None and number > high):
        fmt = question.format_number
        if low is not None and high is not None:
            bounds = f"between {fmt(low)} and {fmt(high)}"
        elif low is not None:
            bounds = f"{fmt(low)} or more"
        else:
            bounds = f"{fmt(high)} or less"
        raise ValidationError(f"Your answer to {label} must be {bounds}")
    return number


def _saved_value(answer: Answer | None, question: Question):
    if answer is None:
        return None
    if question.kind == QuestionKind.NUMBER:
        return answer.number
    if question.kind == QuestionKind.FILE:
        return answer.file_name or None
    return answer.text or None


def _check_window(call: Call, now: datetime, doing: str) -> None:
    if not call.questions.exists():
        raise DomainError(f"This call is not open: it has no questions, so you cannot {doing}.")
    if now < call.opens_at:
        raise DomainError(
            f"This call opens at {deadlines.format_uk(call.opens_at)}: you cannot {doing} yet."
        )
    if now >= call.closes_at:
        raise DomainError(
            f"This call closed at {deadlines.format_uk(call.closes_at)}: you can no longer {doing}."
        )


def _prepare(application: Application, answers: Mapping, challenge_area):
    """Parse every given answer; (parsed answers, current values by question, errors)."""
    questions = list(application.call.questions.all())
    saved = {a.question_id: a for a in application.answers.all()} if application.pk else {}
    parsed, errors, current = {}, {}, {}
    for question in questions:
        if question in answers:
            try:
                parsed[question] = _parse(question, answers[question])
            except ValidationError as exc:
                errors[question.field_name] = exc.messages
                continue
        value = parsed.get(question, KEEP)
        if value is KEEP:
            value = _saved_value(saved.get(question.pk), question)
        elif question.kind == QuestionKind.FILE:
            value = value.name
        current[question] = value
    if challenge_area is not None:
        if not application.call.challenge_areas.filter(pk=challenge_area.pk).exists():
            errors[CHALLENGE_FIELD] = ["Select one of the call's challenge areas"]
    return parsed, current, saved, errors


def _draft_saved(application: Application, actor) -> Application:
    """A new draft (queries.application_new) is saved when its first answers are."""
    if application.pk is None:
        same_programme(application.call.programme, organisation=application.organisation)
        if Application.objects.filter(
            call=application.call, organisation=application.organisation
        ).exists():
            raise DomainError(
                "Your organisation has already started an application: open it again."
            )
        record_save(application, actor=actor, reason="Application started")
    return application


def _write(application: Application, parsed: Mapping, saved: Mapping, actor) -> None:
    for question, value in parsed.items():
        if value is KEEP or (value in ("", None) and question.pk not in saved):
            continue  # an empty answer needs no row
        # An answer is its application's to its question: a stable id from the two.
        answer = saved.get(question.pk) or Answer(
            application=application,
            question=question,
            illustrative=application.illustrative,
            uid=uuid.uuid5(application.uid, str(question.uid)),
        )
        if question.kind == QuestionKind.FILE:
            answer.file = value
            answer.file_name = value.name.rsplit("/", 1)[-1][:200]
            answer.file_size = value.size
        elif question.kind == QuestionKind.NUMBER:
            answer.number = value
        else:
            answer.text = value
        record_save(answer, actor=actor, reason="Answer saved")


def _editable(application: Application) -> None:
    if application.status != ApplicationStatus.DRAFT:
        raise DomainError(
            f"This application is {application.get_status_display().lower()}: it cannot change."
        )


@transaction.atomic
def application_save(
    *,
    actor,
    application: Application,
    answers: Mapping | None = None,
    challenge_area=None,
    now: datetime | None = None,
) -> Application:
    """Save a draft: answers are checked for form (numbers, word limits, files) but may
    be missing."""
    _editable(application)
    _check_window(application.call, now or timezone.now(), "save your application")
    parsed, _current, saved, errors = _prepare(application, answers or {}, challenge_area)
    if errors:
        raise ValidationError(errors)
    _draft_saved(application, actor)
    _write(application, parsed, saved, actor)
    if challenge_area is not None and application.challenge_area_id != challenge_area.pk:
        application.challenge_area = challenge_area
        record_save(application, actor=actor, reason="Challenge area chosen")
    return application


def eligibility_failures(application: Application, current: Mapping) -> list:
    """The eligibility rules the application fails (calls/eligibility.py)."""
    call, organisation = application.call, application.organisation
    rules, by_rule = [], {}
    for rule in call.rules.select_related("question"):
        question = rule.question
        pure = eligibility.Rule(
            kind=rule.kind,
            values=tuple(rule.value_list),
            amount=rule.amount,
            question=str(question.uid) if question else None,
            question_text=question.text if question else "",
            prefix=question.prefix if question else "",
        )
        rules.append(pure)
        by_rule[id(pure)] = rule
    applicant = eligibility.Applicant(
        kind=organisation.kind,
        regions=tuple(r.strip() for r in organisation.regions.split(",") if r.strip()),
        answers={str(q.uid): v for q, v in current.items() if v is not None},
        reference_year=call.closes_at.astimezone(deadlines.UK).year,
    )
    labels = dict(OrganisationKind.choices)
    return [(by_rule[id(f.rule)], f.reason) for f in eligibility.check(rules, applicant, labels)]


def _required(question: Question) -> str:
    if question.kind == QuestionKind.FILE:
        return f"Select a file for “{question.text}”"
    if question.kind == QuestionKind.CHOICE:
        return f"Select an answer to “{question.text}”"
    return f"Enter your answer to “{question.text}”"


@transaction.atomic
def application_submit(
    *,
    actor,
    application: Application,
    answers: Mapping | None = None,
    challenge_area=None,
    now: datetime | None = None,
) -> Application:
    """Save the given answers and submit, if every required answer is there, the
    organisation is eligible and the call is still open at this moment; otherwise raise
    and save nothing."""
    now = now or timezone.now()
    _editable(application)
    call = application.call
    _check_window(call, now, "submit an application")
    parsed, current, saved, errors = _prepare(application, answers or {}, challenge_area)
    for question, value in current.items():
        if question.required and value in (None, "") and question.field_name not in errors:
            errors[question.field_name] = [_required(question)]
    area = challenge_area or application.challenge_area
    if area is None and call.challenge_areas.exists() and CHALLENGE_FIELD not in errors:
        errors[CHALLENGE_FIELD] = ["Select the challenge area your application is for"]
    if not errors:
        for rule, reason in eligibility_failures(application, current):
            field = rule.question.field_name if rule.question_id else "__all__"
            errors.setdefault(field, []).append(reason)
    if errors:
        raise ValidationError(errors)
    _draft_saved(application, actor)
    _write(application, parsed, saved, actor)
    application.challenge_area = area
    application.status, application.submitted_at = ApplicationStatus.SUBMITTED, now
    application.submitted_on = now.astimezone(deadlines.UK).date()
    return record_save(application, actor=actor, reason="Application submitted")


@transaction.atomic
def application_withdraw(
    *, actor, application: Application, now: datetime | None = None
) -> Application:
    if application.status == ApplicationStatus.WITHDRAWN:
        raise DomainError("This application has already been withdrawn.")
    call = application.call
    if (now or timezone.now()) >= call.closes_at:
        # After the close the accelerator is choosing its cohort: ask its team instead.
        raise DomainError(
            f"This call closed at {deadlines.format_uk(call.closes_at)}: to withdraw, "
            "contact the accelerator's team."
        )
    application.status = ApplicationStatus.WITHDRAWN
    application.withdrawn_at = now or timezone.now()
    return record_save(application, actor=actor, reason="Application withdrawn")
