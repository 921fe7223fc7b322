"""The figures' period rules (DESIGN.md, "Headline figures": "Periods add up" and "Role
spans"): roles end when they end, alumni's follow-on funding counts, money is rounded by
day, and `partnerbase metrics --by` gives series that add up to the whole."""

import json
from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from partnerbase.core.period import Period
from partnerbase.impact import figures as f
from partnerbase.impact.models import Figure
from partnerbase.impact.records import figure_records
from partnerbase.pledges import services as pledges
from partnerbase.projects import services as projects

from .conftest import YEAR

AUTUMN = Period(date(2017, 9, 1), date(2017, 12, 31))


def engaged(make, period=YEAR) -> set:
    return set(f.engaged_organisations(make.programme, period))


# --- pledges end on delivery or lapsing ------------------------------------------------


def pledge(make, organisation, on=date(2016, 6, 1)):
    """A confirmed pledge of ten hours' mentoring."""
    promise = pledges.pledge_record(
        actor=make.actor,
        programme=make.programme,
        organisation=organisation,
        kind="mentoring",
        title="Mentoring",
        quantity=Decimal(10),
        unit="hours",
        pledged_on=on,
    )
    return pledges.pledge_confirm(actor=make.actor, pledge=promise, on=on)


@pytest.mark.parametrize(
    ("delivered_on", "counted"),
    [(date(2016, 12, 31), False), (date(2017, 1, 1), True), (None, True)],
)
def test_a_delivered_pledge_counts_until_its_delivery(make, delivered_on, counted):
    organisation = make.org(kind="business")
    promise = pledge(make, organisation)
    if delivered_on:
        pledges.pledge_delivery_record(
            actor=make.actor, pledge=promise, delivered_on=delivered_on, quantity=Decimal(10)
        )

    assert (organisation in engaged(make)) is counted


def test_a_partly_delivered_pledge_still_stands(make):
    organisation = make.org(kind="business")
    promise = pledge(make, organisation)
    pledges.pledge_delivery_record(
        actor=make.actor, pledge=promise, delivered_on=date(2016, 8, 1), quantity=Decimal(4)
    )

    assert organisation in engaged(make)


@pytest.mark.parametrize(
    ("lapsed_on", "counted"), [(date(2016, 12, 31), False), (date(2017, 3, 1), True)]
)
def test_a_lapsed_pledge_counts_until_it_lapsed(make, lapsed_on, counted):
    organisation = make.org(kind="business")
    pledges.pledge_lapse(actor=make.actor, pledge=pledge(make, organisation), on=lapsed_on)

    assert (organisation in engaged(make)) is counted


# --- a competition's sponsor: launch to the end of its last stage -----------------------


def competition(make, sponsor, launch_date, stages):
    return projects.competition_create(
        actor=make.actor,
        programme=make.programme,
        name="Open Up Challenge",
        sponsor=sponsor,
        prize_fund=Decimal(3_000_000),
        currency="GBP",
        launch_date=launch_date,
        stages=stages,
    )


SPONSORSHIPS = {
    "last stage ended the day before": (
        date(2016, 3, 1),
        [("Open call", date(2016, 3, 1), date(2016, 6, 30)),
         ("Final", date(2016, 7, 1), date(2016, 12, 31))],
        False,
    ),
    "last stage ended on the first day": (
        date(2016, 3, 1),
        [("Open call", date(2016, 3, 1), date(2016, 6, 30)),
         ("Final", date(2016, 7, 1), date(2017, 1, 1))],
        True,
    ),
    "an earlier stage ended before, the last runs on": (
        date(2016, 3, 1),
        [("Open call", date(2016, 3, 1), date(2016, 6, 30)),
         ("Final", date(2016, 7, 1), None)],
        True,
    ),
    "no stages yet": (date(2016, 3, 1), [], True),
    "launched in the period": (date(2017, 12, 31), [("Open call", date(2017, 12, 31), None)], True),
    "launched after the period": (date(2018, 1, 1), [], False),
}  # fmt: skip


@pytest.mark.parametrize("case", SPONSORSHIPS)
def test_a_sponsor_counts_from_the_launch_to_the_end_of_the_last_stage(make, case):
    launched, stages, counted = SPONSORSHIPS[case]
    sponsor = make.org(kind="business")
    competition(make, sponsor, launched, stages)

    assert (sponsor in engaged(make)) is counted
    records = figure_records(make.programme, Figure.ORGANISATIONS_ENGAGED, YEAR)
    rows = [r for r in records.rows if r["record"] == sponsor]
    assert bool(rows) is counted
    if counted:
        assert "Competition sponsor" in rows[0]["cells"][3]


# --- a coalition member without a join date counts from the project's launch -----------


@pytest.mark.parametrize(
    ("launch_date", "joined_on", "counted"),
    [
        (date(2018, 2, 1), None, False),  # launched after the period: not yet a member
        (date(2017, 12, 31), None, True),
        (date(2016, 2, 1), None, True),  # membership has no end
        (None, None, True),  # neither date: every period
        (None, date(2018, 1, 1), False),
        (date(2018, 2, 1), date(2017, 11, 1), True),  # joined before the launch
    ],
)
def test_a_coalition_member_counts_from_joining_or_else_the_launch(
    make, launch_date, joined_on, counted
):
    organisation = make.org()
    status = "launched" if launch_date else "proposed"
    make.project(
        status=status, launch_date=launch_date, coalition=[(organisation, "lead", joined_on)]
    )

    assert (organisation in engaged(make)) is counted


# --- additional funding: alumni count, periods add up ----------------------------------


def test_an_alumnus_follow_on_award_counts_in_a_period_after_the_cohort_ended(make, funded):
    spring = make.cohort(date(2017, 1, 9), date(2017, 4, 28))
    alumnus = make.innovator(spring, date(2017, 1, 9))
    award = make.award(
        funder=funded["funder"], recipient=alumnus, amount="5000", on=date(2017, 10, 2)
    )

    assert alumnus not in set(f.supported_innovators(make.programme, AUTUMN))
    assert award in set(f.additional_funding_awards(make.programme, AUTUMN))
    result = f.headline_figures(make.programme, AUTUMN).figures[Figure.ADDITIONAL_FUNDING]
    assert result.value == Decimal("5000.00")


def test_an_award_before_joining_a_later_cohort_does_not_count(make, funded):
    autumn = make.cohort(date(2017, 11, 1), date(2018, 3, 31))
    innovator = make.innovator(autumn, date(2017, 10, 20))
    make.award(funder=funded["funder"], recipient=innovator, amount="100", on=date(2017, 10, 19))

    assert f.additional_funding_awards(make.programme, AUTUMN).count() == 0


def test_a_place_withdrawn_after_its_cohort_started_still_makes_an_innovator(make, funded):
    cohort = make.cohort(date(2017, 2, 1), date(2017, 7, 31))
    leaver = make.innovator(cohort, date(2017, 2, 1), withdrawn_on=date(2017, 3, 1))
    make.award(funder=funded["funder"], recipient=leaver, amount="700", on=date(2017, 9, 5))

    assert f.additional_funding_awards(make.programme, AUTUMN).count() == 1


def test_a_place_withdrawn_before_its_cohort_started_never_does(make, funded):
    cohort = make.cohort(date(2017, 2, 1), date(2017, 7, 31))
    never = make.innovator(cohort, date(2017, 1, 10), withdrawn_on=date(2017, 1, 31))
    make.award(funder=funded["funder"], recipient=never, amount="700", on=date(2017, 1, 20))
    make.award(funder=funded["funder"], recipient=never, amount="700", on=date(2017, 9, 5))

    assert f.additional_funding_awards(make.programme, YEAR).count() == 0


def test_one_days_amounts_are_rounded_together_and_days_add_up(make, funded):
    make.rate("GBP", "USD", date(2017, 1, 1), "1.5")
    for on in [date(2017, 7, 1), date(2017, 7, 1), date(2017, 7, 1), date(2017, 7, 2)]:
        make.award(
            funder=funded["funder"],
            recipient=funded["innovator"],
            amount="10.00",
            currency="USD",
            on=on,
        )
    first_day = Period(date(2017, 1, 1), date(2017, 7, 1))
    rest = Period(date(2017, 7, 2), date(2017, 12, 31))

    def funding(period):
        return f.headline_figures(make.programme, period).figures[Figure.ADDITIONAL_FUNDING].value

    # 30 USD on the first day is 20.00 exactly (not 3 × 6.67 = 20.01); 10 USD is 6.67.
    assert funding(first_day) == Decimal("20.00")
    assert funding(rest) == Decimal("6.67")
    assert funding(YEAR) == funding(first_day) + funding(rest) == Decimal("26.67")
    assert figure_records(make.programme, Figure.ADDITIONAL_FUNDING, YEAR).total == Decimal("26.67")


# --- series --------------------------------------------------------------------------


def test_metrics_by_quarter_adds_up_to_the_whole(make, funded):
    make.rate("GBP", "USD", date(2017, 1, 1), "1.3167")
    for on, amount in [(date(2017, 3, 31), "333.33"), (date(2017, 4, 1), "10.01")]:
        make.award(
            funder=funded["funder"],
            recipient=funded["innovator"],
            amount=amount,
            currency="USD",
            on=on,
        )
    make.partnership(on=date(2017, 5, 5), value="1000", currency="USD")
    make.partnership(on=date(2017, 11, 5), value="250.50", currency="GBP")
    make.project(launch_date=date(2017, 8, 1))
    out = StringIO()

    call_command(
        "metrics",
        programme=make.programme.slug,
        start="2017-01-01",
        end="2017-12-31",
        by="quarter",
        as_json=True,
        stdout=out,
    )

    series = json.loads(out.getvalue())
    assert [p["from"] for p in series["parts"]] == [
        "2017-01-01",
        "2017-04-01",
        "2017-07-01",
        "2017-10-01",
    ]
    for key in series["additive"]:
        values = [p["figures"][key]["value"] for p in series["parts"]]
        total = sum(Decimal(v) if isinstance(v, str) else v for v in values)
        whole = series["whole"][key]["value"]
        assert total == (Decimal(whole) if isinstance(whole, str) else whole), key
    assert series["whole"][Figure.PARTNERSHIPS_CONFIRMED]["value"] == 2
    assert series["parts"][2]["figures"][Figure.NEW_PROJECTS]["value"] == 1


def test_metrics_by_month_prints_a_table_with_the_whole_period(make):
    out = StringIO()
    call_command(
        "metrics",
        programme=make.programme.slug,
        start="2017-01-01",
        end="2017-03-31",
        by="month",
        stdout=out,
    )
    lines = out.getvalue().splitlines()

    assert lines[0].startswith("From") and "Additional funding" in lines[0]
    assert [line[:10] for line in lines[1:4]] == ["2017-01-01", "2017-02-01", "2017-03-01"]
    assert lines[4].startswith("Whole period")
