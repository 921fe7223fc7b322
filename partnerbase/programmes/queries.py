"""Reads of programmes, restricted to what the user may see."""

from django.db.models import QuerySet
from django.http import Http404

from partnerbase.accounts.permissions import can_view_programme

from .models import Programme


def programme_list(*, user) -> QuerySet:
    if user.is_superuser:
        return Programme.objects.all()
    return Programme.objects.filter(memberships__user=user).distinct()


def programme_get(*, user, slug: str) -> Programme:
    """The programme if the user belongs to it; otherwise 404, so others can't learn it exists."""
    programme = Programme.objects.filter(slug=slug).first()
    if programme is None or not can_view_programme(user, programme):
        raise Http404("No such programme")
    return programme
