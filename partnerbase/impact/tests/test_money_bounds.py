"""Money has a maximum (core/limits.py: 10^12 minor units an amount), and no figure
overflows at it: not on SQLite's 64-bit integers, not on PostgreSQL (issue 12, item 3).

The probe recorded two awards of £92,233,720,368,547,758.07 (a 64-bit integer of pence)
and the dashboard, figure page, public page and `partnerbase metrics` then failed with
SQLite's "integer overflow". That amount is now refused; at the maximum, a million awards
sum to 10^18 pence, inside 64 bits (2^63 - 1 = 9,223,372,036,854,775,807).
"""

from datetime import date, timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnerbase.accounts.models import Role
from partnerbase.core.errors import DomainError
from partnerbase.core.limits import MAX_MINOR
from partnerbase.core.validators import minor_units_max
from partnerbase.funding.models import FundingAward
from partnerbase.impact.models import Figure

from .test_figures import figure

MAXIMUM = Decimal(MAX_MINOR).scaleb(-2)  # £10,000,000,000.00
ON = date(2017, 7, 3)
HYPOTHESIS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def award(make, funded, amount, on=ON):
    return make.award(funder=funded["funder"], recipient=funded["innovator"], amount=amount, on=on)


def test_the_probes_amount_is_refused_where_it_is_entered(make, funded):
    with pytest.raises(DomainError) as refused:
        award(make, funded, "92233720368547758.07")

    assert refused.value.field == "amount"
    assert "more than the most Partnerbase records in one amount" in refused.value.message
    assert not FundingAward.objects.exists()


def test_every_money_field_has_the_maximum_as_a_validator():
    money_fields = [
        (model._meta.label, field.name)
        for model in apps.get_models()
        if not model._meta.label.split(".")[1].startswith("Historical")
        for field in model._meta.concrete_fields
        if field.name.endswith("_minor")
    ]
    assert len(money_fields) >= 9
    for label, name in money_fields:
        field = apps.get_model(label)._meta.get_field(name)
        assert minor_units_max in field.validators, f"{label}.{name} has no maximum"


def test_the_model_refuses_an_amount_over_the_maximum_whoever_saves_it(make, funded):
    saved = award(make, funded, MAXIMUM)
    saved.amount_minor = MAX_MINOR + 1

    with pytest.raises(ValidationError) as refused:
        saved.full_clean()

    assert "amount_minor" in refused.value.message_dict


def test_figures_at_the_maximum(make, funded, period):
    for n in range(3):
        award(make, funded, MAXIMUM, on=ON + timedelta(days=n % 2))
    make.partnership(value=MAXIMUM, on=ON, innovator=funded["innovator"])

    figures = {
        key: figure(make.programme, period, key).value
        for key in (Figure.ADDITIONAL_FUNDING, Figure.ESTIMATED_PARTNERSHIP_VALUE)
    }

    assert figures == {
        Figure.ADDITIONAL_FUNDING: 3 * MAXIMUM,
        Figure.ESTIMATED_PARTNERSHIP_VALUE: MAXIMUM,
    }
    out = StringIO()
    call_command("metrics", "--programme", make.programme.slug, stdout=out)
    assert "£30000 million" in out.getvalue()


def test_the_pages_that_failed_answer_at_the_maximum(client, make, funded):
    """The probe's 500s: the dashboard, a figure's page and the anonymous public page."""
    for _ in range(2):
        award(make, funded, MAXIMUM)
    make.programme.figures_published = True
    make.programme.save()
    slug = make.programme.slug

    assert client.get(reverse("public_figures", args=[slug])).status_code == 200
    client.force_login(make.user(Role.TEAM))
    for page in (
        reverse("reports:dashboard", args=[slug]),
        reverse("reports:figure_detail", args=[slug, Figure.ADDITIONAL_FUNDING]),
    ):
        response = client.get(page)
        assert response.status_code == 200
        assert "£20000 million" in response.content.decode()


@pytest.mark.parametrize(
    ("each", "total_pounds"),
    [
        # Two rows standing for a million awards at the maximum: 10^18 pence.
        (5 * 10**17, 10**16),
        # ... and for 9.2 million of them, a penny short of what 64 bits hold.
        ((2**63 - 1) // 2, Decimal(2 * ((2**63 - 1) // 2)).scaleb(-2)),
    ],
)
def test_the_databases_own_sum_at_a_million_times_the_maximum(
    make, funded, period, each, total_pounds
):
    """The database adds the amounts (SUM over amount_minor, SQLite's 64-bit integers or
    PostgreSQL's numeric); a million rows would take minutes to make, so two rows are set
    past the validators to half the total each: the database's arithmetic is the same."""
    made = [award(make, funded, "1"), award(make, funded, "1")]
    FundingAward.objects.filter(pk__in=[a.pk for a in made]).update(amount_minor=each)

    result = figure(make.programme, period, Figure.ADDITIONAL_FUNDING)

    assert result.value == total_pounds
    assert result.display.startswith("£")


@HYPOTHESIS
@given(
    minors=st.lists(st.integers(min_value=1, max_value=MAX_MINOR), min_size=1, max_size=4),
    days=st.lists(st.integers(min_value=0, max_value=150), min_size=4, max_size=4),
)
def test_any_amounts_within_the_maximum_are_accepted_and_sum_exactly(
    make, funded, period, minors, days
):
    with transaction.atomic():
        for minor, day in zip(minors, days, strict=False):
            award(make, funded, Decimal(minor).scaleb(-2), on=ON + timedelta(days=day))
        total = figure(make.programme, period, Figure.ADDITIONAL_FUNDING).value
        transaction.set_rollback(True)  # each example starts from no awards

    assert total == Decimal(sum(minors)).scaleb(-2)


@HYPOTHESIS
@given(minor=st.integers(min_value=MAX_MINOR + 1, max_value=10**40))
def test_any_amount_above_the_maximum_is_refused_and_nothing_saved(make, funded, minor):
    with pytest.raises(DomainError) as refused:
        award(make, funded, Decimal(minor).scaleb(-2))

    assert refused.value.field == "amount"
    assert not FundingAward.objects.exists()


def test_dates_outside_the_range_are_refused_by_the_model(make, funded):
    with pytest.raises(ValidationError) as refused:
        award(make, funded, "100", on=date(2101, 1, 1))

    assert refused.value.message_dict["award_date"] == [
        "The date must be between 1 January 1900 and 31 December 2100, not 2101-01-01."
    ]
