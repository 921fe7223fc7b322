from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from .models import Engagement, Organisation, Person
from .permissions import visible_engagements, visible_organisations


def organisation_list(*, user, programme, search: str = "", kind: str = "") -> QuerySet:
    # Each row's engagements counted by a subquery, not a join grouped over every
    # organisation: the list's count and its page stay cheap with 100,000 organisations.
    engagements = (
        Engagement.objects.filter(organisation=OuterRef("pk"))
        .order_by()
        .values("organisation")
        .annotate(n=Count("pk"))
        .values("n")
    )
    qs = visible_organisations(user, programme).annotate(
        engagement_count=Coalesce(Subquery(engagements), 0)
    )
    if search:
        qs = qs.filter(Q(name__icontains=search) | Q(description__icontains=search))
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("name")


def engagement_list(*, user, programme) -> QuerySet:
    return visible_engagements(user, programme).select_related("organisation")


def organisation_get(*, programme, uid) -> Organisation:
    return get_object_or_404(
        Organisation.objects.prefetch_related("identifiers", "people"), programme=programme, uid=uid
    )


def person_list(*, programme) -> QuerySet:
    """The people of the programme's organisations (the people list)."""
    return Person.objects.filter(programme=programme).select_related("organisation")


def organisation_history_list(*, programme) -> QuerySet:
    """Every change to the programme's organisations, deleted and merged ones' too, newest
    first (an organisation's history page shows one's)."""
    return (
        Organisation.history.filter(programme_id=programme.pk)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")
    )
