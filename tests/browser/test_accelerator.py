"""The accelerator as people use it: the manager selects the cohort from the submitted
applications; an innovator records a milestone's evidence. Bad input shows the GOV.UK error
summary and saves nothing; axe-core checks every page. Builds a small programme, not the demo.
"""

import re
from datetime import date, timedelta

import pytest

from partnerbase.accelerator import services
from partnerbase.accelerator.models import CohortMembership
from partnerbase.accelerator.tests.world import build_world
from partnerbase.accounts.models import Role
from partnerbase.accounts.services import membership_grant, user_create

pytestmark = pytest.mark.browser


@pytest.fixture
def world(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    world = build_world(slug="acc")
    for email, role, org in [
        ("manager@example.org", Role.ACCELERATOR_MANAGER, None),
        ("innovator@example.org", Role.INNOVATOR, world.orgs["alpha"]),
    ]:
        user = user_create(email=email, password="demo")
        membership_grant(
            actor=world.actor, user=user, programme=world.programme, role=role, organisation=org
        )
    return world


def test_the_manager_selects_the_cohort(page, page_problems, world, sign_in, axe_check):
    sign_in(page, "manager@example.org")
    page.goto("/programmes/acc/")
    with page.expect_navigation():
        page.get_by_role(
            "link", name="Accelerator: selection, cohort, sessions and milestones"
        ).click()
    axe_check(page, "accelerator-home")
    with page.expect_navigation():
        page.get_by_role("link", name="Selection for Scale-up call").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Selection"
    axe_check(page, "selection")

    # Decline one applicant with a reason.
    with page.expect_navigation():
        page.get_by_role("link", name=re.compile(r"^Delta Ltd\W+decide")).click()
    page.get_by_label("Declined").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Save the decision").click()
    assert page.locator(".govuk-error-summary").is_visible()
    assert "Enter the reason for the decision" in page.locator(".govuk-error-summary").inner_text()
    axe_check(page, "decide-error")
    page.get_by_label("Reason").fill("Not yet proven at scale.")
    with page.expect_navigation():
        page.get_by_role("button", name="Save the decision").click()
    assert (
        "Decision saved for Delta Ltd." in page.locator(".govuk-notification-banner").inner_text()
    )

    # Select the cohort in one step: nothing ticked is refused and saves nothing.
    with page.expect_navigation():
        page.get_by_role("button", name="Select the cohort").click()
    axe_check(page, "select-cohort")
    with page.expect_navigation():
        page.get_by_role("button", name="Select them into the cohort").click()
    summary = page.locator(".govuk-error-summary")
    assert "Select at least one application" in summary.inner_text()
    axe_check(page, "select-cohort-error")
    assert CohortMembership.objects.count() == 0
    for name in ("Alpha Ltd", "Bravo Ltd", "Charlie Ltd"):
        page.get_by_label(name).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Select them into the cohort").click()
    assert page.get_by_role("heading", level=1).inner_text() == "First cohort"
    assert (
        "3 innovators joined First cohort."
        in page.locator(".govuk-notification-banner").inner_text()
    )
    rows = page.locator("table[data-innovators] tbody tr")
    assert rows.count() == 3 and "1 Feb 2018" in rows.first.inner_text()
    axe_check(page, "cohort")
    places = CohortMembership.objects.order_by("organisation__name")
    assert [p.organisation.name for p in places] == ["Alpha Ltd", "Bravo Ltd", "Charlie Ltd"]
    assert {p.joined_on for p in places} == {date(2018, 2, 1)}

    # Tell the applicants; the notification button goes once everyone is told.
    page.goto("/programmes/acc/accelerator/selection/scale-up/")
    with page.expect_navigation():
        page.get_by_role("button", name="Tell 4 applicants the decision").click()
    assert (
        "4 applicants told of the decision"
        in page.locator(".govuk-notification-banner").inner_text()
    )
    assert page.get_by_role("button", name="Tell 4 applicants the decision").count() == 0
    assert not page_problems, str(page_problems)


def test_an_innovator_records_a_milestones_evidence(
    page, page_problems, world, sign_in, axe_check, tmp_path
):
    s = services.decision_record(
        actor=world.actor,
        application=world.applications["alpha"],
        decision="selected",
        reason="Good",
    )
    place = services.selection_place_add(
        actor=world.actor, selection=s, cohort=world.cohort, joined_on=date(2018, 2, 1)
    )
    milestone = services.milestone_create(
        actor=world.actor,
        membership=place,
        title="Scaling plan agreed",
        due_on=date.today() - timedelta(days=2),
    )
    sign_in(page, "innovator@example.org")
    page.goto("/programmes/acc/accelerator/")
    assert page.get_by_role("heading", level=1).inner_text() == "Alpha Ltd"
    assert "Overdue" in page.locator("table[data-milestones]").inner_text()
    axe_check(page, "innovator-page")
    with page.expect_navigation():
        page.get_by_role("link", name="Record evidence for Scaling plan agreed").click()
    axe_check(page, "evidence-form")

    # A renamed program is refused: error summary, nothing saved.
    bad = tmp_path / "plan.pdf"
    bad.write_bytes(b"MZ\x90\x00 this is a program")
    page.get_by_label("Achieved").check()
    page.locator("#id_achieved_on_0").fill("1")
    page.locator("#id_achieved_on_1").fill("3")
    page.locator("#id_achieved_on_2").fill("2018")
    page.locator("#id_evidence").fill("Board minutes of 1 March 2018.")
    page.locator("#id_evidence_file").set_input_files(str(bad))
    with page.expect_navigation():
        page.get_by_role("button", name="Save the evidence").click()
    assert page.locator(".govuk-error-summary").is_visible()
    axe_check(page, "evidence-error")
    milestone.refresh_from_db()
    assert milestone.status == "planned" and milestone.evidence == ""

    good = tmp_path / "minutes.pdf"
    good.write_bytes(b"%PDF-1.4\n% minutes\n")
    page.get_by_label("Achieved").check()
    page.locator("#id_evidence_file").set_input_files(str(good))
    with page.expect_navigation():
        page.get_by_role("button", name="Save the evidence").click()
    assert "Evidence recorded" in page.locator(".govuk-notification-banner").inner_text()
    table = page.locator("table[data-milestones]").inner_text()
    assert "Achieved" in table and "minutes.pdf" in table and "Overdue" not in table
    axe_check(page, "innovator-page-after")
    milestone.refresh_from_db()
    assert milestone.status == "achieved" and milestone.achieved_on == date(2018, 3, 1)
    assert milestone.evidence_filename == "minutes.pdf"
    assert not page_problems, str(page_problems)
