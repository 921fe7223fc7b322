"""The progress report: the page, its PDF and each chart's data as CSV. The same
permission as the dashboard's figures, whose records pages its numbers open."""

import csv
from datetime import date
from functools import partial

from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from partnerbase.accelerator.permissions import can_manage_accelerator
from partnerbase.accounts.permissions import can_view_figure_records
from partnerbase.core.period import Period, programme_period
from partnerbase.funding.permissions import sees_whole_ledger
from partnerbase.jobs.kept import is_fresh
from partnerbase.jobs.models import JobKind
from partnerbase.jobs.services import job_start
from partnerbase.network.permissions import can_view_map
from partnerbase.programmes.access import programme_for
from partnerbase.projects.permissions import can_view_competitions, can_view_projects
from partnerbase.setup.public import department_name
from partnerbase.stories.permissions import can_manage_stories

from ..views import csv_safe, period_form
from .build import build_report, report_chart
from .kept import report_stamp, report_wanted
from .render import report_pdf
from .tasks import build_report_pdf, report_file_name

_programme = partial(programme_for, allowed=can_view_figure_records)


def _links(user, programme) -> dict:
    """Which records pages the reader may open; a number links only where they may."""
    return {
        "figures": True,
        "projects": can_view_projects(user, programme),
        "competitions": can_view_competitions(user, programme),
        "funding": sees_whole_ledger(user, programme),
        "accelerator": can_manage_accelerator(user, programme),
        "stories": can_manage_stories(user, programme),
        "map": can_view_map(user, programme),
    }


@require_GET
def report_page(request, slug):
    """The report as kept for the period and the reader's links (reports/report/kept.py):
    built on the queue once per change of the records, shown with the day it was made."""
    programme = _programme(request, slug)
    form = period_form(request, programme)
    period = form.period()
    links = _links(request.user, programme)
    stamp = report_stamp()
    kept = report_wanted(programme, period, links, stamp)
    built = kept is not None and kept.built_at is not None
    pdf_url = reverse("reports:report_pdf", args=[programme.slug])
    return render(
        request,
        "reports/report/page.html",
        {
            "programme": programme,
            "period": period,
            "owner": department_name(programme),
            "kept": kept.data if built else None,
            "made_on": date.fromisoformat(kept.data["made_on"]) if built else None,
            "stale": not is_fresh(kept, stamp),
            "form": form,
            "period_query": request.GET.urlencode(),
            "pdf_url": f"{pdf_url}?from={period.start.isoformat()}&to={period.end.isoformat()}",
            "links": links,
            "nav_current": "report",
        },
    )


def _iso(text: str | None, name: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise ValueError(f"The {name} date must be a date like 2018-03-31.") from exc


def _requested_period(programme, data) -> Period:
    """The period asked for by `from` and `to` (the whole programme's by default)."""
    whole = programme_period(programme)
    start = _iso(data.get("from"), "from") or whole.start
    end = _iso(data.get("to"), "to") or whole.end
    if end < start:
        raise ValueError("The to date must be the same as or after the from date.")
    return Period(start, end)


@require_GET
def report_pdf_view(request, slug):
    programme = _programme(request, slug)
    try:
        period = _requested_period(programme, request.GET)
    except ValueError as exc:
        return HttpResponseBadRequest(str(exc), content_type="text/plain; charset=utf-8")
    return pdf_response(request, build_report(programme, period))


@require_POST
def report_pdf_build(request, slug):
    """Build the PDF on the task queue; the job's page shows its progress, then the file."""
    programme = _programme(request, slug)
    try:
        period = _requested_period(programme, request.POST)
    except ValueError as exc:
        return HttpResponseBadRequest(str(exc), content_type="text/plain; charset=utf-8")
    job = job_start(
        actor=request.user,
        programme=programme,
        kind=JobKind.REPORT,
        title=f"Progress report, {period}",
        task=build_report_pdf,
        arguments={
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "base_url": request.build_absolute_uri("/"),
        },
    )
    return redirect("jobs:detail", programme.slug, job.uid)


def pdf_response(request, report) -> HttpResponse:
    pdf = report_pdf(report, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    name = report_file_name(report)
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


@require_GET
def report_chart_csv(request, slug, chart):
    programme = _programme(request, slug)
    period = period_form(request, programme).period()
    return chart_csv_response(programme, report_chart(programme, period, chart))


def chart_csv_response(programme, chart) -> HttpResponse:
    if chart is None:
        raise Http404("No such chart")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{programme.slug}-{chart.key}.csv"'
    writer = csv.writer(response)
    writer.writerow(chart.columns)
    for row in chart.csv_rows():
        writer.writerow([csv_safe(value) for value in row])
    return response
