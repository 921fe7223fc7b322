from pathlib import Path

import pytest

from tests.factories import Make, make_programme, make_user

DATA = Path(__file__).parent / "data"
ALW = DATA / "andrew-lloyd-webber-foundation-grants-2011-2020.json"


@pytest.fixture
def actor(db):
    return make_user(full_name="Tess Team")


@pytest.fixture
def make(actor):
    return Make(actor, make_programme(actor, name="Alpha Programme", slug="alpha"))


@pytest.fixture(autouse=True)
def files_in_tmp(settings, tmp_path):
    """The kept 360Giving package and the jobs' files are written under a test's own folder."""
    settings.MEDIA_ROOT = tmp_path
