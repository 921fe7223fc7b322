"""How the rest of a programme's records read in the API (reads_others.py), as
serializers.py does the others: every field but the programme, ids for links, `uid` for the
interchange file. What a record keeps for the machinery (an invitation's token hash, a
notification's de-duplication key, a job's task) is left out, and so is who did something
where the record's page does not say."""

from rest_framework import serializers

from partnerbase.accelerator.models import Attendance, SelectionDecision
from partnerbase.accounts.models import Invitation
from partnerbase.assessment.models import ModerationNote, Rubric
from partnerbase.brokering.models import BrokeringRound, RoundInnovatorSetting
from partnerbase.calls.models import EligibilityRule
from partnerbase.challenges.models import Ballot
from partnerbase.directory.models import Person
from partnerbase.impact.models import Target
from partnerbase.jobs.models import Job
from partnerbase.notifications.models import Notification
from partnerbase.pledges.models import PledgeDelivery
from partnerbase.privacy.models import PersonalDataAction
from partnerbase.projects.models import (
    CoalitionMember,
    CompetitionAward,
    CompetitionEntry,
    CompetitionJudge,
    CompetitionStage,
    JudgeAssignment,
    JudgeScore,
    ProjectFunding,
    ProjectIndicator,
    ProjectObservation,
)
from partnerbase.rubrics.models import Criterion as RubricCriterion

from .serializers import _serializer


def _part(model, fields: list[str]):
    """A record's parts, listed inside it (read with it, never on their own)."""
    meta = type("Meta", (), {"model": model, "fields": fields, "read_only_fields": fields})
    return type(f"{model.__name__}PartSerializer", (serializers.ModelSerializer,), {"Meta": meta})


# --- brokering and pledges -------------------------------------------------------------------

RoundSettingSerializer = _part(
    RoundInnovatorSetting, ["innovator", "capacity", "min_introductions"]
)
# Who created a round is the brokers' working; its weights, limits and result are the page's.
BrokeringRoundSerializer = _serializer(
    BrokeringRound,
    exclude=("programme", "created_by"),
    extra={"innovator_settings": RoundSettingSerializer(many=True, read_only=True)},
)
PledgeDeliverySerializer = _serializer(PledgeDelivery, exclude=())

# --- projects and competitions -----------------------------------------------------------------

CoalitionMemberSerializer = _serializer(CoalitionMember, exclude=())
ProjectFundingSerializer = _serializer(ProjectFunding, exclude=())
ProjectObservationSerializer = _part(
    ProjectObservation, ["id", "uid", "observed_on", "value", "quality", "evidence"]
)
ProjectIndicatorSerializer = _serializer(
    ProjectIndicator,
    exclude=(),
    extra={"observations": ProjectObservationSerializer(many=True, read_only=True)},
)
CompetitionStageSerializer = _serializer(CompetitionStage, exclude=())
CompetitionCriterionSerializer = _serializer(
    RubricCriterion, exclude=("rubric",), name="CompetitionCriterionSerializer"
)
CompetitionEntrySerializer = _serializer(CompetitionEntry, exclude=())
# The page names the judge; their account is the team's business.
CompetitionJudgeSerializer = _serializer(
    CompetitionJudge,
    exclude=("user",),
    extra={"name": serializers.CharField(source="user.full_name", read_only=True)},
)
CompetitionAwardSerializer = _serializer(CompetitionAward, exclude=())
JudgeScoreSerializer = _part(JudgeScore, ["criterion", "score"])
JudgeAssignmentSerializer = _serializer(
    JudgeAssignment,
    exclude=(),
    extra={"scores": JudgeScoreSerializer(many=True, read_only=True)},
)

# --- the accelerator, calls, assessment, challenges ------------------------------------------

SelectionDecisionSerializer = _serializer(SelectionDecision, exclude=())
AttendanceSerializer = _serializer(Attendance, exclude=())
EligibilityRuleSerializer = _serializer(EligibilityRule, exclude=())
RubricSerializer = _serializer(Rubric, exclude=())
ModerationNoteSerializer = _serializer(ModerationNote, exclude=())
# The vote's page says who has voted, not how: a ballot's choices stay with the count.
BallotSerializer = _serializer(Ballot, fields=["id", "uid", "vote", "organisation", "cast_on"])

# --- the directory's people, people and access, background work, targets --------------------

PersonSerializer = _serializer(Person, name="DirectoryPersonSerializer")
# Never the link's token: only its hash is kept, and not even that leaves the server.
InvitationSerializer = _serializer(Invitation, exclude=("programme", "token_hash"))
NotificationSerializer = _serializer(
    Notification, exclude=("programme", "user", "key", "invitation", "last_error")
)
PersonalDataActionSerializer = _serializer(PersonalDataAction)
JobSerializer = _serializer(
    Job, exclude=("programme", "task_path", "task_result_id", "output", "heartbeat_at")
)
TargetSerializer = _serializer(Target)
