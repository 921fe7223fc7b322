"""The accelerator and its cohort, a call, a public application, assessment, selection,
milestones and an outcome."""

from datetime import timedelta

from .story import (
    PASSWORD,
    SLUG,
    TODAY,
    Person,
    Story,
    ago,
    email_link,
    fill_date,
)


def accelerator_and_cohort(s: Story, mona: Person):
    page = mona.page
    s.goto(page, f"/programmes/{SLUG}/accelerator/")
    s.press(page, "Add an accelerator")
    page.get_by_label("Name", exact=True).fill("Northern Accelerator")
    page.get_by_label("Delivery partner").select_option(label="Catalyst Ventures")
    fill_date(page, "starts_on", ago(100))
    fill_date(page, "ends_on", TODAY + timedelta(days=200))
    s.submit(page, "Add accelerator")
    s.click_link(page, "Add a cohort to Northern Accelerator")
    page.get_by_label("Name", exact=True).fill("First cohort")
    fill_date(page, "starts_on", TODAY)
    fill_date(page, "ends_on", TODAY + timedelta(days=180))
    s.submit(page, "Add cohort")


def call(s: Story, mona: Person):
    page = mona.page
    s.goto(page, f"/programmes/{SLUG}/calls/")
    s.press(page, "Create a call")
    page.get_by_label("Title").fill("Northern Accelerator call")
    page.get_by_label("Web address").fill("northern-accelerator")
    page.get_by_label("Summary").fill("Six months of support for social innovators.")
    fill_date(page, "opens_on", ago(20))
    page.get_by_label("Opening time").fill("9am")
    fill_date(page, "closes_on", TODAY + timedelta(days=30))
    page.get_by_label("Closing time").fill("12pm")
    page.get_by_label("Financial inclusion").check()
    s.submit(page, "Create call")
    s.press(page, "Add a question")
    page.get_by_label("Text", exact=True).check()
    page.get_by_label("Question", exact=True).fill("Describe your idea")
    page.get_by_label("Applicants must answer this question").check()
    s.submit(page, "Save question")


def public_application(s: Story, ivan: Person):
    """Signed out, Ivan finds the call, makes an account from the emailed link and applies."""
    page = s.open(ivan)
    s.goto(page, f"/public/{SLUG}/calls/northern-accelerator/")
    s.press(page, "Start your application")
    page.get_by_label("Your full name").fill(ivan.name)
    page.get_by_label("Email address").fill(ivan.email)
    page.get_by_label("Create a password").fill(PASSWORD)
    page.get_by_label("Your organisation's name").fill("Brightpath CIC")
    page.get_by_label("Community interest company").check()
    page.get_by_label("Where your organisation operates").fill("North East")
    s.submit(page, "Create account")
    s.goto(page, email_link(ivan.email))
    page.get_by_label("Password").fill(PASSWORD)
    s.submit(page, "Create account")
    page.get_by_label("Describe your idea").fill("Budgeting coaches in food banks")
    page.get_by_label("Financial inclusion").check()
    s.submit(page, "Submit application")
    assert "Application submitted." in page.inner_text("main")


def assessment(s: Story, mona: Person, asha: Person):
    page = mona.page
    s.goto(page, f"/programmes/{SLUG}/assessment/")
    s.click_link(page, "Rubric for Northern Accelerator call")
    page.get_by_label("Criterion").fill("Impact")
    page.get_by_label("Weight").fill("1")
    page.get_by_label("Lowest score").fill("0")
    page.get_by_label("Highest score").fill("10")
    s.submit(page, "Add criterion")
    s.goto(page, f"/programmes/{SLUG}/assessment/")
    s.click_link(page, "Assessors for Northern Accelerator call")
    page.get_by_label("Application", exact=True).select_option(label="Brightpath CIC")
    page.get_by_label("Assessor", exact=True).select_option(label=asha.name)
    s.submit(page, "Assign")

    page = asha.page
    s.goto(page, f"/programmes/{SLUG}/assessment/mine/")
    s.click_link(page, "Brightpath CIC")
    page.locator("input[id^=id_score_]").first.fill("8")
    s.submit(page, "Submit scores")


def selection(s: Story, mona: Person):
    page = mona.page
    s.goto(page, f"/programmes/{SLUG}/accelerator/")
    s.click_link(page, "Selection for Northern Accelerator call")
    s.press(page, "Select the cohort")
    page.get_by_label("Brightpath CIC").check()
    fill_date(page, "joined_on", TODAY)
    s.submit(page, "Select them into the cohort")
    assert "1 innovator joined First cohort." in s.banner(page), s.banner(page)
    cohort_url = page.url
    s.goto(page, f"/programmes/{SLUG}/accelerator/selection/northern-accelerator/")
    s.press(page, "Tell 1 applicant the decision")
    return cohort_url


def milestones_and_outcome(s: Story, mona: Person, ivan: Person, cohort_url: str):
    page = mona.page
    s.goto(page, cohort_url)
    s.press(page, "Set a milestone")
    page.get_by_label("For", exact=True).select_option(label="Brightpath CIC")
    page.get_by_label("Milestone").fill("Pilot in three food banks")
    fill_date(page, "due_on", TODAY + timedelta(days=60))
    s.submit(page, "Set the milestone")

    page = ivan.page
    s.goto(page, f"/programmes/{SLUG}/accelerator/")
    s.click_link(page, "Record evidence for Pilot in three food banks")
    page.get_by_label("Achieved").check()
    fill_date(page, "achieved_on", TODAY)
    page.locator("#id_evidence").fill("Three food banks' registers")
    s.submit(page, "Save the evidence")
    assert "Evidence recorded" in s.banner(page)
    s.click_link(page, "Outcomes: what Brightpath CIC has achieved")
    s.press(page, "Add an indicator")
    page.get_by_label("People reached").check()
    s.submit(page, "Add indicator")
    s.click_link(page, "Record a value of People reached")
    fill_date(page, "observed_on", TODAY)
    page.get_by_label("Value").fill("140")
    s.submit(page, "Record value")
