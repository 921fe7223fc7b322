"""What every section of the progress report gets: the programme, the period, the figures
and the rates once, and the small helpers the sections share."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from urllib.parse import urlencode

from django.urls import reverse

from partnerbase.core.money import RateTable, format_money, format_with_display
from partnerbase.core.period import Period
from partnerbase.impact import figures as f

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


def percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "—"
