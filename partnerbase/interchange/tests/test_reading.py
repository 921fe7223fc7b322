"""Reading a file an array at a time (interchange/reading.py) gives what reading it whole
gives: the same records, the same problems, the same import; and the same refusals."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from partnerbase.core.jsonfiles import BadJSON
from partnerbase.interchange import reading
from partnerbase.interchange.checks import document_problems
from partnerbase.interchange.format import dumps
from partnerbase.interchange.reading import StreamedArray, programme_file_read

from .conftest import export_text

pytestmark = pytest.mark.django_db


def _write(tmp_path, text: str, name: str = "programme.json"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _whole(document: dict) -> dict:
    return {k: list(v) if isinstance(v, StreamedArray) else v for k, v in document.items()}


@pytest.mark.parametrize("window", [64, 1 << 22])
def test_long_arrays_are_left_in_the_file_and_read_back_the_same(
    small_data, tmp_path, monkeypatch, window
):
    monkeypatch.setattr(reading, "WINDOW", window)  # records cut across windows
    small_data["programme"]["description"] = "Café ünïcode ✓ 🎉 before the arrays"
    path = _write(tmp_path, dumps(small_data))
    document = programme_file_read(path, held=1)
    streamed = [k for k, v in document.items() if isinstance(v, StreamedArray)]
    assert "organisations" in streamed and "funding_awards" in streamed
    assert all(len(document[k]) == len(small_data[k]) > 1 for k in streamed)
    assert _whole(document) == small_data
    assert list(document["organisations"]) == small_data["organisations"]  # walked again


def test_a_file_in_any_layout_reads_the_same(small_data, tmp_path):
    compact = json.dumps(small_data, separators=(",", ":"), ensure_ascii=True)
    document = programme_file_read(_write(tmp_path, compact), held=0)
    assert _whole(document) == small_data


def test_problems_in_a_streamed_array_are_the_same_as_in_the_whole_file(small_data, tmp_path):
    data = json.loads(json.dumps(small_data))
    data["organisations"][2]["kind"] = "pirate ship"
    data["organisations"][3]["employee_count"] = "many"
    expected = document_problems(data)
    assert [(p.array, p.index) for p in expected] == [("organisations", 2), ("organisations", 3)]
    assert expected[0].record_id == data["organisations"][2]["id"]
    streamed = programme_file_read(_write(tmp_path, dumps(data)), held=1)
    assert isinstance(streamed["organisations"], StreamedArray)
    assert document_problems(streamed) == expected


def test_reference_problems_are_the_same_when_streamed(small_data, tmp_path):
    data = json.loads(json.dumps(small_data))
    data["funding_awards"][1]["recipient"] = data["funding_awards"][0]["id"]  # not an org
    data["funding_awards"][0]["funder"] = "00000000-0000-4000-8000-000000000000"
    data["people"][0]["id"] = data["organisations"][0]["id"]  # an id used twice
    expected = document_problems(data)
    assert len(expected) >= 3  # and the people who referred to the renamed person
    streamed = programme_file_read(_write(tmp_path, dumps(data)), held=1)
    assert document_problems(streamed) == expected


def test_an_import_of_a_streamed_file_is_the_import_of_the_whole(small, tmp_path, monkeypatch):
    first = export_text(small.slug)
    path = _write(tmp_path, first)
    monkeypatch.setattr(reading, "HELD", 1)  # every array of two or more left in the file
    assert isinstance(programme_file_read(path)["funding_awards"], StreamedArray)
    call_command("import", str(path), slug="streamed", stdout=StringIO())
    copy, original = json.loads(export_text("streamed")), json.loads(first)
    assert copy["programme"]["slug"] == "streamed"
    for array, records in original.items():
        if isinstance(records, list):
            assert copy[array] == records, array


@pytest.mark.parametrize(
    "record, message",
    [
        ('{"id": "a\\u0000b"}', "contains a NUL character"),
        ('{"id": 1' + "0" * 40 + "}", "digits"),
        ('{"id": NaN}', "NaN is not a number"),
        ('{"id": ' + "[" * 70 + "]" * 70 + "}", "nested 73 levels deep"),
        ('{"id": "x",}', "not valid JSON"),
        ('{"id": "x"} {"id": "y"}', "not valid JSON"),
    ],
)
def test_a_bad_record_in_a_streamed_array_is_refused_by_name(tmp_path, record, message):
    text = '{"format": "partnerbase-programme", "organisations": [{"id": "ok"}, ' + record + "]}"
    with pytest.raises(BadJSON, match=message):
        programme_file_read(_write(tmp_path, text), held=0)


def test_a_nul_byte_and_trailing_text_are_refused(tmp_path):
    with pytest.raises(BadJSON, match="line 2: contains a NUL byte"):
        programme_file_read(_write(tmp_path, '{"organisations":\n [{"id": "\x00"}]}'))
    with pytest.raises(BadJSON, match="extra data after the object"):
        programme_file_read(_write(tmp_path, '{"organisations": []} []'))
    with pytest.raises(BadJSON, match="not valid JSON"):
        programme_file_read(_write(tmp_path, '{"organisations": [{"id": "cut off'))


def test_a_top_level_that_is_no_object_is_read_whole(tmp_path):
    assert programme_file_read(_write(tmp_path, "[1, 2]")) == [1, 2]
    with pytest.raises(BadJSON, match="nested"):
        programme_file_read(_write(tmp_path, "[" * 100 + "]" * 100))
