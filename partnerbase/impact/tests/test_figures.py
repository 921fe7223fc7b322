"""Each headline figure's definition (DESIGN.md, "Headline figures") on small hand-made
programmes, with the edges: conveners, withdrawals, dates either side of the period,
declined partnerships and foreign-currency amounts."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest

from partnerbase.brokering import services as brokering
from partnerbase.brokering.stages import Stage
from partnerbase.core.errors import DomainError
from partnerbase.impact import figures as f
from partnerbase.impact import status as st
from partnerbase.impact.models import Figure
from partnerbase.impact.records import figure_records
from tests.factories import JOINED, Make, make_programme

PENNY = Decimal("0.01")
MONEY_FIGURES = [Figure.ADDITIONAL_FUNDING, Figure.ESTIMATED_PARTNERSHIP_VALUE]


def figure(programme, period, key):
    return f.headline_figures(programme, period).figures[key]


def whole(amount) -> str:
    return f"{Decimal(amount).quantize(Decimal(1), ROUND_HALF_UP):,}"


# --- organisations engaged -------------------------------------------------------------

# Each way an organisation can hold a role in the programme, in 2017.
ROLES = {
    "engagement": lambda make, org: make.engagement(org, date(2017, 5, 1)),
    "cohort": lambda make, org: make.member(make.cohort(date(2017, 3, 1)), org, date(2017, 3, 1)),
    "delivery partner": lambda make, org: make.accelerator(
        starts_on=date(2017, 2, 1), delivery_partner=org
    ),
    "partnership innovator": lambda make, org: make.partnership(
        innovator=org, stage=Stage.INTRODUCED
    ),
    "partnership partner": lambda make, org: make.partnership(partners=[org], stage=Stage.DECLINED),
    "project coalition": lambda make, org: make.project(
        coalition=[(org, "lead", date(2017, 4, 1))]
    ),
}

# The same roles held only outside 2017.
ROLES_OUTSIDE = {
    "engagement the day before": lambda make, org: make.engagement(org, date(2016, 12, 31)),
    "engagement the day after": lambda make, org: make.engagement(org, date(2018, 1, 1)),
    "cohort ended before": lambda make, org: make.member(
        make.cohort(date(2016, 3, 1), date(2016, 12, 31)), org, date(2016, 3, 1)
    ),
    "cohort joined after": lambda make, org: make.member(
        make.cohort(date(2017, 6, 1)), org, date(2018, 1, 1)
    ),
    "withdrew before": lambda make, org: make.member(
        make.cohort(date(2016, 3, 1)), org, date(2016, 3, 1), withdrawn_on=date(2016, 12, 31)
    ),
    "accelerator ended before": lambda make, org: make.accelerator(
        starts_on=date(2016, 1, 1), ends_on=date(2016, 12, 31), delivery_partner=org
    ),
    "accelerator started after": lambda make, org: make.accelerator(
        starts_on=date(2018, 1, 1), delivery_partner=org
    ),
    "partnership proposed after": lambda make, org: make.partnership(
        partners=[org], innovator=make.org(), stage=Stage.PROPOSED, on=date(2018, 1, 31)
    ),
    "partnership ended before": lambda make, org: make.partnership(
        partners=[org], stage=Stage.DECLINED, on=date(2016, 12, 31)
    ),
    "coalition joined after": lambda make, org: make.project(
        launch_date=date(2018, 2, 1), coalition=[(org, "funder", date(2018, 1, 1))]
    ),
}


@pytest.mark.parametrize("role", ROLES)
def test_each_role_counts_an_organisation_as_engaged(make, period, role):
    organisation, bystander = make.org(), make.org()
    ROLES[role](make, organisation)

    engaged = set(f.engaged_organisations(make.programme, period))

    assert organisation in engaged
    assert bystander not in engaged


@pytest.mark.parametrize("role", ROLES)
def test_a_convening_organisation_is_never_counted(make, period, role):
    convener = make.convener()
    ROLES[role](make, convener)

    assert convener not in set(f.engaged_organisations(make.programme, period))


@pytest.mark.parametrize("role", ROLES_OUTSIDE)
def test_a_role_outside_the_period_does_not_count(make, period, role):
    organisation = make.org()
    ROLES_OUTSIDE[role](make, organisation)

    assert organisation not in set(f.engaged_organisations(make.programme, period))


def test_engagements_on_the_first_and_last_day_count(make, period):
    first, last = make.org(), make.org()
    make.engagement(first, period.start)
    make.engagement(last, period.end)

    assert set(f.engaged_organisations(make.programme, period)) == {first, last}


def test_an_organisation_with_several_roles_counts_once(make, period):
    innovator, partner, convener = make.org(), make.org(kind="business"), make.convener()
    for on in (date(2017, 2, 1), date(2017, 3, 1)):
        make.engagement(innovator, on)
        make.engagement(convener, on)
    make.member(make.cohort(date(2017, 3, 1)), innovator, date(2017, 3, 1))
    make.partnership(innovator=innovator, partners=[partner, convener])

    result = figure(make.programme, period, Figure.ORGANISATIONS_ENGAGED)
    records = figure_records(make.programme, Figure.ORGANISATIONS_ENGAGED, period)

    assert result.value == 2  # innovator and partner; the convener never
    assert result.display == "2"
    assert [row["record"] for row in records.rows] == sorted(
        [innovator, partner], key=lambda o: o.name
    )


def test_the_records_list_each_role_once(make, period):
    innovator, partner = make.org(), make.org(kind="business")
    for on in (date(2017, 2, 1), date(2017, 3, 1)):
        make.engagement(innovator, on)
    make.member(make.cohort(date(2017, 3, 1)), innovator, date(2017, 3, 1))
    make.partnership(innovator=innovator, partners=[partner])

    records = figure_records(make.programme, Figure.ORGANISATIONS_ENGAGED, period)

    roles = {row["record"]: row["cells"][-1] for row in records.rows}
    assert roles[partner] == "Partnership (partner)"
    assert roles[innovator] == "Engagement, Cohort, Partnership (innovator)"


def test_another_programmes_organisations_are_not_counted(actor, make, period):
    other = Make(actor, make_programme(actor))
    other.engagement(other.org(), date(2017, 5, 1))

    assert figure(make.programme, period, Figure.ORGANISATIONS_ENGAGED).value == 0


# --- new projects ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "counted"),
    [
        ("launched", True),
        ("active", True),
        ("completed", True),
        ("proposed", False),
        ("cancelled", False),
    ],
)
def test_new_projects_count_launched_active_and_completed(make, period, status, counted):
    project = make.project(status=status, launch_date=date(2017, 6, 1))

    assert (project in set(f.new_projects(make.programme, period))) is counted
    assert figure(make.programme, period, Figure.NEW_PROJECTS).value == int(counted)


@pytest.mark.parametrize(
    ("launch_date", "counted"),
    [
        (date(2017, 1, 1), True),
        (date(2017, 12, 31), True),
        (date(2016, 12, 31), False),
        (date(2018, 1, 1), False),
        (None, False),
    ],
)
def test_new_projects_must_launch_in_the_period(make, period, launch_date, counted):
    make.project(status="active", launch_date=launch_date)

    assert figure(make.programme, period, Figure.NEW_PROJECTS).value == int(counted)


# --- innovators supported --------------------------------------------------------------

# (cohort starts, cohort ends, joined, withdrew, counted in 2017)
PLACES = {
    "active": (date(2017, 4, 1), None, date(2017, 3, 1), None, True),
    "withdrew before the cohort started": (
        date(2017, 4, 1),
        None,
        date(2017, 3, 1),
        date(2017, 3, 31),
        False,
    ),
    "withdrew on the day it started": (
        date(2017, 4, 1),
        None,
        date(2017, 3, 1),
        date(2017, 4, 1),
        True,
    ),
    "withdrew after it started": (date(2017, 4, 1), None, date(2017, 3, 1), date(2017, 5, 1), True),
    "cohort ran across the period start": (
        date(2016, 9, 1),
        date(2017, 3, 1),
        date(2016, 9, 1),
        None,
        True,
    ),
    "cohort ended before the period": (
        date(2016, 1, 1),
        date(2016, 12, 31),
        date(2016, 1, 1),
        None,
        False,
    ),
    "cohort starts after the period": (date(2018, 1, 10), None, date(2017, 12, 1), None, False),
    "joined after the period": (date(2017, 6, 1), None, date(2018, 1, 2), None, False),
    "withdrew before the period": (
        date(2016, 3, 1),
        None,
        date(2016, 3, 1),
        date(2016, 12, 31),
        False,
    ),
}


@pytest.mark.parametrize("case", PLACES)
def test_innovators_supported(make, period, case):
    starts, ends, joined, withdrew, counted = PLACES[case]
    innovator = make.innovator(make.cohort(starts, ends), joined, withdrawn_on=withdrew)

    assert (innovator in set(f.supported_innovators(make.programme, period))) is counted
    result = figure(make.programme, period, Figure.INNOVATORS_SUPPORTED)
    assert result.value == int(counted)


def test_an_innovator_in_two_cohorts_counts_once(make, period):
    first, second = make.cohort(date(2017, 2, 1)), make.cohort(date(2017, 9, 1))
    innovator = make.innovator(first, date(2017, 2, 1))
    make.member(second, innovator, date(2017, 9, 1))
    other = make.innovator(second, date(2017, 9, 1))

    assert figure(make.programme, period, Figure.INNOVATORS_SUPPORTED).value == 2
    records = figure_records(make.programme, Figure.INNOVATORS_SUPPORTED, period)
    assert sorted(r["record"].pk for r in records.rows) == sorted([innovator.pk, other.pk])
    # The innovator's row shows its first cohort.
    first_row = next(r for r in records.rows if r["record"] == innovator)
    assert first_row["cells"][1] == first.name


# --- additional funding ----------------------------------------------------------------

# Overrides of one £1,000 grant from the funder to the innovator on the day after joining.
AWARDS = {
    "after joining": ({}, True),
    "on the day they joined": ({"on": JOINED}, True),
    "the day before they joined": ({"on": date(2017, 5, 31)}, False),
    "social loan": ({"instrument": "social_loan"}, True),
    "equity": ({"instrument": "equity"}, True),
    "prize": ({"instrument": "prize"}, True),
    "match funding": ({"instrument": "match_funding"}, True),
    "in kind": ({"instrument": "in_kind"}, False),
    "unconfirmed": ({"confirmed": False}, False),
    "from a convening department": ({"funder": "convener"}, False),
    "to a non-innovator": ({"recipient": "bystander"}, False),
    "to an innovator who withdrew before the start": ({"recipient": "withdrawn"}, False),
    "after the period": ({"on": date(2018, 1, 1)}, False),
    # Funding before the cohort starts counts from the day the innovator joined it.
    "before the cohort start, after joining": (
        {"recipient": "early", "on": date(2017, 5, 20)},
        True,
    ),
    "before the cohort start and joining": ({"recipient": "early", "on": date(2017, 5, 17)}, False),
}


@pytest.mark.parametrize("case", AWARDS)
def test_additional_funding_counts_only_qualifying_awards(make, period, funded, case):
    overrides, counted = AWARDS[case]
    kwargs = {
        "funder": funded["funder"],
        "recipient": funded["innovator"],
        "amount": "1000",
        "on": date(2017, 6, 2),
    }
    kwargs.update(
        {k: funded[v] if k in ("funder", "recipient") else v for k, v in overrides.items()}
    )
    award = make.award(**kwargs)

    assert (award in set(f.additional_funding_awards(make.programme, period))) is counted
    result = figure(make.programme, period, Figure.ADDITIONAL_FUNDING)
    assert result.value == (Decimal("1000.00") if counted else Decimal("0.00"))
    assert result.status == st.NO_TARGET


def test_an_award_is_counted_once_when_the_innovator_is_in_two_cohorts(make, period, funded):
    make.member(make.cohort(date(2017, 3, 1)), funded["innovator"], date(2017, 3, 1))
    make.award(
        funder=funded["funder"],
        recipient=funded["innovator"],
        amount="2500.50",
        on=date(2017, 7, 1),
    )

    assert figure(make.programme, period, Figure.ADDITIONAL_FUNDING).value == Decimal("2500.50")


def test_a_foreign_award_converts_at_the_rate_on_its_date_not_the_report_date(make, period, funded):
    for on, rate in [
        (date(2017, 1, 1), "1.25"),
        (date(2017, 7, 1), "1.30"),
        (date(2017, 9, 1), "1.40"),
        (date(2018, 12, 31), "1.50"),
    ]:
        make.rate("GBP", "USD", on, rate)  # quoted the other way round: USD→GBP is 1/rate
    make.award(
        funder=funded["funder"],
        recipient=funded["innovator"],
        amount="1300",
        currency="USD",
        on=date(2017, 8, 15),
    )
    make.award(
        funder=funded["funder"], recipient=funded["innovator"], amount="500", on=date(2017, 8, 15)
    )

    # The latest rate on or before 15 August 2017 is 1.30 (1 July).
    expected = (Decimal("1300") / Decimal("1.30") + Decimal("500")).quantize(PENNY)
    assert figure(make.programme, period, Figure.ADDITIONAL_FUNDING).value == expected
    records = figure_records(make.programme, Figure.ADDITIONAL_FUNDING, period)
    assert records.total == expected
    usd_row = next(r for r in records.rows if r["record"].currency == "USD")
    rate, rest = usd_row["cells"][-2].split(" ", 1)
    assert (Decimal(rate), rest) == (Decimal("1.30"), "USD per GBP on 1 Jul 2017")


def test_a_rate_quoted_in_the_direct_direction_is_used_as_it_is(make, period, funded):
    make.rate("USD", "GBP", date(2017, 1, 1), "0.75")
    make.award(
        funder=funded["funder"],
        recipient=funded["innovator"],
        amount="1000",
        currency="USD",
        on=date(2017, 8, 15),
    )

    expected = (Decimal("1000") * Decimal("0.75")).quantize(PENNY)
    assert figure(make.programme, period, Figure.ADDITIONAL_FUNDING).value == expected


@pytest.mark.parametrize(
    "rates",
    [[], [("EUR", "GBP", date(2017, 9, 1), "0.9")], [("USD", "GBP", date(2017, 1, 1), "0.75")]],
    ids=["no rate", "rate only after the award", "other currency only"],
)
def test_without_a_rate_the_figure_is_unavailable_and_says_why(make, period, funded, rates):
    for rate in rates:
        make.rate(*rate)
    make.award(
        funder=funded["funder"],
        recipient=funded["innovator"],
        amount="1000",
        currency="EUR",
        on=date(2017, 8, 15),
    )
    make.project()

    figures = f.headline_figures(make.programme, period)
    result = figures.figures[Figure.ADDITIONAL_FUNDING]

    assert result.value is None
    assert result.status == st.UNAVAILABLE
    assert "EUR" in result.problem and "2017-08-15" in result.problem
    assert result.display.startswith("Cannot be computed") and "EUR" in result.display
    assert result.as_json()["value"] is None
    # The other figures still come out.
    assert figures.figures[Figure.NEW_PROJECTS].value == 1
    records = figure_records(make.programme, Figure.ADDITIONAL_FUNDING, period)
    assert records.total is None and "EUR" in records.problem


# --- partnerships confirmed and their estimated value ----------------------------------


@pytest.mark.parametrize(
    ("stage", "on", "counted"),
    [
        (Stage.CONFIRMED, date(2017, 6, 1), True),
        (Stage.ACTIVE, date(2017, 6, 1), True),
        (Stage.COMPLETED, date(2017, 6, 1), True),
        (Stage.CONFIRMED, date(2017, 1, 1), True),
        (Stage.CONFIRMED, date(2017, 12, 31), True),
        (Stage.CONFIRMED, date(2016, 12, 31), False),
        (Stage.CONFIRMED, date(2018, 1, 1), False),
        (Stage.PROPOSED, date(2017, 6, 1), False),
        (Stage.INTRODUCED, date(2017, 6, 1), False),
        (Stage.IN_DISCUSSION, date(2017, 6, 1), False),
        (Stage.DECLINED, date(2017, 6, 1), False),
        (Stage.LAPSED, date(2017, 6, 1), False),
    ],
)
def test_partnerships_confirmed(make, period, stage, on, counted):
    value = (
        "1000" if stage in (Stage.CONFIRMED, Stage.ACTIVE, Stage.COMPLETED, Stage.LAPSED) else None
    )
    make.partnership(stage=stage, on=on, value=value)

    figures = f.headline_figures(make.programme, period).figures
    assert figures[Figure.PARTNERSHIPS_CONFIRMED].value == int(counted)
    assert figures[Figure.ESTIMATED_PARTNERSHIP_VALUE].value == (
        Decimal("1000.00") if counted else Decimal("0.00")
    )


def test_a_partnership_confirmed_before_the_period_and_active_in_it_is_not_counted(make, period):
    p = make.partnership(stage=Stage.CONFIRMED, on=date(2016, 12, 1), value="1000")
    brokering.partnership_move(
        actor=make.actor, partnership=p, stage=Stage.ACTIVE, on=date(2017, 2, 1)
    )

    assert figure(make.programme, period, Figure.PARTNERSHIPS_CONFIRMED).value == 0


def test_estimated_value_sums_the_confirmed_partnerships_in_the_reference_currency(make, period):
    make.rate("GBP", "USD", date(2017, 7, 1), "1.30")
    make.rate("GBP", "USD", date(2018, 12, 31), "1.50")
    make.partnership(on=date(2017, 3, 1), value="10000")
    make.partnership(on=date(2017, 8, 1), value="13000", currency="USD")
    make.partnership(stage=Stage.ACTIVE, on=date(2017, 9, 1), value="5000.50")
    make.partnership(on=date(2017, 10, 1))  # confirmed without an estimate
    make.partnership(stage=Stage.LAPSED, on=date(2017, 4, 1), value="70000")
    make.partnership(on=date(2018, 2, 1), value="90000")
    make.partnership(stage=Stage.DECLINED, on=date(2017, 5, 1))

    figures = f.headline_figures(make.programme, period).figures
    expected = (
        Decimal("10000") + Decimal("13000") / Decimal("1.30") + Decimal("5000.50")
    ).quantize(PENNY)

    assert figures[Figure.PARTNERSHIPS_CONFIRMED].value == 4
    assert figures[Figure.ESTIMATED_PARTNERSHIP_VALUE].value == expected
    records = figure_records(make.programme, Figure.ESTIMATED_PARTNERSHIP_VALUE, period)
    assert records.count == 3 and records.total == expected


def test_estimated_value_without_a_rate_is_unavailable(make, period):
    make.partnership(on=date(2017, 8, 1), value="13000", currency="USD")

    figures = f.headline_figures(make.programme, period).figures
    result = figures[Figure.ESTIMATED_PARTNERSHIP_VALUE]
    assert result.status == st.UNAVAILABLE
    assert "USD" in result.problem and "2017-08-01" in result.problem
    assert figures[Figure.PARTNERSHIPS_CONFIRMED].value == 1


def test_an_estimate_finer_than_its_currency_is_refused_with_a_domain_error(make):
    partnership = make.partnership(stage=Stage.INTRODUCED)

    with pytest.raises(DomainError) as caught:
        brokering.partnership_move(
            actor=make.actor,
            partnership=partnership,
            stage=Stage.CONFIRMED,
            on=date(2017, 6, 2),
            estimated_value=Decimal("10.005"),
        )
    assert caught.value.field == "estimated_value"
