from django.conf import settings
from django.db import models
from django.utils import timezone

from partnerbase.core.models import DomainModel
from partnerbase.core.uploads import PrivateUploadTo

from .cohorts import Cohort, CohortMembership


class SessionKind(models.TextChoices):
    WORKSHOP = "workshop", "Workshop"
    MENTORING = "mentoring", "Mentoring"
    EVENT = "event", "Event"
    OTHER = "other", "Other"


class SupportSession(DomainModel):
    """A workshop, mentoring session or event for a cohort; attendance per innovator."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="sessions")
    kind = models.CharField(max_length=16, choices=SessionKind.choices)
    title = models.CharField(max_length=200)
    held_on = models.DateField()
    facilitator = models.CharField(max_length=200, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["held_on", "title"]

    def __str__(self):
        return f"{self.title} ({self.held_on:%-d %b %Y})"


class Attendance(DomainModel):
    """An innovator attended a session."""

    session = models.ForeignKey(
        SupportSession, on_delete=models.CASCADE, related_name="attendances"
    )
    membership = models.ForeignKey(
        CohortMembership, on_delete=models.CASCADE, related_name="attendances"
    )

    class Meta:
        ordering = ["session__held_on", "membership__organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["session", "membership"], name="attendance_unique")
        ]

    def __str__(self):
        return f"{self.membership.organisation} at {self.session}"


class MilestoneStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    IN_PROGRESS = "in_progress", "In progress"
    ACHIEVED = "achieved", "Achieved"
    MISSED = "missed", "Missed"


class Milestone(DomainModel):
    """What an innovator in a cohort means to reach by a date, with its evidence."""

    membership = models.ForeignKey(
        CohortMembership, on_delete=models.CASCADE, related_name="milestones"
    )
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    due_on = models.DateField()
    status = models.CharField(
        max_length=16, choices=MilestoneStatus.choices, default=MilestoneStatus.PLANNED
    )
    achieved_on = models.DateField(null=True, blank=True)
    evidence = models.TextField(blank=True)
    evidence_file = models.FileField(
        upload_to=PrivateUploadTo("milestones"), blank=True, max_length=200
    )
    evidence_filename = models.CharField(max_length=200, blank=True)
    evidence_recorded_at = models.DateTimeField(null=True, blank=True)
    evidence_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["due_on", "title"]

    def __str__(self):
        return f"{self.title} ({self.membership.organisation})"

    @property
    def overdue(self) -> bool:
        """Due before today and neither achieved nor already marked missed."""
        open_ = self.status in (MilestoneStatus.PLANNED, MilestoneStatus.IN_PROGRESS)
        return open_ and self.due_on < timezone.localdate()
