"""Writes for assessment: the rubric, assignments (by hand and automatic), scores and
moderation notes. Each runs in a transaction and keeps history (core/history.py)."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from partnerbase.accounts.models import Membership, Role
from partnerbase.calls.models import Application, ApplicationStatus
from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_delete, record_save
from partnerbase.notifications.models import Kind
from partnerbase.notifications.services import notification_send
from partnerbase.rubrics.models import Criterion

from .assign import plan_assignments
from .conflicts import conflict_reason
from .models import Assignment, ModerationNote, Rubric, Score
from .queries import assessor_organisations, assessors_of, programme_links, submitted_applications


def _child(obj, uid, illustrative):
    if uid:
        obj.uid = uid
    obj.illustrative = illustrative
    return obj


# --- the rubric --------------------------------------------------------------------------


def scoring_started(call) -> bool:
    return Score.objects.filter(assignment__application__call=call).exists()


@transaction.atomic
def rubric_create(
    *, actor, call, disagreement_threshold: int = 25, illustrative: bool = False, uid=None
) -> Rubric:
    if Rubric.objects.filter(call=call).exists():
        raise DomainError(f"{call} already has a rubric.")
    rubric = Rubric(call=call, disagreement_threshold=disagreement_threshold)
    return record_save(_child(rubric, uid, illustrative), actor=actor, reason="Rubric created")


def rubric_ensure(*, actor, call) -> Rubric:
    return Rubric.objects.filter(call=call).first() or rubric_create(actor=actor, call=call)


@transaction.atomic
def rubric_threshold_set(*, actor, rubric: Rubric, disagreement_threshold: int) -> Rubric:
    rubric.disagreement_threshold = disagreement_threshold
    return record_save(rubric, actor=actor, reason="Disagreement threshold changed")


@transaction.atomic
def criterion_add(
    *,
    actor,
    rubric: Rubric,
    name: str,
    guidance: str = "",
    weight: int = 1,
    min_score: int = 0,
    max_score: int = 10,
    illustrative: bool = False,
    uid=None,
) -> Criterion:
    if scoring_started(rubric.call):
        raise DomainError("Scoring has started: the rubric can no longer change.", field="name")
    if rubric.criteria.filter(name=name).exists():
        raise DomainError(f"The rubric already has a criterion called {name}.", field="name")
    last = rubric.criteria.order_by("-position").values_list("position", flat=True).first()
    criterion = Criterion(
        rubric=rubric,
        position=(last or 0) + 1,
        name=name,
        guidance=guidance,
        weight=weight,
        min_score=min_score,
        max_score=max_score,
    )
    return record_save(_child(criterion, uid, illustrative), actor=actor, reason="Criterion added")


@transaction.atomic
def criterion_remove(*, actor, criterion: Criterion) -> None:
    if scoring_started(criterion.rubric.call):
        raise DomainError("Scoring has started: the rubric can no longer change.")
    record_delete(criterion, actor=actor, reason="Criterion removed")


# --- assignments -------------------------------------------------------------------------


def is_assessor(user, programme) -> bool:
    return Membership.objects.filter(user=user, programme=programme, role=Role.ASSESSOR).exists()


def conflict_of(assessor, application: Application) -> str:
    """Why `assessor` may not assess `application` ("" if they may): conflicts.py."""
    programme = application.call.programme
    orgs = assessor_organisations(programme, [assessor])[assessor.pk]
    applicant = (application.organisation_id, application.organisation.name)
    return conflict_reason(orgs, applicant, programme_links(programme) if orgs else {})


@transaction.atomic
def assignment_add(
    *,
    actor,
    application: Application,
    assessor,
    check_conflict: bool = True,
    illustrative: bool = False,
    uid=None,
) -> Assignment:
    """The importer passes check_conflict=False to restore an assignment as it was, even if
    a link made since would now refuse it."""
    programme = application.call.programme
    if application.status != ApplicationStatus.SUBMITTED:
        raise DomainError("Only a submitted application can be assessed.", field="application")
    if not is_assessor(assessor, programme):
        raise DomainError(f"{assessor} is not an assessor in this programme.", field="assessor")
    if check_conflict:
        why = conflict_of(assessor, application)
        if why:
            raise DomainError(
                f"{assessor} cannot assess {application.organisation}: conflict of interest, "
                f"{why}.",
                field="assessor",
            )
    if Assignment.objects.filter(application=application, assessor=assessor).exists():
        raise DomainError(
            f"{assessor} is already assessing {application.organisation}.", field="assessor"
        )
    assignment = Assignment(application=application, assessor=assessor)
    record_save(_child(assignment, uid, illustrative), actor=actor, reason="Assigned")
    call = application.call
    notification_send(
        actor=actor,
        programme=programme,
        kind=Kind.ASSESSMENT_ASSIGNED,
        users=[assessor],
        subject=f"Please assess {application.organisation.name}’s application",
        body=f"You are asked to assess {application.organisation.name}’s application to "
        f"{call.title}.",
        url=reverse("assessment:score", args=[programme.slug, assignment.uid]),
    )
    return assignment


@transaction.atomic
def assignment_remove(*, actor, assignment: Assignment) -> None:
    """An assessor who has submitted keeps their assignment: their scores count."""
    assignment = Assignment.objects.select_for_update().get(pk=assignment.pk)
    if assignment.submitted_at:
        raise DomainError(f"{assignment.assessor} has submitted scores: the assignment stays.")
    for score in assignment.scores.all():
        record_delete(score, actor=actor, reason="Assignment removed")
    record_delete(assignment, actor=actor, reason="Assignment removed")


@dataclass(frozen=True)
class AutoResult:
    created: list[Assignment]
    short: dict[Application, int]  # applications that could not get N, and by how many
    loads: dict  # assessor -> load afterwards


@transaction.atomic
def assignments_auto(
    *, actor, call, per_application: int, illustrative: bool = False, uid_for=None
) -> AutoResult:
    """Give each submitted application `per_application` assessors (assign.py), keeping
    the assignments it has; never an assessor with a conflict of interest. `uid_for`
    (application, assessor) -> uid gives the demo stable ids."""
    if per_application < 1:
        raise DomainError("Enter 1 or more assessors per application.", field="per_application")
    programme = call.programme
    applications = list(submitted_applications(call))
    assessors = list(assessors_of(programme))
    if not assessors:
        raise DomainError("The programme has no assessors yet.", field="per_application")
    orgs = assessor_organisations(programme, assessors)
    links = programme_links(programme)
    by_app = {a.pk: a for a in applications}
    by_user = {u.pk: u for u in assessors}

    def allowed(app_id, user_id):
        app = by_app[app_id]
        return not conflict_reason(
            orgs[user_id], (app.organisation_id, app.organisation.name), links
        )

    existing = Assignment.objects.filter(application__call=call).values_list(
        "application_id", "assessor_id"
    )
    plan = plan_assignments(list(by_app), list(by_user), per_application, allowed, existing)
    created = [
        assignment_add(
            actor=actor,
            application=by_app[a],
            assessor=by_user[r],
            check_conflict=False,
            illustrative=illustrative,
            uid=uid_for(by_app[a], by_user[r]) if uid_for else None,
        )
        for a, r in plan.new
    ]
    return AutoResult(
        created,
        {by_app[a]: n for a, n in plan.short.items()},
        {by_user[r]: n for r, n in plan.loads.items()},
    )


# --- scores ------------------------------------------------------------------------------


@transaction.atomic
def scores_save(
    *,
    actor,
    assignment: Assignment,
    scores: Mapping,
    submit: bool = False,
    at: datetime | None = None,
    score_uids: Mapping | None = None,
) -> Assignment:
    """Save the assessor's scores: {criterion or its id: (score or None, comment)}. A draft
    may leave scores blank; submitting needs every criterion. Every score must be in its
    range; nothing is saved unless all are. Submitted scores are final. `score_uids`
    ({criterion id: uid}) keeps the ids of the demo and of an imported file."""
    assignment = Assignment.objects.select_for_update().get(pk=assignment.pk)
    if assignment.submitted_at:
        raise DomainError("You have already submitted your scores for this application.")
    given = {getattr(k, "pk", k): v for k, v in scores.items()}
    criteria = list(Criterion.objects.filter(rubric__call_id=assignment.application.call_id))
    if not criteria:
        raise DomainError("The call's rubric has no criteria yet.")
    checked = []
    for criterion in criteria:
        field = f"score_{criterion.pk}"
        value, comment = given.get(criterion.pk, (None, ""))
        if value is None:
            if submit:
                raise DomainError(f"Enter a score for {criterion.name}.", field=field)
        elif not criterion.min_score <= int(value) <= criterion.max_score:
            raise DomainError(
                f"The score for {criterion.name} must be between {criterion.min_score} and "
                f"{criterion.max_score}.",
                field=field,
            )
        checked.append((criterion, value, comment or ""))
    existing = {s.criterion_id: s for s in assignment.scores.all()}
    for criterion, value, comment in checked:
        row = existing.get(criterion.pk)
        if value is None:
            if row is not None:
                record_delete(row, actor=actor, reason="Score cleared")
            continue
        row = row or Score(
            assignment=assignment, criterion=criterion, illustrative=assignment.illustrative
        )
        row.score, row.comment = int(value), comment
        record_save(row, actor=actor, reason="Scored", uid=(score_uids or {}).get(criterion.pk))
    if submit:
        assignment.submitted_at = at or timezone.now()
        record_save(assignment, actor=actor, reason="Scores submitted")
    return assignment


@transaction.atomic
def moderation_note_save(
    *, actor, application: Application, note: str, illustrative: bool = False, uid=None
) -> ModerationNote:
    row = ModerationNote.objects.filter(application=application).first()
    row = row or _child(ModerationNote(application=application), uid, illustrative)
    row.note = note
    return record_save(row, actor=actor, reason="Moderation note")
