"""What format version 1.5 added: innovators' stories, the programme's public-page fields
(department contact, accessibility statement, privacy notice, phase banner) and projects'
and competitions' `published`; and 1.4 files still import."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from partnerbase.interchange.format import FORMAT_VERSION
from partnerbase.programmes.models import Programme
from partnerbase.stories.models import Story

from .conftest import export_text, write
from .test_errors import _find, _refused

pytestmark = pytest.mark.django_db


def test_the_stories_and_public_fields_are_written_and_come_back_the_same(small_data, tmp_path):
    assert FORMAT_VERSION == "1.5" and small_data["format_version"] == "1.5"
    programme = small_data["programme"]
    assert (programme["department_contact"], programme["phase_banner"]) == (
        "team@example.org",
        "beta",
    )
    assert programme["accessibility_statement"] == ""  # the standard statement
    assert [x["published"] for x in small_data["collaborative_projects"]] == [True]
    assert True in [c["published"] for c in small_data["competitions"]]
    [story] = small_data["stories"]
    assert (story["position"], story["published"], story["own_sentence"]) == (
        0,
        True,
        "Toolshed trains young builders.",
    )

    call_command("import", str(write(tmp_path, small_data)), slug="copy", stdout=StringIO())

    copy = Programme.objects.get(slug="copy")
    assert copy.privacy_notice.startswith("## Who we are")
    [story] = Story.objects.filter(programme=copy)
    assert (story.organisation.name, story.published) == ("Toolshed — Ltd", True)
    again = json.loads(export_text("copy"))
    for array in ("stories", "collaborative_projects", "competitions"):
        assert again[array] == small_data[array]
    assert {k: v for k, v in again["programme"].items() if k not in ("id", "slug")} == {
        k: v for k, v in programme.items() if k not in ("id", "slug")
    }


def _as_version_1_4(data: dict) -> dict:
    data = json.loads(json.dumps(data))
    data["format_version"] = "1.4"
    del data["stories"]
    for field in ("department_contact", "accessibility_statement", "privacy_notice"):
        del data["programme"][field]
    del data["programme"]["phase_banner"]
    for record in data["collaborative_projects"] + data["competitions"]:
        del record["published"]
    return data


def test_a_version_1_4_file_still_imports(small_data, tmp_path):
    call_command(
        "import", str(write(tmp_path, _as_version_1_4(small_data))), slug="old", stdout=StringIO()
    )

    again = json.loads(export_text("old"))
    assert again["format_version"] == FORMAT_VERSION
    assert again["stories"] == []
    assert again["programme"]["phase_banner"] == ""  # no banner unless the team sets one
    assert {x["published"] for x in again["collaborative_projects"] + again["competitions"]} == {
        False
    }


def test_a_story_for_an_organisation_without_a_cohort_place_is_refused(small_data, tmp_path):
    n, story = _find(small_data, "stories", published=True)
    _, bank = _find(small_data, "organisations", name="Barclays")
    story["organisation"] = bank["id"]

    assert _refused(tmp_path, small_data) == [
        f"stories[{n}] (id {story['id']}): organisation: Barclays has no cohort place: choose "
        "an innovator."
    ]
