"""Assessment records for the small programme (format 1.3): a call with two submitted
applications, its rubric, two assessors (one acting for an organisation), a submitted and
a draft score sheet, and a moderation note."""

from datetime import UTC, date, datetime

from partnerbase.accelerator import services as accelerator
from partnerbase.accounts.models import Role, User
from partnerbase.accounts.services import membership_grant, user_create
from partnerbase.assessment import services as assessment
from partnerbase.calls import services as calls


def _user(email, name):
    # Some tests build the small programme twice: one account serves both.
    return User.objects.filter(email=email).first() or user_create(
        email=email, password=None, full_name=name
    )


def assessment_records(actor, p, o) -> None:
    acc = accelerator.accelerator_create(
        actor=actor, programme=p, name="Assessed accelerator", starts_on=date(2018, 1, 1)
    )
    call = calls.call_create(
        actor=actor,
        accelerator=acc,
        title="Assessed call",
        slug="assessed-call",
        opens_at=datetime(2017, 9, 1, 9, tzinfo=UTC),
        closes_at=datetime(2017, 11, 1, 12, tzinfo=UTC),
    )
    # The call's own questions and a rule, set before it opens, and answers to them.
    before = datetime(2017, 8, 1, tzinfo=UTC)
    idea = calls.question_add(
        actor=actor, call=call, kind="text", text="What is your idea?", word_limit=200, now=before
    )
    reach = calls.question_add(
        actor=actor,
        call=call,
        kind="number",
        text="People reached last year",
        required=False,
        min_value=0,
        now=before,
        illustrative=True,
    )
    calls.rule_add(
        actor=actor,
        call=call,
        kind="organisation_kind",
        values=["social_enterprise", "charity"],
        now=before,
    )
    first, second = (
        calls.application_restore(
            actor=actor,
            call=call,
            organisation=org,
            status="submitted",
            answers=[{"question": idea, "text": f"{org.name}'s idea"}]
            + ([{"question": reach, "number": 1200}] if org == o["toolshed"] else []),
            submitted_at=datetime(2017, 10, 30, 10, tzinfo=UTC),
        )
        for org in (o["toolshed"], o["unltd"])
    )
    rubric = assessment.rubric_create(actor=actor, call=call, disagreement_threshold=20)
    # Added "Scale" first: rubric order is the order added, not by name or id.
    scale = assessment.criterion_add(
        actor=actor,
        rubric=rubric,
        name="Scale",
        guidance="Proven “and” ready",
        weight=3,
        min_score=1,
        max_score=5,
    )
    fit = assessment.criterion_add(actor=actor, rubric=rubric, name="Fit", illustrative=True)
    asha = _user("asha@example.org", "Asha Assessor")
    membership_grant(
        actor=actor, user=asha, programme=p, role=Role.ASSESSOR, organisation=o["bank"]
    )
    owen = _user("owen@example.org", "Owen")
    membership_grant(actor=actor, user=owen, programme=p, role=Role.ASSESSOR)
    # Every organisation here is linked to Toolshed by now: as if assigned before the links.
    done = assessment.assignment_add(
        actor=actor, application=first, assessor=asha, check_conflict=False
    )
    assessment.scores_save(
        actor=asha,
        assignment=done,
        scores={scale.pk: (4, "Good"), fit.pk: (7, "")},
        submit=True,
        at=datetime(2017, 11, 10, 15, 30, tzinfo=UTC),
    )
    draft = assessment.assignment_add(
        actor=actor, application=second, assessor=owen, illustrative=True
    )
    assessment.scores_save(actor=owen, assignment=draft, scores={scale.pk: (2, "")})
    assessment.moderation_note_save(actor=actor, application=first, note="Agreed at panel")
