"""Dashboards and published figures. Thin: the figures come from `impact`."""

from operator import itemgetter

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from partnerbase.accounts.models import Role
from partnerbase.accounts.permissions import (
    can_manage_programme,
    can_view_dashboard,
    can_view_directory,
    can_view_figure_records,
    programme_roles,
)
from partnerbase.assessment.models import Assignment
from partnerbase.calls.queries import applying_programme_list
from partnerbase.core.filters import search_filter
from partnerbase.core.lists import (  # noqa: F401 (csv_safe: the report's CSV uses it)
    CSV_CHUNK,
    PER_PAGE,
    Column,
    batched,
    csv_response,
    csv_safe,
    filtered_rows,
    list_page,
    page_context,
)
from partnerbase.core.period import programme_period
from partnerbase.directory.models import Organisation
from partnerbase.impact.definitions import DEFINITIONS, PERIODS_ADD_UP, ROLE_SPANS
from partnerbase.impact.figures import headline_figures
from partnerbase.impact.kept import kept_figures
from partnerbase.impact.models import Figure
from partnerbase.impact.records import figure_query
from partnerbase.programmes.access import programme_for
from partnerbase.programmes.queries import programme_list as programmes_for
from partnerbase.projects.models import CompetitionJudge
from partnerbase.setup.tasks import setup_tasks

from .forms import PeriodForm
from .kept import kept_conversion
from .places import places
from .todos import todos


def role_names(user, programme, applying=()) -> list[str]:
    """The user's roles by their names: an assessor who only judges a competition is a
    competition judge (the assessor role is what lets them judge); someone applying holds
    no role until selected, and is called an applicant."""
    roles = programme_roles(user, programme)
    names = {Role(r).label for r in roles}
    if Role.ASSESSOR in roles:
        judges = CompetitionJudge.objects.filter(user=user, competition__programme=programme)
        if judges.exists():
            names.add("Competition judge")
            assesses = Assignment.objects.filter(
                assessor=user, application__call__programme=programme
            )
            if not assesses.exists():
                names.discard(Role.ASSESSOR.label)
    return sorted(names) or (["Applicant"] if programme in applying else [])


@require_GET
def programme_list(request):
    programmes = list(programmes_for(user=request.user))
    applying = list(applying_programme_list(user=request.user))
    programmes += [p for p in applying if p not in programmes]
    rows = [
        {
            "programme": p,
            "roles": role_names(request.user, p, applying),
            "places": places(request.user, p),
            "todos": todos(request.user, p),
        }
        for p in programmes
    ]
    return render(
        request, "reports/programme_list.html", {"rows": rows, "nav_current": "programmes"}
    )


def period_form(request, programme):
    # The dates come as start_0 (day), start_1 (month), start_2 (year) and the same for end.
    submitted = any(key.startswith(("start", "end")) for key in request.GET)
    return PeriodForm(
        request.GET if submitted else None,
        default=programme_period(programme),
    )


@require_GET
def dashboard(request, slug):
    programme = programme_for(request, slug, can_view_dashboard)
    form = period_form(request, programme)
    period = form.period()
    figures = kept_figures(programme, period)
    can_manage = can_manage_programme(request.user, programme)
    tasks = setup_tasks(programme) if can_manage else []
    return render(
        request,
        "reports/dashboard.html",
        {
            "programme": programme,
            "figures": figures,
            "conversion": kept_conversion(figures),
            "form": form,
            "period": period,
            "period_query": request.GET.urlencode(),
            "nav_current": "dashboard",
            "can_manage": can_manage,
            "setup_tasks": tasks,
            "setup_remaining": sum(not task.done for task in tasks),
            "definitions": [(Figure(key).label, text) for key, text in DEFINITIONS.items()],
            "role_spans": ROLE_SPANS,
            "periods_add_up": PERIODS_ADD_UP,
        },
    )


@require_GET
def figure_detail(request, slug, figure):
    programme = programme_for(request, slug, can_view_figure_records)
    if figure not in Figure.values:
        raise Http404("No such figure")
    form = period_form(request, programme)
    period = form.period()
    records = figure_query(programme, figure, period)
    search = search_filter(records.search_fields)
    if request.GET.get("format") == "csv":
        _, found, _ = filtered_rows(
            request, records.queryset, filterset_class=search, sorts=records.sorts
        )
        return _csv(records, found, programme, figure)
    result = headline_figures(programme, period, only=figure).figures[figure]
    listing = list_page(
        request,
        records.queryset,
        filterset_class=search,
        sorts=records.sorts,
        known_count=result.records,  # counted with the figure: not asked again
    )
    rows = records.rows(list(listing["rows"]))
    if can_view_directory(request.user, programme):
        for row in rows:
            if isinstance(row["record"], Organisation):
                row["url"] = reverse(
                    "directory:organisation_detail", args=[programme.slug, row["record"].uid]
                )
    by_label = {link["label"]: link for link in listing["sort_links"].values()}
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "reports/figure_detail.html",
        {
            "programme": programme,
            "records": records,
            **listing,
            "rows": rows,
            "headers": [{"label": c, "link": by_label.get(c)} for c in records.columns],
            "problem": next((r["problem"] for r in rows if r.get("problem")), ""),
            "result": result,
            "definition": DEFINITIONS[Figure(figure)],
            "period": period,
            "form": form,
            "period_query": query.urlencode(),
            "nav_current": "dashboard",
        },
    )


def _csv(records, queryset, programme, figure):
    """Every record, read and written a chunk at a time (constant memory)."""

    def rows():
        for chunk in batched(queryset.iterator(chunk_size=CSV_CHUNK), CSV_CHUNK):
            yield from records.rows(chunk)

    columns = [Column(heading, itemgetter(i)) for i, heading in enumerate(records.columns)]
    cells = (row["cells"] for row in rows())
    return csv_response(cells, columns, f"{programme.slug}-{figure}.csv")


@login_not_required
@require_GET
def healthz(request):
    return HttpResponse("ok", content_type="text/plain")
