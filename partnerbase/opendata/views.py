"""The programme's 360Giving open data: the files (written on the task queue), their
validation and quality warnings, and a funder's file imported into the ledger (also on the
queue)."""

from functools import partial

from django.contrib.auth.decorators import login_not_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from partnerbase.jobs.kept import is_fresh
from partnerbase.jobs.models import JobKind
from partnerbase.jobs.queries import job_latest
from partnerbase.jobs.services import job_start
from partnerbase.programmes.access import programme_for
from partnerbase.programmes.models import Programme

from .forms import GrantsImportForm
from .kept import package_stamp, package_wanted, summary_errors, summary_findings
from .permissions import can_download_public_360giving, can_import_grants, can_view_open_data
from .quality import ACCURACY
from .tasks import FORMATS, export_360giving, import_360giving

_programme = partial(programme_for, allowed=can_view_open_data)


def _public_url(programme) -> str:
    """The public file's address, once the project's urls.py routes it (see docs/open-data.md)."""
    if not can_download_public_360giving(programme):
        return ""
    try:
        return reverse("public_360giving", args=[programme.slug])
    except NoReverseMatch:
        return ""


@require_GET
def open_data(request, slug):
    """What the kept package shows (opendata/kept.py): counts, totals, validation and the
    quality warnings as of its writing; a stale or missing one is queued to be written."""
    programme = _programme(request, slug)
    stamp = package_stamp()
    kept = package_wanted(programme, stamp)
    built = kept is not None and kept.built_at is not None
    summary = kept.data if built else {}
    findings = summary_findings(summary)
    return render(
        request,
        "opendata/open_data.html",
        {
            "programme": programme,
            "nav_current": "dashboard",
            "built": built,
            "as_of": kept.built_at if built else None,
            "stale": not is_fresh(kept, stamp),
            "grant_count": summary.get("grant_count", 0),
            "totals": summary.get("totals", []),
            "errors": summary_errors(summary),
            "error_count": summary.get("error_count", 0),
            "accuracy": [f for f in findings if f.kind == ACCURACY],
            "usefulness": [f for f in findings if f.kind != ACCURACY],
            "public": can_download_public_360giving(programme),
            "public_url": _public_url(programme),
            "can_import": can_import_grants(request.user, programme),
            "last_export": job_latest(
                programme=programme, kind=JobKind.EXPORT_360GIVING, started_by=request.user
            ),
        },
    )


@require_POST
def export(request, slug, fmt):
    """The programme's 360Giving file, written by a task and downloaded from its job's page
    by whoever started it (or the team)."""
    programme = _programme(request, slug)
    if fmt not in FORMATS:
        raise Http404("No such format")
    job = job_start(
        actor=request.user,
        programme=programme,
        kind=JobKind.EXPORT_360GIVING,
        title=f"360Giving {'spreadsheet' if fmt == 'csv' else 'data package'} of {programme.name}",
        task=export_360giving,
        arguments={"fmt": fmt},
    )
    return redirect("jobs:detail", programme.slug, job.uid)


@require_http_methods(["GET", "POST"])
def grants_import_page(request, slug):
    """A funder's 360Giving file into this programme's ledger, as `partnerbase
    import-360giving --programme SLUG` does it."""
    programme = programme_for(request, slug, can_import_grants)
    form = GrantsImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        job = job_start(
            actor=request.user,
            programme=programme,
            kind=JobKind.IMPORT_360GIVING,
            title=f"360Giving grants from {upload.name}"[:200],
            task=import_360giving,
            arguments={},
            upload=upload,
            upload_name=upload.name,
        )
        return redirect("jobs:detail", programme.slug, job.uid)
    return render(
        request,
        "opendata/import.html",
        {
            "programme": programme,
            "form": form,
            "nav_current": "dashboard",
            "last": job_latest(programme=programme, kind=JobKind.IMPORT_360GIVING),
        },
    )


@login_not_required
@require_GET
def public_360giving(request, slug):
    """/public/<slug>/360giving.json: anyone may download a published programme's grants:
    the kept file, with its Last-Modified (a stale one while the new one is written; none
    yet: 503 and when to try again)."""
    programme = Programme.objects.filter(slug=slug).first()
    if programme is None or not can_download_public_360giving(programme):
        raise Http404("No such published programme")
    kept = package_wanted(programme, package_stamp())
    if kept is None or not kept.file:
        response = HttpResponse(
            "The 360Giving file is being written. Try again in a minute.\n",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = "60"
        return response
    modified = int(kept.built_at.timestamp())
    unchanged = get_conditional_response(request, last_modified=modified)
    if unchanged is not None:  # 304: the copy the client holds is this one
        return unchanged
    response = FileResponse(kept.file.open("rb"), content_type="application/json")
    response["Last-Modified"] = http_date(modified)
    response["Content-Disposition"] = f'attachment; filename="{programme.slug}-360giving.json"'
    return response
