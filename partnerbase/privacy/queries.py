"""Reads of the personal-data log; the caller checks can_manage_people first."""

from django.db.models import QuerySet

from .models import PersonalDataAction


def personal_data_action_list(*, programme) -> QuerySet:
    """Each export, erasure and retention run in the programme, newest first."""
    return PersonalDataAction.objects.filter(programme=programme).select_related("actor")
