"""Drafts, submission and file answers, through the services."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from partnerbase.calls import queries, services
from partnerbase.calls.models import Answer, Application, ApplicationStatus
from partnerbase.calls.services import applications
from partnerbase.core.errors import DomainError
from tests.factories.calls import good_answers

PDF = b"%PDF-1.4\n" + b"x" * 100


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def draft(call, applicant):
    user, organisation = applicant
    return user, services.application_start(actor=user, call=call, organisation=organisation)


def errors_of(caught) -> dict:
    return caught.value.message_dict


def test_start_returns_the_existing_application(call, draft):
    user, application = draft
    again = services.application_start(actor=user, call=call, organisation=application.organisation)
    assert again.pk == application.pk
    assert application.status == ApplicationStatus.DRAFT


def test_a_draft_may_leave_required_answers_out(call, draft):
    user, application = draft
    services.application_save(
        actor=user, application=application, answers={call.q["idea"]: "Half an idea"}
    )
    assert application.answers.get().text == "Half an idea"
    assert application.status == ApplicationStatus.DRAFT
    # A later save keeps answers it is not given.
    services.application_save(actor=user, application=application, answers={call.q["income"]: "5"})
    assert {a.question_id: (a.text, a.number) for a in application.answers.all()} == {
        call.q["idea"].pk: ("Half an idea", None),
        call.q["income"].pk: ("", 5),
    }


@pytest.mark.parametrize(
    "key,value,message",
    [
        (
            "idea",
            "one two three four five six seven eight nine ten eleven",
            "Your answer to “Describe your idea” must be 10 words or fewer (it has 11)",
        ),
        ("income", "a lot", "Your answer to “Annual income” must be a whole number"),
        ("income", "-5", "Your answer to “Annual income” must be £0 or more"),
        ("founded", "1700", "Your answer to “Year founded” must be between 1800 and 2100"),
        ("stage", "Finished", "Select one of the options for “Stage of your solution”"),
    ],
)
def test_a_draft_with_a_badly_formed_answer_saves_nothing(call, draft, key, value, message):
    user, application = draft
    question = call.q[key]
    with pytest.raises(ValidationError) as caught:
        services.application_save(
            actor=user,
            application=application,
            answers={call.q["idea"]: "Fine", question: value},
        )
    assert errors_of(caught) == {question.field_name: [message]}
    assert not application.answers.exists()


def test_numbers_accept_commas_and_the_prefix(call, draft):
    user, application = draft
    services.application_save(
        actor=user, application=application, answers={call.q["income"]: "£250,000"}
    )
    assert application.answers.get().number == 250_000


def test_submit_needs_every_required_answer_and_the_challenge_area(call, draft):
    user, application = draft
    with pytest.raises(ValidationError) as caught:
        services.application_submit(
            actor=user, application=application, answers={call.q["idea"]: "Good idea"}
        )
    assert errors_of(caught) == {
        call.q["income"].field_name: ["Enter your answer to “Annual income”"],
        call.q["founded"].field_name: ["Enter your answer to “Year founded”"],
        call.q["stage"].field_name: ["Select an answer to “Stage of your solution”"],
        "challenge_area": ["Select the challenge area your application is for"],
    }
    # Nothing saved: not the given answer, not the status.
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT
    assert not application.answers.exists()


def test_submit_with_every_answer_submits_and_keeps_them(call, draft):
    user, application = draft
    services.application_submit(
        actor=user, application=application, answers=good_answers(call), challenge_area=call.area
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.submitted_at is not None
    assert application.challenge_area == call.area
    assert application.answers.count() == 4
    # A submitted application no longer changes.
    with pytest.raises(DomainError, match="is submitted: it cannot change"):
        services.application_save(actor=user, application=application, answers={})


def test_answers_saved_in_a_draft_count_at_submission(call, draft):
    user, application = draft
    services.application_save(
        actor=user, application=application, answers=good_answers(call), challenge_area=call.area
    )
    services.application_submit(actor=user, application=application)
    assert application.status == ApplicationStatus.SUBMITTED


def test_an_ineligible_applicant_is_told_why_next_to_the_answers(call, make):
    organisation = make.org("Big Bank", kind="business")
    application = services.application_start(actor=make.actor, call=call, organisation=organisation)
    answers = good_answers(call) | {call.q["income"]: "2,000,000", call.q["stage"]: "Idea"}
    with pytest.raises(ValidationError) as caught:
        services.application_submit(
            actor=make.actor, application=application, answers=answers, challenge_area=call.area
        )
    assert errors_of(caught) == {
        "__all__": [
            "Your organisation is a business; this call is open only to a charity or social "
            "enterprise"
        ],
        call.q["income"].field_name: [
            "Your annual income must be £1,000,000 or less; you said £2,000,000"
        ],
        call.q["stage"].field_name: [
            "Your answer to “Stage of your solution” must be Pilot or Scaling"
        ],
    }
    assert not application.answers.exists()


def test_a_file_answer_is_stored_privately_with_its_name_and_size(call, draft, tmp_path):
    user, application = draft
    upload = SimpleUploadedFile("Plan.pdf", PDF, content_type="application/pdf")
    services.application_save(actor=user, application=application, answers={call.q["plan"]: upload})
    answer = Answer.objects.get(application=application, question=call.q["plan"])
    assert answer.file_name == "Plan.pdf"
    assert answer.file_size == len(PDF)
    assert answer.file.name.startswith("private/applications/")
    assert "Plan" not in answer.file.name
    assert (tmp_path / answer.file.name).read_bytes() == PDF
    # Saving again without a new file keeps it.
    services.application_save(actor=user, application=application, answers={call.q["plan"]: None})
    answer.refresh_from_db()
    assert answer.file_name == "Plan.pdf"


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("plan.exe", b"MZ\x00\x00", "The selected file must be a"),
        ("plan.pdf", b"PK\x03\x04 not a pdf", "The selected file is not a PDF file."),
        ("plan.pdf", b"", "The selected file is empty."),
    ],
)
def test_a_file_of_the_wrong_type_is_refused_and_nothing_saved(call, draft, name, content, message):
    user, application = draft
    upload = SimpleUploadedFile(name, content)
    with pytest.raises(ValidationError) as caught:
        services.application_save(
            actor=user,
            application=application,
            answers={call.q["idea"]: "Fine", call.q["plan"]: upload},
        )
    [error] = errors_of(caught)[call.q["plan"].field_name]
    assert error.startswith(message)
    assert not application.answers.exists()


def test_a_file_over_the_size_limit_is_refused(call, draft, monkeypatch):
    user, application = draft
    monkeypatch.setattr(applications, "MAX_FILE_BYTES", 1024 * 1024)
    upload = SimpleUploadedFile("plan.pdf", PDF + b"x" * (1024 * 1024))
    with pytest.raises(ValidationError) as caught:
        services.application_save(
            actor=user, application=application, answers={call.q["plan"]: upload}
        )
    assert errors_of(caught)[call.q["plan"].field_name] == [
        "The selected file must be smaller than 1 MB."
    ]
    # At the limit exactly it is accepted.
    upload = SimpleUploadedFile("plan.pdf", PDF + b"x" * (1024 * 1024 - len(PDF)))
    services.application_save(actor=user, application=application, answers={call.q["plan"]: upload})
    assert application.answers.get().file_size == 1024 * 1024


def test_withdraw(call, draft):
    user, application = draft
    services.application_submit(
        actor=user, application=application, answers=good_answers(call), challenge_area=call.area
    )
    services.application_withdraw(actor=user, application=application)
    assert application.status == ApplicationStatus.WITHDRAWN
    assert application.withdrawn_at is not None
    with pytest.raises(DomainError, match="already been withdrawn"):
        services.application_withdraw(actor=user, application=application)


def test_no_withdrawing_after_the_close(call, draft):
    user, application = draft
    with pytest.raises(DomainError, match="contact the accelerator's team"):
        services.application_withdraw(actor=user, application=application, now=call.closes_at)
    assert application.status == ApplicationStatus.DRAFT


def test_every_change_is_in_the_history(call, draft):
    user, application = draft
    services.application_submit(
        actor=user, application=application, answers=good_answers(call), challenge_area=call.area
    )
    reasons = list(application.history.values_list("history_change_reason", "history_user"))
    assert ("Application submitted", user.pk) in reasons
    answer = application.answers.first()
    assert answer.history.first().history_user == user


def test_a_new_draft_is_saved_with_its_first_answers_and_not_before(call, applicant):
    user, organisation = applicant
    new = queries.application_new(call=call, organisation=organisation)
    with pytest.raises(ValidationError):
        services.application_submit(actor=user, application=new, answers={})
    assert not Application.objects.exists()  # a refused submission starts nothing
    services.application_submit(
        actor=user, application=new, answers=good_answers(call), challenge_area=call.area
    )
    saved = Application.objects.get()
    assert (saved.organisation, saved.status) == (organisation, ApplicationStatus.SUBMITTED)
    assert saved.answers.count() == len(good_answers(call))
