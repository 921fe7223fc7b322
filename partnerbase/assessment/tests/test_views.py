"""Who may open each assessment page and do each action, for every role; and the forms."""

from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from partnerbase.accounts.models import Role
from partnerbase.assessment import services
from partnerbase.assessment.models import Assignment, ModerationNote, Score
from partnerbase.rubrics.models import Criterion
from tests.factories import roles

from .factories import build_world, make_application

pytestmark = pytest.mark.django_db

MANAGERS = {Role.TEAM, Role.ACCELERATOR_MANAGER, "superuser"}
WHO = roles.WHO


def _u(name, args):
    return lambda w: reverse(f"assessment:{name}", args=[w.programme.slug, *args(w)])


def _call(name):
    return _u(name, lambda w: [w.call.slug])


PAGES = {
    "index": (_u("index", lambda w: []), MANAGERS | {Role.ASSESSOR}),
    "mine": (_u("mine", lambda w: []), {Role.ASSESSOR}),
    "rubric": (_call("rubric"), MANAGERS),
    "assignments": (_call("assignments"), MANAGERS),
    "ranking": (_call("ranking"), MANAGERS),
    "ranking normalised": (lambda w: _call("ranking")(w) + "?view=normalised", MANAGERS),
    "moderation note": (
        _u("moderation_note", lambda w: [w.call.slug, w.applications[0].uid]),
        MANAGERS,
    ),
}


def sign_in(client, world, who):
    return roles.sign_in(client, who, world.user)


def _refused(who):
    return 404 if who == "no role" else 403


def _hidden(who):
    """Another assessor's assignment is not found: its existence does not show."""
    return 404 if who == Role.ASSESSOR else _refused(who)


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("page", PAGES)
def test_who_may_open_each_page(client, world, page, who):
    sign_in(client, world, who)

    response = client.get(PAGES[page][0](world))

    assert response.status_code == (200 if who in PAGES[page][1] else _refused(who))


@pytest.mark.parametrize("page", PAGES)
def test_signed_out_visitors_are_sent_to_sign_in(client, world, page):
    response = client.get(PAGES[page][0](world))

    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == reverse("accounts:login")


@pytest.mark.parametrize("page", PAGES)
def test_another_programmes_team_gets_404(client, actor, world, page):
    other = build_world(actor, applications=1)
    client.force_login(other.user(Role.TEAM))

    assert client.get(PAGES[page][0](world)).status_code == 404


# --- actions (POST) ---------------------------------------------------------------------


def _actions(w):
    assessor = w.assessor()
    assignment = w.assign(w.applications[0], assessor)
    return {
        "add criterion": (
            _call("rubric")(w),
            {"name": "Team", "weight": "1", "min_score": "0", "max_score": "5"},
            lambda: Criterion.objects.filter(name="Team").exists(),
        ),
        "remove criterion": (
            _u("criterion_remove", lambda w: [w.call.slug, w.criteria[1].uid])(w),
            {},
            lambda: not Criterion.objects.filter(pk=w.criteria[1].pk).exists(),
        ),
        "assign": (
            _call("assignments")(w),
            {"application": w.applications[1].pk, "assessor": assessor.pk},
            lambda: Assignment.objects.filter(application=w.applications[1]).exists(),
        ),
        "assign automatically": (
            _call("assignments_auto")(w),
            {"per_application": "1"},
            lambda: Assignment.objects.count() == 3,
        ),
        "remove assignment": (
            _u("assignment_remove", lambda w: [w.call.slug, assignment.uid])(w),
            {},
            lambda: not Assignment.objects.filter(pk=assignment.pk).exists(),
        ),
        "set threshold": (
            _call("ranking")(w),
            {"disagreement_threshold": "10"},
            lambda: type(w.rubric).objects.get(pk=w.rubric.pk).disagreement_threshold == 10,
        ),
        "moderation note": (
            PAGES["moderation note"][0](w),
            {"note": "Agreed at panel"},
            lambda: ModerationNote.objects.exists(),
        ),
    }


ACTIONS = [
    "add criterion",
    "remove criterion",
    "assign",
    "assign automatically",
    "remove assignment",
    "set threshold",
    "moderation note",
]


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("action", ACTIONS)
def test_who_may_do_each_action(client, world, action, who):
    url, data, done = _actions(world)[action]
    sign_in(client, world, who)

    response = client.post(url, data)

    if who in MANAGERS:
        assert response.status_code == 302
        assert done()
    else:
        assert response.status_code == _refused(who)
        assert not done()


# --- scoring ----------------------------------------------------------------------------


def _score_url(world, assignment):
    return reverse("assessment:score", args=[world.programme.slug, assignment.uid])


def _sheet(world, impact, fit, action="submit"):
    a, b = world.criteria
    return {
        f"score_{a.pk}": impact,
        f"comment_{a.pk}": "Clear plan",
        f"score_{b.pk}": fit,
        f"comment_{b.pk}": "",
        "action": action,
    }


@pytest.mark.parametrize("who", WHO)
def test_who_may_open_an_assignment(client, world, who):
    assignment = world.assign(world.applications[0], world.assessor())
    sign_in(client, world, who)

    response = client.get(_score_url(world, assignment))

    assert response.status_code == (200 if who in MANAGERS else _hidden(who))


@pytest.mark.parametrize("who", WHO)
def test_only_the_assigned_assessor_may_score(client, world, who):
    assignment = world.assign(world.applications[0], world.assessor())
    sign_in(client, world, who)

    response = client.post(_score_url(world, assignment), _sheet(world, "7", "3"))

    # Managers see the assignment but never score on an assessor's behalf.
    assert response.status_code == (403 if who == "superuser" else _hidden(who))
    assert not Score.objects.exists()


def test_the_assessor_scores_and_submits(client, world):
    assessor = world.assessor()
    assignment = world.assign(world.applications[0], assessor)
    client.force_login(assessor)

    page = client.get(_score_url(world, assignment))
    response = client.post(_score_url(world, assignment), _sheet(world, "7", "3"))

    assert page.status_code == 200 and b"Who benefits, how much" in page.content
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.submitted_at is not None
    assert sorted(assignment.scores.values_list("score", flat=True)) == [3, 7]


def test_an_out_of_range_score_shows_the_error_summary_and_saves_nothing(client, world):
    assessor = world.assessor()
    assignment = world.assign(world.applications[0], assessor)
    client.force_login(assessor)

    response = client.post(_score_url(world, assignment), _sheet(world, "7", "12"))

    assert response.status_code == 200
    assert b"govuk-error-summary" in response.content
    assert b"The score for Fit must be 10 or less" in response.content
    assert not Score.objects.exists()


def test_a_draft_saves_without_submitting(client, world):
    assessor = world.assessor()
    assignment = world.assign(world.applications[0], assessor)
    client.force_login(assessor)

    client.post(_score_url(world, assignment), _sheet(world, "7", "", action="save"))

    assignment.refresh_from_db()
    assert assignment.submitted_at is None
    assert list(assignment.scores.values_list("score", flat=True)) == [7]


def test_submitting_needs_every_score(client, world):
    assessor = world.assessor()
    assignment = world.assign(world.applications[0], assessor)
    client.force_login(assessor)

    response = client.post(_score_url(world, assignment), _sheet(world, "7", ""))

    assert b"Enter a score for Fit" in response.content
    assert not Score.objects.exists()


def test_others_scores_appear_only_after_submitting_ones_own(client, world):
    me, other = world.assessor(), world.assessor()
    app = world.applications[0]
    mine, theirs = world.assign(app, me), world.assign(app, other)
    services.scores_save(
        actor=other,
        assignment=theirs,
        scores={world.criteria[0].pk: (9, "Their secret comment"), world.criteria[1].pk: (9, "")},
        submit=True,
    )
    client.force_login(me)

    before = client.get(_score_url(world, mine))
    client.post(_score_url(world, mine), _sheet(world, "2", "2"))
    after = client.get(_score_url(world, mine))

    assert b"Their secret comment" not in before.content
    assert b"Their secret comment" in after.content


def test_an_assessor_cannot_open_another_assessors_assignment(client, world):
    me = world.assessor()
    world.assign(world.applications[1], me)
    theirs = world.assign(world.applications[0], world.assessor())
    client.force_login(me)

    assert client.get(_score_url(world, theirs)).status_code == 404


def test_an_assignment_of_another_programme_is_not_found(client, actor, world):
    other = build_world(actor, applications=1)
    assessor = other.assessor()
    assignment = other.assign(other.applications[0], assessor)
    client.force_login(world.user(Role.TEAM))

    url = reverse("assessment:score", args=[world.programme.slug, assignment.uid])
    assert client.get(url).status_code == 404


def test_a_conflict_of_interest_shows_next_to_the_assessor(client, world):
    app = world.applications[0]
    assessor = world.assessor(app.organisation)
    client.force_login(world.user(Role.ACCELERATOR_MANAGER))

    response = client.post(
        _call("assignments")(world), {"application": app.pk, "assessor": assessor.pk}
    )

    assert response.status_code == 200
    assert b"conflict of interest" in response.content
    assert b"govuk-error-summary" in response.content
    assert not Assignment.objects.exists()


def test_automatic_assignment_reports_short_applications(client, world):
    make_application(world.make, world.call)
    world.assessor(world.applications[0].organisation)
    world.assessor()
    client.force_login(world.user(Role.TEAM))

    response = client.post(_call("assignments_auto")(world), {"per_application": "2"}, follow=True)

    assert b"could not get 2 assessors" in response.content
    assert b"Applicant 0 (1 short)" in response.content
    assert Assignment.objects.count() == 7


def test_the_ranking_shows_flags_and_toggles(client, world):
    p, q, _ = world.applications
    ann, ben = world.assessor(), world.assessor()
    for assessor, app, impact, fit in [(ann, p, 8, 0), (ben, p, 10, 10), (ann, q, 4, 4)]:
        services.scores_save(
            actor=assessor,
            assignment=world.assign(app, assessor),
            scores={world.criteria[0].pk: (impact, ""), world.criteria[1].pk: (fit, "")},
            submit=True,
        )
    client.force_login(world.user(Role.TEAM))

    raw = client.get(_call("ranking")(world))
    normalised = client.get(_call("ranking")(world) + "?view=normalised")

    assert b"data-flagged" in raw.content  # P: 60 and 100, 40 apart, above 35
    assert b"Disagreement" in raw.content
    assert b"80.00" in raw.content
    assert b"Normalised (z)" in normalised.content and b"Normalised (z)" not in raw.content
