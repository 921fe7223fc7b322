"""The personal-data log's filters."""

from partnerbase.core.filters import list_filter

from .models import PersonalDataAction

PersonalDataActionFilter = list_filter(
    PersonalDataAction, search=("reason",), ids=("subject_user",), choices=("kind",), dates=("at",)
)
