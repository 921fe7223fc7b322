"""The engine's view of a round: open needs of cohort innovators, open offers of partners,
and the pairs it must never propose. Reads only; `services.rounds` calls it.

Cohort places are read through the organisation (`Organisation.cohort_memberships`): the
accelerator app sits above brokering (its innovator page shows needs and partnerships), so
brokering does not import it."""

from dataclasses import dataclass, field

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
    """Organisations with a place in one of the programme's cohorts that they have not
    withdrawn from (a place has a withdrawal date exactly when it is withdrawn)."""
    return set(
        Organisation.objects.filter(
            cohort_memberships__cohort__accelerator__programme=programme,
            cohort_memberships__withdrawn_on=None,
        ).values_list("pk", flat=True)
    )


def _money(amount, currency, reference):
    # Size fit compares amounts; only those in the reference currency are comparable as given.
    return amount if amount is not None and currency == reference else None


def cohort_challenges(programme, innovator_ids=None) -> dict[int, str]:
    """The challenge each innovator joined its cohort for, used when a need names none."""
    innovators = Organisation.objects.filter(
        cohort_memberships__cohort__accelerator__programme=programme,
        cohort_memberships__challenge_area__isnull=False,
    )
    if innovator_ids is not None:
        innovators = innovators.filter(pk__in=innovator_ids)
    return dict(innovators.values_list("pk", "cohort_memberships__challenge_area__name"))


def innovator_limits(round: BrokeringRound) -> dict[int, tuple[int, int]]:
    """(capacity, minimum) of the innovators the team set its own limits for in `round`."""
    return {
        s.innovator_id: (s.capacity, s.min_introductions) for s in round.innovator_settings.all()
    }


def limits_of(round: BrokeringRound, innovator_id: int, limits=None) -> tuple[int, int]:
    """An innovator's (capacity, minimum) in the round: its own, else the round's."""
    limits = innovator_limits(round) if limits is None else limits
    return limits.get(innovator_id, (round.innovator_capacity, round.min_introductions))


def round_inputs(round: BrokeringRound) -> RoundInputs:
    programme = round.programme
    innovator_ids = cohort_innovator_ids(programme)
    needs = NeedRecord.objects.filter(
        programme=programme, status=OpenStatus.OPEN, innovator_id__in=innovator_ids
    )
    offers = OfferRecord.objects.filter(programme=programme, status=OpenStatus.OPEN)
    inputs = _inputs(round, needs, offers, cohort_challenges(programme))
    inputs.exclusions = excluded_pairs(round)
    return inputs


def pair_inputs(round: BrokeringRound, innovator, partner, *, need=None, offer=None):
    """The engine's view of one pair: the innovator's open needs (or just `need`) and the
    partner's open offers (or just `offer`), for scoring the pair alone. Returns the
    (InnovatorIn, PartnerIn) pair, either None if it has nothing open, and the inputs."""
    programme = round.programme
    if need is not None:
        needs = NeedRecord.objects.filter(pk=need.pk)
    else:
        needs = NeedRecord.objects.filter(innovator=innovator, status=OpenStatus.OPEN)
    if offer is not None:
        offers = OfferRecord.objects.filter(pk=offer.pk)
    else:
        offers = OfferRecord.objects.filter(partner=partner, status=OpenStatus.OPEN)
    needs, offers = needs.filter(programme=programme), offers.filter(programme=programme)
    inputs = _inputs(round, needs, offers, cohort_challenges(programme, [innovator.pk]))
    engine_innovator = next(iter(inputs.innovators), None)
    engine_partner = next(iter(inputs.partners), None)
    return engine_innovator, engine_partner, inputs


def _inputs(round: BrokeringRound, needs, offers, challenges: dict[int, str]) -> RoundInputs:
    reference = round.programme.reference_currency
    needs = list(needs.select_related("innovator", "challenge_area"))
    offers = list(offers.select_related("partner", "challenge_area", "preferred_challenge_area"))
    limits = innovator_limits(round)
    inputs = RoundInputs([], [], set(), Weights(**round.weights))
    by_innovator: dict[int, list] = {}
    for need in needs:
        challenge = need.challenge_area.name if need.challenge_area else None
        challenge = challenge or challenges.get(need.innovator_id)
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
        capacity, minimum = limits_of(round, innovator.pk, limits)
        inputs.innovators.append(
            InnovatorIn(
                id=str(innovator.uid),
                name=innovator.name,
                capacity=capacity,
                min_introductions=minimum,
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
