import pytest

from partnerbase.brokering.tests.conftest import build_world
from partnerbase.impact.tests.factories import make_user


@pytest.fixture
def actor(db):
    return make_user(full_name="Tess Team")


@pytest.fixture
def world(actor):
    """The brokering tests' programme: a cohort of innovators, partners with offers."""
    return build_world(actor)
