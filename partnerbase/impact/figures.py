"""The six headline figures (DESIGN.md, "Headline figures"): one definition each.

Each figure is a queryset of the records that make it; the number is computed from that
same queryset, so the list a figure opens to always adds up to it. `headline_figures`
uses a fixed number of queries whatever the size of the programme.
"""

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import reduce
from itertools import accumulate
from operator import or_

from django.db import connections, router
from django.db.models import Count, Exists, F, Min, OuterRef, Q, QuerySet, Sum

from partnerbase.accelerator.models import CohortMembership
from partnerbase.brokering.models import Partnership
from partnerbase.brokering.stages import CONFIRMED_STAGES
from partnerbase.core.currencies import from_minor
from partnerbase.core.money import NoRate, Rate, RateTable, dated_total, format_with_display
from partnerbase.core.period import Period
from partnerbase.directory.models import Organisation
from partnerbase.funding.models import CASH_INSTRUMENTS, FundingAward
from partnerbase.funding.queries import rate_table
from partnerbase.projects.models import LAUNCHED_STATUSES, CollaborativeProject

from . import status as st
from .models import Figure, Target
from .roles import ROLE_SOURCES

MONEY_FIGURES = {Figure.ADDITIONAL_FUNDING, Figure.ESTIMATED_PARTNERSHIP_VALUE}
# Sums of dated events: the figures of consecutive periods add up to the whole's
# (DESIGN.md, "Periods add up"). The two distinct-organisation counts do not.
ADDITIVE_FIGURES = (
    Figure.NEW_PROJECTS,
    Figure.ADDITIONAL_FUNDING,
    Figure.PARTNERSHIPS_CONFIRMED,
    Figure.ESTIMATED_PARTNERSHIP_VALUE,
)


# --- the definitions -------------------------------------------------------------------


def engaged_organisations(programme, period: Period) -> QuerySet:
    """Organisations other than the conveners with an engagement or any role in the period."""
    # The same organisations written for each engine's planner (benchmarks/README.md).
    sources = [s.organisation_ids(programme, period).order_by() for s in ROLE_SOURCES]
    organisations = Organisation.objects.filter(programme=programme, convenes_programme=False)
    if connections[router.db_for_read(Organisation)].vendor == "sqlite":
        # SQLite: one EXISTS per source, ORed, probes each source's foreign key index for
        # each organisation and stops at the first hit (mostly the engagements); building
        # the set of all the sources' ids takes a third longer.
        return organisations.filter(reduce(or_, (Q(_holds_role(s)) for s in sources)))
    # PostgreSQL: one IN over the UNION of the sources (one set of ids, hash-joined). Not
    # UNION ALL: it cannot tell how many distinct ids that holds, guesses 200 and looks up
    # each organisation by index (85,000 lookups at full size, a half slower).
    first, *rest = sources
    return organisations.filter(pk__in=first.union(*rest) if rest else first)


def engaged_since(programme, period: Period, ends: list[date]) -> list[int]:
    """For each day in `ends`, the organisations engaged from the period's start to that day:
    `engaged_organisations(programme, Period(period.start, end)).count()` for each, from one
    query. Each organisation's first day in the period is the earliest start of a role it
    holds in the period, no earlier than the period's start (a grouped MIN over the role
    sources, RoleSource.starts); it counts for every day from then on."""
    members = []
    for source in ROLE_SOURCES:
        (column,) = source.organisation_ids(programme, period).query.values_select
        grouped = (
            source.organisation_ids(programme, period)
            .order_by()
            .values(holder=F(column))
            .annotate(first_day=Min(source.starts))
        )
        members.append(grouped.query.sql_with_params())
    roles = " UNION ALL ".join(
        f"SELECT * FROM ({sql}) AS r{n}" for n, (sql, _) in enumerate(members)
    )
    organisation = Organisation._meta.db_table
    sql = (
        f"SELECT firsts.first_day, COUNT(*) FROM (SELECT holder, MIN(first_day) AS first_day "
        f"FROM ({roles}) "
        f"AS roles GROUP BY holder) AS firsts INNER JOIN {organisation} AS o ON o.id = "
        "firsts.holder WHERE o.programme_id = %s AND o.convenes_programme = %s "
        "GROUP BY firsts.first_day"
    )
    params = [p for _, ps in members for p in ps] + [programme.pk, False]
    by_day: dict[date, int] = {}
    with connections[router.db_for_read(Organisation)].cursor() as cursor:
        cursor.execute(sql, params)
        for first, count in cursor.fetchall():
            day = date.fromisoformat(first) if isinstance(first, str) else first
            day = max(day, period.start)
            by_day[day] = by_day.get(day, 0) + count
    days = sorted(by_day)
    totals = list(accumulate(by_day[d] for d in days))
    return [totals[bisect_right(days, end) - 1] if bisect_right(days, end) else 0 for end in ends]


def _holds_role(organisation_ids: QuerySet) -> Exists:
    """A role source's subquery (values() of one organisation id) correlated to the outer
    organisation."""
    (column,) = organisation_ids.query.values_select
    return Exists(organisation_ids.filter(**{column: OuterRef("pk")}))


def new_projects(programme, period: Period) -> QuerySet:
    """Collaborative projects launched in the period and launched, active or completed."""
    return CollaborativeProject.objects.filter(
        programme=programme,
        status__in=LAUNCHED_STATUSES,
        launch_date__range=(period.start, period.end),
    )


def supporting_memberships(programme, period: Period) -> QuerySet:
    """Cohort places held in the period, not withdrawn before the cohort started."""
    return (
        CohortMembership.objects.filter(
            cohort__accelerator__programme=programme,
            cohort__starts_on__lte=period.end,
            joined_on__lte=period.end,
        )
        .exclude(cohort__ends_on__lt=period.start)
        .exclude(withdrawn_on__lt=period.start)
        .exclude(withdrawn_on__lt=F("cohort__starts_on"))
    )


def supported_innovators(programme, period: Period) -> QuerySet:
    return Organisation.objects.filter(
        pk__in=supporting_memberships(programme, period).values("organisation_id")
    )


def innovator_places(programme) -> QuerySet:
    """Cohort places that make their holder a supported innovator from the day they
    joined, whenever the cohort ran: every place not withdrawn before its cohort started."""
    return CohortMembership.objects.filter(cohort__accelerator__programme=programme).exclude(
        withdrawn_on__lt=F("cohort__starts_on")
    )


def additional_funding_awards(programme, period: Period) -> QuerySet:
    """Confirmed cash awards dated in the period, from funders other than the conveners, to
    organisations that were supported innovators on the award date: they had joined a
    cohort on or before it, in a place not withdrawn before the cohort started (alumni's
    follow-on funding counts). Each award once."""
    places = innovator_places(programme)
    awards = FundingAward.objects.filter(
        programme=programme,
        confirmed=True,
        instrument__in=CASH_INSTRUMENTS,
        award_date__range=(period.start, period.end),
        funder__convenes_programme=False,
    )
    if connections[router.db_for_read(FundingAward)].vendor == "sqlite":
        # The same awards, written for SQLite's planner: it runs a correlated EXISTS once
        # per candidate award (about 2 s at a million awards), but walks this join of the
        # few places to the (recipient, award_date) index in a fraction of that.
        # pk__in keeps each award once however many places its recipient holds.
        after_joining = places.filter(
            organisation__awards_received__award_date__gte=F("joined_on"),
            organisation__awards_received__award_date__range=(period.start, period.end),
        ).values("organisation__awards_received")
        return awards.filter(pk__in=after_joining)
    # PostgreSQL turns the EXISTS into a hashed semi-join, its fastest plan; the join form
    # above makes it fetch the awards one by one (ten times slower).
    joined_before = places.filter(
        organisation=OuterRef("recipient_id"), joined_on__lte=OuterRef("award_date")
    )
    return awards.filter(Exists(joined_before))


def confirmed_partnerships(programme, period: Period) -> QuerySet:
    """Partnerships at stage confirmed, active or completed, confirmed in the period."""
    return Partnership.objects.filter(
        programme=programme,
        stage__in=[s.value for s in CONFIRMED_STAGES],
        confirmed_on__range=(period.start, period.end),
    )


# --- computing them --------------------------------------------------------------------


@dataclass
class FigureResult:
    key: str
    label: str
    value: Decimal | int | None
    target: Decimal | int | None
    status: str
    display: str
    target_display: str
    is_money: bool
    target_illustrative: bool = False
    problem: str = ""
    records: int | None = None  # how many records make it, where that was counted anyway

    @property
    def status_label(self) -> str:
        return st.LABELS[self.status]

    def as_json(self) -> dict:
        def encode(v):
            if v is None:
                return None
            return format(v, "f") if self.is_money else int(v)

        return {
            "label": self.label,
            "value": encode(self.value),
            "target": encode(self.target),
            "status": self.status,
            "display": self.display,
        }


@dataclass
class FigureSet:
    programme: object
    period: Period
    currency: str
    figures: dict[str, FigureResult]
    # (code, multiplier, Rate) for each display currency, at the report date.
    display_rates: list[tuple[str, Decimal, Rate | None]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # When kept figures were computed (impact/kept.py); None for figures computed live.
    as_of: datetime | None = None
    # What is kept with them (kept.keep_also: the public page's charts), by name, as JSON.
    also: dict = field(default_factory=dict, compare=False)

    def __iter__(self):
        return iter(self.figures.values())

    def as_json(self) -> dict:
        return {key: result.as_json() for key, result in self.figures.items()}


def converted_total(
    groups: Iterable[tuple[str, date, int]], to_currency: str, rates: RateTable
) -> Decimal:
    """Sum amounts given as (currency, date, minor units), each at the rate on its date;
    exact within a day, each day's total rounded once (`dated_total`), so periods add up."""
    return dated_total(
        (
            (on, rates.convert(from_minor(minor, currency), currency, to_currency, on))
            for currency, on, minor in groups
        ),
        to_currency,
    )


def report_date(programme, period: Period) -> date:
    return min(programme.report_date or period.end, period.end)


# Figures whose value is the number of their records.
COUNTED = {
    Figure.ORGANISATIONS_ENGAGED,
    Figure.NEW_PROJECTS,
    Figure.PARTNERSHIPS_CONFIRMED,
}


def headline_figures(
    programme, period: Period, *, rates: RateTable | None = None, only: str | None = None
) -> FigureSet:
    """All six figures with targets and status, in seven queries whatever the data size
    (six when the programme's rates are given); or `only` the one a figure's page shows
    (each of the others costs seconds on a national programme)."""
    wanted = set(Figure.values) if only is None else {only}
    currency = programme.reference_currency
    rates = rate_table(programme) if rates is None else rates
    target_rows = Target.objects.filter(programme=programme).values_list(
        "figure", "value", "illustrative"
    )
    target_rows = list(target_rows)
    targets = {figure: value for figure, value, _ in target_rows}
    illustrative_targets = {figure for figure, _, illustrative in target_rows if illustrative}
    at = report_date(programme, period)
    fraction = st.elapsed_fraction(programme.starts_on, programme.ends_on, at)

    display_rates, notes = [], []
    for code in programme.display_currency_list:
        try:
            multiplier, used = rates.lookup(currency, code, at)
            display_rates.append((code, multiplier, used))
        except NoRate as exc:
            notes.append(f"{code} is not shown: {exc}")
    shown = [(code, multiplier) for code, multiplier, _ in display_rates]

    values: dict[str, Decimal | int | None] = {}
    problems: dict[str, str] = {}
    counts = {
        Figure.ORGANISATIONS_ENGAGED: engaged_organisations,
        Figure.NEW_PROJECTS: new_projects,
        Figure.INNOVATORS_SUPPORTED: supported_innovators,
    }
    for key, rows in counts.items():
        if key in wanted:
            values[key] = rows(programme, period).count()

    funding_groups = (
        additional_funding_awards(programme, period)
        .order_by()
        .values_list("currency", "award_date")
        .annotate(total=Sum("amount_minor"), n=Count("pk"))
    )
    records = {}
    try:
        if Figure.ADDITIONAL_FUNDING in wanted:
            funding_groups = list(funding_groups)
            records[Figure.ADDITIONAL_FUNDING] = sum(n for *_, n in funding_groups)
            values[Figure.ADDITIONAL_FUNDING] = converted_total(
                ((c, on, total) for c, on, total, _ in funding_groups), currency, rates
            )
    except NoRate as exc:
        values[Figure.ADDITIONAL_FUNDING], problems[Figure.ADDITIONAL_FUNDING] = None, str(exc)

    partnership_groups = (
        list(
            confirmed_partnerships(programme, period)
            .order_by()
            .values_list("estimated_value_currency", "confirmed_on")
            .annotate(n=Count("id"), total=Sum("estimated_value_minor"))
        )
        if wanted & {Figure.PARTNERSHIPS_CONFIRMED, Figure.ESTIMATED_PARTNERSHIP_VALUE}
        else []
    )
    values[Figure.PARTNERSHIPS_CONFIRMED] = sum(n for _, _, n, _ in partnership_groups)
    try:
        values[Figure.ESTIMATED_PARTNERSHIP_VALUE] = converted_total(
            ((c, on, total) for c, on, _, total in partnership_groups if total), currency, rates
        )
    except NoRate as exc:
        values[Figure.ESTIMATED_PARTNERSHIP_VALUE] = None
        problems[Figure.ESTIMATED_PARTNERSHIP_VALUE] = str(exc)

    figures = {}
    for key, label in Figure.choices:
        if key not in wanted:
            continue
        is_money = key in MONEY_FIGURES
        value, target = values[key], targets.get(key)
        if target is not None and not is_money:
            target = int(target)

        def show(amount, is_money=is_money):
            if amount is None:
                return ""
            return format_with_display(amount, currency, shown) if is_money else f"{amount:,}"

        if value is None:
            status, display = st.UNAVAILABLE, f"Cannot be computed: {problems[key]}"
        else:
            status, display = st.figure_status(Decimal(value), target, fraction), show(value)
        figures[key] = FigureResult(
            key=key,
            label=label,
            value=value,
            target=target,
            status=status,
            display=display,
            target_display=show(target),
            target_illustrative=key in illustrative_targets,
            is_money=is_money,
            problem=problems.get(key, ""),
            records=value if key in COUNTED else records.get(key),
        )
    return FigureSet(programme, period, currency, figures, display_rates, notes)
