"""The engine's view of a round: open needs of cohort innovators, open offers of partners,
and the pairs it must never propose. Reads only; `services.rounds` calls it."""

from dataclasses import dataclass, field

from partnerbase.accelerator.models import CohortMembership, MembershipStatus
from partnerbase.directory.models import Organisation
from partnerbase.funding.models import FundingAward
from partnerbase.matching import InnovatorIn, Need, Offer, PartnerIn, Weights

from .models import (
    BrokeringRound,
    Introduction,
    IntroductionStatus,
    OpenStatus,
    PartnershipPartner,
    SupportType,
)
from .models import Need as NeedRecord
from .models import Offer as OfferRecord
from .models.rounds import SENT_STATUSES
from .models.wants import split_regions


@dataclass
class RoundInputs:
    innovators: list[InnovatorIn]
    partners: list[PartnerIn]
    exclusions: set[tuple[str, str]]
    weights: Weights
    # Engine ids (uid strings) back to the records, to store what the engine proposes.
    organisations: dict[str, Organisation] = field(default_factory=dict)
    needs: dict[str, NeedRecord] = field(default_factory=dict)
    offers: dict[str, OfferRecord] = field(default_factory=dict)


def cohort_innovator_ids(programme) -> set[int]:
    return set(
        CohortMembership.objects.filter(cohort__accelerator__programme=programme)
        .exclude(status=MembershipStatus.WITHDRAWN)
        .values_list("organisation_id", flat=True)
    )


def _money(amount, currency, reference):
    # Size fit compares amounts; only those in the reference currency are comparable as given.
    return amount if amount is not None and currency == reference else None


def round_inputs(round: BrokeringRound) -> RoundInputs:
    programme = round.programme
    reference = programme.reference_currency
    innovator_ids = cohort_innovator_ids(programme)
    # The challenge an innovator joined its cohort for, when a need names none.
    cohort_challenges = dict(
        CohortMembership.objects.filter(
            cohort__accelerator__programme=programme, challenge_area__isnull=False
        ).values_list("organisation_id", "challenge_area__name")
    )
    needs = list(
        NeedRecord.objects.filter(
            programme=programme, status=OpenStatus.OPEN, innovator_id__in=innovator_ids
        ).select_related("innovator", "challenge_area")
    )
    offers = list(
        OfferRecord.objects.filter(programme=programme, status=OpenStatus.OPEN).select_related(
            "partner", "challenge_area", "preferred_challenge_area"
        )
    )
    inputs = RoundInputs([], [], set(), Weights(**round.weights))
    by_innovator: dict[int, list] = {}
    for need in needs:
        challenge = need.challenge_area.name if need.challenge_area else None
        challenge = challenge or cohort_challenges.get(need.innovator_id)
        engine_need = Need(
            id=str(need.uid),
            type=SupportType(need.type).label,
            regions=frozenset(need.region_list or split_regions(need.innovator.regions)),
            challenges=frozenset([challenge] if challenge else []),
            amount=_money(need.amount, need.currency, reference),
            description=need.description,
        )
        by_innovator.setdefault(need.innovator_id, []).append(engine_need)
        inputs.needs[engine_need.id] = need
        inputs.organisations[str(need.innovator.uid)] = need.innovator
    for need_list in by_innovator.values():
        innovator = inputs.needs[need_list[0].id].innovator
        inputs.innovators.append(
            InnovatorIn(
                id=str(innovator.uid),
                name=innovator.name,
                capacity=round.innovator_capacity,
                min_introductions=round.min_introductions,
                needs=tuple(need_list),
            )
        )
    by_partner: dict[int, list[OfferRecord]] = {}
    for offer in offers:
        by_partner.setdefault(offer.partner_id, []).append(offer)
        inputs.offers[str(offer.uid)] = offer
    for records in by_partner.values():
        partner = records[0].partner
        inputs.organisations[str(partner.uid)] = partner
        inputs.partners.append(
            PartnerIn(
                id=str(partner.uid),
                name=partner.name,
                capacity=sum(o.capacity for o in records),
                offers=tuple(_engine_offer(o, reference) for o in records),
                preferred_challenges=frozenset(
                    o.preferred_challenge_area.name for o in records if o.preferred_challenge_area
                ),
                preferred_regions=frozenset(
                    r for o in records for r in split_regions(o.preferred_regions)
                ),
            )
        )
    inputs.exclusions = excluded_pairs(round)
    return inputs


def _engine_offer(offer: OfferRecord, reference: str) -> Offer:
    return Offer(
        id=str(offer.uid),
        type=SupportType(offer.type).label,
        regions=frozenset(offer.region_list or split_regions(offer.partner.regions)),
        challenges=frozenset([offer.challenge_area.name] if offer.challenge_area else []),
        budget=_money(offer.budget, offer.budget_currency, reference),
        description=offer.description,
    )


def excluded_pair_ids(
    programme, *, round: BrokeringRound | None = None, funders: bool = True
) -> set[tuple[int, int]]:
    """(innovator id, partner id) pairs never to propose: already partners (at any stage, so
    declined introductions too, since a sent introduction is a partnership), with `funders`
    funders and their grantees (partners already, if not through a partnership record), and,
    in `round`, pairs removed or already added."""
    pairs = set(
        PartnershipPartner.objects.filter(
            partnership__programme=programme, partnership__innovator__isnull=False
        ).values_list("partnership__innovator_id", "organisation_id")
    )
    if funders:
        pairs |= set(
            FundingAward.objects.filter(programme=programme).values_list(
                "recipient_id", "funder_id"
            )
        )
    # Sent introductions are partnerships already; in this round, removed and hand-added
    # pairs are the team's decision, so a re-run leaves them as they are.
    introductions = Introduction.objects.filter(programme=programme, status__in=SENT_STATUSES)
    if round is not None:
        introductions = introductions | Introduction.objects.filter(
            round=round, status__in=[IntroductionStatus.REMOVED, IntroductionStatus.ADDED]
        )
    pairs |= set(introductions.values_list("innovator_id", "partner_id"))
    return pairs


def excluded_pairs(round: BrokeringRound) -> set[tuple[str, str]]:
    """The same, as the engine's ids, with each organisation paired with itself."""
    ids = excluded_pair_ids(round.programme, round=round)
    orgs = {i for pair in ids for i in pair} | cohort_innovator_ids(round.programme)
    uids = dict(Organisation.objects.filter(pk__in=orgs).values_list("pk", "uid"))
    pairs = {(str(uids[a]), str(uids[b])) for a, b in ids}
    pairs |= {(str(u), str(u)) for u in uids.values()}  # conflict: an organisation and itself
    return pairs
