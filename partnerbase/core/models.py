"""Base models every domain record builds on: a stable id, timestamps and history."""

import uuid

from django.db import models
from simple_history.models import HistoricalRecords


class DomainModel(models.Model):
    """A record whose every change is kept (who, when, what) by django-simple-history."""

    # Stable id used by the interchange format; survives export and import.
    uid = models.UUIDField(default=uuid.uuid4, editable=False, db_index=True)
    illustrative = models.BooleanField(
        default=False,
        help_text="Invented for the demo to fill gaps in the public record.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True


class ProgrammeRecord(DomainModel):
    """A domain record that belongs to exactly one programme."""

    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        abstract = True
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "uid"], name="%(app_label)s_%(class)s_uid_unique"
            )
        ]
