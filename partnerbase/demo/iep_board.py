"""The IEP board's meetings, papers, decisions and actions (a step of `iep.Builder`).

The board seats come from the champion-targeting step (builder.champions, org key ->
Champion). The public record says only that the 14 Champions formed the Board, which set
the ambition and agreed the work, and that the Culture Secretary chaired the first
Partnership meeting; dates, papers, wording and actions here are illustrative.
"""

from datetime import date

from django.core.files.base import ContentFile

from partnerbase.board import services as board
from partnerbase.board.models import ActionStatus
from partnerbase.board.samples import small_pdf

from .ids import uid

# (key, date, title, agenda lines)
MEETINGS = [
    ("first-board", date(2017, 10, 10), "Board: the champions' first meeting", [
        "Welcome and introductions from the co-chairs",
        "The Partnership's ambition",
        "The three challenge areas chosen with partners",
        "The accelerator with Nesta and its open call",
        "Working groups: how partners take part",
    ]),
    ("first-partnership", date(2017, 11, 21), "First Partnership meeting", [
        "Chaired by the Culture Secretary, Karen Bradley",
        "The 14 Champions and their commitments",
        "Working groups for each challenge area: membership and first meetings",
        "The accelerator: the open call closed on 3 November 2017",
    ]),
    ("ideas-and-projects", date(2018, 2, 20), "Board: working-group ideas and projects", [
        "Shortlisted ideas from the three working groups",
        "Collaborative projects to run beside the accelerator",
        "Champions' pledges so far",
    ]),
    ("accelerator-midpoint", date(2018, 5, 15), "Board: the accelerator at its midpoint", [
        "The 18 innovators and the partnerships brokered so far",
        "Funding attracted by the innovators",
        "Pledges: delivery against commitments",
    ]),
    ("year-one", date(2018, 9, 18), "Board: results of the first year", [
        "Headline figures against the initial targets",
        "What the working groups learned",
        "The Partnership's second year",
    ]),
]  # fmt: skip

# (meeting key, paper key, title, filename, lines)
PAPERS = [
    ("first-board", "terms-of-reference", "Terms of reference for the board",
     "board-terms-of-reference.pdf",
     ["The board sets the ambition of the Partnership and agrees the work",
      "that will deliver it. Each Champion decides which of their own",
      "organisation's resources to commit.", "(Illustrative paper for the demo.)"]),
    ("first-board", "challenge-areas", "Choosing the challenge areas", "challenge-areas.pdf",
     ["Proposed: financial inclusion; mental health at work;",
      "transition to work for young people.", "(Illustrative paper for the demo.)"]),
    ("first-partnership", "partnership-update", "The Partnership so far", "partnership-update.pdf",
     ["14 CEOs have joined as Champions.",
      "More than 80 people from business and civil society have joined working groups.",
      "(Illustrative paper for the demo.)"]),
    ("ideas-and-projects", "shortlist", "Working-group shortlist", "working-group-shortlist.pdf",
     ["Ideas shortlisted by the three working groups, for the board to agree.",
      "(Illustrative paper for the demo.)"]),
    ("accelerator-midpoint", "midpoint", "Accelerator midpoint report", "accelerator-midpoint.pdf",
     ["Progress of the 18 innovators in the Partnership Accelerator run with Nesta.",
      "(Illustrative paper for the demo.)"]),
    ("year-one", "results", "Results of the first year", "year-one-results.pdf",
     ["Over 120 organisations engaged; 4 new projects; 18 innovators supported;",
      "100 partnerships confirmed. All initial targets exceeded.",
      "(Illustrative paper for the demo.)"]),
]  # fmt: skip

# (meeting key, decision key, kind, summary, detail)
DECISIONS = [
    ("first-board", "ambition", "ambition",
     "Find, invent and deliver solutions to long-standing social problems together",
     "Business, civil society and government work as partners, led by people, not process."),
    ("first-board", "financial-inclusion", "agreed_work", "Challenge area: financial inclusion",
     "One of the three challenge areas chosen with the business and civil society partners."),
    ("first-board", "mental-health-at-work", "agreed_work",
     "Challenge area: mental health at work",
     "One of the three challenge areas chosen with the business and civil society partners."),
    ("first-board", "transition-to-work", "agreed_work",
     "Challenge area: transition to work for young people",
     "One of the three challenge areas chosen with the business and civil society partners."),
    ("first-board", "accelerator", "agreed_work",
     "A six-month accelerator with Nesta for social innovators",
     "Find effective social innovators, help them scale and broker partnerships with the "
     "corporate partners."),
    ("first-partnership", "working-groups", "agreed_work",
     "A working group for each challenge area",
     "Partners share expertise and ideas and propose ambitious approaches to each challenge."),
    ("ideas-and-projects", "projects", "agreed_work",
     "Collaborative projects beside the accelerator",
     "Launch projects that reach further across the challenge areas than the cohort alone."),
    ("year-one", "year-two", "ambition", "Build on the first year in a second year",
     "Keep the board, refresh the working groups and open a second call."),
]  # fmt: skip

# (meeting key, action key, description, owner org key, due, done on or None, decision key)
ACTIONS = [
    ("first-board", "pledge-resources", "Say which of your organisation's resources you "
     "will commit", "grant-thornton", date(2017, 11, 21), date(2017, 11, 20), "ambition"),
    ("first-board", "host-wg-mental-health", "Host the first mental-health working group",
     "aviva", date(2017, 12, 15), date(2017, 12, 12), "mental-health-at-work"),
    ("first-partnership", "wg-members-finance", "Nominate staff for the financial-inclusion "
     "working group", "barclays", date(2017, 12, 8), date(2017, 12, 6), "working-groups"),
    ("first-partnership", "wg-members-youth", "Nominate staff for the transition-to-work "
     "working group", "marks-and-spencer", date(2017, 12, 8), date(2017, 12, 11),
     "working-groups"),
    ("ideas-and-projects", "project-lead", "Find a lead organisation for each shortlisted "
     "project", "esmee-fairbairn", date(2018, 4, 30), date(2018, 4, 24), "projects"),
    ("accelerator-midpoint", "mentors", "Offer mentors to the innovators in the cohort",
     "accenture", date(2018, 6, 30), date(2018, 7, 6), None),
    ("year-one", "year-two-plan", "Bring a plan for the second year to the next meeting",
     "grant-thornton", date(2018, 11, 20), None, "year-two"),
    ("year-one", "case-studies", "Share case studies of the partnerships your organisation "
     "joined", "nationwide", date(2018, 10, 31), None, None),
]  # fmt: skip


def build_board(b) -> None:
    """Meetings with papers, decisions and actions; sets b.decisions = {key: Decision}."""
    a = b.actor
    champions = b.champions  # set by build_champions, which runs first
    meetings = {}
    for key, held_on, title, agenda in MEETINGS:
        meetings[key] = board.meeting_create(
            actor=a,
            programme=b.programme,
            held_on=held_on,
            title=title,
            agenda="\n".join(agenda),
            illustrative=True,
            uid=uid("board-meeting", key),
        )
    for meeting_key, key, title, filename, lines in PAPERS:
        board.paper_upload(
            actor=a,
            meeting=meetings[meeting_key],
            title=title,
            upload=ContentFile(small_pdf(title, lines), name=filename),
            illustrative=True,
            uid=uid("board-paper", key),
        )
    b.decisions = {}
    for meeting_key, key, kind, summary, detail in DECISIONS:
        b.decisions[key] = board.decision_record(
            actor=a,
            meeting=meetings[meeting_key],
            kind=kind,
            summary=summary,
            detail=detail,
            illustrative=True,
            uid=uid("board-decision", key),
        )
    for meeting_key, key, description, owner, due_on, done_on, decision in ACTIONS:
        board.action_record(
            actor=a,
            meeting=meetings[meeting_key],
            description=description,
            due_on=due_on,
            owner_champion=champions[owner],
            decision=b.decisions.get(decision),
            status=ActionStatus.DONE if done_on else ActionStatus.OPEN,
            done_on=done_on,
            illustrative=True,
            uid=uid("board-action", key),
        )
    b.board_meetings = meetings
