"""Build the progress report: the headline figures once, then each section in order."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from partnerbase.core.period import Period, programme_period
from partnerbase.impact.figures import FigureSet, headline_figures, rate_table
from partnerbase.impact.kept import kept_also, kept_figures
from partnerbase.setup.public import department_name

from .charts import Chart
from .programme_sections import figures_section
from .sections import SECTIONS, ReportInput, Section


@dataclass
class BuiltSection:
    section: Section
    context: dict

    @property
    def key(self) -> str:
        return self.section.key

    @property
    def title(self) -> str:
        return self.section.title

    @property
    def template(self) -> str:
        return self.section.template

    @property
    def charts(self) -> list[Chart]:
        return self.context.get("charts", [])


@dataclass
class Report:
    programme: object
    period: Period
    owner: str
    figures: FigureSet
    sections: list[BuiltSection]
    made_on: date
    public: bool = False

    @property
    def charts(self) -> list[Chart]:
        return [chart for section in self.sections for chart in section.charts]


def report_input(
    programme, period: Period, *, public: bool = False, figures: FigureSet | None = None
) -> ReportInput:
    """`figures`: the headline figures for `period` when the caller has them already."""
    rates = rate_table(programme)
    figures = figures or headline_figures(programme, period, rates=rates)
    return ReportInput(programme, period, figures, rates, public=public)


def build_report(
    programme,
    period: Period,
    *,
    sections: list[Section] | None = None,
    progress: Callable[[int, int, Section], None] | None = None,
    public: bool = False,
) -> Report:
    """Every section (or those given), in order; `progress(index, count, section)` is
    called before each is built. `public`: as the public page offers it (published stories,
    projects and competitions only)."""
    chosen = SECTIONS if sections is None else sections
    given = report_input(programme, period, public=public)
    built = []
    for index, section in enumerate(chosen):
        if progress:
            progress(index, len(chosen), section)
        built.append(BuiltSection(section, section.build(given)))
    owner = department_name(programme)  # as the public page names it
    return Report(programme, period, owner, given.figures, built, date.today(), public=public)


def report_chart(programme, period: Period, key: str, *, public: bool = False) -> Chart | None:
    """One chart, building only the section that draws it."""
    for section in SECTIONS:
        if key in section.charts:
            built = build_report(programme, period, sections=[section], public=public)
            return next((c for c in built.charts if c.key == key), None)
    return None


# The name the public page's charts are kept under with the figures (reports/apps.py).
PUBLIC_CHARTS = "public_charts"


def public_chart_json(programme, period: Period, figures: FigureSet) -> list[dict]:
    """The public page's charts drawn from the figures, as kept (reports/kept.py)."""
    given = report_input(programme, period, public=True, figures=figures)
    return [chart.as_json() for chart in figures_section(given)["charts"]]


def public_figure_charts(programme, figures: FigureSet | None = None) -> list[Chart]:
    """The public page's charts: each headline figure over the programme, against its
    target (`figures`: the whole programme's, which the page has read already). Kept with
    the figures: drawn once, then read back until the records change (0.01 s instead of
    2.5 s at 100,000 organisations)."""
    figures = figures or kept_figures(programme, programme_period(programme))
    return [Chart.from_json(data) for data in kept_also(figures, PUBLIC_CHARTS)]
