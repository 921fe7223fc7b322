"""A programme with a cohort of two innovators, one with an indicator and its values."""

from dataclasses import dataclass
from datetime import date

import pytest

from partnerbase.accounts.models import Role
from partnerbase.outcomes import services
from tests.factories import Make, make_programme, make_user

JOINED = date(2018, 2, 1)


@dataclass
class World:
    make: Make
    innovator: object
    other: object
    indicator: object
    estimate: object

    @property
    def programme(self):
        return self.make.programme

    def user(self, role, organisation=None):
        if role == Role.INNOVATOR and organisation is None:
            organisation = self.other  # an innovator, but not the one under test
        return self.make.user(role, organisation)


@pytest.fixture
def actor(db):
    return make_user(full_name="Tess Team")


@pytest.fixture
def world(actor):
    make = Make(actor, make_programme(actor))
    cohort = make.cohort(date(2018, 2, 1), date(2018, 7, 31))
    innovator = make.innovator(cohort, JOINED, "Toolshed")
    other = make.innovator(cohort, JOINED, "Money A+E")
    indicator = services.outcome_indicator_add(
        actor=actor, programme=make.programme, organisation=innovator, kind="participants_served"
    )
    services.outcome_observation_record(
        actor=actor,
        indicator=indicator,
        observed_on=JOINED,
        value="120",
        quality="verified",
        evidence="Nesta baseline survey",
    )
    estimate = services.outcome_observation_record(
        actor=actor,
        indicator=indicator,
        observed_on=date(2018, 9, 1),
        value="360",
        quality="estimate",
        evidence="Toolshed's own count",
    )
    return World(make, innovator, other, indicator, estimate)
