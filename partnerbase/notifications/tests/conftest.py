from datetime import date

import pytest

from partnerbase.accounts.models import Role
from partnerbase.brokering import services as brokering
from partnerbase.brokering.models import Introduction
from partnerbase.brokering.tests.conftest import build_world
from tests.factories import make_user


@pytest.fixture
def actor(db):
    return make_user(full_name="Tess Team")


@pytest.fixture
def world(actor):
    """The brokering tests' programme: a cohort of innovators, partners with offers."""
    return build_world(actor)


SENT = date(2018, 3, 1)


@pytest.fixture
def people(world):
    """The people who answer for Barclays and for the innovator it is introduced to, and
    an innovator of another organisation; then the round, reviewed and ready to send."""
    round = brokering.round_run(actor=world.actor, round=world.round())
    world.intro = Introduction.objects.get(round=round, partner=world.orgs["barclays"])
    # One introduction for this innovator, so what each person is told is about it alone.
    for other in round.introductions.filter(innovator=world.intro.innovator).exclude(
        pk=world.intro.pk
    ):
        brokering.introduction_remove(actor=world.actor, introduction=other)
    brokering.round_review(actor=world.actor, round=round)
    innovator_key = next(k for k, o in world.orgs.items() if o == world.intro.innovator)
    other_key = next(k for k in ("toolshed", "money-ae", "mkf") if k != innovator_key)
    world.innovator = world.user(Role.INNOVATOR, innovator_key)
    world.partner = world.user(Role.PARTNER_CONTACT, "barclays")
    world.outsider = world.user(Role.INNOVATOR, other_key)
    world.sent_round = round
    return world


def send_round(w):
    brokering.round_send(actor=w.actor, round=w.sent_round, on=SENT)
