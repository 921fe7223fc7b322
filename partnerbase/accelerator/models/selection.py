from django.conf import settings
from django.db import models

from partnerbase.core.models import DomainModel

from .cohorts import CohortMembership


class Decision(models.TextChoices):
    SELECTED = "selected", "Selected"
    WAITLISTED = "waitlisted", "Waitlisted"
    DECLINED = "declined", "Declined"


class SelectionDecision(DomainModel):
    """The decision on one submitted application. Changes keep their history (who, when,
    why); once the applicant is notified only the convening team may change it."""

    application = models.OneToOneField(
        "calls.Application", on_delete=models.CASCADE, related_name="selection"
    )
    decision = models.CharField(max_length=16, choices=Decision.choices)
    reason = models.TextField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField()
    # When the applicant was told; None until then (and again after a change, to tell anew).
    notified_at = models.DateTimeField(null=True, blank=True)
    # The cohort place a selected applicant was given.
    membership = models.OneToOneField(
        CohortMembership,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="selection",
    )

    class Meta:
        ordering = ["application__organisation__name"]

    def __str__(self):
        return f"{self.get_decision_display()}: {self.application.organisation}"
