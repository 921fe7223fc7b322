"""The pledge ledger's filters, shared by its page and the API's list of pledges."""

import django_filters

from partnerbase.core.filters import ListFilterSet, date_from, date_to, list_filter

from .models import Pledge, PledgeDelivery, PledgeKind, PledgeStatus


def programme_areas(request):
    area = Pledge._meta.get_field("challenge_area").related_model
    slug = getattr(getattr(request, "resolver_match", None), "kwargs", {}).get("slug")
    return (
        area.objects.filter(programme__slug=slug).order_by("name") if slug else area.objects.none()
    )


class PledgeFilter(ListFilterSet):
    search_fields = ("title", "organisation__name")
    status = django_filters.ChoiceFilter(choices=PledgeStatus.choices, empty_label="Any status")
    kind = django_filters.ChoiceFilter(choices=PledgeKind.choices, empty_label="Any kind")
    challenge_area = django_filters.ModelChoiceFilter(
        queryset=programme_areas, label="Challenge area", empty_label="Any challenge area"
    )
    pledged_on__gte = date_from("pledged_on", "Pledged from")
    pledged_on__lte = date_to("pledged_on", "Pledged to")

    class Meta:
        model = Pledge
        fields = []


PledgeDeliveryFilter = list_filter(
    PledgeDelivery, search=("notes",), ids=("pledge",), dates=("delivered_on",)
)
