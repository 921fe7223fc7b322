"""Selection: a decision per submitted application, telling the applicant, and turning the
selected into the cohort's innovators: a cohort place for the organisation, and the
innovator role for the people who applied for it (until then they hold no role).

A decision may be changed freely until the applicant is notified; after that only the
convening team may change it, with a reason for the change, and the applicant is told anew.
A selected applicant who already has a cohort place keeps the decision: they withdraw from
the cohort instead, so the cohort's history stays true.
"""

from datetime import date, datetime

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from partnerbase.accounts.models import Membership, Role, User
from partnerbase.calls.models import Applicant, Application, ApplicationStatus
from partnerbase.calls.services import applicants_admit
from partnerbase.core.errors import DomainError, PermissionDenied
from partnerbase.core.history import record_save
from partnerbase.notifications.models import Kind
from partnerbase.notifications.services import notification_send

from ..models import Cohort, Decision, SelectionDecision
from ..permissions import can_change_notified_decision
from .cohorts import cohort_member_add


def _programme(application: Application):
    return application.call.programme


@transaction.atomic
def decision_record(
    *,
    actor,
    application: Application,
    decision: str,
    reason: str,
    change_reason: str = "",
    decided_at: datetime | None = None,
    notified_at: datetime | None = None,
    illustrative: bool = False,
    uid=None,
) -> SelectionDecision:
    """Record (or change) the decision on `application`."""
    if application.status != ApplicationStatus.SUBMITTED:
        raise DomainError("Only a submitted application can be decided.", field="decision")
    if decision not in Decision.values:
        raise DomainError("Select selected, waitlisted or declined.", field="decision")
    reason = (reason or "").strip()
    if not reason:
        raise DomainError("Enter the reason for the decision.", field="reason")
    selection = SelectionDecision.objects.filter(application=application).first()
    why = "Decided"
    if selection is not None:
        if selection.decision == decision and selection.reason == reason:
            raise DomainError("That is already the decision and its reason.", field="decision")
        if selection.membership_id and decision != Decision.SELECTED:
            raise DomainError(
                f"{application.organisation} already has a cohort place: withdraw them from "
                "the cohort instead.",
                field="decision",
            )
        if selection.notified_at:
            if not can_change_notified_decision(actor, _programme(application)):
                raise PermissionDenied(
                    "The applicant has been told: only the convening team can change it.",
                    field="decision",
                )
            change_reason = (change_reason or "").strip()
            if not change_reason:
                raise DomainError(
                    "Enter why the decision changes after the applicant was told.",
                    field="change_reason",
                )
            why = f"Changed after notification: {change_reason}"
            # The applicant is told again.
            selection.notified_at = None
        else:
            why = "Changed" + (f": {change_reason.strip()}" if change_reason.strip() else "")
    else:
        selection = SelectionDecision(application=application, illustrative=illustrative)
        selection.notified_at = notified_at
    selection.decision = decision
    selection.reason = reason
    selection.decided_by = actor if getattr(actor, "is_authenticated", False) else None
    selection.decided_at = decided_at or timezone.now()
    return record_save(selection, uid=uid, actor=actor, reason=why)


def applicant_people(application: Application) -> list:
    """Who hears about a decision: the people who applied for the organisation and those
    who act for it as innovators (active accounts only)."""
    innovators = Membership.objects.filter(
        programme=_programme(application),
        role=Role.INNOVATOR,
        organisation=application.organisation,
        user__is_active=True,
    ).values("user_id")
    applicants = Applicant.objects.filter(
        organisation=application.organisation, user__is_active=True
    ).values("user_id")
    return list(User.objects.filter(Q(pk__in=innovators) | Q(pk__in=applicants)).order_by("email"))


EMAIL_SUBJECTS = {
    Decision.SELECTED: "You have a place in {call}",
    Decision.WAITLISTED: "You are on the waiting list for {call}",
    Decision.DECLINED: "Your application to {call}",
}
EMAIL_OPENINGS = {
    Decision.SELECTED: "We are pleased to tell you that {org} has been selected for {call}.",
    Decision.WAITLISTED: "{org} is on the waiting list for {call}. We will tell you if a "
    "place becomes free.",
    Decision.DECLINED: "We are sorry to tell you that {org} has not been selected for {call}.",
}


@transaction.atomic
def decision_notify(*, actor, selections) -> int:
    """Tell each applicant not yet told of its decision: a notification (listed and
    emailed after the commit) to each person who acts for it; the decision then shows on
    their pages. Returns how many people were notified."""
    told = 0
    now = timezone.now()
    for selection in selections:
        if selection.notified_at:
            continue
        application = selection.application
        programme = _programme(application)
        words = {"org": application.organisation.name, "call": application.call.title}
        made = notification_send(
            actor=actor,
            programme=programme,
            kind=Kind.SELECTION_DECISION,
            users=applicant_people(application),
            subject=EMAIL_SUBJECTS[selection.decision].format(**words),
            body="\n\n".join(
                [
                    EMAIL_OPENINGS[selection.decision].format(**words),
                    f"The reason: {selection.reason}",
                ]
            ),
            url=reverse(
                "calls:application_detail",
                args=[programme.slug, application.call.slug, application.uid],
            ),
        )
        told += len(made)
        selection.notified_at = now
        record_save(selection, actor=actor, reason="Applicant notified")
    return told


@transaction.atomic
def selection_place_add(
    *,
    actor,
    selection: SelectionDecision,
    cohort: Cohort,
    joined_on: date,
    illustrative: bool = False,
    uid=None,
):
    """Give a selected applicant its place in `cohort`, with the application's challenge area."""
    application = selection.application
    if selection.decision != Decision.SELECTED:
        raise DomainError(
            f"{application.organisation} was not selected, so it cannot join the cohort.",
            field="applications",
        )
    if selection.membership_id:
        raise DomainError(
            f"{application.organisation} already has a cohort place.", field="applications"
        )
    if application.call.accelerator_id != cohort.accelerator_id:
        raise DomainError("The cohort belongs to another accelerator.", field="cohort")
    if cohort.memberships.filter(organisation=application.organisation).exists():
        raise DomainError(
            f"{application.organisation} is already in {cohort}.", field="applications"
        )
    membership = cohort_member_add(
        actor=actor,
        cohort=cohort,
        organisation=application.organisation,
        joined_on=joined_on,
        challenge_area=application.challenge_area,
        illustrative=illustrative,
        uid=uid,
    )
    selection.membership = membership
    record_save(selection, actor=actor, reason=f"Joined {cohort}")
    applicants_admit(actor=actor, organisation=application.organisation)
    return membership


@transaction.atomic
def cohort_select(
    *, actor, cohort: Cohort, applications, joined_on: date | None, reason: str
) -> list[SelectionDecision]:
    """In one step: select each of `applications` (if not already) and give it a place."""
    applications = list(applications)
    if not applications:
        raise DomainError("Select at least one application.", field="applications")
    if joined_on is None:
        raise DomainError("Enter the date the innovators join.", field="joined_on")
    if cohort.ends_on and joined_on > cohort.ends_on:
        raise DomainError("The join date must be before the cohort ends.", field="joined_on")
    chosen = []
    for application in applications:
        selection = SelectionDecision.objects.filter(application=application).first()
        if selection is None or selection.decision != Decision.SELECTED:
            selection = decision_record(
                actor=actor, application=application, decision=Decision.SELECTED, reason=reason
            )
        if selection.membership_id is None:
            selection_place_add(
                actor=actor, selection=selection, cohort=cohort, joined_on=joined_on
            )
        chosen.append(selection)
    return chosen


@transaction.atomic
def selection_place_link(*, actor, selection: SelectionDecision, membership):
    """Link a selected applicant to the cohort place it already has (an import makes
    cohort places before applications)."""
    application = selection.application
    if selection.decision != Decision.SELECTED:
        raise DomainError(f"{application.organisation} was not selected.", field="membership")
    if membership.organisation_id != application.organisation_id:
        raise DomainError("The cohort place is another organisation's.", field="membership")
    if membership.cohort.accelerator_id != application.call.accelerator_id:
        raise DomainError("The cohort belongs to another accelerator.", field="membership")
    selection.membership = membership
    record_save(selection, actor=actor, reason=f"Joined {membership.cohort}")
    applicants_admit(actor=actor, organisation=application.organisation)
    return selection
