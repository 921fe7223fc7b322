"""The filters of the brokering lists, shared by the pages and the API's list endpoints."""

import django_filters

from partnerbase.core.filters import ListFilterSet, date_from, date_to, list_filter, record_id

from .models import (
    BrokeringRound,
    Introduction,
    IntroductionStatus,
    Need,
    Offer,
    OpenStatus,
    Partnership,
)
from .models.partnerships import PartnershipKind
from .models.wants import SupportType
from .stages import Stage


def programme_areas(request):
    """The challenge areas of the programme in the URL (the page's and the API's alike)."""
    area = Need._meta.get_field("challenge_area").related_model
    slug = getattr(getattr(request, "resolver_match", None), "kwargs", {}).get("slug")
    return (
        area.objects.filter(programme__slug=slug).order_by("name") if slug else area.objects.none()
    )


def _area_filter():
    return django_filters.ModelChoiceFilter(
        queryset=programme_areas, label="Challenge area", empty_label="Any challenge area"
    )


class _WantFilter(ListFilterSet):
    status = django_filters.ChoiceFilter(choices=OpenStatus.choices, empty_label="Any status")
    type = django_filters.ChoiceFilter(choices=SupportType.choices, empty_label="Any type")
    challenge_area = _area_filter()
    region = django_filters.CharFilter(
        field_name="regions", lookup_expr="icontains", label="Region"
    )
    recorded_on__gte = date_from("recorded_on", "Recorded from")
    recorded_on__lte = date_to("recorded_on", "Recorded to")


class NeedFilter(_WantFilter):
    search_fields = ("innovator__name", "description")
    innovator = record_id("innovator", "Innovator")

    class Meta:
        model = Need
        fields = []


class OfferFilter(_WantFilter):
    search_fields = ("partner__name", "description")
    partner = record_id("partner", "Partner")

    class Meta:
        model = Offer
        fields = []


class IntroductionFilter(ListFilterSet):
    search_fields = ("innovator__name", "partner__name")
    status = django_filters.ChoiceFilter(
        choices=IntroductionStatus.choices, empty_label="Any status"
    )
    sent_on__gte = date_from("sent_on", "Sent from")
    sent_on__lte = date_to("sent_on", "Sent to")
    innovator = record_id("innovator", "Innovator")
    partner = record_id("partner", "Partner")
    round = record_id("round", "Brokering round")

    class Meta:
        model = Introduction
        fields = []


class PartnershipFilter(ListFilterSet):
    search_fields = ("name", "innovator__name")
    stage = django_filters.ChoiceFilter(choices=Stage.choices_list(), empty_label="Any stage")
    kind = django_filters.ChoiceFilter(
        choices=PartnershipKind.choices, empty_label="Any type", label="Type"
    )
    introduced_on__gte = date_from("introduced_on", "Introduced from")
    introduced_on__lte = date_to("introduced_on", "Introduced to")
    confirmed_on__gte = date_from("confirmed_on", "Confirmed from")
    confirmed_on__lte = date_to("confirmed_on", "Confirmed to")
    innovator = record_id("innovator", "Innovator")

    class Meta:
        model = Partnership
        fields = []


RoundFilter = list_filter(
    BrokeringRound, search=("name",), choices=("status", "mode"), dates=("sent_on",)
)
