"""The report's sections on what the programme produced and how it is counted: projects,
competitions, funding, outcomes before and after, and the methods."""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, Q, Sum

from partnerbase.accelerator.models import (
    CohortMembership,
)
from partnerbase.board.models import Champion
from partnerbase.brokering.models import Introduction, Partnership
from partnerbase.calls.models import Application
from partnerbase.core.money import format_money, format_rate
from partnerbase.core.words import plural
from partnerbase.directory.models import Engagement, Organisation
from partnerbase.funding.models import ExchangeRate, FundingAward, Instrument
from partnerbase.impact import figures as f
from partnerbase.impact.definitions import DEFINITIONS, PERIODS_ADD_UP, ROLE_SPANS
from partnerbase.impact.models import Figure, Target
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

from .charts import Cell, bar_chart, before_after_chart
from .inputs import MOST_LISTED, ReportInput, figure_url, published_only

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
                f"{plural(len(by_funder), 'funder')}"
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
