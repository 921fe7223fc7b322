from django.core.exceptions import ValidationError
from django.db import models

from partnerbase.core.models import DomainModel, ProgrammeRecord


class Call(ProgrammeRecord):
    """An accelerator's invitation to apply, open from `opens_at` until `closes_at`."""

    accelerator = models.ForeignKey(
        "accelerator.Accelerator", on_delete=models.CASCADE, related_name="calls"
    )
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80)
    summary = models.TextField(blank=True)
    opens_at = models.DateTimeField()
    closes_at = models.DateTimeField()
    challenge_areas = models.ManyToManyField(
        "challenges.ChallengeArea", blank=True, related_name="calls"
    )

    class Meta(ProgrammeRecord.Meta):
        ordering = ["-opens_at", "title"]
        constraints = ProgrammeRecord.Meta.constraints + [
            models.UniqueConstraint(fields=["programme", "slug"], name="call_slug_unique")
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.closes_at and self.opens_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": "The call must close after it opens."})


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Application(DomainModel):
    """An organisation's application to a call; a draft until submitted before the deadline."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="applications")
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="applications"
    )
    challenge_area = models.ForeignKey(
        "challenges.ChallengeArea",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications",
    )
    status = models.CharField(
        max_length=16, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT
    )
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["call", "organisation"], name="application_unique")
        ]

    def __str__(self):
        return f"{self.organisation} to {self.call}"
