"""How records read in the API: every field of the model but its programme (the URL names
it), ids as numbers (use them in writes), `uid` as the stable id the interchange file uses.
Money stays as it is stored: whole minor units (`amount_minor`) with its currency."""

from rest_framework import serializers

from partnerbase.accelerator.models import Cohort
from partnerbase.brokering.models import Introduction, Need, Offer, Partnership
from partnerbase.challenges.models import ChallengeArea
from partnerbase.directory.models import Engagement, Organisation
from partnerbase.funding.models import FundingAward
from partnerbase.outcomes.models import OutcomeIndicator, OutcomeObservation
from partnerbase.pledges.models import Pledge
from partnerbase.programmes.models import Programme
from partnerbase.projects.models import CollaborativeProject, Competition


class RecordSerializer(serializers.ModelSerializer):
    """Read-only: writes go through the pages' forms and services (api/writes.py)."""

    def get_fields(self):
        fields = super().get_fields()
        for field in fields.values():
            field.read_only = True
        return fields


def _serializer(model, *, exclude=("programme",), fields=None, extra=None, name=None):
    """A serializer of `model`; `name` where two apps' models share a name (the schema's
    components are named after the serializer)."""
    meta = {"model": model, **({"fields": fields} if fields else {"exclude": exclude})}
    attrs = {"Meta": type("Meta", (), meta), **(extra or {})}
    return type(name or f"{model.__name__}Serializer", (RecordSerializer,), attrs)


ProgrammeSerializer = _serializer(
    Programme,
    fields=[
        "id",
        "uid",
        "name",
        "slug",
        "description",
        "starts_on",
        "ends_on",
        "reference_currency",
        "display_currencies",
        "report_date",
    ],
)
OrganisationSerializer = _serializer(
    Organisation,
    extra={"identifiers": serializers.StringRelatedField(many=True, read_only=True)},
)
EngagementSerializer = _serializer(
    Engagement,
    # The people of the directory who took part: their ids.
    extra={
        "participants": serializers.SlugRelatedField(
            slug_field="person_id", many=True, read_only=True
        )
    },
)
NeedSerializer = _serializer(Need)
OfferSerializer = _serializer(Offer)
# An introduction's score and its parts are the brokers' working; each side's reasons
# are for the team.
IntroductionSerializer = _serializer(
    Introduction,
    fields=[
        "id",
        "uid",
        "round",
        "innovator",
        "partner",
        "need",
        "offer",
        "reasons",
        "status",
        "sent_on",
        "innovator_response",
        "innovator_responded_on",
        "partner_response",
        "partner_responded_on",
        "partnership",
    ],
)
PartnershipSerializer = _serializer(
    Partnership,
    # The partner organisations' ids.
    extra={
        "partners": serializers.SlugRelatedField(
            slug_field="organisation_id", many=True, read_only=True
        )
    },
)
FundingAwardSerializer = _serializer(FundingAward)
OutcomeIndicatorSerializer = _serializer(OutcomeIndicator)
OutcomeObservationSerializer = _serializer(OutcomeObservation, exclude=())
PledgeSerializer = _serializer(Pledge)
ProjectSerializer = _serializer(CollaborativeProject)
CompetitionSerializer = _serializer(Competition)
ChallengeAreaSerializer = _serializer(ChallengeArea)
CohortSerializer = _serializer(Cohort, exclude=())
