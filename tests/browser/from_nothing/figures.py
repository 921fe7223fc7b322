"""Publishing, and what each figure must then say on the dashboard and the public page."""

from playwright.sync_api import expect

from .story import (
    SLUG,
    Person,
    Story,
)


def publish(s: Story, tess: Person):
    page = tess.page
    s.goto(page, f"/programmes/{SLUG}/settings/public-page/")
    s.submit(page, "Publish the public page")


# What the story made, and so what each figure must say (the programme's whole period):
EXPECTED = {
    # Northbank (champion, pledge, coalition, loan, competition), Northern Community
    # Foundation (working group, offer, partnership, grant), Catalyst Ventures (delivery
    # partner) and Brightpath CIC (application, cohort place); the owning department convenes.
    "organisations_engaged": ("4", ["Northbank", "Northern Community Foundation",
                                    "Catalyst Ventures", "Brightpath CIC"]),
    "new_projects": ("1", ["Food bank money guidance pilot"]),  # launched
    "innovators_supported": ("1", ["Brightpath CIC"]),  # one cohort place
    # The grant (£20,000), the loan (£10,000) and the prize (£5,000), all to Brightpath after
    # it joined the cohort, from funders that do not convene; USD at the one rate, 1.25.
    "additional_funding": ("£35,000 ($43,750)", ["Northern Community Foundation\tGrant\t£20,000",
                                                 "Northbank\tSocial loan\t£10,000",
                                                 "Northbank\tPrize\t£5,000"]),
    "partnerships_confirmed": ("1", ["Brightpath CIC"]),  # the one introduction, confirmed
    "estimated_partnership_value": ("£12,000 ($15,000)", ["Brightpath CIC"]),
}  # fmt: skip


def figures(s: Story, tess: Person):
    """Each headline figure on the dashboard, and the records it opens to."""
    page = tess.page
    s.goto(page, f"/programmes/{SLUG}/")
    for key, (shown, _) in EXPECTED.items():
        assert page.locator(f"#figure-{key}").inner_text().strip() == shown, key
    for key, (shown, names) in EXPECTED.items():
        s.goto(page, f"/programmes/{SLUG}/")
        card = page.locator(".pb-figure", has=page.locator(f"#figure-{key}"))
        s.click_link(page, "See the records", exact=False, within=card)
        assert shown in page.get_by_role("heading", level=1).inner_text(), key
        rows = page.locator(f"table[data-records='{key}'] tbody tr")
        # One row per record named: the records add up to the figure and nothing else.
        expect(rows).to_have_count(len(names))
        texts = rows.all_inner_texts()
        for name in names:
            assert sum(name in t for t in texts) == 1, f"{key}: no one record of {name}: {texts}"


def public_page(s: Story, visitor: Person):
    """Signed out, the published figures are the dashboard's."""
    page = s.open(visitor)
    s.goto(page, f"/public/{SLUG}/")
    for key, (shown, _) in EXPECTED.items():
        assert page.locator(f"#figure-{key}").inner_text().strip() == shown, key
