"""Pledge reminders: due in 14 days, and overdue, each told once per pledge to the people
who act for the pledging organisation (its champions and partner contacts)."""

from datetime import date, timedelta

from django.db import transaction
from django.urls import reverse

from partnerbase.notifications.due import due_source
from partnerbase.notifications.models import Kind
from partnerbase.notifications.queries import people_acting_for
from partnerbase.notifications.services import notification_send

from .models import Pledge
from .permissions import OWN_ORGANISATION_ROLES
from .states import OPEN, is_overdue

DUE_WITHIN = timedelta(days=14)


def _tell(pledge: Pledge, kind: str, subject: str, body: str) -> int:
    made = notification_send(
        actor=None,
        programme=pledge.programme,
        kind=kind,
        users=people_acting_for(
            programme=pledge.programme,
            organisation=pledge.organisation,
            roles=OWN_ORGANISATION_ROLES,
        ),
        subject=subject,
        body=body,
        url=reverse("pledges:detail", args=[pledge.programme.slug, pledge.uid]),
        key=f"{kind}:{pledge.uid}",
    )
    return len(made)


@due_source
@transaction.atomic
def pledge_reminders_make(*, today: date) -> int:
    """Pledges still open (pledged or confirmed) that are due within 14 days, or overdue."""
    made = 0
    pledges = Pledge.objects.filter(
        status__in=OPEN, due_on__isnull=False, due_on__lte=today + DUE_WITHIN
    ).select_related("programme", "organisation")
    for pledge in pledges:
        due = f"{pledge.due_on:%-d %B %Y}"
        if is_overdue(pledge.status, pledge.due_on, today):
            made += _tell(
                pledge,
                Kind.PLEDGE_OVERDUE,
                f"Overdue: {pledge.title}",
                f"{pledge.organisation.name}’s pledge, {pledge.title}, was due on {due} and "
                "is not yet delivered. Record what has been delivered, or tell the programme's "
                "team what has changed.",
            )
        else:
            made += _tell(
                pledge,
                Kind.PLEDGE_DUE,
                f"Due on {due}: {pledge.title}",
                f"{pledge.organisation.name}’s pledge, {pledge.title}, is due on {due}.",
            )
    return made
