"""The demo's assessment of the accelerator call: a rubric, six assessors assigned
automatically (two per application, no conflicts of interest) and their scores.

All illustrative: the public account says applications were assessed, not how. Scores are
drawn from their own random.Random, never the builder's, so the rest of the demo is
unchanged; the 18 selected innovators (and the one who later withdrew) score 4 or 5 on
every criterion and the others 1 to 3, so the cohort ranks above every unsuccessful
applicant. Asha Assessor (assessor@example.org) has one application left to score.
"""

import random
from datetime import UTC, datetime, timedelta

from partnerbase.accounts.models import Role, User
from partnerbase.accounts.services import membership_grant, user_create
from partnerbase.assessment import services as assessment
from partnerbase.assessment.queries import assignments_of_call

from . import iep_data as data
from .ids import DEMO_PASSWORD, uid

# (name, weight, guidance); every criterion is scored 1 to 5.
CRITERIA = [
    ("Scale potential", 3, "Evidence the solution works, and a credible plan to reach many "
     "more people or places within two years. 1: an idea; 5: proven and ready to grow."),
    ("Impact", 3, "How much difference it makes to people facing the challenge, and how "
     "well that is measured. 1: unclear; 5: measured, significant change."),
    ("Partnership readiness", 2, "Whether the team can use what corporate partners offer: "
     "mentoring, distribution, employment pathways. 1: not yet; 5: ready now."),
    ("Fit with the challenge", 2, "How squarely it tackles the chosen challenge area."),
]  # fmt: skip
# (email, name, organisation key or None): Asha is the demo's own assessor sign-in. Staff of
# the delivery partner and the convening departments: assessment runs before the demo's
# partnerships are made, and none of these organisations is ever a party to one, so no
# assignment becomes a conflict of interest later.
ASSESSORS = [
    ("assessor@example.org", "Asha Assessor", None),
    ("nadia.okafor@example.org", "Nadia Okafor", "nesta"),
    ("ben.hughes@example.org", "Ben Hughes", "nesta"),
    ("priya.shah@example.org", "Priya Shah", "dcms"),
    ("owen.price@example.org", "Owen Price", "dcms"),
    ("grace.adeyemi@example.org", "Grace Adeyemi", "cabinet-office"),
]
PER_APPLICATION = 2
DISAGREEMENT_THRESHOLD = 25
SCORED_FROM = datetime(2017, 11, 13, 10, tzinfo=UTC)
COMMENTS = {
    True: ["Strong evidence and a clear plan to grow.", "Ready for partners now.",
           "Good fit with the challenge.", ""],
    False: ["Early stage; evidence is thin.", "Unclear how it would scale.",
            "Fit with the challenge is partial.", ""],
}  # fmt: skip


def _assessor(builder, email, name, org_key):
    user = User.objects.filter(email=email).first() or user_create(
        email=email, password=DEMO_PASSWORD, full_name=name
    )
    membership_grant(
        actor=builder.actor,
        user=user,
        programme=builder.programme,
        role=Role.ASSESSOR,
        organisation=builder.orgs[org_key] if org_key else None,
    )
    return user


def build_assessment(builder) -> None:
    a, call = builder.actor, builder.call
    rng = random.Random(20171103)
    selected = {key for key, *_ in data.INNOVATORS} | {data.WITHDRAWN_INNOVATOR[0]}
    key_of = {app.pk: key for key, app in builder.applications.items()}
    rubric = assessment.rubric_create(
        actor=a,
        call=call,
        disagreement_threshold=DISAGREEMENT_THRESHOLD,
        illustrative=True,
        uid=uid("rubric", call.slug),
    )
    criteria = [
        assessment.criterion_add(
            actor=a,
            rubric=rubric,
            name=name,
            guidance=guidance,
            weight=weight,
            min_score=1,
            max_score=5,
            illustrative=True,
            uid=uid("criterion", call.slug, name),
        )
        for name, weight, guidance in CRITERIA
    ]
    for email, name, org in ASSESSORS:
        _assessor(builder, email, name, org)
    assessment.assignments_auto(
        actor=a,
        call=call,
        per_application=PER_APPLICATION,
        illustrative=True,
        uid_for=lambda app, user: uid("assessment", key_of[app.pk], user.email),
    )
    assignments = sorted(
        assignments_of_call(call), key=lambda x: (key_of[x.application_id], x.assessor.email)
    )
    # Asha's last unsuccessful application is left for the demo user to score.
    left = [
        x
        for x in assignments
        if x.assessor.email == ASSESSORS[0][0] and key_of[x.application_id] not in selected
    ][-1:]
    for n, x in enumerate(assignments):
        if x in left:
            continue
        key = key_of[x.application_id]
        good = key in selected
        scores = {
            c.pk: (rng.choice([4, 5]) if good else rng.randint(1, 3), rng.choice(COMMENTS[good]))
            for c in criteria
        }
        assessment.scores_save(
            actor=x.assessor,
            assignment=x,
            scores=scores,
            submit=True,
            at=SCORED_FROM + timedelta(hours=3 * n),
            score_uids={c.pk: uid("score", key, x.assessor.email, c.name) for c in criteria},
        )
