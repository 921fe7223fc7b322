"""The headline figures as a series: a period cut into calendar months or quarters.

The additive figures of the parts add up to the whole period's exactly (money rounded by
day, `core.money.dated_total`); the report's charts and `partnerbase metrics --by` use it.
"""

from dataclasses import dataclass

from partnerbase.core.period import Period, split

from .figures import ADDITIVE_FIGURES, FigureSet, headline_figures, rate_table


@dataclass
class Series:
    by: str
    whole: FigureSet
    parts: list[FigureSet]

    def totals(self) -> dict:
        """Each additive figure summed over the parts (None where a part cannot be computed)."""
        totals = {}
        for key in ADDITIVE_FIGURES:
            values = [part.figures[key].value for part in self.parts]
            totals[key] = None if None in values else sum(values)
        return totals

    def as_json(self) -> dict:
        def values(figures: FigureSet) -> dict:
            return {
                key: {"value": result.as_json()["value"], "display": result.display}
                for key, result in figures.figures.items()
            }

        return {
            "by": self.by,
            "from": self.whole.period.start.isoformat(),
            "to": self.whole.period.end.isoformat(),
            "currency": self.whole.currency,
            "additive": list(ADDITIVE_FIGURES),
            "parts": [
                {
                    "from": part.period.start.isoformat(),
                    "to": part.period.end.isoformat(),
                    "figures": values(part),
                }
                for part in self.parts
            ],
            "whole": self.whole.as_json(),
        }


def figure_series(programme, period: Period, by: str) -> Series:
    """The six figures for each month or quarter of the period, and for the whole of it."""
    rates = rate_table(programme)
    parts = [headline_figures(programme, part, rates=rates) for part in split(period, by)]
    return Series(by, headline_figures(programme, period, rates=rates), parts)
