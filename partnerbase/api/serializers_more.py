"""How the board, working groups, calls, assessment, stories, the ledger's detail and the
accelerator's records read in the API, as serializers.py does the others: every field but
the programme, ids for links, `uid` for the interchange file.

Stored files are never inlined nor linked to storage: a record with a file carries
`download`, the page's own permission-checked download URL (None without a file). A link to
a person carries only the name its page shows the same reader."""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from partnerbase.accelerator.models import (
    Accelerator,
    CohortMembership,
    Milestone,
    SupportSession,
)
from partnerbase.assessment.models import Assignment, Score
from partnerbase.board.models import Action, BoardMeeting, BoardPaper, Champion, Decision
from partnerbase.calls.models import Answer, Application, Call, Question
from partnerbase.challenges.models import ChallengeProposal, ChallengeVote
from partnerbase.champions.models import Criterion as ProspectCriterion
from partnerbase.champions.models import Prospect, StageChange
from partnerbase.champions.models import Score as ProspectScore
from partnerbase.directory.models import Organisation
from partnerbase.funding.models import Disbursement, ExchangeRate, LoanRepayment
from partnerbase.rubrics.models import Criterion
from partnerbase.stories.models import Story
from partnerbase.workinggroups.models import (
    Idea,
    WorkingGroup,
    WorkingGroupMeeting,
    WorkingGroupMember,
)

from .serializers import _serializer


def _slug(serializer) -> str:
    return serializer.context["view"].kwargs["slug"]


class _Download(serializers.SerializerMethodField):
    """The URL of the page that serves a record's file after checking who asks."""

    def __init__(self, **kwargs):
        super().__init__(
            help_text="The file's download URL (checked as the page checks it), or null.",
            **kwargs,
        )


def _person_name():
    return serializers.CharField(source="person.name", read_only=True)


# --- board -------------------------------------------------------------------------------

ChampionSerializer = _serializer(Champion, extra={"person_name": _person_name()})
BoardMeetingSerializer = _serializer(BoardMeeting)
DecisionSerializer = _serializer(Decision, exclude=())
ActionSerializer = _serializer(Action, exclude=())


class _PaperDownload:
    download = _Download()

    @extend_schema_field(OpenApiTypes.URI)
    def get_download(self, paper) -> str | None:
        if not paper.file:
            return None
        return reverse("board:paper_download", args=[_slug(self), paper.uid])


# Who uploaded a paper is the team's working, not on the board's pages.
BoardPaperSerializer = _serializer(
    BoardPaper,
    exclude=("file", "uploaded_by"),
    extra={"download": _PaperDownload.download, "get_download": _PaperDownload.get_download},
)

# --- champion targeting and choosing challenges ---------------------------------------------


class ProspectScoreSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProspectScore
        fields = ["criterion", "value"]
        read_only_fields = fields


class StageChangeSerializer(serializers.ModelSerializer):
    class Meta:
        model = StageChange
        fields = ["from_stage", "to_stage", "changed_on", "note"]
        read_only_fields = fields


ProspectSerializer = _serializer(
    Prospect,
    extra={
        "person_name": _person_name(),
        "scores": ProspectScoreSerializer(many=True, read_only=True),
        "stage_changes": StageChangeSerializer(many=True, read_only=True),
        # The engagements recorded as contacts with the prospect: their ids.
        "contacts": serializers.SlugRelatedField(
            slug_field="engagement_id", many=True, read_only=True
        ),
    },
)
ProspectCriterionSerializer = _serializer(ProspectCriterion, name="ChampionCriterionSerializer")
# Who typed a proposal in is the team's working; the page names the organisation.
ChallengeProposalSerializer = _serializer(ChallengeProposal, exclude=("programme", "proposed_by"))
ChallengeVoteSerializer = _serializer(ChallengeVote)

# --- working groups ----------------------------------------------------------------------

WorkingGroupSerializer = _serializer(WorkingGroup)
# The account a member signs in with is the team's business (the people pages).
WorkingGroupMemberSerializer = _serializer(
    WorkingGroupMember, exclude=("user",), extra={"person_name": _person_name()}
)
WorkingGroupMeetingSerializer = _serializer(WorkingGroupMeeting, exclude=())
IdeaSerializer = _serializer(Idea, exclude=())

# --- calls and assessment ----------------------------------------------------------------

CallSerializer = _serializer(Call)
QuestionSerializer = _serializer(Question, exclude=())


class AnswerSerializer(serializers.ModelSerializer):
    download = _Download()

    class Meta:
        model = Answer
        fields = ["question", "text", "number", "file_name", "file_size", "download"]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.URI)
    def get_download(self, answer) -> str | None:
        if not answer.file:
            return None
        application = answer.application
        return reverse(
            "calls:answer_download",
            args=[_slug(self), application.call.slug, application.uid, answer.question.uid],
        )


ApplicationSerializer = _serializer(
    Application, exclude=(), extra={"answers": AnswerSerializer(many=True, read_only=True)}
)
# A call's rubric line: the competition it never has is left out.
CriterionSerializer = _serializer(Criterion, exclude=("competition",))
AssignmentSerializer = _serializer(Assignment, exclude=())
ScoreSerializer = _serializer(Score, exclude=())

# --- stories, the ledger's detail ----------------------------------------------------------

StorySerializer = _serializer(Story)
DisbursementSerializer = _serializer(Disbursement, exclude=())
LoanRepaymentSerializer = _serializer(LoanRepayment, exclude=())
ExchangeRateSerializer = _serializer(ExchangeRate)

# --- history -------------------------------------------------------------------------------

# Each change to an organisation: the record as it was saved, who saved it (the name the
# history page shows) and why. `uid` is the organisation's: one per change, so many rows.
OrganisationHistorySerializer = _serializer(
    Organisation.history.model,
    exclude=("programme", "history_user"),
    extra={"who": serializers.CharField(source="history_user", read_only=True, default=None)},
    name="OrganisationHistorySerializer",
)

# --- the accelerator -----------------------------------------------------------------------

AcceleratorSerializer = _serializer(Accelerator)
CohortPlaceSerializer = _serializer(CohortMembership, exclude=())
SupportSessionSerializer = _serializer(SupportSession, exclude=())


class _EvidenceDownload:
    download = _Download()

    @extend_schema_field(OpenApiTypes.URI)
    def get_download(self, milestone) -> str | None:
        if not milestone.evidence_file:
            return None
        return reverse("accelerator:evidence_file", args=[_slug(self), milestone.uid])


# Who recorded the evidence is the team's working, not on the innovator's page.
MilestoneSerializer = _serializer(
    Milestone,
    exclude=("evidence_file", "evidence_recorded_by"),
    extra={
        "download": _EvidenceDownload.download,
        "get_download": _EvidenceDownload.get_download,
    },
)
