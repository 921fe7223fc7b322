"""Base models every domain record builds on: a stable id, timestamps and history."""

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from .limits import date_problem


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

    def clean_fields(self, exclude=None):
        """Django's field checks, and every date within the range Partnerbase keeps
        (core/limits.py), so no form, import or API saves the year 9999."""
        errors = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        for field in self._meta.concrete_fields:
            if exclude and field.name in exclude or field.name in errors:
                continue
            value = getattr(self, field.attname)
            if isinstance(value, datetime.datetime):
                value = value.date()
            if isinstance(value, datetime.date) and (problem := date_problem(value)):
                errors[field.name] = [ValidationError(f"The date {problem}.", code="date_range")]
        if errors:
            raise ValidationError(errors)


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
