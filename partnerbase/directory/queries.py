from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from .models import Organisation


def organisation_list(*, programme, search: str = "", kind: str = "") -> QuerySet:
    qs = Organisation.objects.filter(programme=programme).annotate(
        engagement_count=Count("engagements", distinct=True)
    )
    if search:
        qs = qs.filter(Q(name__icontains=search) | Q(description__icontains=search))
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("name")


def organisation_get(*, programme, uid) -> Organisation:
    return get_object_or_404(
        Organisation.objects.prefetch_related("identifiers", "people"), programme=programme, uid=uid
    )
