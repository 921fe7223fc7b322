from datetime import date

import pytest

from tests.factories import Make, make_programme, make_user


@pytest.fixture
def make():
    actor = make_user()
    return Make(actor, make_programme(actor, slug="alpha"))


@pytest.fixture
def cohort(make):
    return make.cohort(date(2017, 3, 1))


@pytest.fixture
def innovators(make, cohort):
    """Three innovators with cohort places, in the order they are named."""
    return [make.innovator(cohort, date(2017, 3, 1), name) for name in ("Ada", "Bea", "Cy")]
