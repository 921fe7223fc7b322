"""Writes for the board: seats and terms, meetings, papers, decisions and actions.

Each goes through record_save, so its history names who did it and why."""

import hashlib
from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_save
from partnerbase.core.services import same_programme
from partnerbase.core.uploads import check_upload

from .models import (
    Action,
    ActionStatus,
    BoardMeeting,
    BoardPaper,
    Champion,
    ChampionRole,
    Decision,
    DecisionKind,
)


@transaction.atomic
def champion_appoint(
    *,
    actor,
    programme,
    person,
    organisation,
    term_starts_on: date,
    term_ends_on: date | None = None,
    role: str = ChampionRole.MEMBER,
    illustrative: bool = False,
    uid=None,
    reason: str = "Appointed to the board",
) -> Champion:
    """Give `person` a seat on the board for `organisation`; one open seat per person."""
    same_programme(programme, person=person, organisation=organisation)
    if Champion.objects.filter(programme=programme, person=person, term_ends_on=None).exists():
        raise DomainError(f"{person} already has a seat on the board.", field="person")
    champion = Champion(
        programme=programme,
        person=person,
        organisation=organisation,
        term_starts_on=term_starts_on,
        term_ends_on=term_ends_on,
        role=role,
        illustrative=illustrative,
    )
    return record_save(champion, uid=uid, actor=actor, reason=reason)


@transaction.atomic
def champion_end_term(*, actor, champion: Champion, ends_on: date) -> Champion:
    if champion.term_ends_on is not None:
        raise DomainError("This term has already ended.", field="ends_on")
    if ends_on < champion.term_starts_on:
        raise DomainError(
            f"The term must end on or after it started ({champion.term_starts_on:%-d %B %Y}).",
            field="ends_on",
        )
    champion.term_ends_on = ends_on
    return record_save(champion, actor=actor, reason="Term ended")


@transaction.atomic
def champion_change_role(*, actor, champion: Champion, role: str) -> Champion:
    if role not in ChampionRole.values:
        raise DomainError("Choose chair or member.", field="role")
    champion.role = role
    return record_save(champion, actor=actor, reason="Role changed")


@transaction.atomic
def meeting_create(
    *,
    actor,
    programme,
    held_on: date,
    title: str,
    agenda: str = "",
    illustrative: bool = False,
    uid=None,
) -> BoardMeeting:
    meeting = BoardMeeting(
        programme=programme,
        held_on=held_on,
        title=title.strip(),
        agenda=agenda.strip(),
        illustrative=illustrative,
    )
    return record_save(meeting, uid=uid, actor=actor, reason="Meeting recorded")


@transaction.atomic
def meeting_update(
    *, actor, meeting: BoardMeeting, held_on: date, title: str, agenda: str = ""
) -> BoardMeeting:
    meeting.held_on, meeting.title, meeting.agenda = held_on, title.strip(), agenda.strip()
    return record_save(meeting, actor=actor, reason="Meeting changed")


@transaction.atomic
def paper_upload(
    *,
    actor,
    meeting: BoardMeeting,
    title: str,
    upload: UploadedFile,
    illustrative: bool = False,
    uid=None,
) -> BoardPaper:
    """Check the file (type by its content, size, not empty) and store it privately."""
    try:
        check_upload(upload)
    except ValidationError as exc:
        raise DomainError(exc.messages[0], field="file") from None
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    paper = BoardPaper(
        meeting=meeting,
        title=title.strip(),
        original_filename=upload.name.rsplit("/", 1)[-1][:255],
        size_bytes=upload.size,
        sha256=digest.hexdigest(),
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
        file=upload,
        illustrative=illustrative,
    )
    # The file is written on save; if the transaction is rolled back afterwards, the
    # orphaned file has a random name and no record points at it.
    return record_save(paper, uid=uid, actor=actor, reason="Paper uploaded")


@transaction.atomic
def paper_restore(
    *,
    actor,
    meeting: BoardMeeting,
    title: str,
    original_filename: str,
    size_bytes: int,
    sha256: str,
    illustrative: bool = False,
    uid=None,
) -> BoardPaper:
    """A paper's record without its file, as an interchange file carries it (metadata
    only); the team uploads the file again to make it downloadable."""
    paper = BoardPaper(
        meeting=meeting,
        title=title.strip(),
        original_filename=original_filename,
        size_bytes=size_bytes,
        sha256=sha256,
        illustrative=illustrative,
    )
    return record_save(paper, uid=uid, actor=actor, reason="Paper imported without its file")


@transaction.atomic
def decision_record(
    *,
    actor,
    meeting: BoardMeeting,
    kind: str,
    summary: str,
    detail: str = "",
    illustrative: bool = False,
    uid=None,
) -> Decision:
    if kind not in DecisionKind.values:
        raise DomainError("Choose ambition or agreed work.", field="kind")
    decision = Decision(
        meeting=meeting,
        kind=kind,
        summary=summary.strip(),
        detail=detail.strip(),
        illustrative=illustrative,
    )
    return record_save(decision, uid=uid, actor=actor, reason="Decision recorded")


@transaction.atomic
def action_record(
    *,
    actor,
    meeting: BoardMeeting,
    description: str,
    due_on: date,
    owner_champion: Champion | None = None,
    owner_person=None,
    decision: Decision | None = None,
    status: str = ActionStatus.OPEN,
    done_on: date | None = None,
    illustrative: bool = False,
    uid=None,
) -> Action:
    """An action from `meeting`, owned by one board member or one person of the programme."""
    _check_action(meeting, due_on, decision, owner_champion, owner_person)
    action = Action(
        meeting=meeting,
        decision=decision,
        description=description.strip(),
        owner_champion=owner_champion,
        owner_person=owner_person,
        due_on=due_on,
        status=status,
        done_on=done_on,
        illustrative=illustrative,
    )
    return record_save(action, uid=uid, actor=actor, reason="Action recorded")


def _check_action(meeting, due_on, decision, owner_champion, owner_person) -> None:
    same_programme(meeting.programme, owner_champion=owner_champion, owner_person=owner_person)
    if decision is not None and decision.meeting_id != meeting.pk:
        raise DomainError("The decision belongs to another meeting.", field="decision")
    if due_on < meeting.held_on:
        raise DomainError(
            f"The due date must be on or after the meeting ({meeting.held_on:%-d %B %Y}).",
            field="due_on",
        )


@transaction.atomic
def action_complete(*, actor, action: Action, done_on: date) -> Action:
    if action.status == ActionStatus.DONE:
        raise DomainError("This action is already done.", field="done_on")
    if done_on < action.meeting.held_on:
        raise DomainError("An action cannot be done before its meeting.", field="done_on")
    action.status, action.done_on = ActionStatus.DONE, done_on
    return record_save(action, actor=actor, reason="Action done")


@transaction.atomic
def action_reopen(*, actor, action: Action) -> Action:
    if action.status == ActionStatus.OPEN:
        raise DomainError("This action is already open.")
    action.status, action.done_on = ActionStatus.OPEN, None
    return record_save(action, actor=actor, reason="Action reopened")


@transaction.atomic
def decision_update(*, actor, decision: Decision, kind: str, summary: str, detail: str = ""):
    """Correct a decision's kind, summary or detail; history keeps what it said before."""
    if kind not in DecisionKind.values:
        raise DomainError("Choose ambition or agreed work.", field="kind")
    if not summary.strip():
        raise DomainError("Enter the decision's summary.", field="summary")
    decision.kind, decision.summary, decision.detail = kind, summary.strip(), detail.strip()
    return record_save(decision, actor=actor, reason="Decision changed")


@transaction.atomic
def action_update(
    *,
    actor,
    action: Action,
    description: str,
    due_on: date,
    owner_champion: Champion | None = None,
    owner_person=None,
    decision: Decision | None = None,
) -> Action:
    """Change what an action asks, its owner, due date or the decision it came from; whether
    it is done is changed by action_complete and action_reopen."""
    _check_action(action.meeting, due_on, decision, owner_champion, owner_person)
    if not description.strip():
        raise DomainError("Enter the action.", field="description")
    action.description, action.due_on, action.decision = description.strip(), due_on, decision
    action.owner_champion, action.owner_person = owner_champion, owner_person
    return record_save(action, actor=actor, reason="Action changed")
