"""Reads for brokering, already restricted to what the user may see."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from partnerbase.directory.models import Organisation
from partnerbase.notifications.queries import people_acting_for

from .inputs import cohort_innovator_ids, innovator_limits
from .models import (
    BrokeringRound,
    Introduction,
    Need,
    Offer,
    OpenStatus,
    Partnership,
    PartnershipPartner,
)
from .models.rounds import SENT_STATUSES, TO_SEND
from .permissions import (
    INTRODUCTION_ROLES,
    NEED_ROLES,
    OFFER_ROLES,
    acting_for,
    addressed_introductions,
    can_broker,
    visible_introductions,
    visible_needs,
    visible_offers,
    visible_partnerships,
)
from .stages import CONFIRMED_STAGES


def need_list(*, user, programme) -> QuerySet:
    qs = visible_needs(user, programme).select_related("innovator", "challenge_area")
    return qs.order_by("status", "innovator__name", "type")


def offer_list(*, user, programme) -> QuerySet:
    qs = visible_offers(user, programme).select_related("partner", "challenge_area")
    return qs.order_by("status", "partner__name", "type")


def need_innovators(*, user, programme) -> QuerySet:
    """Whom the user may record a need for: brokers any cohort innovator, an innovator their
    own organisation (the need form's choices, on the page and in the API)."""
    ids = (
        cohort_innovator_ids(programme)
        if can_broker(user, programme)
        else acting_for(user, programme, NEED_ROLES)
    )
    return Organisation.objects.filter(programme=programme, pk__in=ids).order_by("name")


def offer_partners(*, user, programme) -> QuerySet:
    """Whom the user may record an offer for: brokers any organisation but the conveners,
    a partner contact or champion their own organisation."""
    if can_broker(user, programme):
        return Organisation.objects.filter(programme=programme, convenes_programme=False)
    return Organisation.objects.filter(
        programme=programme, pk__in=acting_for(user, programme, OFFER_ROLES)
    )


def need_get(*, programme, uid) -> Need:
    return get_object_or_404(Need.objects.select_related("innovator"), programme=programme, uid=uid)


def offer_get(*, programme, uid) -> Offer:
    return get_object_or_404(Offer.objects.select_related("partner"), programme=programme, uid=uid)


def round_list(*, programme) -> QuerySet:
    return BrokeringRound.objects.filter(programme=programme).annotate(
        proposed=Count("introductions", filter=Q(introductions__status__in=TO_SEND)),
        sent=Count("introductions", filter=Q(introductions__status__in=SENT_STATUSES)),
    )


def round_get(*, programme, uid) -> BrokeringRound:
    return get_object_or_404(BrokeringRound, programme=programme, uid=uid)


def round_introductions(round: BrokeringRound) -> QuerySet:
    return round.introductions.select_related(
        "innovator", "partner", "need", "offer", "partnership"
    ).order_by("status", "-score", "innovator__name", "partner__name")


def round_innovator_rows(round: BrokeringRound) -> list[dict]:
    """Each innovator the round may introduce (the cohorts', and any the team set limits
    for) with its limits in the round, whether they are its own, and its open needs."""
    limits = innovator_limits(round)
    ids = cohort_innovator_ids(round.programme) | set(limits)
    innovators = Organisation.objects.filter(pk__in=ids).annotate(
        open_needs=Count(
            "needs",
            filter=Q(needs__status=OpenStatus.OPEN, needs__programme=round.programme),
        )
    )
    defaults = (round.innovator_capacity, round.min_introductions)
    return [
        {
            "innovator": org,
            "capacity": limits.get(org.pk, defaults)[0],
            "minimum": limits.get(org.pk, defaults)[1],
            "own": org.pk in limits,
            "open_needs": org.open_needs,
        }
        for org in innovators.order_by("name")
    ]


def introduction_get(*, programme, uid) -> Introduction:
    return get_object_or_404(
        Introduction.objects.select_related("innovator", "partner", "partnership", "round"),
        programme=programme,
        uid=uid,
    )


def my_introductions(*, user, programme) -> QuerySet:
    """Sent introductions addressed to an organisation the user answers for."""
    return (
        addressed_introductions(user, programme)
        .select_related("innovator", "partner", "need", "offer", "partnership")
        .order_by("-sent_on", "innovator__name", "partner__name")
    )


def introduction_list(*, user, programme) -> QuerySet:
    """Every introduction the user may see (visible_introductions), newest sent first."""
    return visible_introductions(user, programme).order_by("-sent_on", "id")


def partnership_list(*, user, programme, introduced_in=None) -> QuerySet:
    """The partnerships the user may see (all of them on the list page, whose readers see
    all), or those of them introduced in the period `introduced_in`."""
    qs = visible_partnerships(user, programme)
    if introduced_in is not None:
        qs = qs & introduced_partnerships(programme, introduced_in)
    # The partners with their organisations in one query per page or chunk: prefetching
    # "partners__organisation" asks for the organisations as "id = … OR id = …", which
    # SQLite refuses past a few hundred (expression tree too large).
    partners = PartnershipPartner.objects.select_related("organisation")
    qs = qs.select_related("innovator").prefetch_related(Prefetch("partners", queryset=partners))
    return qs.order_by("-introduced_on", "name")


def partnership_get(*, programme, uid) -> Partnership:
    return get_object_or_404(
        Partnership.objects.select_related("innovator", "brokered_by"),
        programme=programme,
        uid=uid,
    )


def hand_choices(programme) -> tuple[QuerySet, QuerySet]:
    """Organisations the team may introduce by hand: cohort innovators, and everyone else
    who is not a convening organisation as partners."""
    innovators = Organisation.objects.filter(pk__in=cohort_innovator_ids(programme))
    partners = Organisation.objects.filter(programme=programme, convenes_programme=False)
    return innovators.order_by("name"), partners.order_by("name")


@dataclass(frozen=True)
class Conversion:
    introductions: int
    confirmed: int

    @property
    def percent(self) -> int | None:
        if not self.introductions:
            return None
        return round(100 * self.confirmed / self.introductions)

    @property
    def display(self) -> str:
        intro = f"{self.introductions} introduction{'s' if self.introductions != 1 else ''}"
        conf = f"{self.confirmed} confirmed partnership{'s' if self.confirmed != 1 else ''}"
        percent = f" ({self.percent}%)" if self.percent is not None else ""
        return f"{intro} → {conf}{percent}"


def introduced_partnerships(programme, period) -> QuerySet:
    """Partnerships that reached "introduced" in the period: the conversion's denominator."""
    return Partnership.objects.filter(
        programme=programme, introduced_on__range=(period.start, period.end)
    )


def conversion(programme, period) -> Conversion:
    """Introduction-to-partnership conversion: of the partnerships introduced in the
    period, how many are now confirmed, active or completed. One query."""
    counts = introduced_partnerships(programme, period).aggregate(
        introductions=Count("pk"),
        confirmed=Count("pk", filter=Q(stage__in=[s.value for s in CONFIRMED_STAGES])),
    )
    return Conversion(counts["introductions"], counts["confirmed"])


@dataclass(frozen=True)
class Contact:
    name: str
    email: str


def introduction_contacts(introduction: Introduction, side: str) -> list[Contact]:
    """Whom the other side may contact for `side` once both have accepted. An introduction
    names no person, so the named contacts are the people with an account who answer for
    the organisation (its innovators or partner contacts); an organisation without any has
    its directory people with an email address instead (the team records their answers)."""
    organisation = getattr(introduction, side)
    users = people_acting_for(
        programme=introduction.programme,
        organisation=organisation,
        roles=[INTRODUCTION_ROLES[side]],
    )
    if users:
        return [Contact(u.full_name or u.email, u.email) for u in users]
    people = organisation.people.exclude(email="").order_by("name")
    return [Contact(p.name, p.email) for p in people]


def partnership_history_parts(partnership: Partnership) -> dict:
    """The history rows of a partnership, its partners and the introduction that made it,
    deleted ones' too (core.changes)."""
    return {
        "brokering.partnership": Partnership.history.filter(id=partnership.pk),
        "brokering.partnershippartner": PartnershipPartner.history.filter(
            partnership_id=partnership.pk
        ),
        "brokering.introduction": Introduction.history.filter(partnership_id=partnership.pk),
    }
