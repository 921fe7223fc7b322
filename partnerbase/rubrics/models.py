"""The one criterion model of every scored rubric: a call's assessment rubric and a
competition's judging rubric (DESIGN.md, "Accelerator" and "Competition"). It sits below
both apps so that each imports it downwards; each names its owner by string."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from partnerbase.core.models import DomainModel


class Criterion(DomainModel):
    """One line of a rubric: a whole-number score from min_score to max_score, weighted.
    It belongs to exactly one of a call's rubric or a competition."""

    rubric = models.ForeignKey(
        "assessment.Rubric",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="criteria",
    )
    competition = models.ForeignKey(
        "projects.Competition",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="criteria",
    )
    # A call's rubric numbers its criteria; a competition's keep the order added (all 0).
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(max_length=200)
    guidance = models.TextField(blank=True)
    weight = models.PositiveSmallIntegerField(default=1)
    min_score = models.SmallIntegerField(default=0)
    max_score = models.SmallIntegerField(default=10)

    class Meta:
        verbose_name_plural = "criteria"
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["rubric", "name"], name="rubric_criterion_name_unique"),
            models.UniqueConstraint(
                fields=["competition", "name"], name="competition_criterion_name_unique"
            ),
            models.CheckConstraint(
                condition=Q(rubric__isnull=False, competition__isnull=True)
                | Q(rubric__isnull=True, competition__isnull=False),
                name="criterion_one_owner",
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.weight is not None and self.weight < 1:
            raise ValidationError({"weight": "The weight must be 1 or more."})
        if None not in (self.min_score, self.max_score) and self.max_score <= self.min_score:
            raise ValidationError({"max_score": "The highest score must be above the lowest."})
