"""A call with one question of each kind and a rule of each kind, made through the services;
shared by the calls tests, the browser tests, the page world and the assessment tests."""

from datetime import datetime, timedelta

from django.utils import timezone

from partnerbase.accelerator import services as accelerator_services
from partnerbase.calls import services
from partnerbase.challenges.services import challenge_area_create


def make_call(
    make,
    *,
    opens_at: datetime | None = None,
    closes_at: datetime | None = None,
    slug: str = "open-call",
    rules: bool = True,
    accelerator=None,
):
    """An open call by default (opened yesterday, closes in a week) in make.programme."""
    now = timezone.now()
    opens_at = opens_at or now - timedelta(days=1)
    closes_at = closes_at or now + timedelta(days=7)
    actor, programme = make.actor, make.programme
    accelerator = accelerator or accelerator_services.accelerator_create(
        actor=actor,
        programme=programme,
        name="Partnership Accelerator",
        starts_on=opens_at.date(),
    )
    area = challenge_area_create(
        actor=actor, programme=programme, name=f"Financial inclusion {slug}", slug=f"fi-{slug}"
    )
    call = services.call_create(
        actor=actor,
        accelerator=accelerator,
        title="Ideas for people on low and middle incomes",
        slug=slug,
        summary="Grants of £20,000 and six months of support.",
        opens_at=opens_at,
        closes_at=closes_at,
        challenge_areas=[area],
    )
    before = opens_at - timedelta(hours=1)
    q = {}
    q["idea"] = services.question_add(
        actor=actor, call=call, kind="text", text="Describe your idea", word_limit=10, now=before
    )
    q["income"] = services.question_add(
        actor=actor,
        call=call,
        kind="number",
        text="Annual income",
        prefix="£",
        min_value=0,
        now=before,
    )
    q["founded"] = services.question_add(
        actor=actor,
        call=call,
        kind="number",
        text="Year founded",
        min_value=1800,
        max_value=2100,
        now=before,
    )
    q["stage"] = services.question_add(
        actor=actor,
        call=call,
        kind="choice",
        text="Stage of your solution",
        options="Idea\nPilot\nScaling",
        now=before,
    )
    q["plan"] = services.question_add(
        actor=actor, call=call, kind="file", text="Scaling plan", required=False, now=before
    )
    if rules:
        services.rule_add(
            actor=actor,
            call=call,
            kind="organisation_kind",
            values=["charity", "social_enterprise"],
            now=before,
        )
        services.rule_add(
            actor=actor,
            call=call,
            kind="income_at_most",
            amount=1_000_000,
            question=q["income"],
            now=before,
        )
        services.rule_add(
            actor=actor,
            call=call,
            kind="founded_years",
            amount=1,
            question=q["founded"],
            now=before,
        )
        services.rule_add(
            actor=actor,
            call=call,
            kind="answer_is",
            values=["Pilot", "Scaling"],
            question=q["stage"],
            now=before,
        )
    call.q = q
    call.area = area
    return call


def good_answers(call) -> dict:
    q = call.q
    return {
        q["idea"]: "Tools for young people starting work",
        q["income"]: "250,000",
        q["founded"]: "2012",
        q["stage"]: "Pilot",
    }
