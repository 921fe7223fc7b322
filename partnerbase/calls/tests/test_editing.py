"""Changing a call after it was created: its details before it opens; its questions and
rules until the first submission, then locked with the reason; closing it early; deleting
it while nothing was submitted; and never showing a call that has no questions."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from partnerbase.accounts.models import Role, User
from partnerbase.calls import services
from partnerbase.calls.models import Answer, Application, Call, EligibilityRule, Question
from partnerbase.challenges.services import challenge_area_create
from partnerbase.core.errors import DomainError
from tests.factories import Make, make_programme, make_user
from tests.factories.calls import good_answers, make_call

MANAGERS = {Role.TEAM, Role.ACCELERATOR_MANAGER, "superuser"}
LOCKED = "Questions and eligibility rules are locked: 1 application has been submitted"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def users(make):
    people = {role: make.user(role) for role in Role.values}
    people["superuser"] = User.objects.create_superuser(email="root@example.org")
    people["no role"] = make_user()
    return people


@pytest.fixture
def later(make):
    """A call that opens tomorrow."""
    return make_call(make, opens_at=timezone.now() + timedelta(days=1), slug="later")


def draft_of(call, applicant, answers):
    user, organisation = applicant
    application = services.application_start(actor=user, call=call, organisation=organisation)
    services.application_save(actor=user, application=application, answers=answers)
    return application


def submit(call, applicant):
    user, organisation = applicant
    application = services.application_start(actor=user, call=call, organisation=organisation)
    return services.application_submit(
        actor=user, application=application, answers=good_answers(call), challenge_area=call.area
    )


def refused(who) -> int:
    return 404 if who == "no role" else 403


def edit_pages(call):
    p, c = call.programme.slug, call.slug
    question, rule = call.q["plan"], call.rules.first()
    return {
        "change call": reverse("calls:call_change", args=[p, c]),
        "close call": reverse("calls:call_close", args=[p, c]),
        "delete call": reverse("calls:call_delete", args=[p, c]),
        "remove question": reverse("calls:question_remove", args=[p, c, question.uid]),
        "change rule": reverse("calls:rule_change", args=[p, c, rule.uid]),
    }


def move_pages(call):
    p, c = call.programme.slug, call.slug
    return {
        "move question": reverse("calls:question_move", args=[p, c, call.q["idea"].uid]),
        "move rule": reverse("calls:rule_move", args=[p, c, call.rules.first().uid]),
    }


def snapshot(call):
    call.refresh_from_db()
    return (
        (call.title, call.slug, call.opens_at, call.closes_at),
        list(call.questions.values_list("pk", "position", "text")),
        list(call.rules.values_list("pk", "position", "kind", "values")),
        Call.objects.count(),
        Application.objects.count(),
    )


def test_managers_open_the_pages_and_others_are_refused(client, later, users):
    for page, url in edit_pages(later).items():
        for who, user in users.items():
            client.force_login(user)
            status = client.get(url).status_code
            expected = 200 if who in MANAGERS else refused(who)
            assert status == expected, f"{who} on {page}: {status}"


def test_posts_by_other_roles_are_refused_and_change_nothing(client, later, users):
    before = snapshot(later)
    data = {"title": "Hijacked", "direction": "down", "kind": "region", "values": "Wales"}
    for who, user in users.items():
        if who in MANAGERS:
            continue
        client.force_login(user)
        for page, url in (edit_pages(later) | move_pages(later)).items():
            status = client.post(url, data).status_code
            assert status == refused(who), f"{who} posting to {page}: {status}"
    assert snapshot(later) == before


def test_another_programmes_managers_get_404(client, later):
    actor = make_user()
    elsewhere = Make(actor, make_programme(actor))
    before = snapshot(later)
    for role in (Role.TEAM, Role.ACCELERATOR_MANAGER):
        client.force_login(elsewhere.user(role))
        for page, url in (edit_pages(later) | move_pages(later)).items():
            if page in edit_pages(later):
                assert client.get(url).status_code == 404, f"{role} on {page}"
            assert client.post(url, {"direction": "down"}).status_code == 404, f"{role} {page}"
    assert snapshot(later) == before


def call_data(call, **changes):
    data = {
        "accelerator": call.accelerator_id,
        "title": call.title,
        "slug": call.slug,
        "summary": call.summary,
        "opens_on_0": "1",
        "opens_on_1": "8",
        "opens_on_2": "2031",
        "opens_time": "9am",
        "closes_on_0": "3",
        "closes_on_1": "11",
        "closes_on_2": "2031",
        "closes_time": "12pm",
        "challenge_areas": [call.area.pk],
    }
    return data | changes


def test_a_manager_changes_every_detail_before_the_call_opens(client, make, later, users):
    manager = users[Role.ACCELERATOR_MANAGER]
    client.force_login(manager)
    url = reverse("calls:call_change", args=[make.programme.slug, later.slug])
    form = client.get(url).content.decode()
    assert f'value="{later.title}"' in form and 'name="opens_on_0"' in form
    accelerator = make.accelerator()
    area = challenge_area_create(
        actor=make.actor, programme=make.programme, name="Mental health", slug="mh"
    )
    response = client.post(
        url,
        call_data(
            later,
            accelerator=accelerator.pk,
            title="Second round",
            slug="second-round",
            summary="Now with mentoring",
            challenge_areas=[area.pk],
        ),
    )
    assert response.status_code == 302
    later.refresh_from_db()
    assert response["Location"] == reverse(
        "calls:call_detail", args=[make.programme.slug, "second-round"]
    )
    assert (later.accelerator, later.title, later.summary) == (
        accelerator,
        "Second round",
        "Now with mentoring",
    )
    assert later.opens_at.isoformat() == "2031-08-01T08:00:00+00:00"
    assert later.closes_at.isoformat() == "2031-11-03T12:00:00+00:00"
    assert list(later.challenge_areas.all()) == [area]
    row = later.history.first()
    assert row.history_user == manager
    assert row.history_change_reason == "Call changed, with its challenge areas"


def test_bad_details_are_named_and_nothing_is_saved(client, make, later, users):
    client.force_login(users[Role.TEAM])
    other = make_call(make, opens_at=timezone.now() + timedelta(days=2), slug="taken")
    url = reverse("calls:call_change", args=[make.programme.slug, later.slug])
    before = snapshot(later)
    response = client.post(
        url, call_data(later, title="", closes_time="25:00", opens_on_1="", slug="Not OK!")
    )
    body = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in body
    for message in (
        "Enter the call&#x27;s title",
        "Enter a real time",
        "Opening date must include a month",
        "The web address must only include lower-case letters",
    ):
        assert message in body, message
    clash = client.post(url, call_data(later, slug=other.slug)).content.decode()
    assert "Another call already has this web address: choose another." in clash
    backwards = client.post(url, call_data(later, closes_on_2="2030")).content.decode()
    assert "The closing date and time must be after the opening" in backwards
    assert snapshot(later) == before


def test_details_are_fixed_once_the_call_opens(client, make, call, users):
    client.force_login(users[Role.TEAM])
    url = reverse("calls:call_change", args=[make.programme.slug, call.slug])
    assert "its details can no longer change" in client.get(url).content.decode()
    before = snapshot(call)
    response = client.post(url, call_data(call, title="Renamed"))
    assert response.status_code == 200
    assert snapshot(call) == before
    with pytest.raises(DomainError, match="its details can no longer change"):
        services.call_update(
            actor=make.actor,
            call=call,
            accelerator=call.accelerator,
            title="x",
            slug=call.slug,
            opens_at=call.opens_at,
            closes_at=call.closes_at,
        )


def test_questions_and_rules_change_until_the_first_submission(client, make, call, applicant):
    """An open call with a draft: questions are added, changed, reordered and removed (the
    draft's answer to a removed question goes with it), rules too; then one application is
    submitted and every such change is refused with the reason, saving nothing."""
    team = make.user(Role.TEAM)
    client.force_login(team)
    p, c = make.programme.slug, call.slug
    draft = draft_of(call, applicant, {call.q["plan"]: SimpleUploadedFile("p.pdf", b"%PDF-1")})
    plan_answer = draft.answers.get()
    assert plan_answer.file

    # Reorder: the idea question moves down, then back up.
    move = reverse("calls:question_move", args=[p, c, call.q["idea"].uid])
    assert client.post(move, {"direction": "down"}).status_code == 302
    assert list(call.questions.values_list("text", flat=True))[:2] == [
        "Annual income",
        "Describe your idea",
    ]
    assert call.q["idea"].history.first().history_change_reason == "Question moved down"
    client.post(move, {"direction": "up"})
    assert list(call.questions.values_list("position", flat=True)) == [1, 2, 3, 4, 5]
    assert call.questions.first() == call.q["idea"]
    # A question is changed, and the file question removed with the draft's answer to it.
    edit = reverse("calls:question_edit", args=[p, c, call.q["idea"].uid])
    client.post(edit, {"text": "Your idea in a sentence", "kind": "text", "required": "on"})
    assert Question.objects.get(pk=call.q["idea"].pk).text == "Your idea in a sentence"
    remove = reverse("calls:question_remove", args=[p, c, call.q["plan"].uid])
    page = client.get(remove).content.decode()
    assert "1 draft application has answered it" in page
    assert client.post(remove).status_code == 302
    assert not Question.objects.filter(pk=call.q["plan"].pk).exists()
    assert not Answer.objects.filter(pk=plan_answer.pk).exists()
    assert Question.history.filter(history_type="-").get().history_user == team
    # Rules: one changed, one moved.
    first, second = call.rules.all()[:2]
    rule_url = reverse("calls:rule_change", args=[p, c, first.uid])
    assert client.post(rule_url, {"kind": "region", "values": "London\nWales"}).status_code == 302
    first.refresh_from_db()
    assert (first.kind, first.value_list) == ("region", ["London", "Wales"])
    client.post(reverse("calls:rule_move", args=[p, c, second.uid]), {"direction": "up"})
    assert list(call.rules.all())[:2] == [second, first]

    # The first submission locks them all.
    submit(call, applicant)
    before = snapshot(call)
    idea = call.q["idea"]
    attempts = {
        reverse("calls:question_add", args=[p, c]): {"text": "Late", "kind": "text"},
        edit: {"text": "Changed late", "kind": "text"},
        move: {"direction": "down"},
        reverse("calls:question_remove", args=[p, c, idea.uid]): {},
        reverse("calls:rule_add", args=[p, c]): {"kind": "region", "values": "Wales"},
        rule_url: {"kind": "region", "values": "Scotland"},
        reverse("calls:rule_move", args=[p, c, first.uid]): {"direction": "down"},
        reverse("calls:rule_remove", args=[p, c, first.uid]): {},
    }
    for url, data in attempts.items():
        response = client.post(url, data, follow=True)
        assert LOCKED in response.content.decode(), url
    assert snapshot(call) == before
    detail = client.get(reverse("calls:call_detail", args=[p, c])).content.decode()
    assert LOCKED in detail and "Add a question" not in detail and "Move down" not in detail


def test_a_question_a_rule_checks_is_not_removed_or_broken(make, call):
    income = call.q["income"]
    with pytest.raises(DomainError, match="1 eligibility rule checks this question"):
        services.question_remove(actor=make.actor, question=income)
    with pytest.raises(DomainError) as broken:
        services.question_update(
            actor=make.actor, question=income, kind="text", min_value=None, prefix=""
        )
    assert "checks this question: Select a number question." in broken.value.message
    income.refresh_from_db()
    assert income.kind == "number" and Question.objects.filter(pk=income.pk).exists()


def test_a_call_closes_early_after_a_confirmation(client, make, call, applicant, users):
    draft = draft_of(call, applicant, {call.q["idea"]: "An idea"})
    client.force_login(users[Role.ACCELERATOR_MANAGER])
    url = reverse("calls:call_close", args=[make.programme.slug, call.slug])
    page = client.get(url).content.decode()
    assert "1 draft application has not been submitted: it can no longer be." in page
    before = timezone.now()
    assert client.post(url).status_code == 302
    call.refresh_from_db()
    assert before <= call.closes_at <= timezone.now()
    assert call.history.first().history_change_reason == "Closed early"
    with pytest.raises(DomainError, match="This call closed at"):
        services.application_submit(
            actor=applicant[0],
            application=draft,
            answers=good_answers(call),
            challenge_area=call.area,
        )
    again = client.post(url)
    assert "The call already closed at" in again.content.decode()


def test_a_call_that_has_not_opened_is_not_closed_early(client, make, later, users):
    client.force_login(users[Role.TEAM])
    url = reverse("calls:call_close", args=[make.programme.slug, later.slug])
    assert "Only an open call can be closed early" in client.get(url).content.decode()
    response = client.post(url)
    assert "The call has not opened: change its dates, or delete it, instead." in (
        response.content.decode()
    )
    later.refresh_from_db()
    assert later.closes_at > later.opens_at > timezone.now()


def test_a_call_with_submissions_is_not_deleted(client, make, call, applicant, users):
    submit(call, applicant)
    client.force_login(users[Role.TEAM])
    url = reverse("calls:call_delete", args=[make.programme.slug, call.slug])
    assert (
        "Cannot delete: 1 submitted application depends on it." in client.get(url).content.decode()
    )
    response = client.post(url)
    body = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in body
    assert "Cannot delete: 1 submitted application depends on it." in body
    assert Call.objects.filter(pk=call.pk).exists()
    # Withdrawn after submission: it was submitted, so it still depends on the call.
    services.application_withdraw(actor=applicant[0], application=Application.objects.get())
    assert services.call_delete_refusal(call) == (
        "Cannot delete: 1 submitted application depends on it."
    )


def test_a_call_with_only_drafts_is_deleted_with_them(
    client, make, call, applicant, users, django_capture_on_commit_callbacks
):
    draft = draft_of(call, applicant, {call.q["plan"]: SimpleUploadedFile("p.pdf", b"%PDF-1")})
    stored = draft.answers.get().file
    storage, name = stored.storage, stored.name
    assert storage.exists(name)
    client.force_login(users[Role.TEAM])
    url = reverse("calls:call_delete", args=[make.programme.slug, call.slug])
    assert "and its 1 draft application will be deleted" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("calls:call_list", args=[make.programme.slug])
    assert not Call.objects.filter(pk=call.pk).exists()
    assert not Application.objects.filter(pk=draft.pk).exists()
    assert not EligibilityRule.objects.filter(call_id=call.pk).exists()
    assert not storage.exists(name)  # the draft's uploaded file went with it
    deleted = Call.history.get(id=call.pk, history_type="-")
    assert deleted.history_user == users[Role.TEAM]
    assert Application.history.get(id=draft.pk, history_type="-").history_change_reason == (
        "Call deleted"
    )


def test_a_call_without_questions_is_never_public(client, make, users):
    accelerator = make.accelerator()
    call = services.call_create(
        actor=make.actor,
        accelerator=accelerator,
        title="Empty call",
        slug="empty",
        opens_at=timezone.now() - timedelta(days=1),
        closes_at=timezone.now() + timedelta(days=9),
    )
    public = reverse("calls_public:call", args=[make.programme.slug, call.slug])
    assert client.get(public).status_code == 404
    client.force_login(users[Role.TEAM])
    detail = client.get(reverse("calls:call_detail", args=[make.programme.slug, call.slug]))
    body = detail.content.decode()
    assert "This call has no questions, so it is not public and cannot open." in body
    assert "it will open as soon as you add a question" in body
    assert "No questions" in body and "Close early" not in body
    # It has not opened, so its details may still change, and it cannot be closed early.
    with pytest.raises(DomainError, match="The call has not opened"):
        services.call_close(actor=make.actor, call=call)
    # Its first question opens it.
    services.question_add(actor=make.actor, call=call, kind="text", text="Your idea")
    client.logout()
    assert client.get(public).status_code == 200


def test_the_call_list_shows_each_calls_status(client, make, call, later, users):
    accelerator = make.accelerator()
    services.call_create(
        actor=make.actor,
        accelerator=accelerator,
        title="Empty call",
        slug="empty",
        opens_at=timezone.now() - timedelta(days=1),
        closes_at=timezone.now() + timedelta(days=9),
    )
    client.force_login(users[Role.TEAM])
    body = client.get(reverse("calls:call_list", args=[make.programme.slug])).content.decode()
    assert "Open</strong>" in body and "Not open yet</strong>" in body
    assert "No questions</strong>" in body
