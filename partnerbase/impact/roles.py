"""Where an organisation holds a role in a programme, each a subquery of organisation ids.

"Organisations engaged" counts an organisation with any of these in the period. Later
capabilities add their roles (champion, pledge, working group…) to ROLE_SOURCES.
Write a source with joins, not `__in=<another queryset>`: on SQLite each source runs as a
correlated EXISTS, and SQLite re-runs a nested IN for every organisation. Add the source
to ROLES_SQL in benchmarks/figures_sql.py too (benchmarks/README.md).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db.models import DateField, Expression, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from partnerbase.accelerator.models import Accelerator, CohortMembership
from partnerbase.board.models import Champion
from partnerbase.brokering.models import Introduction, Need, Offer, Partnership, PartnershipPartner
from partnerbase.calls.models import Application
from partnerbase.core.period import Period
from partnerbase.directory.models import Engagement
from partnerbase.pledges.models import Pledge
from partnerbase.projects.models import (
    CoalitionMember,
    Competition,
    CompetitionEntry,
    CompetitionStage,
)
from partnerbase.workinggroups.models import WorkingGroupMember


@dataclass(frozen=True)
class RoleSource:
    label: str
    organisation_ids: Callable[[object, Period], QuerySet]
    # The day a role begins, on the source's model: among the roles a source selects for a
    # period, one counts from the period's start to a day D exactly when it began by D
    # (its end was checked against the period's start). figures.engaged_since relies on it.
    starts: str | Expression


# A coalition member with neither a join date nor a launch counts from the first day.
_ALWAYS = Value(date(1900, 1, 1), output_field=DateField())


def _engagements(programme, period: Period) -> QuerySet:
    return Engagement.objects.filter(
        programme=programme, occurred_on__range=(period.start, period.end)
    ).values("organisation_id")


def _cohort_places(programme, period: Period) -> QuerySet:
    return (
        CohortMembership.objects.filter(
            cohort__accelerator__programme=programme, joined_on__lte=period.end
        )
        .exclude(withdrawn_on__lt=period.start)
        .exclude(cohort__ends_on__lt=period.start)
        .values("organisation_id")
    )


def _delivery_partners(programme, period: Period) -> QuerySet:
    return (
        Accelerator.objects.filter(programme=programme, starts_on__lte=period.end)
        .exclude(ends_on__lt=period.start)
        .exclude(delivery_partner=None)
        .values("delivery_partner_id")
    )


def _live_partnerships(programme, period: Period) -> QuerySet:
    return Partnership.objects.filter(programme=programme, proposed_on__lte=period.end).exclude(
        ended_on__lt=period.start
    )


def _partnership_innovators(programme, period: Period) -> QuerySet:
    return _live_partnerships(programme, period).exclude(innovator=None).values("innovator_id")


def _partnership_partners(programme, period: Period) -> QuerySet:
    # The partnerships of _live_partnerships, as a join rather than `partnership__in`: as a
    # correlated EXISTS (engaged_organisations on SQLite) a nested IN is re-run per row.
    return (
        PartnershipPartner.objects.filter(
            partnership__programme=programme, partnership__proposed_on__lte=period.end
        )
        .exclude(partnership__ended_on__lt=period.start)
        .values("organisation_id")
    )


def _coalitions(programme, period: Period) -> QuerySet:
    """Members from joining, or from the project's launch when no join date is given; a
    member with neither date counts in every period. Membership has no end."""
    return (
        CoalitionMember.objects.filter(project__programme=programme)
        .filter(
            Q(joined_on__lte=period.end)
            | Q(joined_on__isnull=True, project__launch_date__lte=period.end)
            | Q(joined_on__isnull=True, project__launch_date__isnull=True)
        )
        .values("organisation_id")
    )


def _competition_entrants(programme, period: Period) -> QuerySet:
    return CompetitionEntry.objects.filter(
        competition__programme=programme, entered_on__range=(period.start, period.end)
    ).values("organisation_id")


def competition_ends(competition_id_ref) -> Subquery:
    """The end of a competition's last stage (by start, as the stages are listed): NULL,
    an open span, while that stage has no end date or the competition has no stages."""
    return Subquery(
        CompetitionStage.objects.filter(competition=competition_id_ref)
        .order_by("-starts_on", "-id")
        .values("ends_on")[:1]
    )


def _competition_sponsors(programme, period: Period) -> QuerySet:
    """Sponsors from the launch to the end of the competition's last stage."""
    return (
        Competition.objects.filter(programme=programme, launch_date__lte=period.end)
        .alias(last_stage_ends_on=competition_ends(OuterRef("pk")))
        .filter(Q(last_stage_ends_on__isnull=True) | Q(last_stage_ends_on__gte=period.start))
        .values("sponsor_id")
    )


def _open_in(model, programme, period: Period) -> QuerySet:
    """Needs or offers recorded by the end of the period and not closed before it began."""
    return model.objects.filter(programme=programme, recorded_on__lte=period.end).exclude(
        closed_on__lt=period.start
    )


def _needs(programme, period: Period) -> QuerySet:
    return _open_in(Need, programme, period).values("innovator_id")


def _offers(programme, period: Period) -> QuerySet:
    return _open_in(Offer, programme, period).values("partner_id")


def _sent_introductions(programme, period: Period) -> QuerySet:
    return Introduction.objects.filter(
        programme=programme, sent_on__range=(period.start, period.end)
    )


def _introduced_innovators(programme, period: Period) -> QuerySet:
    return _sent_introductions(programme, period).values("innovator_id")


def _introduced_partners(programme, period: Period) -> QuerySet:
    return _sent_introductions(programme, period).values("partner_id")


def _board_seats(programme, period: Period) -> QuerySet:
    """Champions whose term overlaps the period."""
    return (
        Champion.objects.filter(programme=programme, term_starts_on__lte=period.end)
        .exclude(term_ends_on__lt=period.start)
        .values("organisation_id")
    )


def _working_group_members(programme, period: Period) -> QuerySet:
    """The organisations of people who belonged to a working group during the period."""
    return (
        WorkingGroupMember.objects.filter(
            working_group__programme=programme, joined_on__lte=period.end
        )
        .exclude(left_on__lt=period.start)
        .exclude(person__organisation=None)
        .values("person__organisation_id")
    )


def _pledges(programme, period: Period) -> QuerySet:
    # From pledging to delivery or lapsing: a pledge is a role while it stands.
    return (
        Pledge.objects.filter(programme=programme, pledged_on__lte=period.end)
        .exclude(delivered_on__lt=period.start)
        .exclude(lapsed_on__lt=period.start)
        .values("organisation_id")
    )


def _applications(programme, period: Period) -> QuerySet:
    """Applications to the programme's calls submitted in the period (withdrawn later or not)."""
    return Application.objects.filter(
        call__programme=programme, submitted_on__range=(period.start, period.end)
    ).values("organisation_id")


ROLE_SOURCES = [
    RoleSource("Engagement", _engagements, "occurred_on"),
    RoleSource("Cohort", _cohort_places, "joined_on"),
    RoleSource("Accelerator delivery partner", _delivery_partners, "starts_on"),
    RoleSource("Partnership (innovator)", _partnership_innovators, "proposed_on"),
    RoleSource("Partnership (partner)", _partnership_partners, "partnership__proposed_on"),
    RoleSource(
        "Project coalition",
        _coalitions,
        Coalesce("joined_on", "project__launch_date", _ALWAYS, output_field=DateField()),
    ),
    RoleSource("Competition entrant", _competition_entrants, "entered_on"),
    RoleSource("Competition sponsor", _competition_sponsors, "launch_date"),
    RoleSource("Need", _needs, "recorded_on"),
    RoleSource("Offer", _offers, "recorded_on"),
    RoleSource("Introduction (innovator)", _introduced_innovators, "sent_on"),
    RoleSource("Introduction (partner)", _introduced_partners, "sent_on"),
    RoleSource("Board seat", _board_seats, "term_starts_on"),
    RoleSource("Working-group member", _working_group_members, "joined_on"),
    RoleSource("Pledge", _pledges, "pledged_on"),
    RoleSource("Application", _applications, "submitted_on"),
]
