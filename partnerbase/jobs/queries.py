"""Reads of background work, already restricted to what the user may see."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from .models import Job
from .permissions import can_view_all_jobs


def job_list(*, user, programme) -> QuerySet[Job]:
    jobs = Job.objects.filter(programme=programme).select_related("started_by")
    if not can_view_all_jobs(user, programme):
        jobs = jobs.filter(started_by=user)
    return jobs


def job_get(*, user, programme, uid) -> Job:
    """The job, or 404 when it is another programme's or someone else's the user may not see."""
    return get_object_or_404(job_list(user=user, programme=programme), uid=uid)


def job_latest(*, programme, kind: str, **arguments) -> Job | None:
    """The newest job of `kind` whose arguments match (`arguments__round_id=12`), for the
    page of the record it works on; that page has checked the user may see the record."""
    return Job.objects.filter(programme=programme, kind=kind, **arguments).first()
