from dataclasses import dataclass
from datetime import date


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
