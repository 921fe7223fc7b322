"""The programme's 360Giving open data: the files (written on the task queue), their
validation and quality warnings, and a funder's file imported into the ledger (also on the
queue)."""

from functools import partial

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from partnerbase.core.money import format_money
from partnerbase.jobs.models import JobKind
from partnerbase.jobs.queries import job_latest
from partnerbase.jobs.services import job_start
from partnerbase.programmes.access import programme_for
from partnerbase.programmes.models import Programme

from .export import package_csv, package_json, package_text
from .forms import GrantsImportForm
from .permissions import can_download_public_360giving, can_import_grants, can_view_open_data
from .quality import ACCURACY, quality_findings
from .schema import schema_errors
from .tasks import FORMATS, export_360giving, import_360giving

SHOWN_ERRORS = 20


_programme = partial(programme_for, allowed=can_view_open_data)


def _public_url(programme) -> str:
    """The public file's address, once the project's urls.py routes it (see docs/open-data.md)."""
    if not can_download_public_360giving(programme):
        return ""
    try:
        return reverse("public_360giving", args=[programme.slug])
    except NoReverseMatch:
        return ""


def _totals(grants) -> list[str]:
    sums: dict = {}
    for g in grants:
        sums[g["currency"]] = sums.get(g["currency"], 0) + g["amountAwarded"]
    return [format_money(amount, currency) for currency, amount in sorted(sums.items())]


@require_GET
def open_data(request, slug):
    programme = _programme(request, slug)
    package = package_json(programme)
    errors = schema_errors(package)
    findings = quality_findings(package, today=timezone.localdate())
    return render(
        request,
        "opendata/open_data.html",
        {
            "programme": programme,
            "nav_current": "dashboard",
            "grant_count": len(package["grants"]),
            "totals": _totals(package["grants"]),
            "errors": errors[:SHOWN_ERRORS],
            "error_count": len(errors),
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


def _file(programme, fmt: str) -> HttpResponse:
    package = package_json(programme)
    if fmt == "csv":
        response = HttpResponse(package_csv(package), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(package_text(package), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{programme.slug}-360giving.{fmt}"'
    return response


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
    """/public/<slug>/360giving.json: anyone may download a published programme's grants."""
    programme = Programme.objects.filter(slug=slug).first()
    if programme is None or not can_download_public_360giving(programme):
        raise Http404("No such published programme")
    return _file(programme, "json")
