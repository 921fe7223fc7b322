"""What format version 1.2 added: each innovator's own limits in a brokering round; and
1.1 files still import."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from partnerbase.brokering.models import RoundInnovatorSetting
from partnerbase.interchange.format import FORMAT_VERSION
from partnerbase.programmes.models import Programme

from .conftest import export_text, write
from .test_errors import _find, _refused
from .test_roundtrip import NEW_ARRAYS_1_2

pytestmark = pytest.mark.django_db


def test_settings_are_written_and_come_back_the_same(small, small_data, tmp_path):
    settings = small_data["round_innovator_settings"]
    rounds = {r["id"]: r for r in small_data["brokering_rounds"]}
    orgs = {o["id"]: o["name"] for o in small_data["organisations"]}
    assert sorted(
        (rounds[s["round"]]["name"], rounds[s["round"]]["status"], orgs[s["innovator"]],
         s["capacity"], s["min_introductions"], s["illustrative"])
        for s in settings
    ) == [
        ("Autumn round", "draft", "Toolshed — Ltd", 0, 0, True),
        ("Spring round", "sent", "Toolshed — Ltd", 1, 1, False),
    ]  # fmt: skip
    # A sent round's settings are restored as stored (the service would refuse them now).
    call_command("import", str(write(tmp_path, small_data)), slug="copy", stdout=StringIO())
    copy = Programme.objects.get(slug="copy")
    restored = RoundInnovatorSetting.objects.filter(round__programme=copy)
    assert sorted(str(s.uid) for s in restored) == sorted(s["id"] for s in settings)
    assert all(s.history.get().history_change_reason for s in restored)
    again = json.loads(export_text("copy"))
    assert again["round_innovator_settings"] == settings


def test_a_version_1_1_file_still_imports(small_data, tmp_path):
    old = {k: v for k, v in small_data.items() if k not in NEW_ARRAYS_1_2}
    old["format_version"] = "1.1"
    call_command("import", str(write(tmp_path, old)), slug="old", stdout=StringIO())
    again = json.loads(export_text("old"))
    assert again["format_version"] == FORMAT_VERSION and again["round_innovator_settings"] == []
    assert len(again["brokering_rounds"]) == len(small_data["brokering_rounds"])


def test_bad_settings_are_refused_naming_the_field(small_data, tmp_path):
    n, setting = _find(small_data, "round_innovator_settings", capacity=1)
    m, other = _find(small_data, "round_innovator_settings", capacity=0)
    own_innovator, own_round = other["innovator"], other["round"]
    other["innovator"] = other["round"]
    assert _refused(tmp_path, small_data) == [
        f"round_innovator_settings[{m}] (id {other['id']}): innovator: {other['round']} is a "
        "brokering round, not an organisation"
    ]
    other["innovator"] = setting["innovator"]
    other["round"] = setting["round"]  # a second setting for the same innovator and round
    other["capacity"] = 51
    assert _refused(tmp_path, small_data) == [
        f"round_innovator_settings[{m}] (id {other['id']}): capacity: 51 is greater than the "
        "maximum of 50"
    ]
    other["capacity"] = 3
    later, later_id = max((n, setting["id"]), (m, other["id"]))
    problems = _refused(tmp_path, small_data)
    assert len(problems) == 1 and problems[0].startswith(
        f"round_innovator_settings[{later}] (id {later_id}):"
    )
    assert "already exists" in problems[0]
    other["innovator"], other["round"], other["capacity"] = own_innovator, own_round, 0
    setting["min_introductions"] = 2
    assert _refused(tmp_path, small_data) == [
        f"round_innovator_settings[{n}] (id {setting['id']}): min_introductions: The fewest "
        "cannot be more than the most."
    ]
