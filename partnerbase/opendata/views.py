"""The programme's 360Giving open data: the files, their validation and quality warnings."""

from functools import partial

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from partnerbase.core.money import format_money
from partnerbase.programmes.access import programme_for
from partnerbase.programmes.models import Programme

from .export import package_csv, package_json, package_text
from .permissions import can_download_public_360giving, can_view_open_data
from .quality import ACCURACY, quality_findings
from .schema import schema_errors

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


@require_GET
def download(request, slug, fmt):
    if fmt not in ("json", "csv"):
        raise Http404("No such format")
    return _file(_programme(request, slug), fmt)


@login_not_required
@require_GET
def public_360giving(request, slug):
    """/public/<slug>/360giving.json: anyone may download a published programme's grants."""
    programme = Programme.objects.filter(slug=slug).first()
    if programme is None or not can_download_public_360giving(programme):
        raise Http404("No such published programme")
    return _file(programme, "json")
