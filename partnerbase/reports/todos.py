"""What each person has to do next in a programme, with counts, for their landing page.

Each to-do is a count of records that wait on the person's roles, with a link to the page
where they deal with them; a count of 0 is left out. One query per to-do a role has.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Q
from django.urls import reverse

from partnerbase.accelerator.models import Milestone, MilestoneStatus
from partnerbase.accounts.models import Membership, Role
from partnerbase.assessment.models import Assignment
from partnerbase.brokering.models import Introduction, IntroductionStatus, Partnership, Response
from partnerbase.brokering.stages import CONFIRMED_STAGES
from partnerbase.calls.models import Application, ApplicationStatus
from partnerbase.challenges.models import ChallengeVote, VoteStatus
from partnerbase.core.words import plural
from partnerbase.pledges.models import Pledge, PledgeStatus
from partnerbase.projects.models import JudgeAssignment
from partnerbase.setup.tasks import setup_tasks

# How far ahead a due date counts as due, and how long an introduction may wait.
DUE_WITHIN = timedelta(days=14)
UNANSWERED_AFTER = timedelta(days=14)
OPEN_PLEDGES = (PledgeStatus.PLEDGED, PledgeStatus.CONFIRMED)


@dataclass(frozen=True)
class Todo:
    key: str
    count: int
    text: str  # follows the count: "3 introductions await your answer"
    url: str


def _organisations(user, programme) -> dict[str, set[int]]:
    """The organisations the user acts for, by role."""
    acting: dict[str, set[int]] = {}
    rows = Membership.objects.filter(user=user, programme=programme).values_list(
        "role", "organisation_id"
    )
    for role, organisation_id in rows:
        acting.setdefault(role, set())
        if organisation_id:
            acting[role].add(organisation_id)
    return acting


def todos(user, programme, today: date | None = None) -> list[Todo]:
    """The user's to-dos in the programme, most pressing roles first."""
    today = today or date.today()
    acting = _organisations(user, programme)
    if user.is_superuser:
        acting.setdefault(Role.TEAM, set())
    slug = programme.slug
    items: list[tuple[str, int, str, str, str]] = []  # key, count, one, many, url name

    def add(key, queryset, one, many, url_name):
        count = queryset.count()
        if count:
            items.append((key, count, one, many, url_name))

    pending = Introduction.objects.filter(programme=programme, status=IntroductionStatus.SENT)
    due_pledges = Pledge.objects.filter(
        programme=programme, status__in=OPEN_PLEDGES, due_on__lte=today + DUE_WITHIN
    )
    if Role.INNOVATOR in acting:
        orgs = acting[Role.INNOVATOR]
        add(
            "innovator-introductions",
            pending.filter(innovator__in=orgs, innovator_response=Response.PENDING),
            "introduction awaits your answer",
            "introductions await your answer",
            "brokering:my_introductions",
        )
        add(
            "milestones",
            Milestone.objects.filter(
                membership__cohort__accelerator__programme=programme,
                membership__organisation__in=orgs,
                status__in=(MilestoneStatus.PLANNED, MilestoneStatus.IN_PROGRESS),
                due_on__lte=today + DUE_WITHIN,
            ),
            "milestone is due or overdue",
            "milestones are due or overdue",
            "accelerator:mine",
        )
    if Role.PARTNER_CONTACT in acting:
        orgs = acting[Role.PARTNER_CONTACT]
        add(
            "partner-introductions",
            pending.filter(partner__in=orgs, partner_response=Response.PENDING),
            "introduction awaits your answer",
            "introductions await your answer",
            "brokering:my_introductions",
        )
        add(
            "partner-pledges",
            due_pledges.filter(organisation__in=orgs),
            "pledge is due or overdue",
            "pledges are due or overdue",
            "pledges:ledger",
        )
    if Role.ASSESSOR in acting:
        add(
            "assessments",
            Assignment.objects.filter(
                assessor=user, submitted_at__isnull=True, application__call__programme=programme
            ),
            "application to score",
            "applications to score",
            "assessment:mine",
        )
        add(
            "judging",
            JudgeAssignment.objects.filter(
                judge__user=user, submitted_on__isnull=True, entry__competition__programme=programme
            ),
            "competition entry to judge",
            "competition entries to judge",
            "projects:competition_list",
        )
    if Role.CHAMPION in acting:
        orgs = acting[Role.CHAMPION]
        add(
            "votes",
            ChallengeVote.objects.filter(programme=programme, status=VoteStatus.OPEN).exclude(
                ballots__organisation__in=orgs
            ),
            "challenge vote is open for your ballot",
            "challenge votes are open for your ballot",
            "challenges:vote_list",
        )
        add(
            "champion-pledges",
            due_pledges.filter(organisation__in=orgs),
            "pledge is due or overdue",
            "pledges are due or overdue",
            "pledges:ledger",
        )
    if Role.TEAM in acting:
        add(
            "unassigned",
            Application.objects.filter(
                call__programme=programme, status=ApplicationStatus.SUBMITTED, assessments=None
            ),
            "submitted application has no assessor",
            "submitted applications have no assessor",
            "assessment:index",
        )
        add(
            "unanswered",
            pending.filter(sent_on__lte=today - UNANSWERED_AFTER).filter(
                Q(innovator_response=Response.PENDING) | Q(partner_response=Response.PENDING)
            ),
            "introduction is unanswered after 14 days",
            "introductions are unanswered after 14 days",
            "brokering:home",
        )
        add(
            "overdue-pledges",
            Pledge.objects.filter(programme=programme, status__in=OPEN_PLEDGES, due_on__lt=today),
            "pledge is overdue",
            "pledges are overdue",
            "pledges:ledger",
        )
        add(
            "unvalued",
            Partnership.objects.filter(
                programme=programme,
                stage__in=[s.value for s in CONFIRMED_STAGES],
                estimated_value_minor__isnull=True,
            ),
            "confirmed partnership has no value estimate",
            "confirmed partnerships have no value estimate",
            "brokering:partnership_list",
        )
        remaining = sum(not task.done for task in setup_tasks(programme))
        if remaining:
            items.append(
                ("setup", remaining, "set-up step to go", "set-up steps to go", "reports:dashboard")
            )
    return [
        Todo(key, count, plural(count, one, many), reverse(name, args=[slug]))
        for key, count, one, many, name in items
    ]
