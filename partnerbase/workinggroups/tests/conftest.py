import pytest

from tests.factories import make_user

from .factories import build_world


@pytest.fixture
def actor(db):
    return make_user(full_name="Tess Team")


@pytest.fixture
def world(actor):
    return build_world(actor)
