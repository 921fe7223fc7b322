"""Where a call is in its life, and what may still change.

A call is public, and open, only with at least one question: one whose opening time has
passed without questions is not shown and takes no applications; it opens when its first
question is added. Its details (title, dates, challenge areas) change until it opens; its
questions and eligibility rules until the first application is submitted, so every
applicant answers the same questions under the same rules.
"""

from datetime import datetime

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from . import deadlines
from .models import Call, Question


def with_questions(calls: QuerySet) -> QuerySet:
    """Only the calls that have at least one question."""
    return calls.filter(Exists(Question.objects.filter(call=OuterRef("pk"))))


def has_questions(call: Call) -> bool:
    annotated = call.__dict__.get("has_questions")  # queries.call_list gives it
    return annotated if annotated is not None else call.questions.exists()


def has_opened(call: Call, now: datetime | None = None) -> bool:
    """It has questions and its opening time has passed (it may have closed since)."""
    return (now or timezone.now()) >= call.opens_at and has_questions(call)


def is_live(call: Call, now: datetime | None = None) -> bool:
    now = now or timezone.now()
    return deadlines.is_open(call.opens_at, call.closes_at, now) and has_questions(call)


def submitted_count(call: Call) -> int:
    """Applications ever submitted (one withdrawn since still answered the questions)."""
    return call.applications.filter(submitted_at__isnull=False).count()


def setup_lock_reason(call: Call) -> str:
    """Why the questions and eligibility rules can no longer change, or ""."""
    count = submitted_count(call)
    if not count:
        return ""
    have = "application has" if count == 1 else "applications have"
    return (
        f"Questions and eligibility rules are locked: {count} {have} been submitted, "
        "and every applicant must answer the same questions under the same rules."
    )


def status(call: Call, now: datetime | None = None) -> str:
    """ "Not open yet", "Open", "Closed", or "No questions" for a call that cannot open."""
    now = now or timezone.now()
    if not has_questions(call):
        return "No questions"
    if now < call.opens_at:
        return "Not open yet"
    return "Open" if now < call.closes_at else "Closed"
