"""Who sees which directory records (DESIGN.md, roles): the directory's readers
(`accounts.permissions.can_view_directory`) every organisation and engagement of the
programme, everyone else none. One row rule per kind, used by its list and its check."""

from django.db.models import QuerySet

from partnerbase.accounts.permissions import can_view_directory

from .models import Engagement, Organisation


def visible_organisations(user, programme) -> QuerySet:
    organisations = Organisation.objects.filter(programme=programme)
    return organisations if can_view_directory(user, programme) else organisations.none()


def can_view_organisation(user, organisation) -> bool:
    rows = visible_organisations(user, organisation.programme)
    return rows.filter(pk=organisation.pk).exists()


def visible_engagements(user, programme) -> QuerySet:
    engagements = Engagement.objects.filter(programme=programme)
    return engagements if can_view_directory(user, programme) else engagements.none()


def can_view_engagement(user, engagement) -> bool:
    rows = visible_engagements(user, engagement.programme)
    return rows.filter(pk=engagement.pk).exists()
