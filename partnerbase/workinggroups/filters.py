"""Working groups' filters, shared by the pages' lists and the API: groups, members,
meetings and the ideas list."""

import django_filters

from partnerbase.core.filters import ListFilterSet, date_from, date_to, list_filter
from partnerbase.programmes.models import Programme

from .models import Idea, IdeaStatus, WorkingGroup, WorkingGroupMeeting, WorkingGroupMember
from .permissions import member_group_ids, reads_all_working_groups

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


def visible_groups(request):
    """The groups of the programme in the URL the caller may read (a member: their own)."""
    slug = getattr(getattr(request, "resolver_match", None), "kwargs", {}).get("slug")
    programme = Programme.objects.filter(slug=slug).first() if slug else None
    if programme is None:
        return WorkingGroup.objects.none()
    groups = WorkingGroup.objects.filter(programme=programme).order_by("name")
    if reads_all_working_groups(request.user, programme):
        return groups
    return groups.filter(pk__in=member_group_ids(request.user, programme))


class IdeaFilter(ListFilterSet):
    search_fields = ("title", "description", "proposed_by__person__name")
    status = django_filters.ChoiceFilter(choices=IdeaStatus.choices, empty_label="Any status")
    # One working group per challenge area: the group is the challenge area's facet too.
    working_group = django_filters.ModelChoiceFilter(
        queryset=visible_groups, label="Working group", empty_label="Any working group"
    )
    proposed_on__gte = date_from("proposed_on", "Proposed from")
    proposed_on__lte = date_to("proposed_on", "Proposed to")

    class Meta:
        model = Idea
        fields = []
