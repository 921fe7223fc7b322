import pytest

from tests.factories import make_user

from .factories import build


@pytest.fixture
def actor(db):
    return make_user(full_name="Tess Team")


@pytest.fixture
def alpha(actor):
    return build(actor)


@pytest.fixture
def bravo(actor):
    return build(actor, "Bravo Growth Programme", "bravo")
