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
