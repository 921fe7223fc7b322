"""/programmes/<slug>/background/: the programme's background work, each job's progress
(polled by htmx while it runs), its error, Retry and what it made."""

from functools import partial

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from partnerbase.core.errors import DomainError
from partnerbase.core.uploads import download_response
from partnerbase.programmes.access import programme_for

from . import queries, services
from .permissions import can_view_all_jobs, can_view_jobs

_programme = partial(programme_for, allowed=can_view_jobs)


def _job(request, slug, uid):
    programme = _programme(request, slug)
    return programme, queries.job_get(user=request.user, programme=programme, uid=uid)


@require_GET
def job_list(request, slug):
    programme = _programme(request, slug)
    jobs = list(queries.job_list(user=request.user, programme=programme)[:100])
    return render(
        request,
        "jobs/job_list.html",
        {
            "programme": programme,
            "jobs": jobs,
            "polling": any(job.in_progress for job in jobs),
            "whole_team": can_view_all_jobs(request.user, programme),
        },
    )


@require_GET
def job_detail(request, slug, uid):
    programme, job = _job(request, slug, uid)
    return render(request, "jobs/job_detail.html", {"programme": programme, "job": job})


@require_GET
def job_progress(request, slug, uid):
    """The progress panel, polled by htmx while the job is queued or running; when it ends
    htmx is told to reload the page that holds the panel, which then shows the outcome."""
    programme, job = _job(request, slug, uid)
    if not job.in_progress and request.headers.get("HX-Request"):
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    return render(request, "jobs/partials/job_progress.html", {"programme": programme, "job": job})


@require_POST
def job_retry(request, slug, uid):
    programme, job = _job(request, slug, uid)
    try:
        job = services.job_retry(actor=request.user, job=job)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"Queued again: {job.title}.")
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("jobs:detail", args=[programme.slug, job.uid])
    return redirect(back)


@require_GET
def job_download(request, slug, uid):
    programme, job = _job(request, slug, uid)
    if not job.output:
        raise Http404("This job made no file")
    return download_response(job.output, filename=job.output_name or "download")
