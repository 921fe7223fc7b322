from django.db import models

from partnerbase.core.models import DomainModel, ProgrammeRecord


class ProjectStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    LAUNCHED = "launched", "Launched"
    ACTIVE = "active", "Active"
    COMPLETED = "completed", "Completed"
    CANCELLED = "cancelled", "Cancelled"


# Statuses that make a project count as new (DESIGN.md, "new projects").
LAUNCHED_STATUSES = [ProjectStatus.LAUNCHED, ProjectStatus.ACTIVE, ProjectStatus.COMPLETED]


class CollaborativeProject(ProgrammeRecord):
    """A coalition of organisations working on one challenge, e.g. a regional pilot."""

    name = models.CharField(max_length=300)
    challenge_area = models.ForeignKey(
        "challenges.ChallengeArea",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="projects",
    )
    region = models.CharField(max_length=200, blank=True)
    launch_date = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=16, choices=ProjectStatus.choices, default=ProjectStatus.PROPOSED
    )
    description = models.TextField(blank=True)
    # The idea or working group the project came from, as text until working groups and
    # ideas exist as records (a later issue); blank, not NULL, as Django does for text.
    origin = models.CharField(max_length=300, blank=True)
    # Shown on the programme's public page only once the team publishes it.
    published = models.BooleanField(default=False)

    class Meta(ProgrammeRecord.Meta):
        ordering = ["launch_date", "name"]

    def __str__(self):
        return self.name


class CoalitionRole(models.TextChoices):
    LEAD = "lead", "Lead"
    FUNDER = "funder", "Funder"
    DELIVERY = "delivery", "Delivery"
    EMPLOYER = "employer", "Employer"
    GOVERNMENT = "government", "Government"
    PARTNER = "partner", "Partner"


class CoalitionMember(DomainModel):
    project = models.ForeignKey(
        CollaborativeProject, on_delete=models.CASCADE, related_name="coalition"
    )
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="coalitions"
    )
    role = models.CharField(max_length=16, choices=CoalitionRole.choices)
    joined_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["role", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation", "role"], name="coalition_member_unique"
            )
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()}) in {self.project}"


class FundingDirection(models.TextChoices):
    IN = "in", "Money in"
    OUT = "out", "Money out"


class ProjectFunding(DomainModel):
    """A funding award that belongs to a project's money: "in" (to a coalition member, for
    the project) or "out" (paid by a coalition member from the project's money).

    An explicit link rather than "every award to the lead": a lead organisation receives
    money for other work too, and an award to a delivery partner can be the project's.
    """

    project = models.ForeignKey(
        CollaborativeProject, on_delete=models.CASCADE, related_name="funding_links"
    )
    award = models.ForeignKey(
        "funding.FundingAward", on_delete=models.CASCADE, related_name="project_links"
    )
    direction = models.CharField(max_length=3, choices=FundingDirection.choices)

    class Meta:
        ordering = ["direction", "award__award_date"]
        constraints = [
            models.UniqueConstraint(fields=["project", "award"], name="project_funding_unique")
        ]

    def __str__(self):
        return f"{self.award} ({self.get_direction_display().lower()}) for {self.project}"


class ProjectIndicator(DomainModel):
    """An outcome the project measures, e.g. "Young people into work" (people)."""

    project = models.ForeignKey(
        CollaborativeProject, on_delete=models.CASCADE, related_name="indicators"
    )
    name = models.CharField(max_length=200)
    unit = models.CharField(max_length=60, help_text="For example: people, cities, %.")

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["project", "name"], name="project_indicator_unique")
        ]

    def __str__(self):
        return f"{self.name} ({self.unit})"


class ObservationQuality(models.TextChoices):
    ESTIMATE = "estimate", "Estimate"
    VERIFIED = "verified", "Verified"


class ProjectObservation(DomainModel):
    indicator = models.ForeignKey(
        ProjectIndicator, on_delete=models.CASCADE, related_name="observations"
    )
    observed_on = models.DateField()
    value = models.DecimalField(max_digits=18, decimal_places=4)
    quality = models.CharField(max_length=8, choices=ObservationQuality.choices)
    evidence = models.TextField(blank=True)

    class Meta:
        ordering = ["-observed_on", "-id"]

    def __str__(self):
        return f"{self.indicator.name}: {self.value} on {self.observed_on}"
