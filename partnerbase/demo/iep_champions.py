"""The IEP's champion targeting (a step of `iep.Builder`): the long list the board was
chosen from, scored and moved through the pipeline, with the 14 Champions committed to the
board through prospect_commit, which creates their seats.

The public record names the 14 Champions' organisations and the two co-chairs; the other
prospects, every score, weight, date and contact here are illustrative. Prospects are drawn
only from organisations the demo already has, so "organisations engaged" is unchanged.
"""

import random
from datetime import date, timedelta

from partnerbase.champions import services as champions
from partnerbase.directory import services as directory

from . import iep_data as data
from .ids import uid

# Illustrative weights: a CEO's responsible-business agenda mattered most.
WEIGHTS = {
    "Employee base": 2,
    "Customer base": 2,
    "National reach": 1,
    "Responsible-business agenda": 3,
}
# (organisation key, furthest stage) for prospects who did not join the board.
OTHERS = [
    ("whatsapp", "met"),
    ("carillion", "declined"),
    ("landsec", "meeting_arranged"),
    ("rolls-royce", "declined"),
    ("dixons-carphone", "targeted"),
    ("money-advice-service", "targeted"),
    ("movement-to-work", "long_list"),
    ("mind", "meeting_arranged"),
    ("mhf", "long_list"),
    ("mmhpi", "long_list"),
]
PARTNER_PROSPECTS = 8  # the first illustrative partners that are businesses
PATH = ["targeted", "meeting_arranged", "met"]
# The moves to each furthest stage (committing, and declining, come after).
STEPS = {
    "long_list": [],
    "targeted": PATH[:1],
    "meeting_arranged": PATH[:2],
    "met": PATH,
    "committed": PATH,
    "declined": PATH[:2],
}
# Week by week through September 2017: added, targeted, meeting arranged, met.
WEEKS = [date(2017, 9, 4), date(2017, 9, 11), date(2017, 9, 18), date(2017, 9, 25)]


def build_champions(b) -> None:
    """Sets b.champions = {organisation key: board.Champion} and b.prospects."""
    a, p = b.actor, b.programme
    rng = random.Random(1714)  # never b.rng: the rest of the demo stays as it was
    criteria = [
        champions.criterion_add(
            actor=a,
            programme=p,
            name=name,
            weight=weight,
            illustrative=True,
            uid=uid("champion-criterion", name.lower()),
        )
        for name, weight in WEIGHTS.items()
    ]
    partners = [k for k in b.partner_keys if k.startswith("partner-")]
    partners = [k for k in partners if b.orgs[k].kind == "business"][:PARTNER_PROSPECTS]
    plan = [
        (key, "committed", role, name, title, illustrative)
        for key, name, title, role, illustrative in data.CHAMPIONS
    ]
    for key, stage in [*OTHERS, *((k, PATH[i % 3]) for i, k in enumerate(partners))]:
        name = f"Chief executive of {b.orgs[key].name} (illustrative)"
        plan.append((key, stage, None, name, "Chief executive", True))

    b.champions, b.prospects = {}, {}
    for n, (key, stage, role, name, title, illustrative) in enumerate(plan):
        org = b.orgs[key]
        kind = "champion" if stage == "committed" else "prospect"
        person = directory.person_create(
            actor=a,
            programme=p,
            name=name,
            job_title=title,
            organisation=org,
            illustrative=illustrative,
            uid=uid("person", kind, key),
        )
        day = timedelta(days=n % 5)
        prospect = champions.prospect_add(
            actor=a,
            programme=p,
            person=person,
            organisation=org,
            added_on=WEEKS[0] + day,
            illustrative=True,
            uid=uid("prospect", key),
            stage_change_uid=uid("prospect-stage", key, "long_list"),
        )
        strong = stage in ("committed", "declined", "met")
        reach = 5 if org.national_reach else 2
        scores = [rng.randint(3, 5) if strong else rng.randint(1, 4) for _ in range(3)]
        champions.prospect_score(
            actor=a,
            prospect=prospect,
            scores=dict(zip(criteria, [scores[0], scores[1], reach, scores[2]], strict=True)),
        )
        steps = STEPS[stage]
        for week, to_stage in zip(WEEKS[1:], steps, strict=False):
            prospect = champions.prospect_move(
                actor=a,
                prospect=prospect,
                to_stage=to_stage,
                changed_on=week + day,
                illustrative=True,
                uid=uid("prospect-stage", key, to_stage),
            )
            if to_stage == "met":
                _contact(a, prospect, key, "meeting", week + day, "Met to discuss the board")
        if stage == "declined":
            prospect = champions.prospect_move(
                actor=a,
                prospect=prospect,
                to_stage="declined",
                changed_on=date(2017, 10, 6),
                note="Not able to commit the time this year",
                illustrative=True,
                uid=uid("prospect-stage", key, "declined"),
            )
        if stage in ("targeted", "meeting_arranged") and n % 2:
            _contact(a, prospect, key, "call", date(2017, 11, 6) + day, "Follow-up call")
        if stage == "committed":
            b.champions[key] = champions.prospect_commit(
                actor=a,
                prospect=prospect,
                term_starts_on=data.CHAMPIONS_JOINED_ON,
                committed_on=data.CHAMPIONS_JOINED_ON,
                role=role,
                illustrative=illustrative,
                champion_uid=uid("champion", key),
                stage_change_uid=uid("prospect-stage", key, "committed"),
            )
        b.prospects[key] = prospect


def _contact(actor, prospect, key, kind, on, summary):
    champions.contact_log(
        actor=actor,
        prospect=prospect,
        kind=kind,
        occurred_on=on,
        summary=f"{summary} with {prospect.person.name}",
        illustrative=True,
        uid=uid("prospect-contact", key, kind),
        engagement_uid=uid("engagement", "prospect", key, kind),
    )
