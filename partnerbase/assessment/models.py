"""Assessment of a call's applications (DESIGN.md, "Accelerator"): the call's rubric of
weighted criteria (`rubrics.Criterion`, shared with competitions), assessors assigned to
applications, their scores and the moderation notes on the ranking."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from partnerbase.core.models import DomainModel


class Rubric(DomainModel):
    """One per call. The threshold flags disagreement: assessors' totals (0-100) further
    apart than this are shown for moderation."""

    call = models.OneToOneField("calls.Call", on_delete=models.CASCADE, related_name="rubric")
    disagreement_threshold = models.PositiveSmallIntegerField(
        default=25, help_text="Points on the 0 to 100 scale."
    )

    def __str__(self):
        return f"Rubric for {self.call}"

    def clean(self):
        if self.disagreement_threshold is not None and self.disagreement_threshold > 100:
            raise ValidationError(
                {"disagreement_threshold": "The threshold must be 100 points or fewer."}
            )


class Assignment(DomainModel):
    """An application an assessor is asked to score. Assessors see only theirs, and others'
    scores on it only once `submitted_at` is set."""

    application = models.ForeignKey(
        "calls.Application", on_delete=models.CASCADE, related_name="assessments"
    )
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assessments"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["application__organisation__name", "assessor__email"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "assessor"], name="assessment_assignment_unique"
            )
        ]

    def __str__(self):
        return f"{self.application.organisation} for {self.assessor}"


class Score(DomainModel):
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(
        "rubrics.Criterion", on_delete=models.CASCADE, related_name="scores"
    )
    score = models.SmallIntegerField()
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["criterion__position", "criterion_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "criterion"], name="assessment_score_unique"
            )
        ]

    def __str__(self):
        return f"{self.criterion}: {self.score}"


class ModerationNote(DomainModel):
    """The manager's note on an application whose assessors disagreed (or any other)."""

    application = models.OneToOneField(
        "calls.Application", on_delete=models.CASCADE, related_name="moderation_note"
    )
    note = models.TextField()

    def __str__(self):
        return f"Moderation of {self.application}"
