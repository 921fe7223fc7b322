"""Targets, status and display of the headline figures, and the records behind each."""

import json
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partnerbase.brokering.stages import Stage
from partnerbase.core.period import Period
from partnerbase.impact import figures as f
from partnerbase.impact import status as st
from partnerbase.impact.models import Figure
from partnerbase.impact.records import figure_records
from tests.factories import Make, make_programme

PENNY = Decimal("0.01")
MONEY_FIGURES = [Figure.ADDITIONAL_FUNDING, Figure.ESTIMATED_PARTNERSHIP_VALUE]


def figure(programme, period, key):
    return f.headline_figures(programme, period).figures[key]


def whole(amount) -> str:
    return f"{Decimal(amount).quantize(Decimal(1), ROUND_HALF_UP):,}"


# --- targets, status and display -------------------------------------------------------


@pytest.fixture
def halfway(actor):
    """A programme through 2017 reported at 2 July, exactly half its length."""
    programme = make_programme(
        actor,
        starts_on=date(2017, 1, 1),
        ends_on=date(2017, 12, 31),
        report_date=date(2017, 7, 2),
        display_currencies="",
    )
    return Make(actor, programme)


@pytest.mark.parametrize(
    ("target", "launched", "expected"),
    [
        (4, 5, st.EXCEEDED),
        (4, 4, st.MET),
        (4, 2, st.ON_TRACK),
        (4, 1, st.BEHIND),
        (None, 3, st.NO_TARGET),
    ],
)
def test_status_against_the_target_pro_rata(halfway, target, launched, expected):
    fraction = Decimal((date(2017, 7, 2) - date(2017, 1, 1)).days) / Decimal(
        (date(2017, 12, 31) - date(2017, 1, 1)).days
    )
    assert fraction == Decimal("0.5")  # so two of four is on track, one is behind
    if target is not None:
        halfway.target(Figure.NEW_PROJECTS, target)
    for _ in range(launched):
        halfway.project(launch_date=date(2017, 3, 1))

    period = Period(date(2017, 1, 1), date(2017, 12, 31))
    result = figure(halfway.programme, period, Figure.NEW_PROJECTS)

    assert result.status == expected
    assert result.target == target
    assert result.target_display == ("" if target is None else str(target))
    assert result.status_label == st.LABELS[expected]


@pytest.fixture
def iep_like(make, funded):
    """£632,000 of funding and £2 million of estimates; 1 GBP = 1.3167 USD at the end of
    2017 (the report date for a 2017 period), a different rate when the money came in and
    another after the period."""
    make.rate("GBP", "USD", date(2017, 1, 1), "1.20")
    make.rate("GBP", "USD", date(2017, 12, 1), "1.3167")
    make.rate("GBP", "USD", date(2018, 6, 1), "1.50")
    make.award(
        funder=funded["funder"], recipient=funded["innovator"], amount="600000", on=date(2017, 7, 1)
    )
    make.award(
        funder=funded["funder"], recipient=funded["innovator"], amount="32000", on=date(2017, 8, 1)
    )
    make.partnership(on=date(2017, 9, 1), value="1500000")
    make.partnership(on=date(2017, 10, 1), value="500000")
    make.target(Figure.ADDITIONAL_FUNDING, "500000")
    make.target(Figure.PARTNERSHIPS_CONFIRMED, "2")
    return make


def test_money_shows_the_display_currency_at_the_report_date_rate(iep_like, period):
    figures = f.headline_figures(iep_like.programme, period)
    funding = figures.figures[Figure.ADDITIONAL_FUNDING]
    value = figures.figures[Figure.ESTIMATED_PARTNERSHIP_VALUE]
    usd = Decimal("1.3167")

    assert funding.value == Decimal("632000.00")
    assert funding.display == f"£632,000 (${whole(632000 * usd)})"
    assert funding.target_display == f"£500,000 (${whole(500000 * usd)})"
    assert funding.status == st.EXCEEDED
    assert value.display == "£2 million ($2.63 million)"
    assert [(code, m) for code, m, _ in figures.display_rates] == [("USD", usd)]
    assert figures.notes == []


def test_a_missing_display_rate_drops_the_display_currency_with_a_note(make, period, funded):
    make.award(
        funder=funded["funder"], recipient=funded["innovator"], amount="80500", on=date(2017, 7, 1)
    )

    figures = f.headline_figures(make.programme, period)

    assert figures.figures[Figure.ADDITIONAL_FUNDING].display == "£80,500"
    assert len(figures.notes) == 1 and figures.notes[0].startswith("USD is not shown")


def test_as_json_gives_every_figure_with_json_types(iep_like, period):
    figures = f.headline_figures(iep_like.programme, period)

    data = json.loads(json.dumps(figures.as_json()))

    assert set(data) == set(Figure.values)
    for key, entry in data.items():
        result = figures.figures[key]
        assert set(entry) == {"label", "value", "target", "status", "display"}
        assert entry["label"] == Figure(key).label
        assert entry["status"] == result.status and entry["display"] == result.display
        if key in MONEY_FIGURES:
            assert isinstance(entry["value"], str) and Decimal(entry["value"]) == result.value
        else:
            assert type(entry["value"]) is int and entry["value"] == result.value
    assert data[Figure.ADDITIONAL_FUNDING]["value"] == "632000.00"
    assert data[Figure.ADDITIONAL_FUNDING]["target"] == "500000.00"
    assert data[Figure.PARTNERSHIPS_CONFIRMED]["target"] == 2
    assert data[Figure.NEW_PROJECTS]["target"] is None


# --- the records behind each figure ----------------------------------------------------


def populate(make, n):
    """n of everything each figure counts, plus records each figure must leave out."""
    make.rate("GBP", "USD", date(2017, 1, 1), "1.3")
    funder, convener = make.org(kind="funder"), make.convener()
    accel = make.accelerator(starts_on=date(2017, 1, 1), delivery_partner=make.org())
    cohort = make.cohort(date(2017, 3, 1), of=accel)
    for i in range(n):
        innovator = make.innovator(cohort, date(2017, 3, 1))
        make.innovator(cohort, date(2017, 2, 1), withdrawn_on=date(2017, 2, 2))
        make.engagement(make.org(), date(2017, 4, 1))
        make.engagement(convener, date(2017, 4, 1))
        make.award(
            funder=funder, recipient=innovator, amount=f"{1000 + i}.01", on=date(2017, 5, 1 + i)
        )
        make.award(
            funder=funder,
            recipient=innovator,
            amount="333.33",
            currency="USD",
            on=date(2017, 6, 1 + i),
        )
        make.award(funder=convener, recipient=innovator, amount="50", on=date(2017, 5, 1))
        make.partnership(
            innovator=innovator,
            on=date(2017, 7, 1 + i),
            value="7777.77",
            currency="USD",
            partners=[make.org(), make.org()],
        )
        make.partnership(innovator=innovator, stage=Stage.DECLINED, on=date(2017, 7, 1))
        make.project(coalition=[(make.org(), "lead"), (convener, "government")])
        make.project(status="cancelled")


@pytest.mark.parametrize("key", Figure.values)
def test_each_figures_records_add_up_to_it(make, period, key):
    populate(make, 3)
    result = figure(make.programme, period, key)

    records = figure_records(make.programme, key, period)

    assert records.figure == key and records.label == Figure(key).label
    assert all(len(row["cells"]) == len(records.columns) for row in records.rows)
    assert records.count == len(records.rows)
    if key in MONEY_FIGURES:
        assert records.total == result.value and records.total > 0
    else:
        assert len({row["record"].pk for row in records.rows}) == result.value > 0


def test_headline_figures_take_the_same_queries_whatever_the_size(actor, period):
    counts = []
    for n in (1, 6):
        make = Make(actor, make_programme(actor, report_date=date(2018, 12, 31)))
        populate(make, n)
        with CaptureQueriesContext(connection) as queries:
            figures = f.headline_figures(make.programme, period)
        assert figures.figures[Figure.INNOVATORS_SUPPORTED].value == n
        counts.append(len(queries))
    assert counts[0] == counts[1]


@pytest.mark.parametrize("key", Figure.values)
def test_figure_records_take_the_same_queries_whatever_the_size(actor, period, key):
    counts = []
    for n in (1, 6):
        make = Make(actor, make_programme(actor))
        populate(make, n)
        with CaptureQueriesContext(connection) as queries:
            records = figure_records(make.programme, key, period)
            [row["cells"] for row in records.rows]
        counts.append(len(queries))
    assert counts[0] == counts[1]
