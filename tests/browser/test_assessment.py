"""Assessment as people use it: headless Chromium against the live server, axe-core on
every page. The manager's pages; an assessor scores the application assigned to them (an
out-of-range score first, which shows the error summary and saves nothing) and is refused
another. Fixtures (`page`, `axe_check`, `sign_in`) are in tests/conftest.py."""

import pytest

from partnerbase.accounts.models import Role
from partnerbase.accounts.services import membership_grant, user_create
from partnerbase.assessment.models import Score
from partnerbase.assessment.tests.factories import build_world

pytestmark = pytest.mark.browser


@pytest.fixture
def world(transactional_db):
    actor = user_create(email="team@example.org", password="demo", full_name="Tess Team")
    world = build_world(actor)
    membership_grant(actor=actor, user=actor, programme=world.programme, role=Role.TEAM)
    return world


def _assessor(world, email, name):
    user = user_create(email=email, password="demo", full_name=name)
    membership_grant(
        actor=world.make.actor, user=user, programme=world.programme, role=Role.ASSESSOR
    )
    return user


def sign_out(page):
    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()


def test_the_manager_sees_rubric_assessors_and_ranking(
    page, page_problems, world, sign_in, axe_check
):
    asha = _assessor(world, "assessor@example.org", "Asha Assessor")
    world.assign(world.applications[0], asha)
    base = f"/programmes/{world.programme.slug}/assessment/"
    sign_in(page, "team@example.org")

    page.goto(base)
    axe_check(page, "assessment-index")
    with page.expect_navigation():
        page.get_by_role("link", name=f"Rubric for {world.call.title}").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Rubric"
    assert "Who benefits, how much" in page.inner_text("main")
    axe_check(page, "rubric")
    page.goto(base)
    with page.expect_navigation():
        page.get_by_role("link", name=f"Assessors for {world.call.title}").click()
    assert "Asha Assessor" in page.locator("table[data-assignments]").inner_text()
    axe_check(page, "assignments")
    with page.expect_navigation():
        page.get_by_role("button", name="Assign automatically").click()
    page.wait_for_load_state()
    assert "could not get 2 assessors" in page.inner_text("main")
    axe_check(page, "assignments-after-automatic")
    page.goto(base)
    with page.expect_navigation():
        page.get_by_role("link", name=f"Ranking for {world.call.title}").click()
    axe_check(page, "ranking")
    with page.expect_navigation():
        page.get_by_role("link", name="Normalise for assessor strictness").click()
    assert "Normalised (z)" in page.locator("table[data-ranking]").inner_text()
    axe_check(page, "ranking-normalised")
    assert not page_problems, str(page_problems)


def test_an_assessor_scores_their_application_and_is_refused_another(
    page, page_problems, world, sign_in, axe_check
):
    asha = _assessor(world, "assessor@example.org", "Asha Assessor")
    other = _assessor(world, "other@example.org", "Oscar Other")
    mine = world.assign(world.applications[0], asha)
    theirs = world.assign(world.applications[1], other)
    impact, fit = world.criteria
    sign_in(page, "assessor@example.org")

    page.goto(f"/programmes/{world.programme.slug}/assessment/mine/")
    rows = page.locator("table[data-mine] tbody tr")
    assert rows.count() == 1
    axe_check(page, "my-assessments")
    with page.expect_navigation():
        page.get_by_role("link", name=mine.application.organisation.name).click()
    assert page.get_by_role("heading", level=1).inner_text() == mine.application.organisation.name
    axe_check(page, "score-form")

    # A score above the range: the error summary, and nothing saved.
    page.fill(f"#id_score_{impact.pk}", "7")
    page.fill(f"#id_comment_{impact.pk}", "A clear plan")
    page.fill(f"#id_score_{fit.pk}", "12")
    with page.expect_navigation():
        page.get_by_role("button", name="Submit scores").click()
    page.wait_for_load_state()
    summary = page.locator(".govuk-error-summary")
    assert "There is a problem" in summary.inner_text()
    assert "The score for Fit must be 10 or less" in summary.inner_text()
    assert not Score.objects.exists()
    axe_check(page, "score-error")
    summary.get_by_role("link", name="The score for Fit must be 10 or less").click()
    assert page.evaluate("document.activeElement.id") == f"id_score_{fit.pk}"

    page.fill(f"#id_score_{fit.pk}", "3")
    with page.expect_navigation():
        page.get_by_role("button", name="Submit scores").click()
    assert f"Scores for {mine.application.organisation.name} submitted." in page.inner_text("main")
    mine.refresh_from_db()
    assert mine.submitted_at is not None
    assert sorted(mine.scores.values_list("score", flat=True)) == [3, 7]
    axe_check(page, "scores-submitted")

    # Another assessor's application: not found, so its existence does not show.
    response = page.goto(f"/programmes/{world.programme.slug}/assessment/assignments/{theirs.uid}/")
    assert response.status == 404
    assert theirs.application.organisation.name not in page.inner_text("main")
    assert not page_problems, str(page_problems)
