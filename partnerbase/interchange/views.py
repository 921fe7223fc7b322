"""/programmes/<slug>/export/: the team exports the whole programme as one interchange file
(docs/interchange.md), written on the task queue."""

from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from partnerbase.accounts.permissions import can_manage_programme
from partnerbase.jobs.models import JobKind
from partnerbase.jobs.queries import job_latest
from partnerbase.jobs.services import job_start
from partnerbase.programmes.access import programme_for

from .tasks import export_programme


@require_http_methods(["GET", "POST"])
def programme_export_page(request, slug):
    programme = programme_for(request, slug, can_manage_programme)
    if request.method == "POST":
        job = job_start(
            actor=request.user,
            programme=programme,
            kind=JobKind.EXPORT,
            title=f"Export of {programme.name}",
            task=export_programme,
            arguments={},
        )
        return redirect("jobs:detail", programme.slug, job.uid)
    return render(
        request,
        "interchange/export.html",
        {"programme": programme, "last": job_latest(programme=programme, kind=JobKind.EXPORT)},
    )
