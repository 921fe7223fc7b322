"""Rows per model, to prove that a refused import saves nothing at all."""

from partnerbase.accelerator.models import (
    Attendance,
    Cohort,
    CohortMembership,
    Milestone,
    SelectionDecision,
    SupportSession,
)
from partnerbase.accounts.models import Membership, User
from partnerbase.assessment.models import Assignment as AssessorAssignment
from partnerbase.assessment.models import ModerationNote
from partnerbase.assessment.models import Rubric as AssessmentRubric
from partnerbase.assessment.models import Score as AssessorScore
from partnerbase.brokering.models import (
    BrokeringRound,
    Introduction,
    Need,
    Offer,
    Partnership,
    PartnershipPartner,
    RoundInnovatorSetting,
)
from partnerbase.calls.models import Answer, Application, Call, EligibilityRule, Question
from partnerbase.challenges.models import Ballot, ChallengeProposal, ChallengeVote
from partnerbase.champions.models import Contact as ChampionContact
from partnerbase.champions.models import Criterion as ChampionCriterion
from partnerbase.champions.models import Prospect as ChampionProspect
from partnerbase.champions.models import Score as ChampionScore
from partnerbase.champions.models import StageChange as ChampionStageChange
from partnerbase.directory.models import (
    Engagement,
    EngagementParticipant,
    Organisation,
    OrganisationIdentifier,
    Person,
)
from partnerbase.funding.models import Disbursement, ExchangeRate, FundingAward, LoanRepayment
from partnerbase.impact.models import Target
from partnerbase.opendata.models import GrantDetails
from partnerbase.pledges.models import Pledge, PledgeDelivery
from partnerbase.programmes.models import Programme
from partnerbase.projects.models import (
    CoalitionMember,
    CollaborativeProject,
    Competition,
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
from partnerbase.rubrics.models import Criterion
from partnerbase.stories.models import Story

COUNTED = [
    Programme,
    Target,
    ExchangeRate,
    Organisation,
    OrganisationIdentifier,
    Person,
    Engagement,
    EngagementParticipant,
    Cohort,
    CohortMembership,
    Partnership,
    PartnershipPartner,
    FundingAward,
    CollaborativeProject,
    CoalitionMember,
    # Format 1.1
    Disbursement,
    LoanRepayment,
    GrantDetails,
    Need,
    Offer,
    BrokeringRound,
    Introduction,
    ProjectFunding,
    ProjectIndicator,
    ProjectObservation,
    Competition,
    CompetitionStage,
    Criterion,
    CompetitionJudge,
    CompetitionEntry,
    JudgeAssignment,
    JudgeScore,
    CompetitionAward,
    # Format 1.2
    RoundInnovatorSetting,
    # Format 1.3
    ChampionCriterion,
    ChampionProspect,
    ChampionScore,
    ChampionStageChange,
    ChampionContact,
    ChallengeProposal,
    ChallengeVote,
    Ballot,
    Pledge,
    PledgeDelivery,
    Call,
    Question,
    EligibilityRule,
    Application,
    Answer,
    SelectionDecision,
    SupportSession,
    Attendance,
    Milestone,
    AssessmentRubric,
    AssessorAssignment,
    AssessorScore,
    ModerationNote,
    # Format 1.5
    Story,
    # Judges' accounts and assessor roles, which an import may create.
    User,
    Membership,
]


def record_counts() -> dict[str, int]:
    """Rows per model and history rows in all: an all-or-nothing import changes neither."""
    counts = {model.__name__: model.objects.count() for model in COUNTED}
    counts["history"] = sum(model.history.count() for model in COUNTED)
    return counts
