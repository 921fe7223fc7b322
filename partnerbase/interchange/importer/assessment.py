"""Import steps for assessment: rubrics and criteria, assessors' assignments and scores
(and their user accounts), moderation notes."""

from partnerbase.accounts.models import Role, User
from partnerbase.accounts.services import membership_grant, user_create
from partnerbase.assessment import services as assessment
from partnerbase.core.errors import DomainError

from ..format import parse_datetime
from ..restore import nested


class AssessmentSteps:
    def assessment_rubric(self, r: dict):
        rubric = assessment.rubric_create(
            **self.common(r),
            call=self.ref(r["call"]),
            disagreement_threshold=r.get("disagreement_threshold", 25),
        )
        for n, c in enumerate(r.get("criteria", [])):  # in rubric order
            with nested(f"criteria[{n}]"):
                self.pending[c["id"]] = assessment.criterion_add(
                    **self.common(c),
                    rubric=rubric,
                    name=c["name"],
                    guidance=c.get("guidance", ""),
                    weight=c.get("weight", 1),
                    min_score=c.get("min_score", 0),
                    max_score=c.get("max_score", 10),
                )
        return rubric

    def assessor_user(self, r: dict) -> User:
        """The assessor's account, by email, made if missing (without a password: they
        reset it to sign in), with the assessor role for each organisation named."""
        user = User.objects.filter(email__iexact=r["email"]).first()
        if user is None:
            user = user_create(email=r["email"], password=None, full_name=r.get("name", ""))
        for organisation in [self.ref(o) for o in r.get("organisations", [])] or [None]:
            membership_grant(
                actor=self.actor,
                user=user,
                programme=self.programme,
                role=Role.ASSESSOR,
                organisation=organisation,
            )
        return user

    def assessor_assignment(self, r: dict):
        application = self.ref(r["application"])
        # Restored as it was: a link made since the assignment does not undo it.
        assignment = assessment.assignment_add(
            **self.common(r),
            application=application,
            assessor=self.assessor_user(r),
            check_conflict=False,
        )
        scores, submitted_at = {}, parse_datetime(r.get("submitted_at"))
        for n, s in enumerate(r.get("scores", [])):
            criterion = self.ref(s["criterion"])
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
                actor=self.actor,
                assignment=assignment,
                scores=scores,
                submit=submitted_at is not None,
                at=submitted_at,
            )
        except DomainError as exc:  # the service names its form's fields
            raise DomainError(exc.message, field="scores") from exc

    def moderation_note(self, r: dict):
        return assessment.moderation_note_save(
            **self.common(r), application=self.ref(r["application"]), note=r["note"]
        )
