"""The record of what was done with people's personal data: who exported or erased whose,
when and why. It names the account and directory people by id only, never by their
details, so it stays true after an erasure and gives nothing away."""

from django.conf import settings
from django.db import models

from partnerbase.core.models import DomainModel


class ActionKind(models.TextChoices):
    VIEW = "view", "Shown (subject access)"
    EXPORT = "export", "Exported (subject access)"
    ERASURE = "erasure", "Erased on request"
    RETENTION = "retention", "Erased at the end of retention"


class PersonalDataAction(DomainModel):
    kind = models.CharField(max_length=16, choices=ActionKind.choices)
    # The programme whose team acted; none when the administrator acted on the command line.
    programme = models.ForeignKey(
        "programmes.Programme",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Whose data: the account and the directory people, by id (an erased person's account
    # stays, under its "Erased person" name).
    subject_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    subject_people = models.JSONField(default=list, blank=True)
    reason = models.TextField(blank=True)
    # Rows changed or deleted, by model label (erasures), or rows exported.
    counts = models.JSONField(default=dict, blank=True)
    at = models.DateTimeField()

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d %H:%M}"

    @property
    def erased_label(self) -> str:
        """The name an erased person is given: "Erased person 12"."""
        return f"Erased person {self.pk}"

    @property
    def subject_label(self) -> str:
        parts = [f"account {self.subject_user_id}"] if self.subject_user_id else []
        if self.subject_people:
            ids = ", ".join(str(i) for i in self.subject_people)
            parts.append(
                f"directory {'people' if len(self.subject_people) > 1 else 'person'} {ids}"
            )
        return "; ".join(parts) or "nobody found"
