"""The IEP's three working groups (a step of `iep.Builder`, after the projects).

The mental-health group's organisations are named in the public record
(seed/iep-facts.md); who their people were, the other two groups' members, the meetings and
the ideas are illustrative, except that the demo's projects came from these groups' ideas
(iep_data.PROJECT_ORIGINS). "More than 80 people from business and civil society had
joined working groups": the demo has 86. Every organisation is already engaged in the demo,
so "organisations engaged" is unchanged.
"""

import random
from datetime import date, timedelta

from partnerbase.accounts.models import Role, User
from partnerbase.accounts.services import membership_grant, user_create
from partnerbase.workinggroups import services as wg

from .ids import DEMO_PASSWORD, uid

# The demo's working-group member signs in as a member of the mental-health group.
WG_USER = ("wg@example.org", "Wendy Group", "aviva")

# fmt: off
# (challenge slug, name, purpose, organisation keys (people each), partner-name endings
# for illustrative partners (two people each), lead organisation, first meeting)
GROUPS = [
    ("mental-health-at-work", "Mental health at work working group",
     "Scale solutions for employee, customer and community mental health.",
     ["mind", "mhf", "mmhpi", "aviva", "kpmg", "carillion", "landsec", "rolls-royce",
      "dixons-carphone"], (), "mind", date(2017, 12, 5)),
    ("transition-to-work", "Transition to work working group",
     "Help young people move from education into meaningful work.",
     ["movement-to-work", "o2", "accenture", "bt", "unilever", "nationwide", "wmca", "dwp"],
     ("Youth Trust", "Careers Hub"), "movement-to-work", date(2017, 11, 28)),
    ("financial-inclusion", "Financial inclusion working group",
     "Widen access to affordable credit, savings and debt advice.",
     ["fair-finance", "barclays", "money-advice-service", "mmhpi", "hmt", "whatsapp"],
     ("Credit Union", "Housing Association"), "fair-finance", date(2017, 11, 30)),
]
PEOPLE_PER_ORGANISATION = 3
PEOPLE_PER_PARTNER = 2
PARTNERS_PER_GROUP = 4
# Carillion went into liquidation in January 2018; its people left the group then.
LEFT = {"carillion": date(2018, 1, 15)}

MEETING_NOTES = {
    "mental-health-at-work": [
        "First meeting. Members shared what their organisations already do for employee "
        "mental health and agreed to work on employees, customers and communities.",
        "Shortlisted the employers' toolkit; asked the Money and Mental Health Policy "
        "Institute to scope customer-facing training.",
        "Agreed the toolkit as a project led by Mind, with Aviva funding it. Parked the "
        "line-manager guide: the toolkit covers it.",
        "Reviewed the toolkit's launch and the first organisations using it.",
    ],
    "transition-to-work": [
        "First meeting. Agreed to focus on work experience and on a regional pilot.",
        "Shortlisted employer open doors and the regional pilot; employers to bring "
        "numbers of placements they could offer.",
        "Open doors agreed as a project led by BT. The West Midlands Combined Authority "
        "offered to host the regional pilot.",
        "West Midlands pilot agreed with DWP, UnLtd and Movement to Work. Parked travel "
        "bursaries until the pilot reports.",
    ],
    "financial-inclusion": [
        "First meeting. Agreed to look at affordable credit, savings and debt advice.",
        "Shortlisted community lending and data sharing for debt advice.",
        "Affordable credit in the community agreed as a project led by Fair Finance.",
        "Data sharing for debt advice agreed as a proposal with HM Treasury; payment "
        "holidays parked.",
    ],
}
# (group, key, title, proposer (organisation key, person number), proposed on,
#  [(status, on)], project key or None)
IDEAS = [
    ("mental-health-at-work", "toolkit", "A mentally healthy workplaces toolkit for employers",
     ("mind", 1), date(2017, 12, 5),
     [("shortlisted", date(2018, 1, 30)), ("became_project", date(2018, 3, 27))],
     "mh-toolkit"),
    ("mental-health-at-work", "customer-training",
     "Training for customer-facing staff on money and mental health", ("mmhpi", 1),
     date(2017, 12, 5), [("shortlisted", date(2018, 1, 30))], None),
    ("mental-health-at-work", "first-aiders", "Mental health first aiders on every site",
     ("rolls-royce", 1), date(2018, 3, 27), [], None),
    ("mental-health-at-work", "manager-guide", "A conversation guide for line managers",
     ("kpmg", 1), date(2017, 12, 5), [("parked", date(2018, 3, 27))], None),
    ("transition-to-work", "open-doors", "Employers open their doors for work tasters",
     ("bt", 1), date(2017, 11, 28),
     [("shortlisted", date(2018, 1, 23)), ("became_project", date(2018, 2, 20))],
     "open-doors"),
    ("transition-to-work", "regional-pilot",
     "A regional pilot joining employers, the combined authority and DWP",
     ("movement-to-work", 1), date(2017, 11, 28),
     [("shortlisted", date(2018, 1, 23)), ("became_project", date(2018, 5, 15))],
     "west-midlands"),
    ("transition-to-work", "pre-employment", "Shared pre-employment training across employers",
     ("accenture", 1), date(2018, 1, 23), [("shortlisted", date(2018, 5, 15))], None),
    ("transition-to-work", "travel-bursaries", "Travel bursaries for a young person's first month",
     ("o2", 1), date(2018, 1, 23), [("parked", date(2018, 5, 15))], None),
    ("financial-inclusion", "community-credit", "Affordable credit through community lenders",
     ("fair-finance", 1), date(2017, 11, 30),
     [("shortlisted", date(2018, 1, 25)), ("became_project", date(2018, 3, 22))],
     "affordable-credit"),
    ("financial-inclusion", "debt-data", "Data sharing for debt advice", ("mmhpi", 1),
     date(2017, 11, 30),
     [("shortlisted", date(2018, 1, 25)), ("became_project", date(2018, 5, 17))], "debt-data"),
    ("financial-inclusion", "payroll-savings", "Savings nudges through employers' payroll",
     ("barclays", 1), date(2018, 1, 25), [("shortlisted", date(2018, 3, 22))], None),
    ("financial-inclusion", "payment-holidays", "Bill-payment holidays after a crisis",
     ("money-advice-service", 1), date(2018, 1, 25), [("parked", date(2018, 5, 17))], None),
    ("financial-inclusion", "jobcentre-sessions", "Money sessions in jobcentres",
     ("hmt", 1), date(2018, 5, 17), [], None),
]
# fmt: on


def build_working_groups(b) -> None:
    """The groups, their members (86 people), meetings and ideas."""
    rng = random.Random(1803)  # never b.rng: the rest of the demo stays byte-identical
    user = _wg_user(b)
    for slug, name, purpose, org_keys, partner_kinds, lead_key, first in GROUPS:
        group = wg.working_group_create(
            actor=b.actor,
            programme=b.programme,
            challenge_area=b.challenges[slug],
            name=name,
            purpose=purpose,
            illustrative=True,
            uid=uid("working-group", slug),
        )
        partners = [
            k
            for k in b.partner_keys
            if k.startswith("partner-") and b.orgs[k].name.endswith(partner_kinds or ("-",))
        ][:PARTNERS_PER_GROUP]
        members = {}
        seats = [(k, PEOPLE_PER_ORGANISATION) for k in org_keys]
        seats += [(k, PEOPLE_PER_PARTNER) for k in partners]
        for key, people in seats:
            org = b.orgs[key]
            for n in range(1, people + 1):
                # The first person of each organisation came to the first meeting.
                joined = first if n == 1 else first + timedelta(days=rng.randrange(7, 120))
                if key in LEFT:
                    joined = min(joined, LEFT[key])
                members[(key, n)] = wg.working_group_member_add(
                    actor=b.actor,
                    working_group=group,
                    name=f"{org.name} member {n}",
                    organisation=org,
                    joined_on=joined,
                    left_on=LEFT.get(key),
                    is_lead=(key == lead_key and n == 1),
                    illustrative=True,
                    uid=uid("working-group-member", slug, key, str(n)),
                    person_uid=uid("person", "working-group", slug, key, str(n)),
                )
        if user and slug == "mental-health-at-work":
            email, full_name, org_key = WG_USER
            members[("wg", 1)] = wg.working_group_member_add(
                actor=b.actor,
                working_group=group,
                name=full_name,
                organisation=b.orgs[org_key],
                email=email,
                joined_on=first,
                user=user,
                illustrative=True,
                uid=uid("working-group-member", slug, "wg-user"),
                person_uid=uid("person", "working-group", slug, "wg-user"),
            )
        _meetings(b, group, slug, first, list(members.values()), rng)
        _ideas(b, group, slug, members)


def _wg_user(b):
    """The demo's working-group member account (Builder.users grants the same role again)."""
    email, full_name, org_key = WG_USER
    user = User.objects.filter(email=email).first() or user_create(
        email=email, password=DEMO_PASSWORD, full_name=full_name
    )
    membership_grant(
        actor=b.actor,
        user=user,
        programme=b.programme,
        role=Role.WORKING_GROUP_MEMBER,
        organisation=b.orgs[org_key],
    )
    return user


def _meetings(b, group, slug, first, members, rng):
    for n, notes in enumerate(MEETING_NOTES[slug]):
        held_on = first + timedelta(weeks=8 * n)
        present = [m for m in members if m.is_current(held_on)]
        came = sorted(rng.sample(present, k=max(1, len(present) * 2 // 3)), key=lambda m: m.pk)
        wg.meeting_record(
            actor=b.actor,
            working_group=group,
            held_on=held_on,
            notes=notes,
            attendees=came,
            illustrative=True,
            uid=uid("working-group-meeting", slug, str(n)),
        )


def _ideas(b, group, slug, members):
    for group_slug, key, title, proposer, proposed_on, moves, project in IDEAS:
        if group_slug != slug:
            continue
        idea = wg.idea_propose(
            actor=b.actor,
            working_group=group,
            title=title,
            proposed_by=members[proposer],
            proposed_on=proposed_on,
            illustrative=True,
            uid=uid("idea", slug, key),
        )
        for status, on in moves:
            idea = wg.idea_move(
                actor=b.actor,
                idea=idea,
                status=status,
                on=on,
                project=b.projects[project] if status == "became_project" else None,
            )
