"""Rows per model, to prove that a refused import saves nothing at all."""

from partnerbase.accelerator.models import Cohort, CohortMembership
from partnerbase.accounts.models import Membership, User
from partnerbase.brokering.models import (
    BrokeringRound,
    Introduction,
    Need,
    Offer,
    Partnership,
    PartnershipPartner,
    RoundInnovatorSetting,
)
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
    RubricCriterion,
)

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
    RubricCriterion,
    CompetitionJudge,
    CompetitionEntry,
    JudgeAssignment,
    JudgeScore,
    CompetitionAward,
    # Format 1.2
    RoundInnovatorSetting,
    # Judges' accounts and assessor roles, which an import may create.
    User,
    Membership,
]


def record_counts() -> dict[str, int]:
    """Rows per model and history rows in all: an all-or-nothing import changes neither."""
    counts = {model.__name__: model.objects.count() for model in COUNTED}
    counts["history"] = sum(model.history.count() for model in COUNTED)
    return counts
