"""The IEP accelerator's selection, support sessions and milestones (illustrative records).

The 18 innovators and the one who withdrew come from the call's applications: each gets a
selection decision, and its cohort place is made through the selection service with the uid,
join date and challenge area the demo always had, so every figure stays the same. The other
applicants are declined or waitlisted with reasons. Sessions run February to July 2018; each
innovator has three milestones, with evidence where achieved.
"""

import random
from datetime import UTC, date, datetime, timedelta

from partnerbase.accelerator import services as accelerator
from partnerbase.accelerator.models import Decision
from partnerbase.assessment import queries as assessment_queries

from . import iep_data as data
from .ids import uid

DECIDED_AT = datetime(2018, 1, 8, 16, 0, tzinfo=UTC)
NOTIFIED_AT = datetime(2018, 1, 10, 9, 0, tzinfo=UTC)
SELECTED_REASON = (
    "Proven model with evidence of impact and a credible plan to scale; recommended by the "
    "assessment panel."
)
WAITLISTED_REASON = "A strong application just below the line; offered a place if one becomes free."
WAITLISTED_COUNT = 3  # the highest-ranked of the unsuccessful
DECLINED_REASONS = [
    "The model is promising but not yet proven at the scale the accelerator supports.",
    "The application did not show how partnerships would help it grow.",
    "The solution fits the challenge less closely than those selected.",
]

# (key, held on, kind, title, facilitator)
SESSIONS = [
    ("induction", date(2018, 2, 6), "workshop", "Induction: the six months ahead", "Nesta"),
    ("scaling-models", date(2018, 2, 20), "workshop",
     "Scaling models: replicate, franchise or licence", "Nesta"),
    ("mentoring-1", date(2018, 3, 13), "mentoring", "Business model review with a mentor",
     "Grant Thornton mentors"),
    ("evidence", date(2018, 4, 10), "workshop", "Measuring impact and building evidence",
     "Nesta"),
    ("showcase", date(2018, 5, 15), "event", "Partner showcase", "Barclays"),
    ("pitching", date(2018, 6, 12), "workshop", "Pitching to corporate partners",
     "Nesta"),
    ("demo-day", date(2018, 7, 17), "event", "Demo day", "IEP team"),
]  # fmt: skip

# (key, title, due on, what counts as done)
MILESTONES = [
    ("scaling-plan", "Scaling plan agreed", date(2018, 3, 31),
     "A plan for the next two years, agreed with the board and the accelerator."),
    ("first-partnership", "First partnership confirmed", date(2018, 5, 31),
     "A partner from the IEP confirms support in writing."),
    ("growth-review", "Growth targets reviewed at demo day", date(2018, 7, 31),
     "Reach and revenue measured against the plan's targets."),
]  # fmt: skip
EVIDENCE = {
    "scaling-plan": "Plan signed off by the board; shared with the Nesta programme lead.",
    "first-partnership": "Letter of intent from the partner, filed with the accelerator.",
    "growth-review": "Figures presented at demo day and checked by the Nesta team.",
}


def cohort_place(builder, key: str, *, joined_on: date, challenge: str, illustrative=False):
    """The innovator's cohort place: through its selected application if the call has one,
    otherwise added straight to the cohort (as before the calls were built)."""
    application = getattr(builder, "applications", {}).get(key)
    if application is None:
        return accelerator.cohort_member_add(
            actor=builder.actor,
            cohort=builder.cohort,
            organisation=builder.orgs[key],
            joined_on=joined_on,
            challenge_area=builder.challenges[challenge],
            illustrative=illustrative,
            uid=uid("cohort-place", key),
        )
    selection = accelerator.decision_record(
        actor=builder.actor,
        application=application,
        decision=Decision.SELECTED,
        reason=SELECTED_REASON,
        decided_at=DECIDED_AT,
        notified_at=NOTIFIED_AT,
        illustrative=True,
        uid=uid("selection", key),
    )
    return accelerator.selection_place_add(
        actor=builder.actor,
        selection=selection,
        cohort=builder.cohort,
        joined_on=joined_on,
        illustrative=illustrative,
        uid=uid("cohort-place", key),
    )


def build_cohort(builder) -> None:
    """Decisions for the unsuccessful applicants, sessions with attendance, milestones."""
    rng = random.Random(4108)  # never builder.rng: the rest of the demo stays as it was
    a = builder.actor
    placed = {k for k, *_ in data.INNOVATORS} | {data.WITHDRAWN_INNOVATOR[0]}
    applications = getattr(builder, "applications", {})
    rank = _ranks(builder)
    unsuccessful = sorted(
        (k for k, app in applications.items() if k not in placed and app.status == "submitted"),
        key=lambda k: (rank.get(applications[k].pk) or 10_000, k),
    )
    for n, key in enumerate(unsuccessful):
        waitlisted = n < WAITLISTED_COUNT
        accelerator.decision_record(
            actor=a,
            application=applications[key],
            decision=Decision.WAITLISTED if waitlisted else Decision.DECLINED,
            reason=WAITLISTED_REASON if waitlisted else DECLINED_REASONS[n % len(DECLINED_REASONS)],
            decided_at=DECIDED_AT,
            notified_at=NOTIFIED_AT,
            illustrative=True,
            uid=uid("selection", key),
        )
    places = {
        m.organisation_id: m
        for m in builder.cohort.memberships.exclude(status="withdrawn").select_related(
            "organisation"
        )
    }
    keys = [k for k, *_ in data.INNOVATORS]
    members = [(k, places[builder.orgs[k].pk]) for k in keys]
    for s_key, held_on, kind, title, facilitator in SESSIONS:
        session = accelerator.session_create(
            actor=a,
            cohort=builder.cohort,
            kind=kind,
            title=title,
            held_on=held_on,
            facilitator=facilitator,
            illustrative=True,
            uid=uid("session", s_key),
        )
        # Toolshed (the demo innovator's organisation) came to everything; others mostly.
        came = [m for k, m in members if k == "toolshed" or rng.random() < 0.8]
        accelerator.attendance_set(
            actor=a,
            session=session,
            memberships=came,
            illustrative=True,
            uids={m.pk: uid("attendance", s_key, k) for k, m in members},
        )
    for k, membership in members:
        for m_key, title, due_on, description in MILESTONES:
            milestone = accelerator.milestone_create(
                actor=a,
                membership=membership,
                title=title,
                due_on=due_on,
                description=description,
                illustrative=True,
                uid=uid("milestone", k, m_key),
            )
            outcome = _outcome(rng, k, m_key)
            if outcome is None:
                continue
            achieved_on = due_on - timedelta(days=rng.randrange(0, 20))
            accelerator.milestone_evidence_record(
                actor=a,
                milestone=milestone,
                status=outcome,
                evidence=EVIDENCE[m_key] if outcome == "achieved" else "",
                achieved_on=achieved_on if outcome == "achieved" else None,
                recorded_at=datetime.combine(achieved_on, datetime.min.time(), tzinfo=UTC),
            )


def _ranks(builder) -> dict:
    """Each application's place in the assessment ranking (raw scores), if it was assessed."""
    call = getattr(builder, "call", None)
    if call is None:
        return {}
    rows, _ = assessment_queries.ranking(call, normalised=False)
    return {r.application: r.rank for r in rows}


def _outcome(rng: random.Random, key: str, milestone: str) -> str | None:
    """Achieved, missed, or None (left as planned); Toolshed's last is still in progress so
    the demo innovator has one to record evidence for."""
    if key == "toolshed":
        return "in_progress" if milestone == "growth-review" else "achieved"
    if milestone == "scaling-plan":
        return "achieved"
    return "achieved" if rng.random() < 0.7 else "missed"
