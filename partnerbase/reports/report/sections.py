"""The progress report's sections, in order: each a function that builds its template's
context from the programme's records for the period, and a template
`reports/report/_<key>.html`.

To add a section, write `def my_section(r: ReportInput) -> dict` (put charts, if any, in
the dict's "charts") and a template `templates/reports/report/_<key>.html`, then insert
`Section("<key>", "Title", my_section)` into SECTIONS where it belongs.
"""

import base64
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from urllib.parse import urlencode

from django.db.models import Count, Q, Sum
from django.urls import reverse
from django.utils.safestring import mark_safe

from partnerbase.accelerator.models import (
    Accelerator,
    Attendance,
    CohortMembership,
    Milestone,
    SessionKind,
    SupportSession,
)
from partnerbase.board.models import BoardMeeting, Champion, Decision
from partnerbase.brokering.models import Introduction, Partnership
from partnerbase.brokering.models.wants import SupportType
from partnerbase.brokering.queries import conversion, introduced_partnerships
from partnerbase.brokering.stages import CONFIRMED_STAGES, Stage
from partnerbase.calls.models import Application, Call
from partnerbase.challenges.models import ChallengeArea, ChallengeVote
from partnerbase.core.currencies import SYMBOLS
from partnerbase.core.money import RateTable, format_money, format_rate, format_with_display
from partnerbase.core.period import Period, split
from partnerbase.directory.models import Engagement, Organisation
from partnerbase.funding.models import ExchangeRate, FundingAward, Instrument
from partnerbase.impact import figures as f
from partnerbase.impact.definitions import DEFINITIONS, PERIODS_ADD_UP, ROLE_SPANS
from partnerbase.impact.models import Figure, Target
from partnerbase.network.graph import busiest, most_connected, sector_ties, without_partnership
from partnerbase.network.queries import MapFilters, network_graph
from partnerbase.network.svg import graph_svg
from partnerbase.outcomes.change import amount
from partnerbase.outcomes.models import OutcomeObservation
from partnerbase.outcomes.queries import cohort_outcomes, programme_cohorts
from partnerbase.projects.models import (
    CoalitionMember,
    CollaborativeProject,
    Competition,
    CompetitionAward,
    ProjectStatus,
)
from partnerbase.stories.queries import report_stories
from partnerbase.workinggroups.models import WorkingGroup

from .charts import Cell, bar_chart, before_after_chart, cumulative_chart

# --- what every section gets -----------------------------------------------------------


@dataclass
class ReportInput:
    programme: object
    period: Period
    figures: f.FigureSet
    rates: RateTable
    # The report as the public page offers it: published stories, projects and competitions
    # only.
    public: bool = False

    @property
    def currency(self) -> str:
        return self.programme.reference_currency

    @property
    def shown(self) -> list[tuple[str, Decimal]]:
        return [(code, multiplier) for code, multiplier, _ in self.figures.display_rates]

    def money(self, amount, currency: str | None = None) -> str:
        """In the reference currency, display currencies beside ("£3 million ($3.95
        million)"); an amount in another currency in its own."""
        currency = currency or self.currency
        if amount is None:
            return "—"
        if currency != self.currency:
            return format_money(amount, currency, whole=True)
        return format_with_display(amount, currency, self.shown)

    def in_period(self, day: date | None) -> bool:
        return day is not None and self.period.start <= day <= self.period.end


# The report's map draws at most this many organisations and projects (the busiest).
MAP_MOST = 400


def published_only(r: ReportInput) -> dict:
    """The filter that keeps the public report to records marked publishable."""
    return {"published": True} if r.public else {}


def figure_url(programme, figure: str, period: Period) -> str:
    """The figure's records page for a period (the dashboard's drill-down)."""
    query = urlencode(
        {
            "start_0": period.start.day,
            "start_1": period.start.month,
            "start_2": period.start.year,
            "end_0": period.end.day,
            "end_1": period.end.month,
            "end_2": period.end.year,
        }
    )
    return f"{reverse('reports:figure_detail', args=[programme.slug, figure])}?{query}"


# A long list (a cohort of thousands, hundreds of projects) is cut here in the report; the
# full list is on the programme's own pages.
MOST_LISTED = 40


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "—"


# --- 1. The headline figures -----------------------------------------------------------


def monthly_additive(r: ReportInput, months: list[Period]) -> dict[str, list]:
    """The four additive figures for each month, from one grouped query each over the
    whole period, counted and converted exactly as `headline_figures` does (each day's
    total rounded once), so the months add up to the period's figure."""
    programme, period = r.programme, r.period
    starts = [month.start for month in months]

    def month_of(day) -> int:
        return bisect_right(starts, day) - 1

    projects = [0] * len(months)
    for (launched,) in f.new_projects(programme, period).order_by().values_list("launch_date"):
        projects[month_of(launched)] += 1
    funding = [[] for _ in months]
    for currency, on, total in (
        f.additional_funding_awards(programme, period)
        .order_by()
        .values_list("currency", "award_date")
        .annotate(total=Sum("amount_minor"))
    ):
        funding[month_of(on)].append((currency, on, total))
    partnerships, values = [0] * len(months), [[] for _ in months]
    for currency, on, n, total in (
        f.confirmed_partnerships(programme, period)
        .order_by()
        .values_list("estimated_value_currency", "confirmed_on")
        .annotate(n=Count("id"), total=Sum("estimated_value_minor"))
    ):
        partnerships[month_of(on)] += n
        if total:
            values[month_of(on)].append((currency, on, total))

    def converted(groups_by_month, key):
        if r.figures.figures[key].value is None:
            return [None] * len(months)  # a rate is missing: the figure says which
        return [f.converted_total(groups, r.currency, r.rates) for groups in groups_by_month]

    return {
        Figure.NEW_PROJECTS: projects,
        Figure.ADDITIONAL_FUNDING: converted(funding, Figure.ADDITIONAL_FUNDING),
        Figure.PARTNERSHIPS_CONFIRMED: partnerships,
        Figure.ESTIMATED_PARTNERSHIP_VALUE: converted(values, Figure.ESTIMATED_PARTNERSHIP_VALUE),
    }


def figures_section(r: ReportInput) -> dict:
    """The six figures against their targets, and each over time, cumulative by month."""
    programme, period = r.programme, r.period
    months = split(period, "month")
    monthly_values = monthly_additive(r, months)
    # The two distinct-organisation counts do not add up over months: count them afresh
    # for each span from the period's start to the month's end.
    since = [Period(period.start, month.end) for month in months]
    distinct = {
        Figure.ORGANISATIONS_ENGAGED: [
            f.engaged_organisations(programme, s).count() for s in since
        ],
        Figure.INNOVATORS_SUPPORTED: [f.supported_innovators(programme, s).count() for s in since],
    }
    charts = []
    for result in r.figures:
        key = result.key
        if result.value is None:
            continue
        if key in distinct:
            monthly = [None] * len(months)
            cumulative = distinct[key]
        else:
            monthly = monthly_values[key]
            cumulative, running = [], 0
            for value in monthly:
                running += value
                cumulative.append(running)

        def show(value, is_money=result.is_money):
            if value is None:
                return ""
            return format_money(value, r.currency) if is_money else f"{value:,}"

        columns = ["Month", "In the month", f"Since {period.start:%-d %B %Y}"]
        rows = [
            [
                Cell(f"{month.start:%B %Y}", month.start.strftime("%Y-%m")),
                Cell(show(value), value, figure_url(programme, key, month)),
                Cell(show(total), total, figure_url(programme, key, span)),
            ]
            for month, value, total, span in zip(months, monthly, cumulative, since, strict=True)
        ]
        if key in distinct:  # no month's own column: it would not add up either
            columns = [columns[0], columns[2]]
            rows = [[row[0], row[2]] for row in rows]
        target = f" against a target of {result.target_display}" if result.target else ""
        summary = (
            f"{result.label}: {result.display} from {period.start:%-d %B %Y} to "
            f"{period.end:%-d %B %Y}{target} ({result.status_label.lower()})."
        )
        if key in f.ADDITIVE_FIGURES:
            summary += " The months add up to the whole period."
        else:
            summary += (
                " Counted afresh from the period's start to each month's end: an organisation "
                "active in several months counts once."
            )
        charts.append(
            cumulative_chart(
                f"figure-{key.replace('_', '-')}",
                f"{result.label} over time, cumulative by month",
                summary,
                columns,
                rows,
                [month.end for month in months],
                [float(v) for v in cumulative],
                float(result.target) if result.target is not None else None,
                SYMBOLS.get(r.currency, "") if result.is_money else "",
            )
        )
    return {
        "figures": r.figures,
        "figure_rows": [
            (result, figure_url(programme, result.key, period)) for result in r.figures
        ],
        "charts": charts,
    }


# --- 2. How the programme works --------------------------------------------------------


def how_section(r: ReportInput) -> dict:
    programme, period = r.programme, r.period
    champions = (
        Champion.objects.filter(programme=programme, term_starts_on__lte=period.end)
        .exclude(term_ends_on__lt=period.start)
        .select_related("person", "organisation")
        .order_by("role", "person__name")
    )
    meetings = BoardMeeting.objects.filter(
        programme=programme, held_on__range=(period.start, period.end)
    )
    decisions = Decision.objects.filter(meeting__in=meetings).order_by("meeting__held_on", "id")
    areas = (
        ChallengeArea.objects.filter(programme=programme)
        .select_related("proposal__organisation", "vote")
        .order_by("name")
    )
    votes = (
        ChallengeVote.objects.filter(programme=programme)
        .annotate(ballot_count=Count("ballots", distinct=True))
        .prefetch_related("challenge_areas")
        .order_by("opens_on")
    )
    in_period = Q(members__joined_on__lte=period.end) & (
        Q(members__left_on__isnull=True) | Q(members__left_on__gte=period.start)
    )
    groups = (
        WorkingGroup.objects.filter(programme=programme)
        .select_related("challenge_area")
        .annotate(
            member_count=Count("members", filter=in_period, distinct=True),
            meeting_count=Count(
                "meetings",
                filter=Q(meetings__held_on__range=(period.start, period.end)),
                distinct=True,
            ),
            idea_count=Count("ideas", distinct=True),
            project_count=Count("ideas", filter=Q(ideas__project__isnull=False), distinct=True),
        )
        .order_by("name")
    )
    engagements = Engagement.objects.filter(
        programme=programme, occurred_on__range=(period.start, period.end)
    ).count()
    return {
        "champions": list(champions),
        "meeting_count": meetings.count(),
        "decisions": list(decisions[:12]),
        "decision_count": decisions.count(),
        "areas": list(areas),
        "votes": list(votes),
        "groups": list(groups),
        "engagement_count": engagements,
    }


# --- 3. The accelerator ----------------------------------------------------------------


def accelerator_section(r: ReportInput) -> dict:
    programme, period = r.programme, r.period
    accelerators = []
    for accelerator in (
        Accelerator.objects.filter(programme=programme)
        .select_related("delivery_partner")
        .order_by("starts_on")
    ):
        calls = (
            Call.objects.filter(accelerator=accelerator)
            .annotate(
                submitted=Count(
                    "applications",
                    filter=Q(applications__submitted_on__range=(period.start, period.end)),
                )
            )
            .order_by("opens_at")
        )
        cohorts = []
        for cohort in accelerator.cohorts.order_by("starts_on"):
            places = (
                CohortMembership.objects.filter(cohort=cohort, joined_on__lte=period.end)
                .select_related("organisation", "challenge_area")
                .order_by("organisation__name")
            )
            sessions = SupportSession.objects.filter(
                cohort=cohort, held_on__range=(period.start, period.end)
            )
            by_kind = sessions.values("kind").annotate(n=Count("id")).order_by("kind")
            cohorts.append(
                {
                    "cohort": cohort,
                    "place_count": places.count(),
                    "places": list(places[:MOST_LISTED]),
                    "session_count": sessions.count(),
                    "sessions_by_kind": [
                        (SessionKind(row["kind"]).label, row["n"]) for row in by_kind
                    ],
                    "attendance_count": Attendance.objects.filter(session__in=sessions).count(),
                    "milestones_achieved": Milestone.objects.filter(
                        membership__cohort=cohort,
                        achieved_on__range=(period.start, period.end),
                    ).count(),
                }
            )
        accelerators.append({"accelerator": accelerator, "calls": list(calls), "cohorts": cohorts})
    submitted = Application.objects.filter(
        call__programme=programme, submitted_on__range=(period.start, period.end)
    ).count()
    return {
        "accelerators": accelerators,
        "applications_submitted": submitted,
        "innovators": r.figures.figures[Figure.INNOVATORS_SUPPORTED],
        "innovators_url": figure_url(programme, Figure.INNOVATORS_SUPPORTED, period),
    }


# --- 4. Brokering ----------------------------------------------------------------------


def brokering_section(r: ReportInput) -> dict:
    programme, period = r.programme, r.period
    sent = Introduction.objects.filter(
        programme=programme, sent_on__range=(period.start, period.end)
    )
    confirmed = Q(partnership__stage__in=[s.value for s in CONFIRMED_STAGES])

    def converted(group_by: str, label) -> list[dict]:
        rows = (
            sent.values(group_by)
            .annotate(n=Count("id"), confirmed=Count("id", filter=confirmed))
            .order_by("-n", group_by)
        )
        return [
            {
                "label": label(row[group_by]),
                "introductions": row["n"],
                "confirmed": row["confirmed"],
                "percent": _percent(row["confirmed"], row["n"]),
            }
            for row in rows
        ]

    area_names = dict(ChallengeArea.objects.filter(programme=programme).values_list("pk", "name"))
    by_area = converted("need__challenge_area", lambda pk: area_names.get(pk, "No challenge area"))
    by_offer = converted(
        "offer__type", lambda t: SupportType(t).label if t else "Introduced by hand"
    )

    stages = dict(
        introduced_partnerships(programme, period)
        .values_list("stage")
        .annotate(n=Count("id"))
        .order_by()
    )
    order = [s for s in Stage if s != Stage.PROPOSED]
    rows = [
        [Cell(s.label), Cell(f"{stages.get(s.value, 0):,}", stages.get(s.value, 0))] for s in order
    ]
    introduced = sum(stages.values())
    conv = conversion(programme, period)
    chart = bar_chart(
        "partnership-stages",
        "Partnerships introduced in the period, by stage now",
        f"{_plural(sent.count(), 'introduction')} sent in the period; "
        f"{_plural(introduced, 'partnership')} introduced, of which {conv.confirmed:,} "
        f"confirmed, active or completed ({_percent(conv.confirmed, introduced)}).",
        ["Stage", "Partnerships"],
        rows,
        [s.label for s in order],
        [stages.get(s.value, 0) for s in order],
        [f"{stages.get(s.value, 0):,}" for s in order],
        [s in CONFIRMED_STAGES for s in order],
    )
    chart.notes.append("Blue: confirmed, active or completed. Grey, hatched: not (yet) confirmed.")
    return {
        "introductions_sent": sent.count(),
        "conversion": conv,
        "conversions": [("challenge area", by_area), ("kind of offer", by_offer)],
        "partnerships": r.figures.figures[Figure.PARTNERSHIPS_CONFIRMED],
        "partnerships_url": figure_url(programme, Figure.PARTNERSHIPS_CONFIRMED, period),
        "value": r.figures.figures[Figure.ESTIMATED_PARTNERSHIP_VALUE],
        "value_url": figure_url(programme, Figure.ESTIMATED_PARTNERSHIP_VALUE, period),
        "charts": [chart],
    }


# --- 5. Collaborative projects ---------------------------------------------------------


def projects_section(r: ReportInput) -> dict:
    programme, period = r.programme, r.period
    projects = (
        CollaborativeProject.objects.filter(programme=programme, **published_only(r))
        .exclude(status=ProjectStatus.CANCELLED)
        .filter(Q(launch_date__lte=period.end) | Q(launch_date__isnull=True))
        .select_related("challenge_area")
        .order_by("launch_date", "name")
    )
    project_count = projects.count()
    projects = list(projects.prefetch_related("indicators__observations")[:MOST_LISTED])
    members = defaultdict(list)
    for m in (
        CoalitionMember.objects.filter(project__in=[p.pk for p in projects])
        .select_related("organisation")
        .order_by("role", "organisation__name")
    ):
        members[m.project_id].append(m)
    rows = []
    for project in projects:
        indicators = []
        for indicator in project.indicators.all():
            observations = sorted(indicator.observations.all(), key=lambda o: o.observed_on)
            observations = [o for o in observations if o.observed_on <= period.end]
            if observations:
                indicators.append((indicator, observations[-1]))
        rows.append(
            {
                "project": project,
                "coalition": members[project.pk],
                "indicators": indicators,
                "new": r.in_period(project.launch_date),
            }
        )
    return {
        "projects": rows,
        "project_count": project_count,
        "new_projects": r.figures.figures[Figure.NEW_PROJECTS],
        "new_projects_url": figure_url(programme, Figure.NEW_PROJECTS, period),
    }


# --- 6. Competitions -------------------------------------------------------------------


def competitions_section(r: ReportInput) -> dict:
    programme, period = r.programme, r.period
    competitions = (
        Competition.objects.filter(
            programme=programme, launch_date__lte=period.end, **published_only(r)
        )
        .select_related("sponsor", "challenge_area")
        .prefetch_related("stages")
        .annotate(entry_count=Count("entries", distinct=True))
        .order_by("launch_date")
    )
    rows = []
    for competition in competitions:
        awards = (
            CompetitionAward.objects.filter(entry__competition=competition)
            .select_related("entry__organisation", "funding_award")
            .order_by("-funding_award__amount_minor")[:MOST_LISTED]
        )
        rows.append(
            {
                "competition": competition,
                "prize_fund": r.money(
                    Decimal(competition.prize_fund_minor) / 100, competition.prize_fund_currency
                ),
                "stages": list(competition.stages.all()),
                "awards": [
                    {
                        "award": a,
                        "amount": r.money(
                            Decimal(a.funding_award.amount_minor) / 100, a.funding_award.currency
                        ),
                    }
                    for a in awards
                ],
            }
        )
    return {"competitions": rows}


# --- 7. Funding ------------------------------------------------------------------------


def funding_section(r: ReportInput) -> dict:
    """Additional funding (the headline figure's awards) by funder and by instrument, each
    total converted as the figure is; and the loans with their terms."""
    programme, period = r.programme, r.period
    awards = f.additional_funding_awards(programme, period).order_by()
    result = r.figures.figures[Figure.ADDITIONAL_FUNDING]
    charts, by_funder, by_instrument = [], [], []
    if result.value is not None:
        groups = defaultdict(list)
        for funder, instrument, currency, on, total in awards.values_list(
            "funder__name", "instrument", "currency", "award_date"
        ).annotate(total=Sum("amount_minor")):
            groups[("funder", funder)].append((currency, on, total))
            groups[("instrument", instrument)].append((currency, on, total))
        totals = {key: f.converted_total(rows, r.currency, r.rates) for key, rows in groups.items()}
        by_funder = sorted(
            ((name, v) for (kind, name), v in totals.items() if kind == "funder"),
            key=lambda item: (-item[1], item[0]),
        )
        by_instrument = [
            (label, totals[("instrument", value)])
            for value, label in Instrument.choices
            if ("instrument", value) in totals
        ]
        shown, listed = _top(by_funder, 10), _top(by_funder, MOST_LISTED)
        charts.append(
            bar_chart(
                "funding-by-funder",
                "Additional funding by funder",
                f"Additional funding of {result.display} from "
                f"{_plural(len(by_funder), 'funder')}"
                + (
                    f"; the largest, {by_funder[0][0]}, gave {r.money(by_funder[0][1])}."
                    if by_funder
                    else "."
                ),
                ["Funder", f"Amount ({r.currency})"],
                [[Cell(name), Cell(format_money(v, r.currency), v)] for name, v in listed],
                [name for name, _ in shown],
                [float(v) for _, v in shown],
                [format_money(v, r.currency, whole=True) for _, v in shown],
            )
        )
        charts.append(
            bar_chart(
                "funding-by-instrument",
                "Additional funding by instrument",
                f"Additional funding of {result.display}: "
                + (
                    "; ".join(
                        f"{label.lower()} {format_money(v, r.currency, whole=True)}"
                        for label, v in by_instrument
                    )
                    or "none"
                )
                + ".",
                ["Instrument", f"Amount ({r.currency})"],
                [[Cell(label), Cell(format_money(v, r.currency), v)] for label, v in by_instrument],
                [label for label, _ in by_instrument],
                [float(v) for _, v in by_instrument],
                [format_money(v, r.currency, whole=True) for _, v in by_instrument],
            )
        )
    loans = (
        FundingAward.objects.filter(
            programme=programme,
            confirmed=True,
            instrument=Instrument.SOCIAL_LOAN,
            award_date__range=(period.start, period.end),
        )
        .select_related("funder", "recipient")
        .order_by("award_date", "pk")
    )
    loan_rows = [
        {
            "award": loan,
            "amount": r.money(Decimal(loan.amount_minor) / 100, loan.currency),
        }
        for loan in loans[:50]
    ]
    return {
        "result": result,
        "result_url": figure_url(programme, Figure.ADDITIONAL_FUNDING, period),
        "loans": loan_rows,
        "loan_count": loans.count(),
        "charts": charts,
    }


def _top(totals: list[tuple[str, Decimal]], n: int) -> list[tuple[str, Decimal]]:
    """The n largest, and the rest summed in one row, so the rows still add up."""
    rest = totals[n:]
    if not rest:
        return totals
    return totals[:n] + [(f"{len(rest):,} other funders", sum(v for _, v in rest))]


# --- 8. Outcomes -----------------------------------------------------------------------


def outcomes_section(r: ReportInput) -> dict:
    """Each cohort's before and after, by kind of outcome: the latest observation on or
    before joining, and the latest since."""
    cohorts = []
    panels, rows = [], []
    for cohort in programme_cohorts(r.programme).filter(starts_on__lte=r.period.end):
        sections = cohort_outcomes(cohort)
        if not sections:
            continue
        cohorts.append({"cohort": cohort, "sections": sections})
        for section in sections:
            if section.total is None or not section.total.innovators:
                continue
            total = section.total
            unit = section.unit
            before, after = amount(total.baseline, unit), amount(total.latest, unit)
            label = f"{section.label} ({cohort.name})"
            panels.append((label, float(total.baseline), float(total.latest), before, after))
            rows.append(
                [
                    Cell(label),
                    Cell(f"{total.innovators}", total.innovators),
                    Cell(before, total.baseline),
                    Cell(after, total.latest),
                    Cell("Estimate" if total.estimated else "Verified"),
                ]
            )
    charts = []
    if panels:
        charts.append(
            before_after_chart(
                "outcomes-before-after",
                "Innovators' outcomes before and after joining",
                "; ".join(
                    f"{row[0].text}: {row[2].text} before, {row[3].text} after, "
                    f"{row[1].text} innovator{'s' if row[1].value != 1 else ''}"
                    f"{' (includes estimates)' if row[4].text == 'Estimate' else ''}"
                    for row in rows
                )
                + ".",
                ["Outcome", "Innovators", "Before", "After", "Quality"],
                rows,
                panels,
            )
        )
    return {"cohorts": cohorts, "charts": charts}


# --- 9. Methods ------------------------------------------------------------------------


ILLUSTRATIVE_MODELS = [
    ("Organisations", Organisation, "programme"),
    ("Engagements", Engagement, "programme"),
    ("Board seats", Champion, "programme"),
    ("Applications", Application, "call__programme"),
    ("Cohort places", CohortMembership, "cohort__accelerator__programme"),
    ("Introductions", Introduction, "programme"),
    ("Partnerships", Partnership, "programme"),
    ("Collaborative projects", CollaborativeProject, "programme"),
    ("Competitions", Competition, "programme"),
    ("Funding awards", FundingAward, "programme"),
    ("Outcome observations", OutcomeObservation, "indicator__organisation__programme"),
    ("Targets", Target, "programme"),
]


def methods_section(r: ReportInput) -> dict:
    programme, period = r.programme, r.period
    definitions = [(Figure(key).label, text) for key, text in DEFINITIONS.items()]
    pairs = (
        ExchangeRate.objects.filter(programme=programme, rate_date__lte=period.end)
        .values("base", "quote")
        .annotate(n=Count("id"))
        .order_by("base", "quote")
    )
    rate_rows = []
    for pair in pairs:
        rates = ExchangeRate.objects.filter(
            programme=programme, base=pair["base"], quote=pair["quote"], rate_date__lte=period.end
        ).order_by("rate_date")
        first, last = rates.first(), rates.last()
        rate_rows.append(
            {
                "pair": f"{pair['base']} to {pair['quote']}",
                "count": pair["n"],
                "first": first,
                "last": last,
                "last_rate": format_rate(last.rate),
                "sources": sorted(set(rates.values_list("source", flat=True)[:20])),
            }
        )
    display = [
        f"{code} at {format_rate(rate.rate)} {rate.quote} to 1 {rate.base}, the rate on "
        f"{rate.on:%-d %B %Y} ({rate.source})"
        for code, _, rate in r.figures.display_rates
        if rate
    ]
    illustrative = []
    for label, model, path in ILLUSTRATIVE_MODELS:
        counts = model.objects.filter(**{path: programme}).aggregate(
            all=Count("id"), illustrative=Count("id", filter=Q(illustrative=True))
        )
        if counts["all"]:
            illustrative.append((label, counts["illustrative"], counts["all"]))
    return {
        "definitions": definitions,
        "role_spans": ROLE_SPANS,
        "periods_add_up": PERIODS_ADD_UP,
        "display_rates": display,
        "notes": r.figures.notes,
        "rates": rate_rows,
        "illustrative": illustrative,
        "any_illustrative": any(n for _, n, _ in illustrative),
    }


# --- Innovators' stories and the partnership map --------------------------------------


def stories_section(r: ReportInput) -> dict:
    """The stories the team chose, in its order (the public report: the published ones)."""
    return {"stories": report_stories(r.programme, published_only=r.public)}


def map_section(r: ReportInput) -> dict:
    """Who works with whom by the end of the period, drawn on the server (the PDF has no
    script), with the measures the map page shows beside it. A programme too big for one
    page is drawn by its MAP_MOST busiest organisations and projects; the measures count all."""
    filters = MapFilters(
        period=Period(r.programme.starts_on or r.period.start, r.period.end),
        published_projects_only=r.public,
    )
    graph = network_graph(r.programme, filters=filters)
    drawn = busiest(graph, MAP_MOST)
    svg = graph_svg(r.programme, drawn, filters=filters, id_prefix="report-map")
    ties = sector_ties(graph)
    return {
        # The drawing escapes every label; the PDF embeds it as an image, as the charts.
        "svg": mark_safe(svg),
        "svg_data_uri": "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode(),
        "nodes": len(graph.nodes),
        "edges": len(graph.edges),
        "drawn": len(drawn.nodes),
        "most_connected": most_connected(graph, limit=5),
        "without_partnership": len(without_partnership(graph)),
        "across_sectors": ties.across,
        "pairs": ties.total,
    }


# --- the order -------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    build: Callable[[ReportInput], dict]
    # The keys of the charts the section draws, so one chart's CSV builds one section.
    charts: tuple[str, ...] = field(default=())

    @property
    def template(self) -> str:
        return f"reports/report/_{self.key}.html"


FIGURE_CHARTS = tuple(f"figure-{key.replace('_', '-')}" for key in Figure.values)

SECTIONS = [
    Section("figures", "Headline figures", figures_section, FIGURE_CHARTS),
    Section("how", "How the programme works", how_section),
    Section("accelerator", "The accelerator", accelerator_section),
    Section("brokering", "Brokering: introductions and partnerships", brokering_section,
            ("partnership-stages",)),
    Section("stories", "Innovators' stories", stories_section),
    Section("map", "Who works with whom", map_section),
    Section("projects", "Collaborative projects and their coalitions", projects_section),
    Section("competitions", "Competitions", competitions_section),
    Section("funding", "Funding", funding_section, ("funding-by-funder", "funding-by-instrument")),
    Section("outcomes", "Outcomes before and after", outcomes_section, ("outcomes-before-after",)),
    Section("methods", "Methods", methods_section),
]  # fmt: skip
