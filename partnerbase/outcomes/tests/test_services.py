from datetime import date
from decimal import Decimal

import pytest

from partnerbase.core.errors import DomainError
from partnerbase.outcomes import services
from partnerbase.outcomes.models import OutcomeIndicator, OutcomeObservation
from partnerbase.outcomes.queries import cohort_outcomes, innovator_outcomes
from tests.factories import Make, make_programme

pytestmark = pytest.mark.django_db


def test_an_indicator_takes_its_name_and_unit_from_its_kind(world):
    assert (world.indicator.name, world.indicator.unit) == ("Participants served", "participants")
    revenue = services.outcome_indicator_add(
        actor=world.make.actor,
        programme=world.programme,
        organisation=world.innovator,
        kind="revenue",
    )
    assert revenue.unit == "GBP"


@pytest.mark.parametrize(
    "kw, field, message",
    [
        ({"kind": "happiness"}, "kind", "Choose what the indicator measures."),
        ({"kind": "other", "name": "Trees planted"}, "unit", "Enter the unit"),
        ({"kind": "revenue", "unit": "pounds"}, "unit", "enter its code"),
        ({"kind": "participants_served"}, "name", "already has an indicator called"),
    ],
)
def test_bad_indicators_are_refused_at_their_field(world, kw, field, message):
    before = OutcomeIndicator.objects.count()
    with pytest.raises(DomainError) as caught:
        services.outcome_indicator_add(
            actor=world.make.actor, programme=world.programme, organisation=world.innovator, **kw
        )
    assert caught.value.field == field and message in str(caught.value)
    assert OutcomeIndicator.objects.count() == before


def test_an_organisation_of_another_programme_is_refused(world):
    elsewhere = Make(world.make.actor, make_programme(world.make.actor)).org("Elsewhere")
    with pytest.raises(DomainError):
        services.outcome_indicator_add(
            actor=world.make.actor,
            programme=world.programme,
            organisation=elsewhere,
            kind="cities",
        )


@pytest.mark.parametrize(
    "kw, field",
    [
        ({"value": "-1", "quality": "estimate"}, "value"),
        ({"value": "lots", "quality": "estimate"}, "value"),
        ({"value": "NaN", "quality": "estimate"}, "value"),
        ({"value": "5", "quality": "guess"}, "quality"),
        ({"value": "5", "quality": "verified"}, "evidence"),  # verified needs its evidence
    ],
)
def test_bad_observations_are_refused_at_their_field(world, kw, field):
    before = OutcomeObservation.objects.count()
    with pytest.raises(DomainError) as caught:
        services.outcome_observation_record(
            actor=world.make.actor, indicator=world.indicator, observed_on=date(2018, 3, 1), **kw
        )
    assert caught.value.field == field
    assert OutcomeObservation.objects.count() == before


def test_revenue_is_refused_finer_than_its_currency(world):
    revenue = services.outcome_indicator_add(
        actor=world.make.actor,
        programme=world.programme,
        organisation=world.innovator,
        kind="revenue",
    )
    with pytest.raises(DomainError, match="at most 2 decimal places"):
        services.outcome_observation_record(
            actor=world.make.actor,
            indicator=revenue,
            observed_on=date(2018, 3, 1),
            value="10.005",
            quality="estimate",
        )


def test_verifying_an_estimate_keeps_its_history(world):
    services.outcome_observation_verify(
        actor=world.make.actor, observation=world.estimate, evidence="Checked against payroll"
    )
    world.estimate.refresh_from_db()
    assert world.estimate.quality == "verified"
    reasons = list(world.estimate.history.values_list("history_change_reason", flat=True))
    assert reasons == ["Observation verified", "Outcome observed"]
    with pytest.raises(DomainError, match="already verified"):
        services.outcome_observation_verify(
            actor=world.make.actor, observation=world.estimate, evidence="again"
        )


def test_innovator_and_cohort_views_compare_join_date_with_latest(world):
    membership, rows = innovator_outcomes(world.innovator)
    assert membership.joined_on == date(2018, 2, 1)
    assert [r.words for r in rows] == ["trebled (120 to 360 participants) — estimate"]
    other = services.outcome_indicator_add(
        actor=world.make.actor,
        programme=world.programme,
        organisation=world.other,
        kind="participants_served",
    )
    for on, value in [(date(2018, 1, 5), "40"), (date(2018, 8, 1), "50")]:
        services.outcome_observation_record(
            actor=world.make.actor,
            indicator=other,
            observed_on=on,
            value=value,
            quality="estimate",
        )
    [section] = cohort_outcomes(membership.cohort)
    assert section.label == "Participants served" and section.unit == "participants"
    assert [r.indicator.organisation.name for r in section.rows] == ["Money A+E", "Toolshed"]
    assert (section.total.baseline, section.total.latest) == (Decimal(160), Decimal(410))


def test_a_withdrawn_innovator_is_left_out_of_the_cohort(world):
    from partnerbase.accelerator.services import cohort_member_withdraw

    membership, _ = innovator_outcomes(world.innovator)
    cohort_member_withdraw(actor=world.make.actor, membership=membership, on=date(2018, 3, 1))
    assert cohort_outcomes(membership.cohort) == []
