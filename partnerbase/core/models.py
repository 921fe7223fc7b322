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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The uid this record was given when made, not read or named: nobody else has it.
        self._made_uid = None if args or "uid" in kwargs else self.uid

    def full_clean(self, exclude=None, validate_unique=True, validate_constraints=True):
        # A new record's fresh random uid needs no query to show it is unique.
        if self._state.adding and self.uid == self._made_uid:
            exclude = {*(exclude or ()), "uid"}
        super().full_clean(
            exclude=exclude,
            validate_unique=validate_unique,
            validate_constraints=validate_constraints,
        )

    def clean_fields(self, exclude=None):
        """Django's field checks, and every date within the range Partnerbase keeps
        (core/limits.py), so no form, import or API saves the year 9999."""
        errors = {}
        try:
            super().clean_fields(exclude={*(exclude or ()), *self._loaded_references()})
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

    def _loaded_references(self) -> list[str]:
        """Foreign keys whose record is here, read from the database: Django's check would
        query it again to see that it exists (one query per reference per save, a fifth
        of the demo's build); the database's own constraint still refuses a dangling one."""
        names = []
        for field in self._meta.concrete_fields:
            if not (field.many_to_one or field.one_to_one) or field.remote_field.limit_choices_to:
                continue
            related = field.get_cached_value(self, default=None)
            if (
                related is not None
                and not related._state.adding
                and related.pk is not None
                and getattr(related, field.target_field.attname) == getattr(self, field.attname)
            ):
                names.append(field.name)
        return names


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
