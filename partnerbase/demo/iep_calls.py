"""The IEP accelerator's open call and its applications (illustrative where the record is
silent).

Public record: the call opened in August 2017 and closed at 12pm on Friday 3 November 2017
(Nesta's blog). The opening day and time, the questions, the eligibility rules and every
answer are illustrative. The 18 innovators and the one who later withdrew from the cohort
applied and submitted; ten unsuccessful applicants are existing illustrative partner
organisations of a social kind (youth trusts and credit unions), so "organisations engaged"
stays as it was: each of them is engaged already. One more partner started an application
and never submitted it (a draft gives no role).

The call needs the accelerator, so this creates it (Builder._accelerator reuses it) and sets
builder.call and builder.applications {organisation key: submitted Application}.
"""

import random
from datetime import date, datetime, time, timedelta

from partnerbase.accelerator import services as accelerator
from partnerbase.calls import deadlines, services

from . import iep_data as data
from .ids import uid

OPENS_AT = deadlines.uk_local(date(2017, 8, 1), time(9, 0))  # the day and hour: illustrative
CLOSES_AT = deadlines.uk_local(date(2017, 11, 3), time(12, 0))  # "12pm on Friday 3 November"
SLUG = "partnership-accelerator-2017"
SUMMARY = (
    "Are you a social innovator with a proven solution that helps people on low and middle "
    "incomes? The Inclusive Economy Partnership is looking for great ideas in three "
    "challenge areas. Successful applicants receive a £20,000 grant funded by DCMS and six "
    "months of support from Nesta to build partnerships with business, civil society and "
    "government and scale what works."
)
# (key, kind, text, help text, extra): illustrative questions.
QUESTIONS = [
    ("solution", "text", "What is your solution, and what problem does it solve?",
     "Tell us who it helps and how.", {"word_limit": 300}),
    ("evidence", "text", "What evidence do you have that it works?",
     "For example, people reached, outcomes measured or an evaluation.", {"word_limit": 300}),
    ("partnerships", "text", "How would partnerships help you scale?",
     "Business, civil society or government partners, and what you would ask of them.",
     {"word_limit": 300}),
    ("income", "number", "Annual income in your last financial year", "In pounds.",
     {"prefix": "£", "min_value": 0}),
    ("founded", "number", "Year your organisation was founded", "For example, 2012.",
     {"min_value": 1800, "max_value": 2017}),
    ("stage", "choice", "Stage of your solution", "",
     {"options": "Piloting\nProven and ready to scale\nScaling"}),
    ("plan", "file", "Your growth plan, if you have one", "", {"required": False}),
]  # fmt: skip
UNSUCCESSFUL = [
    # Existing illustrative partners of a social kind: Youth Trusts and Credit Unions.
    ("partner-01", "transition-to-work"), ("partner-03", "financial-inclusion"),
    ("partner-08", "transition-to-work"), ("partner-10", "financial-inclusion"),
    ("partner-15", "transition-to-work"), ("partner-17", "financial-inclusion"),
    ("partner-24", "mental-health-at-work"), ("partner-26", "financial-inclusion"),
    ("partner-31", "transition-to-work"), ("partner-33", "financial-inclusion"),
]  # fmt: skip
NEVER_SUBMITTED = "partner-38"
SOLUTIONS = {
    "transition-to-work": "helps young people find and keep their first job",
    "mental-health-at-work": "helps employers and staff look after mental health at work",
    "financial-inclusion": "helps people on low incomes manage money and find fair credit",
}


def _call_accelerator(builder):
    builder.accelerator = accelerator.accelerator_create(
        actor=builder.actor,
        programme=builder.programme,
        delivery_partner=builder.orgs["nesta"],
        uid=uid("accelerator"),
        **data.ACCELERATOR,
    )
    return builder.accelerator


def _answers(rng: random.Random, questions, name: str, challenge: str, strong: bool) -> dict:
    return {
        questions["solution"]: f"{name} {SOLUTIONS[challenge]}, working with local partners.",
        questions["evidence"]: (
            "An independent evaluation and two years of outcome data."
            if strong
            else "Early feedback from the people we work with."
        ),
        questions["partnerships"]: "Corporate partners could offer mentoring, distribution "
        "to their customers and employment pathways.",
        questions["income"]: str(rng.randrange(60, 2400) * 1000),
        questions["founded"]: str(rng.randrange(2004, 2016)),
        questions["stage"]: rng.choice(["Proven and ready to scale", "Scaling"]),
    }


def _submitted_at(rng: random.Random) -> datetime:
    """In working hours (UK time), most in the last fortnight; none after the deadline."""
    days_before = rng.randrange(0, 60) ** 2 // 60
    day = CLOSES_AT.astimezone(deadlines.UK).date() - timedelta(days=days_before)
    at = deadlines.uk_local(day, time(8, 0)) + timedelta(minutes=rng.randrange(0, 11 * 60))
    return min(at, CLOSES_AT - timedelta(minutes=rng.randrange(1, 120)))


def build_call(builder) -> None:
    rng = random.Random(20171103)  # never builder.rng: the rest of the demo stays the same
    a = builder.actor
    challenges = builder.challenges
    call = services.call_create(
        actor=a,
        accelerator=_call_accelerator(builder),
        title="Partnership Accelerator: open call for solutions",
        slug=SLUG,
        summary=SUMMARY,
        opens_at=OPENS_AT,
        closes_at=CLOSES_AT,
        challenge_areas=list(challenges.values()),
        illustrative=True,
        uid=uid("call", SLUG),
    )
    before = OPENS_AT - timedelta(days=1)
    questions = {
        key: services.question_add(
            actor=a,
            call=call,
            kind=kind,
            text=text,
            help_text=help_text,
            now=before,
            illustrative=True,
            uid=uid("question", SLUG, key),
            **extra,
        )
        for key, kind, text, help_text, extra in QUESTIONS
    }
    rules = [
        ("kinds", "organisation_kind", {"values": ["charity", "social_enterprise",
                                                   "community_interest_company", "business"]}),
        ("income", "income_at_most", {"amount": 5_000_000, "question": questions["income"]}),
        ("founded", "founded_years", {"amount": 1, "question": questions["founded"]}),
        ("stage", "answer_is", {"values": ["Proven and ready to scale", "Scaling"],
                                "question": questions["stage"]}),
    ]  # fmt: skip
    for key, kind, extra in rules:
        services.rule_add(
            actor=a,
            call=call,
            kind=kind,
            now=before,
            illustrative=True,
            uid=uid("rule", SLUG, key),
            **extra,
        )
    builder.call = call
    builder.applications = {}
    placed = [(k, ch, True) for k, _, _, ch, *_ in (*data.INNOVATORS, data.WITHDRAWN_INNOVATOR)]
    for key, challenge, strong in placed + [(k, ch, False) for k, ch in UNSUCCESSFUL]:
        organisation = builder.orgs[key]
        application = services.application_start(
            actor=a,
            call=call,
            organisation=organisation,
            illustrative=True,
            uid=uid("application", SLUG, key),
        )
        builder.applications[key] = services.application_submit(
            actor=a,
            application=application,
            answers=_answers(rng, questions, organisation.name, challenge, strong),
            challenge_area=challenges[challenge],
            now=_submitted_at(rng),
        )
    draft = services.application_start(
        actor=a,
        call=call,
        organisation=builder.orgs[NEVER_SUBMITTED],
        illustrative=True,
        uid=uid("application", SLUG, NEVER_SUBMITTED),
    )
    services.application_save(
        actor=a,
        application=draft,
        answers={questions["solution"]: "Mentoring for young people leaving care."},
        now=datetime(2017, 10, 20, 14, 0, tzinfo=deadlines.UK),
    )
