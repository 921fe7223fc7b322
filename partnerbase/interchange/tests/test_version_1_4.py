"""What format version 1.4 added: a working group's archive date and a cohort place's
graduation date; and 1.3 files still import."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from partnerbase.accelerator.models import CohortMembership
from partnerbase.interchange.format import FORMAT_VERSION
from partnerbase.workinggroups.models import WorkingGroup

from .conftest import export_text, write
from .test_errors import _find, _refused

pytestmark = pytest.mark.django_db


def test_the_dates_are_written_and_come_back_the_same(small_data, tmp_path):
    assert small_data["format_version"] == FORMAT_VERSION
    (group,) = small_data["working_groups"]
    assert (group["name"], group["archived_on"]) == (
        "Financial inclusion working group",
        "2018-09-28",
    )
    dates = sorted(
        (m["status"], m["graduated_on"], m["withdrawn_on"])
        for m in small_data["cohort_memberships"]
    )
    assert dates == [
        ("active", None, None),
        ("graduated", "2018-07-31", None),
        ("withdrawn", None, "2018-03-01"),
    ]

    call_command("import", str(write(tmp_path, small_data)), slug="copy", stdout=StringIO())

    copy = WorkingGroup.objects.get(programme__slug="copy")
    # Archived after its member, meeting and idea came in: the group kept all three.
    assert copy.archived_on.isoformat() == "2018-09-28"
    assert (copy.members.count(), copy.meetings.count(), copy.ideas.count()) == (1, 1, 1)
    assert copy.history.first().history_change_reason == "Working group archived"
    graduated = CohortMembership.objects.get(
        cohort__accelerator__programme__slug="copy", status="graduated"
    )
    assert graduated.graduated_on.isoformat() == "2018-07-31"
    again = json.loads(export_text("copy"))
    assert again["working_groups"] == small_data["working_groups"]
    assert again["cohort_memberships"] == small_data["cohort_memberships"]


def _as_version_1_3(data: dict) -> dict:
    data = json.loads(json.dumps(data))
    data["format_version"] = "1.3"
    for group in data["working_groups"]:
        del group["archived_on"]
    for place in data["cohort_memberships"]:
        del place["graduated_on"]
    return data


def test_a_version_1_3_file_still_imports(small_data, tmp_path):
    old = _as_version_1_3(small_data)

    call_command("import", str(write(tmp_path, old)), slug="old", stdout=StringIO())

    again = json.loads(export_text("old"))
    assert again["format_version"] == FORMAT_VERSION
    assert [g["archived_on"] for g in again["working_groups"]] == [None]
    graduated = [m for m in again["cohort_memberships"] if m["status"] == "graduated"]
    assert [m["graduated_on"] for m in graduated] == [None]  # a graduation without its date
    assert len(again["ideas"]) == len(small_data["ideas"])


def test_bad_dates_are_refused_naming_the_field(small_data, tmp_path):
    n, group = _find(small_data, "working_groups")
    group["archived_on"] = "2018-03-01"  # before its meeting of 5 March
    m, place = _find(small_data, "cohort_memberships", status="active")
    place["graduated_on"] = "2018-07-31"

    assert _refused(tmp_path, small_data) == [
        f"cohort_memberships[{m}] (id {place['id']}): graduated_on: Only a graduated innovator "
        "has a graduation date.",
        f"working_groups[{n}] (id {group['id']}): archived_on: The group's last activity was a "
        "meeting on 5 March 2018: archive it on or after that day.",
    ]
