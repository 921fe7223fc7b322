"""Restoring an application as an interchange file has it (the importer)."""

from datetime import datetime

from django.db import transaction

from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_save
from partnerbase.core.services import same_programme

from .. import deadlines
from ..models import Answer, Application, ApplicationStatus, Call


@transaction.atomic
def application_restore(
    *,
    actor,
    call: Call,
    organisation,
    status: str,
    answers: list[dict],
    challenge_area=None,
    submitted_at: datetime | None = None,
    withdrawn_at: datetime | None = None,
    illustrative: bool = False,
    uid=None,
) -> Application:
    """An application as an interchange file has it (the importer): its answers and status
    as they were, not re-checked against a deadline long past. A file answer comes back as
    its name and size only: the file carries no bytes.

    Each of `answers`: {"question", "text", "number", "file_name", "file_size", "uid",
    "illustrative"}."""
    same_programme(call.programme, organisation=organisation, challenge_area=challenge_area)
    if status not in ApplicationStatus.values:
        raise DomainError(f"Unknown application status {status!r}.", field="status")
    if status == ApplicationStatus.SUBMITTED and submitted_at is None:
        raise DomainError("A submitted application has a submission time.", field="submitted_at")
    application = Application(
        call=call,
        organisation=organisation,
        challenge_area=challenge_area,
        status=status,
        submitted_at=submitted_at,
        submitted_on=submitted_at.astimezone(deadlines.UK).date() if submitted_at else None,
        withdrawn_at=withdrawn_at,
        illustrative=illustrative,
    )
    record_save(application, uid=uid, actor=actor, reason="Application imported")
    for a in answers:
        question = a["question"]
        if question.call_id != call.pk:
            raise DomainError("An answer is to a question of another call.", field="answers")
        answer = Answer(
            application=application,
            question=question,
            text=a.get("text") or "",
            number=a.get("number"),
            file_name=a.get("file_name") or "",
            file_size=a.get("file_size"),
            illustrative=a.get("illustrative", False),
        )
        record_save(answer, uid=a.get("uid"), actor=actor, reason="Answer imported")
    return application
