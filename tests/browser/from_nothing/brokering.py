"""Needs and offers, a brokering round, a grant and a loan, a competition."""

from playwright.sync_api import expect

from .story import (
    SLUG,
    TODAY,
    Person,
    Story,
    ago,
    fill_date,
)


def needs_and_offers(s: Story, ivan: Person, pat: Person):
    page = ivan.page
    s.goto(page, f"/programmes/{SLUG}/brokering/")
    s.click_link(page, "Your needs", within=page.locator("main"))
    s.press(page, "Add a need")
    page.get_by_label("Funding", exact=True).check()
    page.get_by_label("Describe the need").fill("A grant to reach ten more food banks")
    page.get_by_label("Amount").fill("20000")
    s.submit(page, "Save the need")

    page = pat.page
    s.goto(page, f"/programmes/{SLUG}/brokering/")
    s.click_link(page, "Your offers", within=page.locator("main"))
    s.press(page, "Add an offer")
    page.get_by_label("Funding", exact=True).check()
    page.get_by_label("Describe the offer").fill("Grants for financial-inclusion innovators")
    page.get_by_label("Budget").fill("50000")
    s.submit(page, "Save the offer")


def brokering_round(s: Story, tess: Person, ivan: Person, pat: Person):
    page = tess.page
    s.goto(page, f"/programmes/{SLUG}/brokering/")
    s.press(page, "Start a round")
    page.get_by_label("Name of the round").fill("First round")
    s.submit(page, "Create the round")
    with page.expect_navigation():
        page.get_by_role("button", name="Run the engine").click()
    proposed = page.locator("table[data-introductions='proposed'] tbody tr")
    expect(proposed).to_have_count(1, timeout=30_000)  # htmx polls until the run ends
    s.check(page, "round-proposals")
    s.press(page, "Mark as reviewed")
    s.press(page, "Send the introductions")
    assert "1 introduction sent." in s.banner(page)

    for person in (pat, ivan):
        page = person.page
        s.goto(page, f"/programmes/{SLUG}/brokering/introductions/")
        s.click_link(page, "Accept or decline", exact=False)
        page.get_by_label("Yes, accept the introduction").check()
        s.submit(page, "Send your answer")
        assert "You accepted the introduction." in s.banner(page)

    page = tess.page
    s.goto(page, f"/programmes/{SLUG}/brokering/partnerships/")
    s.click_link(page, "Brightpath CIC", exact=False)
    page.get_by_label("Confirmed").check()
    fill_date(page, "on", TODAY)
    page.get_by_label("Estimated value over the next 12 months").fill("12000")
    s.submit(page, "Move")
    assert page.locator("#partnership-stage").inner_text() == "Confirmed"


def grant_and_loan(s: Story, tess: Person):
    page = tess.page
    for title, kind, funder, amount in [
        ("Foundation grant to Brightpath", "Grant", "Northern Community Foundation", "20,000"),
        ("Northbank social loan to Brightpath", "Social loan", "Northbank", "10,000"),
    ]:
        s.goto(page, f"/programmes/{SLUG}/funding/")
        s.press(page, "Record an award")
        page.get_by_label("Title", exact=True).fill(title)
        page.get_by_label(kind, exact=True).check()
        page.get_by_label("Funder", exact=True).select_option(label=funder)
        page.get_by_label("Recipient", exact=True).select_option(label="Brightpath CIC")
        page.get_by_label("Amount", exact=True).fill(amount)
        fill_date(page, "award_date", TODAY)
        if kind == "Social loan":
            page.get_by_label("Interest rate (% a year)").fill("4")
            page.get_by_label("Term in months").fill("24")
            page.get_by_label("Equal monthly instalments (annuity)").check()
        s.submit(page, "Record award")


def competition(s: Story, tess: Person, jules: Person, ivan: Person):
    page = tess.page
    s.goto(page, f"/programmes/{SLUG}/projects/competitions/")
    s.press(page, "Create a competition")
    page.fill("#id_name", "Northern Money Prize")
    page.select_option("#id_sponsor", label="Northbank")
    page.fill("#id_prize_fund", "50000")
    fill_date(page, "launch_date", ago(60))
    s.submit(page, "Create competition")
    competition_url = page.url
    s.press(page, "Add a stage")
    page.fill("#id_name", "Open call")
    fill_date(page, "starts_on", ago(60))
    fill_date(page, "ends_on", ago(10))
    s.submit(page, "Add stage")
    s.press(page, "Add a rubric criterion")
    page.fill("#id_name", "Reach")
    page.fill("#id_weight", "1")
    s.submit(page, "Add criterion")
    s.press(page, "Record an entry")
    page.select_option("#id_organisation", label="Brightpath CIC")
    page.fill("#id_title", "Food bank budgeting")
    fill_date(page, "entered_on", ago(30))
    s.submit(page, "Record entry")
    s.press(page, "Add a judge")
    page.select_option("#id_user", label=jules.name)
    page.get_by_label("Food bank budgeting (Brightpath CIC)").check()
    s.submit(page, "Save judge")

    page = jules.page
    s.goto(page, competition_url)
    s.click_link(page, "Score the entry “Food bank budgeting”")
    page.locator("input[name^=criterion_]").first.fill("5")
    s.submit(page, "Submit scores")

    page = tess.page
    s.goto(page, competition_url)
    s.click_link(page, "Award a prize to Brightpath CIC")
    page.fill("#id_amount", "5000")
    fill_date(page, "award_date", TODAY)
    s.submit(page, "Award prize")
