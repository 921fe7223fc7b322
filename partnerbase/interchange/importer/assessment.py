"""Import steps for assessment: rubrics and criteria, assessors' assignments and scores
(and their user accounts), moderation notes."""

from partnerbase.accounts.models import Role, User
from partnerbase.accounts.services import membership_grant, user_create
from partnerbase.assessment import services as assessment
from partnerbase.core.errors import DomainError

from ..format import parse_datetime


def assessor_user(imp, r: dict) -> User:
    """The assessor's account, by email, made if missing (without a password: they
    reset it to sign in), with the assessor role for each organisation named."""
    user = User.objects.filter(email__iexact=r["email"]).first()
    if user is None:
        user = user_create(email=r["email"], password=None, full_name=r.get("name", ""))
    for organisation in [imp.ref(o) for o in r.get("organisations", [])] or [None]:
        membership_grant(
            actor=imp.actor,
            user=user,
            programme=imp.programme,
            role=Role.ASSESSOR,
            organisation=organisation,
        )
    return user


def assessor_assignment(imp, r: dict):
    application = imp.ref(r["application"])
    # Restored as it was: a link made since the assignment does not undo it.
    assignment = assessment.assignment_add(
        **imp.common(r),
        application=application,
        assessor=assessor_user(imp, r),
        check_conflict=False,
    )
    scores, submitted_at = {}, parse_datetime(r.get("submitted_at"))
    for n, s in enumerate(r.get("scores", [])):
        criterion = imp.ref(s["criterion"])
        if criterion.rubric.call_id != application.call_id or criterion.pk in scores:
            raise DomainError(
                "Give one score for each criterion of the application's call.",
                field=f"scores[{n}].criterion",
            )
        scores[criterion.pk] = (s["score"], s.get("comment", ""))
    if not scores and submitted_at is None:
        return assignment
    try:
        return assessment.scores_save(
            actor=imp.actor,
            assignment=assignment,
            scores=scores,
            submit=submitted_at is not None,
            at=submitted_at,
        )
    except DomainError as exc:  # the service names its form's fields
        raise DomainError(exc.message, field="scores") from exc
