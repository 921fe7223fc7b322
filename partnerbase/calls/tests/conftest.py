from datetime import date

import pytest

from partnerbase.calls.services import applicant_add
from tests.factories import Make, make_programme, make_user
from tests.factories.calls import make_call


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
    """A social enterprise and a user applying for it (an applicant: no programme role)."""
    organisation = make.org("Toolshed", kind="social_enterprise", regions="London")
    user = make_user(full_name="Ada Applicant")
    applicant_add(actor=user, user=user, organisation=organisation)
    return user, organisation
