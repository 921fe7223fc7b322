"""Whether a figure meets its target, pro rata to how much of the programme has passed.
Pure Python: no database."""

from datetime import date
from decimal import Decimal

import pytest

from partnerbase.impact import status as st

START, END = date(2017, 1, 1), date(2017, 12, 31)  # 364 days apart


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        (date(2016, 6, 1), Decimal(0)),
        (START, Decimal(0)),
        (date(2017, 4, 2), Decimal(91) / Decimal(364)),
        (date(2017, 7, 2), Decimal("0.5")),
        (END, Decimal(1)),
        (date(2019, 1, 1), Decimal(1)),
    ],
)
def test_elapsed_fraction(at, expected):
    assert st.elapsed_fraction(START, END, at) == expected


def test_a_programme_with_no_end_counts_as_wholly_elapsed():
    assert st.elapsed_fraction(START, None, date(2017, 2, 1)) == 1


@pytest.mark.parametrize(
    ("value", "target", "fraction", "expected"),
    [
        ("101", "100", "0.1", st.EXCEEDED),
        ("100", "100", "0.1", st.MET),
        ("100", "100", "1", st.MET),
        ("50", "100", "0.5", st.ON_TRACK),  # exactly the pro-rata share
        ("49", "100", "0.5", st.BEHIND),
        ("99.99", "100", "1", st.BEHIND),  # at the end, anything short is behind
        ("0", "100", "0", st.ON_TRACK),  # nothing is due before the programme starts
        ("0", "0", "0.5", st.MET),
        ("632000.01", "632000", "0.9", st.EXCEEDED),
        ("7", None, "0.5", st.NO_TARGET),
    ],
)
def test_figure_status(value, target, fraction, expected):
    target = None if target is None else Decimal(target)
    assert st.figure_status(Decimal(value), target, Decimal(fraction)) == expected


def test_every_status_has_a_label():
    statuses = {st.EXCEEDED, st.MET, st.ON_TRACK, st.BEHIND, st.NO_TARGET, st.UNAVAILABLE}
    assert set(st.LABELS) == statuses
    assert all(st.LABELS[s] for s in statuses)
