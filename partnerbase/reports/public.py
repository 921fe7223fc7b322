"""The public pages of a published programme: the figures with the published stories,
projects and competitions, the figures as CSV and JSON, and the accessibility statement and
privacy notice. Anyone may read them; an unpublished programme answers 404."""

import csv

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from partnerbase.core.period import programme_period
from partnerbase.impact.definitions import DEFINITIONS
from partnerbase.impact.kept import kept_figures
from partnerbase.programmes.models import Programme
from partnerbase.programmes.statements import blocks
from partnerbase.setup.public import PHASE_BANNERS, department_name, public_context, statement_text

from .report.build import build_report, public_figure_charts
from .report.views import chart_csv_response, pdf_response


def _published(slug) -> Programme:
    return get_object_or_404(Programme, slug=slug, figures_published=True)


def _chrome(programme) -> dict:
    """The public pages' header and banner: the programme's name, its own phase banner."""
    return {
        "service_name": programme.name,
        "phase_banner": PHASE_BANNERS.get(programme.phase_banner, ""),
    }


@login_not_required
@require_GET
def public_figures(request, slug):
    programme = _published(slug)
    return render(
        request,
        "reports/public_figures.html",
        {**public_context(programme), **_chrome(programme)},
    )


def figure_rows(programme) -> list[dict]:
    """One row per headline figure over the whole programme, as the public page shows it."""
    figures = kept_figures(programme, programme_period(programme))
    rows = []
    for f in figures:
        rows.append(
            {
                "figure": f.key,
                "label": f.label,
                "value": f.as_json()["value"],
                "unit": figures.currency if f.is_money else "count",
                "display": f.display,
                "target": f.as_json()["target"],
                "status": f.status,
                "period_start": figures.period.start.isoformat(),
                "period_end": figures.period.end.isoformat(),
                "definition": DEFINITIONS[f.key],
                "as_of": figures.as_of.isoformat() if figures.as_of else "",
            }
        )
    return rows


@login_not_required
@require_GET
def public_figures_csv(request, slug):
    programme = _published(slug)
    rows = figure_rows(programme)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{programme.slug}-figures.csv"'
    writer = csv.DictWriter(response, fieldnames=list(rows[0]))
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return response


@login_not_required
@require_GET
def public_figures_json(request, slug):
    programme = _published(slug)
    return JsonResponse(
        {"programme": programme.name, "slug": programme.slug, "figures": figure_rows(programme)},
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )


def _statement(request, slug, which, title):
    programme = _published(slug)
    return render(
        request,
        "reports/public_statement.html",
        {
            "public_programme": programme,
            "department": department_name(programme),
            "title": title,
            "blocks": blocks(statement_text(programme, which)),
            **_chrome(programme),
        },
    )


@login_not_required
@require_GET
def public_accessibility(request, slug):
    return _statement(request, slug, "accessibility_statement", "Accessibility statement")


@login_not_required
@require_GET
def public_privacy(request, slug):
    return _statement(request, slug, "privacy_notice", "Privacy notice")


@login_not_required
@require_GET
def public_report_pdf(request, slug):
    """The progress report over the whole programme as the public may read it: published
    stories, projects and competitions only."""
    programme = _published(slug)
    report = build_report(programme, programme_period(programme), public=True)
    return pdf_response(request, report)


@login_not_required
@require_GET
def public_chart_csv(request, slug, chart):
    programme = _published(slug)
    # The public page's charts only, as it shows them: kept with the figures.
    found = next((c for c in public_figure_charts(programme) if c.key == chart), None)
    return chart_csv_response(programme, found)
