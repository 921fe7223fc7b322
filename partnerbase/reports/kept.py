"""The dashboard's conversion line, kept with the headline figures it sits under
(impact.kept.keep_also), so the dashboard does no count that grows with the programme. The
public page's charts are kept the same way (reports/report/build.py); both are registered
by ReportsConfig.ready (under these names)."""

from dataclasses import asdict

from partnerbase.brokering.queries import Conversion, conversion
from partnerbase.core.period import Period
from partnerbase.impact.figures import FigureSet
from partnerbase.impact.kept import kept_also

CONVERSION = "conversion"


def conversion_json(programme, period: Period, figures: FigureSet) -> dict:
    return asdict(conversion(programme, period))


def kept_conversion(figures: FigureSet) -> Conversion:
    """The introduction-to-partnership conversion over the figures' period."""
    return Conversion(**kept_also(figures, CONVERSION))
