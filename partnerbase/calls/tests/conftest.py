from datetime import date

import pytest

from partnerbase.accounts.models import Role
from partnerbase.accounts.services import membership_grant
from partnerbase.impact.tests.factories import Make, make_programme, make_user

from .factories import make_call


@pytest.fixture
def actor(db):
    return make_user(full_name="Tess Team")


@pytest.fixture
def make(actor):
    return Make(actor, make_programme(actor, starts_on=date(2017, 1, 1)))


@pytest.fixture
def call(make):
    return make_call(make)


@pytest.fixture
def applicant(make):
    """A social enterprise and a user acting for it as an innovator."""
    organisation = make.org("Toolshed", kind="social_enterprise", regions="London")
    user = make_user(full_name="Ivan Innovator")
    membership_grant(
        actor=make.actor, user=user, programme=make.programme, role=Role.INNOVATOR,
        organisation=organisation,
    )  # fmt: skip
    return user, organisation
