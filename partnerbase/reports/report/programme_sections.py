"""The report's sections on how the programme ran: the headline figures, how it works,
the accelerator, brokering, innovators' stories and who works with whom."""

import base64
from bisect import bisect_right

from django.db.models import Count, Q, Sum
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
from partnerbase.brokering.models import Introduction
from partnerbase.brokering.models.wants import SupportType
from partnerbase.brokering.queries import conversion, introduced_partnerships
from partnerbase.brokering.stages import CONFIRMED_STAGES, Stage
from partnerbase.calls.models import Application, Call
from partnerbase.challenges.models import ChallengeArea, ChallengeVote
from partnerbase.core.currencies import SYMBOLS
from partnerbase.core.money import format_money
from partnerbase.core.period import Period, split
from partnerbase.core.words import plural
from partnerbase.directory.models import Engagement
from partnerbase.impact import figures as f
from partnerbase.impact.models import Figure
from partnerbase.network.queries import MapFilters
from partnerbase.network.summary import map_summary
from partnerbase.network.svg import graph_svg
from partnerbase.stories.queries import report_stories
from partnerbase.workinggroups.models import WorkingGroup

from .charts import Cell, bar_chart, cumulative_chart
from .inputs import MOST_LISTED, ReportInput, figure_url, percent

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
        Figure.ORGANISATIONS_ENGAGED: f.engaged_since(programme, period, [s.end for s in since]),
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
                "percent": percent(row["confirmed"], row["n"]),
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
        f"{plural(sent.count(), 'introduction')} sent in the period; "
        f"{plural(introduced, 'partnership')} introduced, of which {conv.confirmed:,} "
        f"confirmed, active or completed ({percent(conv.confirmed, introduced)}).",
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


# --- Innovators' stories and the partnership map --------------------------------------

# The report's map draws at most this many organisations and projects (the busiest).
MAP_MOST = 400
PLACES = ("organisation or project", "organisations and projects")


def stories_section(r: ReportInput) -> dict:
    """The stories the team chose, in its order (the public report: the published ones)."""
    return {"stories": report_stories(r.programme, published_only=r.public)}


def map_section(r: ReportInput) -> dict:
    """Who works with whom by the end of the period, drawn on the server (the PDF has no
    script), with the measures the map page shows beside it. The measures are computed in
    the database (a national programme has a million ties); a programme too big for one
    page is drawn by its MAP_MOST busiest organisations and projects, and the text says
    how many were left out."""
    filters = MapFilters(
        period=Period(r.programme.starts_on or r.period.start, r.period.end),
        published_projects_only=r.public,
    )
    summary = map_summary(r.programme, filters=filters, most=MAP_MOST)
    drawn = summary.drawn
    svg = graph_svg(r.programme, drawn, filters=filters, id_prefix="report-map")
    return {
        # The drawing escapes every label; the PDF embeds it as an image, as the charts.
        "svg": mark_safe(svg),
        "svg_data_uri": "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode(),
        "nodes": summary.nodes,
        "edges": summary.edges,
        "drawn": len(drawn.nodes),
        "drawn_edges": len(drawn.edges),
        "left_out": summary.left_out,
        "edges_left_out": summary.edges_left_out,
        "in_all": (f"{plural(summary.nodes, *PLACES)} in all, with {plural(summary.edges, 'tie')}"),
        "left_out_words": _left_out(summary),
        "most_connected": summary.most_connected[:5],
        "without_partnership": summary.without_partnership,
        "without_words": plural(summary.without_partnership, "innovator has", "innovators have"),
        "across_sectors": summary.sector_ties.across,
        "pairs": summary.sector_ties.total,
        "sectors_words": (
            f"{summary.sector_ties.across:,} of the "
            f"{plural(summary.sector_ties.total, 'pair')} of organisations working together "
            "cross sectors (business, civil society, public)"
        ),
    }


def _left_out(summary) -> str:
    """What the drawing leaves out, in words ("" when it draws the whole map)."""
    if not summary.left_out and not summary.edges_left_out:
        return ""
    drawn = summary.drawn
    ties = plural(len(drawn.edges), "tie")
    nodes = plural(summary.left_out, *PLACES)
    edges = plural(summary.edges_left_out, "tie")
    return (
        f"The map below draws only the {len(drawn.nodes):,} busiest organisations and "
        f"projects (those tied to the most others) and the {ties} among them: {nodes} and "
        f"{edges} are left out of the drawing, as one page could not show them legibly; "
        "the figures and measures here count them all."
    )
