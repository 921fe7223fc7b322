"""The progress report's sections, in order: each a function that builds its template's
context from the programme's records for the period, and a template
`reports/report/_<key>.html`.

To add a section, write `def my_section(r: ReportInput) -> dict` (put charts, if any, in
the dict's "charts") and a template `templates/reports/report/_<key>.html`, then insert
`Section("<key>", "Title", my_section)` into SECTIONS where it belongs.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from partnerbase.impact.models import Figure

from .inputs import ReportInput
from .programme_sections import (
    accelerator_section,
    brokering_section,
    figures_section,
    how_section,
    map_section,
    stories_section,
)
from .result_sections import (
    competitions_section,
    funding_section,
    methods_section,
    outcomes_section,
    projects_section,
)

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
