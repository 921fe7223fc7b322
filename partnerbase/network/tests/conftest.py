import pytest

from partnerbase.accounts.models import Role
from partnerbase.accounts.services import membership_grant
from tests.factories import Make, make_programme, make_user

from .factories import Small


@pytest.fixture
def small(db):
    team = make_user()
    make = Make(team, make_programme(team, slug="iep"))
    membership_grant(actor=team, user=team, programme=make.programme, role=Role.TEAM)
    world = Small(make)
    world.team = team
    return world
