"""The read endpoints of the rest of a programme's records, declared as reads.py declares
the others: each kind names its page's permission check and the query in the app's
`queries.py` that the page (or the pages, for a part shown on its record's page) uses, and
writes no visibility rule of its own. Each has its app's FilterSet.

What no kind lists, and why, is api/tests/test_every_record.py's exclusion list."""

from django.http import Http404

from partnerbase.accelerator import queries as accelerator
from partnerbase.accelerator.filters import AttendanceFilter, SelectionDecisionFilter
from partnerbase.accelerator.permissions import can_manage_accelerator
from partnerbase.accounts.filters import InvitationFilter
from partnerbase.accounts.permissions import (
    can_manage_people,
    can_manage_programme,
    can_view_directory,
    can_view_programme,
)
from partnerbase.accounts.queries import invitation_list
from partnerbase.assessment import queries as assessment
from partnerbase.assessment.filters import ModerationNoteFilter, RubricFilter
from partnerbase.assessment.permissions import can_manage_assessment, can_view_assessment
from partnerbase.brokering.filters import RoundFilter
from partnerbase.brokering.permissions import can_broker
from partnerbase.brokering.queries import round_list
from partnerbase.calls.filters import EligibilityRuleFilter
from partnerbase.calls.permissions import can_manage_calls
from partnerbase.calls.queries import eligibility_rule_list
from partnerbase.challenges.filters import BallotFilter
from partnerbase.challenges.permissions import can_view_votes
from partnerbase.challenges.queries import ballot_list
from partnerbase.directory.filters import PersonFilter
from partnerbase.directory.queries import person_list
from partnerbase.impact.filters import TargetFilter
from partnerbase.impact.models import Target
from partnerbase.jobs.filters import JobFilter
from partnerbase.jobs.permissions import can_view_jobs
from partnerbase.jobs.queries import job_list
from partnerbase.notifications.filters import NotificationFilter
from partnerbase.notifications.queries import my_notifications
from partnerbase.pledges.filters import PledgeDeliveryFilter
from partnerbase.pledges.permissions import can_use_pledges
from partnerbase.pledges.queries import delivery_list
from partnerbase.privacy.filters import PersonalDataActionFilter
from partnerbase.privacy.queries import personal_data_action_list
from partnerbase.projects import filters as projects_filters
from partnerbase.projects import queries as projects
from partnerbase.projects.permissions import can_view_competitions, can_view_projects

from . import serializers_others as s
from .reads import Kind
from .reads_more import _may_open_accelerator, _programme_rows, _user_rows


def _team_only_hidden(user, programme) -> bool:
    # privacy:index is a hidden page: anyone but the team is told it does not exist.
    if not can_manage_people(user, programme):
        raise Http404("No such page")
    return True


def _own_notifications(user, programme, params):
    return my_notifications(user=user).filter(programme=programme).order_by("-created_at", "-id")


def _targets(programme):
    return Target.objects.filter(programme=programme).order_by("figure", "id")


OTHER_KINDS = [
    Kind(
        "brokering-rounds",
        s.BrokeringRoundSerializer,
        can_broker,
        lambda user, programme, params: (
            round_list(programme=programme).prefetch_related("innovator_settings").order_by("-id")
        ),
        {},
        "brokering:round_add",
        RoundFilter,
    ),
    Kind(
        "pledge-deliveries",
        s.PledgeDeliverySerializer,
        can_use_pledges,
        _user_rows(delivery_list),
        {},
        "pledges:detail",
        PledgeDeliveryFilter,
    ),
    # A project's page shows its coalition, its money and its outcomes to whoever may
    # open it (projects.queries.project_list).
    Kind(
        "coalition-members",
        s.CoalitionMemberSerializer,
        can_view_projects,
        _user_rows(projects.coalition_member_list),
        {},
        "projects:project_detail",
        projects_filters.CoalitionMemberFilter,
    ),
    Kind(
        "project-funding",
        s.ProjectFundingSerializer,
        can_view_projects,
        _user_rows(projects.project_funding_list),
        {},
        "projects:project_detail",
        projects_filters.ProjectFundingFilter,
    ),
    Kind(
        "project-indicators",
        s.ProjectIndicatorSerializer,
        can_view_projects,
        _user_rows(projects.project_indicator_list),
        {},
        "projects:project_detail",
        projects_filters.ProjectIndicatorFilter,
    ),
    # A competition's page: its stages and rubric to all who open it, the entries each
    # may see, the judges to those who manage it, a judge's own assignments and scores.
    Kind(
        "competition-stages",
        s.CompetitionStageSerializer,
        can_view_competitions,
        _user_rows(projects.competition_stage_list),
        {},
        "projects:competition_detail",
        projects_filters.CompetitionStageFilter,
    ),
    Kind(
        "competition-criteria",
        s.CompetitionCriterionSerializer,
        can_view_competitions,
        _user_rows(projects.competition_criterion_list),
        {},
        "projects:competition_detail",
        projects_filters.CompetitionCriterionFilter,
    ),
    Kind(
        "competition-entries",
        s.CompetitionEntrySerializer,
        can_view_competitions,
        _user_rows(projects.competition_entry_list),
        {},
        "projects:competition_detail",
        projects_filters.CompetitionEntryFilter,
    ),
    Kind(
        "competition-judges",
        s.CompetitionJudgeSerializer,
        can_view_competitions,
        _user_rows(projects.competition_judge_list),
        {},
        "projects:competition_detail",
        projects_filters.CompetitionJudgeFilter,
    ),
    Kind(
        "competition-awards",
        s.CompetitionAwardSerializer,
        can_view_competitions,
        _user_rows(projects.competition_award_list),
        {},
        "projects:competition_detail",
        projects_filters.CompetitionAwardFilter,
    ),
    Kind(
        "judge-assignments",
        s.JudgeAssignmentSerializer,
        can_view_competitions,
        _user_rows(projects.judge_assignment_list),
        {},
        "projects:score",
        projects_filters.JudgeAssignmentFilter,
    ),
    # The accelerator's selection pages (managers); who attended which session.
    Kind(
        "selection-decisions",
        s.SelectionDecisionSerializer,
        can_manage_accelerator,
        _programme_rows(accelerator.selection_decision_list),
        {},
        "accelerator:selection",
        SelectionDecisionFilter,
    ),
    Kind(
        "attendances",
        s.AttendanceSerializer,
        _may_open_accelerator,
        _user_rows(accelerator.attendance_list),
        {},
        "accelerator:session",
        AttendanceFilter,
    ),
    Kind(
        "eligibility-rules",
        s.EligibilityRuleSerializer,
        can_manage_calls,
        _programme_rows(eligibility_rule_list),
        {},
        "calls:call_detail",
        EligibilityRuleFilter,
    ),
    Kind(
        "rubrics",
        s.RubricSerializer,
        can_view_assessment,
        _user_rows(assessment.rubric_list),
        {},
        "assessment:rubric",
        RubricFilter,
    ),
    Kind(
        "moderation-notes",
        s.ModerationNoteSerializer,
        can_manage_assessment,
        _programme_rows(assessment.moderation_note_list),
        {},
        "assessment:ranking",
        ModerationNoteFilter,
    ),
    # Who has voted (the vote's page), not how.
    Kind(
        "ballots",
        s.BallotSerializer,
        can_view_votes,
        _programme_rows(ballot_list),
        {},
        "challenges:vote_detail",
        BallotFilter,
    ),
    Kind(
        "directory-people",
        s.PersonSerializer,
        can_view_directory,
        lambda user, programme, params: person_list(programme=programme).order_by("name", "id"),
        {},
        "directory:person_list",
        PersonFilter,
    ),
    # The team's people pages: invitations sent; the personal-data log.
    Kind(
        "invitations",
        s.InvitationSerializer,
        can_manage_people,
        _programme_rows(invitation_list),
        {},
        "people:list",
        InvitationFilter,
    ),
    Kind(
        "personal-data-actions",
        s.PersonalDataActionSerializer,
        _team_only_hidden,
        _programme_rows(personal_data_action_list),
        {},
        "privacy:index",
        PersonalDataActionFilter,
    ),
    # The caller's own notifications about this programme (their notifications page).
    Kind(
        "notifications",
        s.NotificationSerializer,
        can_view_programme,
        _own_notifications,
        {},
        "notifications:list",
        NotificationFilter,
    ),
    Kind(
        "jobs",
        s.JobSerializer,
        can_view_jobs,
        _user_rows(job_list),
        {},
        "jobs:list",
        JobFilter,
    ),
    Kind(
        "targets",
        s.TargetSerializer,
        can_manage_programme,
        lambda user, programme, params: _targets(programme),
        {},
        "reports:targets_edit",
        TargetFilter,
    ),
]
OTHER_KINDS_BY_PATH = {kind.path: kind for kind in OTHER_KINDS}
