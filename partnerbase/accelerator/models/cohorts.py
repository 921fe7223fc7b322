from django.core.exceptions import ValidationError
from django.db import models

from partnerbase.core.models import DomainModel, ProgrammeRecord


class Accelerator(ProgrammeRecord):
    """Finds social innovators with proven solutions and helps them scale."""

    name = models.CharField(max_length=200)
    delivery_partner = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="accelerators_delivered",
    )
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    description = models.TextField(blank=True)

    class Meta(ProgrammeRecord.Meta):
        ordering = ["starts_on", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": "The accelerator must end on or after it starts."})


class Cohort(DomainModel):
    accelerator = models.ForeignKey(Accelerator, on_delete=models.CASCADE, related_name="cohorts")
    name = models.CharField(max_length=200)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["starts_on", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": "The cohort must end on or after it starts."})


class MembershipStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    GRADUATED = "graduated", "Graduated"
    WITHDRAWN = "withdrawn", "Withdrawn"


class CohortMembership(DomainModel):
    """An innovator organisation's place in a cohort."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="cohort_memberships"
    )
    challenge_area = models.ForeignKey(
        "challenges.ChallengeArea",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cohort_memberships",
    )
    joined_on = models.DateField()
    status = models.CharField(
        max_length=16, choices=MembershipStatus.choices, default=MembershipStatus.ACTIVE
    )
    withdrawn_on = models.DateField(null=True, blank=True)
    # Empty for a place that graduated before the date was kept (files of format 1.3 or older).
    graduated_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "organisation"], name="cohort_member_unique")
        ]
        indexes = [models.Index(fields=["organisation", "joined_on"])]

    def __str__(self):
        return f"{self.organisation} in {self.cohort}"

    def clean(self):
        if self.status == MembershipStatus.WITHDRAWN and not self.withdrawn_on:
            raise ValidationError({"withdrawn_on": "Enter the date the innovator withdrew."})
        if self.status != MembershipStatus.WITHDRAWN and self.withdrawn_on:
            raise ValidationError(
                {"withdrawn_on": "Only a withdrawn innovator has a withdrawal date."}
            )
        if self.status != MembershipStatus.GRADUATED and self.graduated_on:
            raise ValidationError(
                {"graduated_on": "Only a graduated innovator has a graduation date."}
            )
        if self.graduated_on and self.joined_on and self.graduated_on < self.joined_on:
            raise ValidationError(
                {"graduated_on": "An innovator cannot graduate before joining the cohort."}
            )
