"""Working groups as people use them: a member records a meeting and proposes an idea; the
team turns a shortlisted idea into a project, and the project page says where it came from.
axe-core on every page. Fixtures (`page`, `axe_check`, `iep`, `sign_in`) are in
tests/conftest.py.
"""

from datetime import date

import pytest

from partnerbase.accounts.models import User
from partnerbase.projects import services as projects
from partnerbase.workinggroups.models import Idea, WorkingGroupMeeting

pytestmark = pytest.mark.browser

GROUP = "Mental health at work working group"
SHORTLISTED = "Training for customer-facing staff on money and mental health"


def sign_out(page):
    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()


def fill_date(page, name, d):
    for i, part in enumerate((d.day, d.month, d.year)):
        page.fill(f"#id_{name}_{i}", str(part))


def test_a_member_meets_and_proposes_and_the_team_makes_a_project(
    page, page_problems, iep, sign_in, axe_check
):
    meetings = WorkingGroupMeeting.objects.count()

    # A working-group member sees only their own group.
    sign_in(page, "wg@example.org")
    page.goto("/programmes/iep/working-groups/")
    groups = page.locator("table[data-groups] tbody tr")
    assert groups.count() == 1 and GROUP in groups.inner_text()
    axe_check(page, "wg-list-as-member")
    with page.expect_navigation():
        page.get_by_role("link", name=GROUP).click()
    assert page.get_by_role("heading", level=1).inner_text() == GROUP
    assert page.get_by_role("button", name="Add a member").count() == 0
    axe_check(page, "wg-group-as-member")

    # Records a meeting: without notes first, which saves nothing.
    with page.expect_navigation():
        page.get_by_role("button", name="Record a meeting").click()
    fill_date(page, "held_on", date(2018, 7, 10))
    page.get_by_label("Wendy Group").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Record meeting").click()
    summary = page.locator(".govuk-error-summary")
    assert "There is a problem" in summary.inner_text()
    assert "Enter the notes of the meeting" in summary.inner_text()
    assert WorkingGroupMeeting.objects.count() == meetings
    axe_check(page, "wg-meeting-error")
    page.fill("#id_notes", "Heard from two employers using the toolkit.")
    with page.expect_navigation():
        page.get_by_role("button", name="Record meeting").click()
    assert "Meeting recorded." in page.inner_text("main")
    assert "Heard from two employers using the toolkit." in page.inner_text("main")
    meeting = WorkingGroupMeeting.objects.get(notes="Heard from two employers using the toolkit.")
    assert [m.person.name for m in meeting.attendees.all()] == ["Wendy Group"]

    # Proposes an idea, in their own name.
    with page.expect_navigation():
        page.get_by_role("button", name="Propose an idea").click()
    assert "You propose it as Wendy Group." in page.inner_text("main")
    axe_check(page, "wg-idea-form")
    page.fill("#id_title", "Wellbeing check-ins for new starters")
    fill_date(page, "proposed_on", date(2018, 7, 10))
    with page.expect_navigation():
        page.get_by_role("button", name="Propose idea").click()
    idea = Idea.objects.get(title="Wellbeing check-ins for new starters")
    assert idea.proposed_by.user == User.objects.get(email="wg@example.org")
    assert (
        "Wellbeing check-ins for new starters"
        in page.locator("table[data-ideas='idea']").inner_text()
    )
    # Not the lead: they cannot move ideas on.
    assert page.get_by_role("link", name="Move “Wellbeing check-ins for new starters”").count() == 0
    sign_out(page)

    # The team turns a shortlisted idea into a new project.
    team = User.objects.get(email="team@example.org")
    project = projects.project_create(
        actor=team, programme=iep, name="Money and mental health training", status="proposed"
    )
    sign_in(page, "team@example.org")
    page.goto("/programmes/iep/")
    with page.expect_navigation():
        page.get_by_role("link", name="Working groups: members, meetings and ideas").click()
    axe_check(page, "wg-list-as-team")
    with page.expect_navigation():
        page.get_by_role("link", name=GROUP).click()
    axe_check(page, "wg-group-as-team")
    with page.expect_navigation():
        page.get_by_role("link", name=f"Move “{SHORTLISTED}”").click()
    axe_check(page, "wg-move-form")
    page.get_by_label("Became a project").check()
    fill_date(page, "on", date(2018, 7, 12))
    with page.expect_navigation():
        page.get_by_role("button", name="Move idea").click()
    assert "Choose the project the idea became" in page.locator(".govuk-error-summary").inner_text()
    assert Idea.objects.get(title=SHORTLISTED).status == "shortlisted"
    axe_check(page, "wg-move-error")
    page.select_option("#id_project", label=project.name)
    with page.expect_navigation():
        page.get_by_role("button", name="Move idea").click()
    moved = Idea.objects.get(title=SHORTLISTED)
    assert (moved.status, moved.project) == ("became_project", project)

    # The project page says which idea, in which group, it came from.
    with page.expect_navigation():
        page.get_by_role("link", name=project.name).click()
    assert page.locator("#project-origin").inner_text() == f"“{SHORTLISTED}” in {GROUP}"
    axe_check(page, "project-from-idea")
    assert not page_problems, str(page_problems)
