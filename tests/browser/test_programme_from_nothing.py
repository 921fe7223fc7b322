"""The whole story, in one browser test (issue 10, item 10): from an empty database holding
one administrator, a programme is run from nothing using only its pages — never /admin/,
never the command line. Each person signs in from their invitation email in their own
browser context; axe-core checks every page the story lands on; the story counts the pages
it visits and the forms it submits and writes them to var/story-counts.txt.

One long test, one helper per stage (the modules of `from_nothing/`), in the order the IEP
worked: set-up → champion targeting → board → pledge → challenge vote → working group → idea
→ project → accelerator and cohort → call → public application → assessment → selection →
milestones and an outcome → needs and offers → brokering round → introductions accepted →
partnership confirmed → a grant and a loan → a competition → the figures, their records and
the public page.

"Pages visited" counts main-frame documents (a redirect's target once); "form submissions"
counts POSTs, htmx ones included. STORY_TIMEOUT_MS shortens Playwright's waits while
developing the story (a wrong label then fails in seconds, not fifteen).
"""

from pathlib import Path

import pytest

from tests.conftest import AXE_JS, require

from .from_nothing.accelerator import (
    accelerator_and_cohort,
    assessment,
    call,
    milestones_and_outcome,
    public_application,
    selection,
)
from .from_nothing.brokering import brokering_round, competition, grant_and_loan, needs_and_offers
from .from_nothing.figures import figures, public_page, publish
from .from_nothing.partners import (
    board,
    challenge_vote,
    champion_targeting,
    organisations,
    pledge,
    project,
    set_up,
    targets_and_rates,
    working_group,
)
from .from_nothing.story import (
    ADMIN_PASSWORD,
    COUNTS_FILE,
    Person,
    Story,
    accept_invitation,
    create_the_programme,
    invite,
)

pytestmark = pytest.mark.browser


# --- the test ----------------------------------------------------------------------------


def test_a_programme_from_nothing(browser, live_server, transactional_db, settings):
    require(AXE_JS.exists(), f"axe-core is not installed at {AXE_JS}")
    from partnerbase.accounts.models import User

    User.objects.create_superuser(email="admin@example.org", password=ADMIN_PASSWORD)
    s = Story(browser=browser, base_url=live_server.url)
    admin = Person("admin@example.org", "Ada Administrator")
    tess = Person("tess@example.org", "Tess Team")

    carol = Person("carol@example.org", "Carol Champion")
    wendy = Person("wendy@example.org", "Wendy Group")
    mona = Person("mona@example.org", "Mona Manager")
    asha = Person("asha@example.org", "Asha Assessor")
    jules = Person("jules@example.org", "Jules Judge")
    pat = Person("pat@example.org", "Pat Partner")
    ivan = Person("ivan@example.org", "Ivan Innovator")

    try:
        create_the_programme(s, admin)
        set_up(s, admin, tess)
        targets_and_rates(s, tess)
        champion_targeting(s, tess)
        invite(s, tess.page, carol, "Champion", "Northbank")
        accept_invitation(s, carol)
        board(s, tess)
        pledge(s, carol)
        challenge_vote(s, tess, carol)
        organisations(s, tess)
        for person, role, org in [
            (wendy, "Working-group member", "Northern Community Foundation"),
            (mona, "Accelerator manager", "Catalyst Ventures"),
            (asha, "Assessor", None),
            (jules, "Assessor", None),  # judges are assessors
            (pat, "Partner contact", "Northern Community Foundation"),
        ]:
            invite(s, tess.page, person, role, org)
            accept_invitation(s, person)
        group_url = working_group(s, tess, wendy)
        project(s, tess, wendy, group_url)
        accelerator_and_cohort(s, mona)
        call(s, mona)
        public_application(s, ivan)
        assessment(s, mona, asha)
        cohort_url = selection(s, mona)
        milestones_and_outcome(s, mona, ivan, cohort_url)
        needs_and_offers(s, ivan, pat)
        brokering_round(s, tess, ivan, pat)
        grant_and_loan(s, tess)
        competition(s, tess, jules, ivan)
        publish(s, tess)
        figures(s, tess)
        public_page(s, Person("visitor@example.org", "A visitor"))
    except Exception:
        for person in s.people.values():
            print(f"--- {person.email} at {person.page.url}")
            print(person.page.inner_text("main")[:3000])
        raise

    counts = (
        f"pages visited: {s.pages}\nform submissions (POSTs): {s.submissions}\n"
        f"pages checked by axe: {s.checked}\n"
    )
    print("\n" + counts)
    Path(COUNTS_FILE).parent.mkdir(parents=True, exist_ok=True)
    Path(COUNTS_FILE).write_text(counts)
    assert not s.violations, "axe-core violations:\n" + "\n".join(s.violations)
    assert not s.problems, "\n".join(s.problems)
