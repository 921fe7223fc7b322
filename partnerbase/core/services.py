"""Helpers every app's services share."""

from partnerbase.core.errors import DomainError


def same_programme(programme, **records) -> None:
    """Refuse to link records across programmes; names the offending field."""
    for field, record in records.items():
        if record is not None and record.programme_id != programme.pk:
            raise DomainError(f"{record} belongs to another programme.", field=field)
