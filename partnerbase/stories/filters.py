"""The stories' filters."""

from partnerbase.core.filters import list_filter

from .models import Story

StoryFilter = list_filter(
    Story,
    search=("organisation__name", "own_sentence"),
    ids=("organisation",),
    flags=("published",),
)
