"""A call's applications list: its filters (the page's, and any API list of them)."""

import django_filters

from partnerbase.core.filters import ListFilterSet, date_from, date_to, list_filter, record_id

from .models import Application, ApplicationStatus, Call, EligibilityRule, Question


def programme_areas(request):
    area = Application._meta.get_field("challenge_area").related_model
    slug = getattr(getattr(request, "resolver_match", None), "kwargs", {}).get("slug")
    return (
        area.objects.filter(programme__slug=slug).order_by("name") if slug else area.objects.none()
    )


class ApplicationFilter(ListFilterSet):
    search_fields = ("organisation__name",)
    status = django_filters.ChoiceFilter(
        choices=ApplicationStatus.choices, empty_label="Any status"
    )
    challenge_area = django_filters.ModelChoiceFilter(
        queryset=programme_areas, label="Challenge area", empty_label="Any challenge area"
    )
    submitted_on__gte = date_from("submitted_on", "Submitted from")
    submitted_on__lte = date_to("submitted_on", "Submitted to")

    class Meta:
        model = Application
        fields = []


class ProgrammeApplicationFilter(ApplicationFilter):
    """The programme's applications (the API's list): the call's page's filters, and which
    call and organisation."""

    call = record_id("call", "Call")
    organisation = record_id("organisation", "Organisation")

    class Meta:
        model = Application
        fields = []


CallFilter = list_filter(
    Call, search=("title", "summary"), ids=("accelerator",), dates=("opens_at", "closes_at")
)
QuestionFilter = list_filter(Question, search=("text",), ids=("call",), choices=("kind",))
EligibilityRuleFilter = list_filter(EligibilityRule, ids=("call", "question"), choices=("kind",))
