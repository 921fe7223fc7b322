"""Working groups' filters: groups, members and meetings (ideas have their own)."""

from partnerbase.core.filters import list_filter

from .models import WorkingGroup, WorkingGroupMeeting, WorkingGroupMember

WorkingGroupFilter = list_filter(
    WorkingGroup, search=("name", "purpose"), ids=("challenge_area",), dates=("archived_on",)
)
WorkingGroupMemberFilter = list_filter(
    WorkingGroupMember,
    search=("person__name",),
    ids=("working_group",),
    flags=("is_lead",),
    dates=("joined_on",),
)
WorkingGroupMeetingFilter = list_filter(
    WorkingGroupMeeting, search=("notes",), ids=("working_group",), dates=("held_on",)
)
