"""Set-up, targets and rates, champion targeting, the board, a pledge, the challenge vote,
organisations, a working group and its project."""

from datetime import timedelta

from playwright.sync_api import expect

from .story import (
    SLUG,
    STARTS,
    TODAY,
    Person,
    Story,
    accept_invitation,
    ago,
    fill_date,
    invite,
)


def set_up(s: Story, admin: Person, tess: Person):
    """The administrator invites the convening team; the team does the rest of set-up."""
    invite(s, admin.page, tess, "Convening team")
    page = accept_invitation(s, tess)
    s.goto(page, f"/programmes/{SLUG}/")
    expect(page.locator("[data-setup-tasks]")).to_be_visible()


def targets_and_rates(s: Story, tess: Person):
    page = tess.page
    s.click_link(page, "Targets")
    for label, value in [
        ("Organisations engaged", "5"),
        ("New projects", "1"),
        ("Innovators supported", "1"),
        ("Additional funding", "20000"),
        ("Partnerships confirmed", "1"),
        ("Estimated partnership value", "10000"),
    ]:
        page.get_by_label(label).fill(value)  # "(optional)" follows each label
    s.submit(page, "Save targets")
    s.goto(page, f"/programmes/{SLUG}/")
    s.click_link(page, "Exchange rates")
    s.press(page, "Add a rate")
    fill_date(page, "rate_date", STARTS)
    page.get_by_label("From currency").fill("GBP")
    page.get_by_label("To currency").fill("USD")
    page.get_by_label("Rate", exact=True).fill("1.25")
    page.get_by_label("Source").fill("Bank of England")
    s.submit(page, "Add the rate")


def champion_targeting(s: Story, tess: Person):
    """A prospect on the long list, scored, moved through the pipeline and committed."""
    page = tess.page
    s.goto(page, f"/programmes/{SLUG}/")
    s.click_link(page, "Champion prospects", exact=False)
    s.press(page, "Add a prospect")
    page.get_by_label("New organisation's name").fill("Northbank")
    page.get_by_label("New organisation's kind").select_option(label="Business")
    page.get_by_label("New person's name").fill("Carol Champion")
    page.get_by_label("New person's job title").fill("Chief executive")
    fill_date(page, "added_on", ago(300))
    s.submit(page, "Add to the long list")
    for stage, days in [("Targeted", 290), ("Meeting arranged", 285), ("Met", 280)]:
        page.get_by_label(stage, exact=True).check()
        fill_date(page, "changed_on", ago(days))
        s.submit(page, "Move")
    fill_date(page, "term_starts_on", ago(270))
    s.submit(page, "Commit to the board")
    assert "now has a seat on the board" in page.inner_text("main")


def board(s: Story, tess: Person):
    page = tess.page
    s.goto(page, f"/programmes/{SLUG}/board/")
    s.press(page, "Record a meeting")
    page.get_by_label("Title").fill("First board meeting")
    fill_date(page, "held_on", ago(260))
    page.get_by_label("Agenda").fill("Choosing the challenge areas")
    s.submit(page, "Save meeting")
    s.press(page, "Record a decision")
    page.get_by_label("Agreed work").check()
    page.get_by_label("Summary").fill("Run a vote on the challenge areas")
    s.submit(page, "Save decision")


def pledge(s: Story, carol: Person):
    """The champion pledges mentoring from their own organisation, and offers it."""
    page = carol.page
    s.goto(page, f"/programmes/{SLUG}/")
    s.click_link(page, "Pledge ledger")
    s.press(page, "Record a pledge")
    page.get_by_label("Title", exact=True).fill("Mentoring for innovators")
    page.get_by_label("Mentoring or expertise").check()
    page.get_by_label("Quantity", exact=True).fill("40")
    page.get_by_label("Unit", exact=True).fill("hours")
    page.get_by_label("Estimated value").fill("6,000")
    fill_date(page, "pledged_on", ago(250))
    s.submit(page, "Save the pledge")
    assert "Pledge recorded." in s.banner(page)


def challenge_vote(s: Story, tess: Person, carol: Person):
    page = tess.page
    s.goto(page, f"/programmes/{SLUG}/challenges/")
    for title in ("Financial inclusion", "Transition to work"):
        s.click_link(page, "Proposals")
        s.press(page, "Propose a challenge area")
        page.get_by_label("Northbank").check()  # the only organisation: a radio, not a list
        page.get_by_label("Challenge area", exact=True).fill(title)
        page.get_by_label("Why the partnership should take it on").fill(f"{title} matters.")
        s.submit(page, "Propose")
    s.click_link(page, "Votes")
    s.press(page, "Set up a vote")
    page.get_by_label("Title").fill("Choosing our challenge areas")
    page.get_by_label("The board").check()
    page.get_by_label("Approval voting").check()
    page.get_by_label("How many challenge areas to choose").fill("1")
    # A vote is opened on the day and closes in the future; the team closes it early.
    fill_date(page, "opens_on", TODAY)
    fill_date(page, "closes_on", TODAY + timedelta(days=14))
    page.get_by_label("Financial inclusion").check()
    page.get_by_label("Transition to work").check()
    s.submit(page, "Set up the vote")
    vote_url = page.url
    s.press(page, "Open the vote")
    s.submit(page, "Open the vote")

    page = carol.page
    s.goto(page, vote_url)
    s.press(page, "Vote for Northbank")
    page.get_by_label("Financial inclusion").check()
    s.submit(page, "Cast the ballot")

    page = tess.page
    s.goto(page, vote_url)
    s.press(page, "Close and count")
    s.submit(page, "Close and count")
    s.press(page, "Adopt the result")
    s.submit(page, "Adopt the chosen areas")
    assert "The chosen proposals are now challenge areas." in s.banner(page)


def organisations(s: Story, tess: Person):
    """The partners the story works with, added from the organisations page."""
    page = tess.page
    for name, kind in [
        ("Northern Community Foundation", "Funder or foundation"),
        ("Catalyst Ventures", "Intermediary"),
    ]:
        s.goto(page, f"/programmes/{SLUG}/organisations/")
        s.press(page, "Add an organisation")
        page.get_by_label("Name", exact=True).fill(name)
        page.get_by_label(kind, exact=True).check()
        s.submit(page, "Add organisation")


def working_group(s: Story, tess: Person, wendy: Person):
    """The team makes the challenge area's working group and adds Wendy; she proposes an
    idea; the team shortlists it."""
    page = tess.page
    s.goto(page, f"/programmes/{SLUG}/working-groups/")
    s.press(page, "Create a working group")
    page.get_by_label("Financial inclusion").check()
    page.get_by_label("Name", exact=True).fill("Financial inclusion working group")
    s.submit(page, "Create working group")
    s.press(page, "Add a member")
    page.get_by_label("New person’s name").fill(wendy.name)
    page.get_by_label("Their organisation").select_option(label="Northern Community Foundation")
    fill_date(page, "joined_on", ago(200))
    page.get_by_label("Their account").select_option(label=wendy.name)
    page.get_by_label("They lead the group").check()
    s.submit(page, "Add member")
    group_url = page.url

    page = wendy.page
    s.goto(page, group_url)
    s.press(page, "Propose an idea")
    page.get_by_label("The idea in a sentence").fill("Money guidance in every food bank")
    fill_date(page, "proposed_on", ago(190))
    s.submit(page, "Propose idea")
    s.click_link(page, "Move “Money guidance in every food bank”")
    page.get_by_label("Shortlisted").check()
    fill_date(page, "on", ago(185))
    s.submit(page, "Move idea")
    return group_url


def project(s: Story, tess: Person, wendy: Person, group_url: str):
    """The team makes the idea a project, with its coalition, and launches it."""
    page = tess.page
    s.goto(page, f"/programmes/{SLUG}/projects/")
    s.press(page, "Create a project")
    page.get_by_label("Name", exact=True).fill("Food bank money guidance pilot")
    page.get_by_label("Financial inclusion").check()
    page.get_by_label("Region").fill("North East")
    s.submit(page, "Create project")
    project_url = page.url
    s.press(page, "Add a coalition member")
    page.get_by_label("Organisation").select_option(label="Northbank")
    page.get_by_label("Lead", exact=True).check()
    s.submit(page, "Add to coalition")
    s.click_link(page, "Change status", exact=False)
    page.get_by_label("Launched").check()
    fill_date(page, "launch_date", ago(150))
    s.submit(page, "Change status")

    page = wendy.page  # the group's lead moves the idea on
    s.goto(page, group_url)
    s.click_link(page, "Move “Money guidance in every food bank”")
    page.get_by_label("Became a project").check()
    page.get_by_label("The project it became").select_option(label="Food bank money guidance pilot")
    fill_date(page, "on", ago(150))
    s.submit(page, "Move idea")
    return project_url
