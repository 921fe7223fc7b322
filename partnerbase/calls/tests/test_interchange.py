"""Calls and applications survive export -> import -> export byte for byte, with a file
answer as metadata only and a withdrawn application."""

import json
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from partnerbase.calls import services
from partnerbase.calls.models import Application, Call
from partnerbase.interchange.export import programme_export_text
from partnerbase.programmes.models import Programme
from tests.factories.calls import good_answers, make_call


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_round_trip(make, tmp_path):
    call = make_call(make)
    first_org = make.org("Applicant One", kind="charity")
    second_org = make.org("Applicant Two", kind="charity")
    one = services.application_start(actor=make.actor, call=call, organisation=first_org)
    answers = good_answers(call) | {
        call.q["plan"]: SimpleUploadedFile("Growth plan.pdf", b"%PDF-1.4 our plan")
    }
    services.application_submit(
        actor=make.actor, application=one, answers=answers, challenge_area=call.area
    )
    two = services.application_start(actor=make.actor, call=call, organisation=second_org)
    services.application_save(actor=make.actor, application=two, answers={call.q["idea"]: "Hm"})
    services.application_withdraw(actor=make.actor, application=two)

    first = programme_export_text(programme=make.programme)
    data = json.loads(first)
    [exported_call] = data["calls"]
    assert [q["kind"] for q in exported_call["questions"]] == [
        "text",
        "number",
        "number",
        "choice",
        "file",
    ]
    assert exported_call["closes_at"].endswith("Z")
    assert len(exported_call["eligibility_rules"]) == 4
    by_status = {a["status"]: a for a in data["applications"]}
    file_answer = next(x for x in by_status["submitted"]["answers"] if x["file"])
    assert file_answer["file"] == {"filename": "Growth plan.pdf", "size_bytes": 17}
    assert by_status["withdrawn"]["withdrawn_at"] and not by_status["withdrawn"]["submitted_at"]

    path = tmp_path / "p.json"
    path.write_text(first, encoding="utf-8")
    call_command("import", str(path), slug="copy", stdout=StringIO())
    copy = Programme.objects.get(slug="copy")
    again = json.loads(programme_export_text(programme=copy))
    again["programme"].update(slug=make.programme.slug, id=str(make.programme.uid))
    assert json.dumps(again, indent=2, ensure_ascii=False) + "\n" == first
    copied = Application.objects.get(call__programme=copy, status="submitted")
    assert copied.submitted_on == one.submitted_on
    assert Call.objects.get(programme=copy).questions.count() == 5
    # The file's bytes did not travel: its answer has a name but no file.
    plan = copied.answers.get(question__kind="file")
    assert plan.file_name == "Growth plan.pdf" and not plan.file
