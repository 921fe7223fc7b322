"""Notifications: what one person is told, in their list and by email.

A notification is created in the same transaction as the record it is about, so neither is
ever saved without the other; its email goes after the commit and its delivery state says
whether it went (pending, sent, failed), how many times it was tried and why it last failed.
An invitation's notification has no user yet: it is addressed to the invited email address.
"""

from django.conf import settings
from django.db import models

from partnerbase.core.models import DomainModel, ProgrammeRecord


class Kind(models.TextChoices):
    INVITATION = "invitation", "Invitations to a programme"
    INTRODUCTION_SENT = "introduction_sent", "Introductions sent to your organisation"
    INTRODUCTION_ANSWERED = "introduction_answered", "Answers to an introduction"
    INTRODUCTION_ACCEPTED = "introduction_accepted", "Introductions accepted by both sides"
    ASSESSMENT_ASSIGNED = "assessment_assigned", "Applications assigned to you to assess"
    SELECTION_DECISION = "selection_decision", "Selection decisions on your applications"
    JUDGE_ASSIGNED = "judge_assigned", "Competition entries assigned to you to judge"
    PLEDGE_DUE = "pledge_due", "Pledges due in 14 days"
    PLEDGE_OVERDUE = "pledge_overdue", "Pledges overdue"


# Kinds a person cannot turn off (with password resets, which are Django's own emails).
ALWAYS_ON = frozenset({Kind.INVITATION})


class EmailState(models.TextChoices):
    PENDING = "pending", "Waiting to be sent"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"


class Notification(ProgrammeRecord):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
        help_text="Blank for an invitation to someone without an account.",
    )
    email = models.EmailField("email address")
    kind = models.CharField(max_length=32, choices=Kind.choices)
    subject = models.CharField(max_length=300)
    body = models.TextField()
    # The page of the record it is about (a path on this site), if any.
    url = models.CharField(max_length=500, blank=True)
    # Set for a notification made at most once (a pledge's reminders): one per user and key.
    key = models.CharField(max_length=100, blank=True)
    invitation = models.ForeignKey(
        "accounts.Invitation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
    )
    read_at = models.DateTimeField(null=True, blank=True)
    email_state = models.CharField(
        max_length=8, choices=EmailState.choices, default=EmailState.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta(ProgrammeRecord.Meta):
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["user", "read_at"]),
            models.Index(fields=["programme", "email_state"]),
            models.Index(fields=["email_state", "attempts"]),
        ]
        constraints = ProgrammeRecord.Meta.constraints + [
            models.UniqueConstraint(
                fields=["user", "kind", "key"],
                condition=~models.Q(key=""),
                name="notification_once_per_key",
            )
        ]

    def __str__(self):
        return f"{self.subject} (to {self.email})"


class TurnedOff(DomainModel):
    """A kind of notification a person has turned off (in every programme)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications_off"
    )
    kind = models.CharField(max_length=32, choices=Kind.choices)

    class Meta:
        ordering = ["user", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notification_turned_off_unique")
        ]

    def __str__(self):
        return f"{self.user}: no {self.get_kind_display().lower()}"
