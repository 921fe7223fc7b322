"""Periods of dates: both ends count, the whole programme, calendar parts that cover a
period exactly. Pure Python: no database."""

from datetime import date, timedelta

import pytest

from partnerbase.core.period import Period, programme_period, split

START, END = date(2017, 1, 1), date(2017, 12, 31)


def test_a_period_includes_both_ends_and_refuses_to_run_backwards():
    assert str(Period(START, END)) == "1 January 2017 to 31 December 2017"
    assert Period(START, START).start == Period(START, START).end
    with pytest.raises(ValueError):
        Period(END, START)


class _Programme:
    def __init__(self, starts_on, ends_on=None, report_date=None):
        self.starts_on, self.ends_on, self.report_date = starts_on, ends_on, report_date


@pytest.mark.parametrize(
    ("ends_on", "report_date", "today", "expected_end"),
    [
        (END, date(2017, 6, 1), date(2020, 1, 1), END),
        (None, date(2017, 6, 1), date(2020, 1, 1), date(2017, 6, 1)),
        (None, None, date(2017, 3, 3), date(2017, 3, 3)),
        (None, None, date(2016, 3, 3), START),  # never ends before it starts
    ],
)
def test_programme_period(ends_on, report_date, today, expected_end):
    period = programme_period(_Programme(START, ends_on, report_date), today=today)
    assert period == Period(START, expected_end)


def test_split_covers_the_period_with_calendar_parts():
    period = Period(date(2017, 2, 15), date(2018, 3, 3))
    quarters = split(period, "quarter")
    months = split(period, "month")

    assert [(q.start, q.end) for q in quarters[:2]] == [
        (date(2017, 2, 15), date(2017, 3, 31)),
        (date(2017, 4, 1), date(2017, 6, 30)),
    ]
    assert quarters[-1] == Period(date(2018, 1, 1), date(2018, 3, 3))
    assert len(months) == 14
    for parts in (quarters, months):
        assert parts[0].start == period.start and parts[-1].end == period.end
        for before, after in zip(parts, parts[1:], strict=False):
            assert after.start == before.end + timedelta(days=1)
    with pytest.raises(ValueError, match="month, quarter"):
        split(period, "week")
