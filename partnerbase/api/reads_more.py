"""The read endpoints of the board, working groups, calls, assessment, stories, the ledger's
disbursements, repayments and rates, and the accelerator, declared as reads.py declares the
others: each kind names its page's permission check and its page's query (in the app's
`queries.py`), and writes no visibility rule of its own."""

from django.http import Http404
from rest_framework.exceptions import PermissionDenied

from partnerbase.accelerator import filters as accelerator_filters
from partnerbase.accelerator import queries as accelerator
from partnerbase.accelerator.permissions import can_manage_accelerator, can_view_own_page
from partnerbase.accounts.permissions import can_view_directory
from partnerbase.assessment import filters as assessment_filters
from partnerbase.assessment import queries as assessment
from partnerbase.assessment.permissions import can_view_assessment
from partnerbase.board import filters as board_filters
from partnerbase.board import queries as board
from partnerbase.board.permissions import can_view_board
from partnerbase.calls import filters as calls_filters
from partnerbase.calls import queries as calls
from partnerbase.calls.permissions import can_manage_calls, can_view_own_applications
from partnerbase.challenges.filters import ChallengeProposalFilter, ChallengeVoteFilter
from partnerbase.challenges.permissions import can_view_votes
from partnerbase.challenges.queries import proposal_list, vote_list
from partnerbase.champions.filters import ProspectCriterionFilter, ProspectFilter
from partnerbase.champions.permissions import can_target_champions
from partnerbase.champions.queries import criterion_list as prospect_criterion_list
from partnerbase.champions.queries import prospect_list
from partnerbase.directory.filters import OrganisationHistoryFilter
from partnerbase.directory.queries import organisation_history_list
from partnerbase.funding import queries as funding
from partnerbase.funding.filters import DisbursementFilter, ExchangeRateFilter, LoanRepaymentFilter
from partnerbase.funding.permissions import can_view_ledger, can_view_rates
from partnerbase.stories.filters import StoryFilter
from partnerbase.stories.permissions import can_view_stories
from partnerbase.stories.queries import story_list
from partnerbase.workinggroups import filters as groups_filters
from partnerbase.workinggroups import queries as workinggroups
from partnerbase.workinggroups.filters import IdeaFilter
from partnerbase.workinggroups.permissions import can_view_working_groups

from . import serializers_more as s
from .access import token_of
from .reads import Kind, views_for


class HistoryKind(Kind):
    """A kind of history rows: many per record (one per change), so its detail is the
    record's newest row, what the record is now (or was when deleted)."""


class ApplyingKind(Kind):
    """A kind an applicant reads too: they hold no role in the programme, so it is found as
    the applications pages find it (calls.queries.applying_programme_get)."""


def _may_open_accelerator(user, programme) -> bool:
    # accelerator:home: managers; an innovator is sent on to their own page.
    return can_manage_accelerator(user, programme) or can_view_own_page(user, programme)


def _may_read_applications(user, programme) -> bool:
    # calls:application_list for those who run calls, calls:my_applications for applicants.
    return can_manage_calls(user, programme) or can_view_own_applications(user, programme)


def _applications(user, programme, params):
    rows = calls.visible_application_list(user=user, programme=programme)
    return rows.select_related("call").prefetch_related("answers__question")


def _programme_rows(query):
    """A kind whose page's query takes only the programme."""
    return lambda user, programme, params: query(programme=programme)


def _user_rows(query):
    """A kind whose page's query restricts to what the user may see."""
    return lambda user, programme, params: query(user=user, programme=programme)


MORE_KINDS = [
    # The board page and its meetings' pages (can_view_board: the team and champions).
    Kind(
        "board-seats",
        s.ChampionSerializer,
        can_view_board,
        lambda user, programme, params: board.champion_list(programme=programme).order_by(
            "term_starts_on", "id"
        ),
        {},
        "board:home",
        board_filters.ChampionFilter,
    ),
    Kind(
        "board-meetings",
        s.BoardMeetingSerializer,
        can_view_board,
        lambda user, programme, params: board.meeting_list(programme=programme).order_by(
            "held_on", "id"
        ),
        {},
        "board:home",
        board_filters.BoardMeetingFilter,
    ),
    Kind(
        "board-papers",
        s.BoardPaperSerializer,
        can_view_board,
        _programme_rows(board.paper_list),
        {},
        "board:meeting_detail",
        board_filters.BoardPaperFilter,
    ),
    Kind(
        "board-decisions",
        s.DecisionSerializer,
        can_view_board,
        _programme_rows(board.decision_list),
        {},
        "board:home",
        board_filters.DecisionFilter,
    ),
    Kind(
        "board-actions",
        s.ActionSerializer,
        can_view_board,
        lambda user, programme, params: board.action_list(programme=programme).order_by(
            "due_on", "id"
        ),
        {},
        "board:meeting_detail",
        board_filters.ActionFilter,
    ),
    # Champion targeting: the team only (a prospect list names people who may never join).
    Kind(
        "champion-prospects",
        s.ProspectSerializer,
        can_target_champions,
        lambda user, programme, params: (
            prospect_list(programme=programme)
            .prefetch_related("stage_changes", "contacts")
            .order_by("id")
        ),
        {},
        "champions:prospect_list",
        ProspectFilter,
    ),
    Kind(
        "champion-criteria",
        s.ProspectCriterionSerializer,
        can_target_champions,
        lambda user, programme, params: prospect_criterion_list(programme=programme).order_by(
            "position", "id"
        ),
        {},
        "champions:prospect_list",
        ProspectCriterionFilter,
    ),
    # Choosing challenges: the team and the member organisations' people.
    Kind(
        "challenge-proposals",
        s.ChallengeProposalSerializer,
        can_view_votes,
        _programme_rows(proposal_list),
        {},
        "challenges:proposal_list",
        ChallengeProposalFilter,
    ),
    Kind(
        "challenge-votes",
        s.ChallengeVoteSerializer,
        can_view_votes,
        lambda user, programme, params: (
            vote_list(programme=programme)
            .prefetch_related("proposals", "electors")
            .order_by("opens_on", "id")
        ),
        {},
        "challenges:vote_list",
        ChallengeVoteFilter,
    ),
    # Working groups: readers see every group, members their own groups' pages.
    Kind(
        "working-groups",
        s.WorkingGroupSerializer,
        can_view_working_groups,
        lambda user, programme, params: workinggroups.working_group_list(
            user=user, programme=programme
        ).order_by("name", "id"),
        {},
        "workinggroups:group_list",
        groups_filters.WorkingGroupFilter,
    ),
    Kind(
        "working-group-members",
        s.WorkingGroupMemberSerializer,
        can_view_working_groups,
        _user_rows(workinggroups.member_list),
        {},
        "workinggroups:group_detail",
        groups_filters.WorkingGroupMemberFilter,
    ),
    Kind(
        "working-group-meetings",
        s.WorkingGroupMeetingSerializer,
        can_view_working_groups,
        _user_rows(workinggroups.meeting_list),
        {},
        "workinggroups:group_detail",
        groups_filters.WorkingGroupMeetingFilter,
    ),
    Kind(
        "ideas",
        s.IdeaSerializer,
        can_view_working_groups,
        _user_rows(workinggroups.idea_list),
        {},
        "workinggroups:idea_list",
        IdeaFilter,
    ),
    # Calls: those who run them (the team, accelerator managers).
    Kind(
        "calls",
        s.CallSerializer,
        can_manage_calls,
        lambda user, programme, params: (
            calls.call_list(programme=programme)
            .prefetch_related("challenge_areas")
            .order_by("opens_at", "id")
        ),
        {},
        "calls:call_list",
        calls_filters.CallFilter,
    ),
    Kind(
        "call-questions",
        s.QuestionSerializer,
        can_manage_calls,
        _programme_rows(calls.question_list),
        {},
        "calls:call_detail",
        calls_filters.QuestionFilter,
    ),
    ApplyingKind(
        "applications",
        s.ApplicationSerializer,
        _may_read_applications,
        _applications,
        {},
        "calls:application_list",
        calls_filters.ProgrammeApplicationFilter,
    ),
    # Assessment: managers every assignment and score; an assessor their own, and others'
    # scores once their own are submitted.
    Kind(
        "assessment-criteria",
        s.CriterionSerializer,
        can_view_assessment,
        _user_rows(assessment.criterion_list),
        {},
        "assessment:rubric",
        assessment_filters.CriterionFilter,
    ),
    Kind(
        "assessments",
        s.AssignmentSerializer,
        can_view_assessment,
        _user_rows(assessment.assignment_list),
        {},
        "assessment:index",
        assessment_filters.AssignmentFilter,
    ),
    Kind(
        "scores",
        s.ScoreSerializer,
        can_view_assessment,
        _user_rows(assessment.score_list),
        {},
        "assessment:score",
        assessment_filters.ScoreFilter,
    ),
    # Stories: the dashboard's readers, drafts too (they go into the report).
    Kind(
        "stories",
        s.StorySerializer,
        can_view_stories,
        lambda user, programme, params: story_list(programme=programme).order_by("position", "id"),
        {},
        "stories:story_list",
        StoryFilter,
    ),
    # The ledger's awards' pages: their disbursements and repayments; the rates page.
    Kind(
        "disbursements",
        s.DisbursementSerializer,
        can_view_ledger,
        _user_rows(funding.disbursement_list),
        {},
        "funding:disbursement_list",
        DisbursementFilter,
    ),
    Kind(
        "loan-repayments",
        s.LoanRepaymentSerializer,
        can_view_ledger,
        _user_rows(funding.repayment_list),
        {},
        "funding:award_detail",
        LoanRepaymentFilter,
    ),
    Kind(
        "exchange-rates",
        s.ExchangeRateSerializer,
        can_view_rates,
        _programme_rows(funding.rate_list),
        {},
        "funding:rates",
        ExchangeRateFilter,
    ),
    # Every change to the organisations (directory:organisation_history, one's page).
    HistoryKind(
        "organisation-history",
        s.OrganisationHistorySerializer,
        can_view_directory,
        _programme_rows(organisation_history_list),
        {},
        "directory:organisation_history",
        OrganisationHistoryFilter,
    ),
    # The accelerator: managers all of it; an innovator their own page's places, sessions
    # and milestones.
    Kind(
        "accelerators",
        s.AcceleratorSerializer,
        can_manage_accelerator,
        lambda user, programme, params: accelerator.accelerator_list(programme=programme).order_by(
            "starts_on", "id"
        ),
        {},
        "accelerator:home",
        accelerator_filters.AcceleratorFilter,
    ),
    Kind(
        "cohort-places",
        s.CohortPlaceSerializer,
        _may_open_accelerator,
        _user_rows(accelerator.place_list),
        {},
        "accelerator:innovator",
        accelerator_filters.CohortMembershipFilter,
    ),
    Kind(
        "support-sessions",
        s.SupportSessionSerializer,
        _may_open_accelerator,
        _user_rows(accelerator.session_list),
        {},
        "accelerator:session",
        accelerator_filters.SupportSessionFilter,
    ),
    Kind(
        "milestones",
        s.MilestoneSerializer,
        _may_open_accelerator,
        _user_rows(accelerator.milestone_list),
        {},
        "accelerator:innovator",
        accelerator_filters.MilestoneFilter,
    ),
]
MORE_KINDS_BY_PATH = {kind.path: kind for kind in MORE_KINDS}


def applying_programme_for(request, slug: str, allowed):
    """As access.programme_for, for a kind an applicant reads: 404 for a programme the
    caller neither belongs nor applies to, or that the token is not for; 403 unless
    `allowed`."""
    programme = calls.applying_programme_get(user=request.user, slug=slug)
    token = token_of(request)
    if token is not None and token.programme_id not in (None, programme.pk):
        raise Http404("No such programme")
    if not allowed(request.user, programme):
        raise PermissionDenied
    return programme


class _ApplyingRows:
    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.kind.model.objects.none()
        programme = applying_programme_for(self.request, self.kwargs["slug"], self.kind.allowed)
        return self.kind.rows(self.request.user, programme, self.request.query_params)


class _NewestRow:
    def get_object(self):
        row = (
            self.filter_queryset(self.get_queryset())
            .filter(uid=self.kwargs["uid"])
            .order_by("-history_date", "-history_id")
            .first()
        )
        if row is None:
            raise Http404("No such record")
        return row


def more_views(kind: Kind) -> tuple[type, type]:
    """The list and detail views of one of these kinds."""
    listing, detail = views_for(kind)
    if isinstance(kind, HistoryKind):
        detail = type(detail.__name__, (_NewestRow, detail), {"__doc__": detail.__doc__})
    if isinstance(kind, ApplyingKind):
        listing = type(listing.__name__, (_ApplyingRows, listing), {"__doc__": listing.__doc__})
        detail = type(detail.__name__, (_ApplyingRows, detail), {"__doc__": detail.__doc__})
    return listing, detail
