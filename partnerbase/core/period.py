"""Periods of dates: the whole programme and its calendar months or quarters. Pure Python."""

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Period:
    """A closed range of dates: both ends count."""

    start: date
    end: date

    def __post_init__(self):
        if self.end < self.start:
            raise ValueError("A period must end on or after it starts.")

    def __str__(self):
        return f"{self.start:%-d %B %Y} to {self.end:%-d %B %Y}"


def programme_period(programme, today: date | None = None) -> Period:
    """The whole programme: from its start to its end, else its report date, else today."""
    end = programme.ends_on or programme.report_date or today or date.today()
    return Period(programme.starts_on, max(end, programme.starts_on))


SPLITS = ("month", "quarter")


def split(period: Period, by: str) -> list[Period]:
    """The period cut at calendar month or quarter boundaries: consecutive parts that
    together cover it exactly (the first and last may be part-months or part-quarters)."""
    if by not in SPLITS:
        raise ValueError(f"Split by one of {', '.join(SPLITS)}, not {by!r}.")
    months = 1 if by == "month" else 3
    parts, start = [], period.start
    while start <= period.end:
        # The first day of the next month or quarter after `start`.
        index = start.year * 12 + start.month - 1
        index = (index // months + 1) * months
        next_start = date(index // 12, index % 12 + 1, 1)
        end = min(next_start - timedelta(days=1), period.end)
        parts.append(Period(start, end))
        start = end + timedelta(days=1)
    return parts
