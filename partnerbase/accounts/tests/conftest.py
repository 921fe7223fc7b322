import re

import pytest

from partnerbase.accounts.models import Role
from tests.factories import Make, make_programme, make_user


@pytest.fixture
def make(db):
    actor = make_user(full_name="Tess Team")
    return Make(actor, make_programme(actor, name="Inclusive Economy", slug="iep"))


@pytest.fixture
def team(make):
    """The programme's convening-team member, who invites people."""
    return make.user(Role.TEAM, full_name="Tess Team", email="tess@example.org")


def link_in(message) -> str:
    """The path of the invitation or password link in an email."""
    found = re.search(r"https?://[^/\s]+(/\S+)", message.body)
    assert found, message.body
    return found.group(1)
