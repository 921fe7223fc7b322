"""Who may open each page and do each action, for every role; 404 for other programmes."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from partnerbase.accounts.models import Role, User
from partnerbase.calls import services
from partnerbase.calls.models import Application, ApplicationStatus, Call, EligibilityRule, Question
from tests.factories import Make, make_programme, make_user
from tests.factories.calls import good_answers, make_call

MANAGERS = {Role.TEAM, Role.ACCELERATOR_MANAGER, "superuser"}
OTHER_ROLES = set(Role.values) - {Role.TEAM, Role.ACCELERATOR_MANAGER}


def refused(who) -> int:
    """Someone with no role in the programme cannot learn it exists: 404; others 403. An
    applicant holds no role either: their own applications are all they may open."""
    return 404 if who in ("no role", "applicant") else 403


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def submitted(call, applicant):
    user, organisation = applicant
    application = services.application_start(actor=user, call=call, organisation=organisation)
    answers = good_answers(call) | {
        call.q["plan"]: SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan")
    }
    services.application_submit(
        actor=user, application=application, answers=answers, challenge_area=call.area
    )
    return application


@pytest.fixture
def users(make, applicant):
    people = {role: make.user(role) for role in Role.values}
    people["superuser"] = User.objects.create_superuser(email="root@example.org")
    people["no role"] = make_user()
    people["applicant"] = applicant[0]
    return people


def manager_pages(call, application):
    p, c = call.programme.slug, call.slug
    question = call.q["idea"]
    return {
        "call list": reverse("calls:call_list", args=[p]),
        "create call": reverse("calls:call_add", args=[p]),
        "call": reverse("calls:call_detail", args=[p, c]),
        "add question": reverse("calls:question_add", args=[p, c]),
        "change question": reverse("calls:question_edit", args=[p, c, question.uid]),
        "add rule": reverse("calls:rule_add", args=[p, c]),
        "applications": reverse("calls:application_list", args=[p, c]),
    }


def application_pages(call, application):
    p, c = call.programme.slug, call.slug
    return {
        "application": reverse("calls:application_detail", args=[p, c, application.uid]),
        "file": reverse("calls:answer_download", args=[p, c, application.uid, call.q["plan"].uid]),
    }


def test_manager_pages_for_every_role(client, call, submitted, users):
    for page, url in manager_pages(call, submitted).items():
        for who, user in users.items():
            client.force_login(user)
            status = client.get(url).status_code
            expected = 200 if who in MANAGERS else refused(who)
            assert status == expected, f"{who} on {page}: {status}"


def test_application_pages_for_every_role(client, call, submitted, users):
    allowed = MANAGERS | {"applicant"}
    for page, url in application_pages(call, submitted).items():
        for who, user in users.items():
            client.force_login(user)
            response = client.get(url)
            # Another organisation's application is not found: its existence does not show.
            expected = 200 if who in allowed else 404
            assert response.status_code == expected, f"{who} on {page}"
            if page == "file" and expected == 200:
                assert b"".join(response.streaming_content) == b"%PDF-1.4 plan"
                assert response["Content-Disposition"].startswith("attachment")


def test_my_applications_only_for_innovators(client, call, submitted, users):
    url = reverse("calls:my_applications", args=[call.programme.slug])
    for who, user in users.items():
        client.force_login(user)
        response = client.get(url)
        expected = 200 if who in (Role.INNOVATOR, "applicant") else refused(who)
        assert response.status_code == expected, who
        if who == "applicant":
            assert submitted.organisation.name in response.content.decode()
        if who == Role.INNOVATOR:
            assert submitted.organisation.name not in response.content.decode()


def test_signed_out_visitors_see_only_the_public_call_page(client, call, submitted):
    public = reverse("calls_public:call", args=[call.programme.slug, call.slug])
    response = client.get(public)
    assert response.status_code == 200
    assert "Start your application" in response.content.decode()
    assert (
        client.get(
            reverse("calls_public:register", args=[call.programme.slug, call.slug])
        ).status_code
        == 200
    )
    pages = manager_pages(call, submitted) | application_pages(call, submitted)
    pages["apply"] = reverse("calls_public:apply", args=[call.programme.slug, call.slug])
    for page, url in pages.items():
        response = client.get(url)
        assert response.status_code == 302, page
        assert response["Location"].startswith("/accounts/login/"), page


def test_a_call_that_has_not_opened_is_not_public(client, make):
    call = make_call(make, opens_at=timezone.now() + timedelta(days=1), slug="later")
    url = reverse("calls_public:call", args=[call.programme.slug, call.slug])
    assert client.get(url).status_code == 404
    assert client.get(reverse("calls_public:call", args=["no-such", call.slug])).status_code == 404


def test_apply_is_for_innovators_and_applicants_only(client, call, users):
    url = reverse("calls_public:apply", args=[call.programme.slug, call.slug])
    for who, user in users.items():
        client.force_login(user)
        status = client.get(url).status_code
        expected = 200 if who in (Role.INNOVATOR, "applicant") else 403
        assert status == expected, who
    # Opening the page writes nothing: the draft is saved with its first answers.
    assert not Application.objects.filter(call=call).exists()


def test_the_first_save_starts_the_draft_and_a_refused_first_submission_starts_none(
    client, call, applicant
):
    user, organisation = applicant
    client.force_login(user)
    url = reverse("calls_public:apply", args=[call.programme.slug, call.slug])
    idea = call.q["idea"].field_name
    refused = client.post(url, {idea: "My idea", "action": "submit"})
    assert refused.status_code == 200 and "govuk-error-summary" in refused.content.decode()
    assert not Application.objects.filter(call=call).exists()
    assert client.post(url, {idea: "My idea", "action": "save"}).status_code == 302
    application = Application.objects.get(call=call, organisation=organisation)
    assert application.status == ApplicationStatus.DRAFT
    assert application.answers.get().text == "My idea"
    reasons = [h.history_change_reason for h in application.history.order_by("history_id")]
    assert reasons == ["Application started"]


def test_other_programmes_get_404(client, call, submitted):
    other_actor = make_user()
    other = Make(other_actor, make_programme(other_actor))
    for role in (Role.TEAM, Role.ACCELERATOR_MANAGER, Role.INNOVATOR):
        client.force_login(other.user(role))
        for page, url in (
            manager_pages(call, submitted) | application_pages(call, submitted)
        ).items():
            assert client.get(url).status_code == 404, f"{role} on {page}"
        # Nor can their innovator apply to this programme's call.
        apply = reverse("calls_public:apply", args=[call.programme.slug, call.slug])
        assert client.get(apply).status_code == 403


def test_post_actions_refused_to_other_roles(client, call, submitted, users):
    p, c = call.programme.slug, call.slug
    rule = call.rules.first()
    posts = {
        reverse("calls:call_add", args=[p]): {"title": "x"},
        reverse("calls:question_add", args=[p, c]): {"text": "x", "kind": "text"},
        reverse("calls:rule_add", args=[p, c]): {"kind": "region", "values": "Wales"},
        reverse("calls:rule_remove", args=[p, c, rule.uid]): {},
    }
    before = (Call.objects.count(), Question.objects.count(), EligibilityRule.objects.count())
    for who, user in users.items():
        if who in MANAGERS:
            continue
        client.force_login(user)
        for url, data in posts.items():
            status = client.post(url, data).status_code
            assert status == refused(who), f"{who} posting to {url}"
    after = (Call.objects.count(), Question.objects.count(), EligibilityRule.objects.count())
    assert after == before
    # The applicant's own application: others cannot withdraw it (they have none).
    withdraw = reverse("calls_public:withdraw", args=[p, c])
    client.force_login(users[Role.TEAM])
    assert client.post(withdraw).status_code == 403
    client.force_login(users["applicant"])
    assert client.post(withdraw).status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.WITHDRAWN


def test_manager_creates_a_call_with_a_uk_closing_time(client, make, users):
    accelerator = make.accelerator()
    client.force_login(users[Role.ACCELERATOR_MANAGER])
    url = reverse("calls:call_add", args=[make.programme.slug])
    data = {
        "accelerator": accelerator.pk,
        "title": "Second call",
        "slug": "second-call",
        "opens_on_0": "1",
        "opens_on_1": "8",
        "opens_on_2": "2030",
        "opens_time": "9am",
        "closes_on_0": "3",
        "closes_on_1": "11",
        "closes_on_2": "2030",
        "closes_time": "12pm",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    call = Call.objects.get(slug="second-call")
    assert call.opens_at.isoformat() == "2030-08-01T08:00:00+00:00"  # BST
    assert call.closes_at.isoformat() == "2030-11-03T12:00:00+00:00"  # GMT
    # Questions and rules may be added before it opens.
    q = client.post(
        reverse("calls:question_add", args=[make.programme.slug, call.slug]),
        {"text": "Your idea", "kind": "text", "required": "on", "word_limit": "300"},
    )
    assert q.status_code == 302
    assert call.questions.get().word_limit == 300


def test_a_call_form_with_errors_shows_the_summary_and_saves_nothing(client, make, users):
    client.force_login(users[Role.TEAM])
    response = client.post(
        reverse("calls:call_add", args=[make.programme.slug]),
        {"title": "", "closes_time": "25:00"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body
    assert "Enter a real time" in body
    assert not Call.objects.exists()


def test_questions_cannot_change_after_the_first_submission(client, call, submitted, users):
    client.force_login(users[Role.TEAM])
    response = client.post(
        reverse("calls:question_add", args=[call.programme.slug, call.slug]),
        {"text": "Late question", "kind": "text"},
    )
    assert response.status_code == 200
    assert (
        "Questions and eligibility rules are locked: 1 application has been submitted"
        in response.content.decode()
    )
    assert not call.questions.filter(text="Late question").exists()


def test_apply_page_saves_a_draft_and_submit_errors_point_at_questions(client, call, applicant):
    user, organisation = applicant
    client.force_login(user)
    url = reverse("calls_public:apply", args=[call.programme.slug, call.slug])
    idea = call.q["idea"].field_name
    response = client.post(url, {idea: "My idea", "action": "save"})
    assert response.status_code == 302
    application = Application.objects.get(call=call, organisation=organisation)
    assert application.answers.get().text == "My idea"
    response = client.post(url, {idea: "Changed idea", "action": "submit"})
    body = response.content.decode()
    assert response.status_code == 200
    assert f'href="#id_{call.q["income"].field_name}"' in body
    assert "Enter your answer to “Annual income”" in body
    assert application.answers.get().text == "My idea"  # the failed submission saved nothing
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT


def test_list_pages_take_the_same_queries_for_one_or_many(client, make, call, users):
    client.force_login(users[Role.TEAM])
    p, c = call.programme.slug, call.slug
    urls = [
        reverse("calls:call_list", args=[p]),
        reverse("calls:application_list", args=[p, c]),
        reverse("calls:call_detail", args=[p, c]),
    ]

    def counts():
        result = []
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            result.append(len(queries))
        return result

    services.application_start(actor=make.actor, call=call, organisation=make.org())
    few = counts()
    for _ in range(5):
        services.application_start(actor=make.actor, call=call, organisation=make.org())
    assert counts() == few
