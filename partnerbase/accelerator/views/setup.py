"""Setting up the accelerator in the pages: create and change an accelerator, add and change
its cohorts, give an organisation a place in a cohort. Whoever manages the accelerator (the
team, accelerator managers) may; every write is a POST through a service."""

from django.urls import reverse
from django.views.decorators.http import require_http_methods

from partnerbase.core.forms import opened
from partnerbase.core.pages import form_page
from partnerbase.programmes.access import programme_for

from .. import queries, services
from ..cohort_forms import AcceleratorForm, CohortForm, PlaceForm
from ..permissions import can_manage_accelerator
from .common import context


def _form_page(request, page: dict, form, save, success: str, back: str, to=None):
    """The shared form page (core/pages.py) as the set-up form, which links `back`: on a
    save it goes to `to(record)`, or `back`."""
    context = {**page, "back": back}
    template = "accelerator/setup_form.html"
    return form_page(request, template, context, form, save, success, to or back)


def _home(programme) -> str:
    return reverse("accelerator:home", args=[programme.slug])


def _cohort_page(cohort) -> str:
    return reverse("accelerator:cohort", args=[cohort.accelerator.programme.slug, cohort.uid])


@require_http_methods(["GET", "POST"])
def accelerator_add(request, slug):
    programme = programme_for(request, slug, can_manage_accelerator)
    form = AcceleratorForm(request.POST or None, programme=programme)
    return _form_page(
        request,
        context(programme, title="Add an accelerator", submit="Add accelerator"),
        form,
        lambda data: services.accelerator_create(actor=request.user, programme=programme, **data),
        "Accelerator added.",
        _home(programme),
    )


@require_http_methods(["GET", "POST"])
def accelerator_edit(request, slug, uid):
    programme = programme_for(request, slug, can_manage_accelerator)
    accelerator = queries.accelerator_get(programme=programme, uid=uid)
    fields = ("name", "delivery_partner", "starts_on", "ends_on", "description")
    form = opened(
        AcceleratorForm(
            request.POST or None,
            programme=programme,
            initial={f: getattr(accelerator, f) for f in fields},
        ),
        accelerator,
    )
    return _form_page(
        request,
        context(programme, title="Change the accelerator", caption=accelerator, submit="Save"),
        form,
        lambda data: services.accelerator_update(
            actor=request.user, accelerator=accelerator, **data
        ),
        "Accelerator changed.",
        _home(programme),
    )


@require_http_methods(["GET", "POST"])
def cohort_add(request, slug, uid):
    programme = programme_for(request, slug, can_manage_accelerator)
    accelerator = queries.accelerator_get(programme=programme, uid=uid)
    form = CohortForm(request.POST or None)
    return _form_page(
        request,
        context(programme, title="Add a cohort", caption=accelerator, submit="Add cohort"),
        form,
        lambda data: services.cohort_create(actor=request.user, accelerator=accelerator, **data),
        "Cohort added.",
        _home(programme),
        to=_cohort_page,
    )


@require_http_methods(["GET", "POST"])
def cohort_edit(request, slug, uid):
    programme = programme_for(request, slug, can_manage_accelerator)
    cohort = queries.cohort_get(programme=programme, uid=uid)
    form = opened(
        CohortForm(
            request.POST or None,
            initial={"name": cohort.name, "starts_on": cohort.starts_on, "ends_on": cohort.ends_on},
        ),
        cohort,
    )
    return _form_page(
        request,
        context(programme, title="Change the cohort", caption=cohort.accelerator, submit="Save"),
        form,
        lambda data: services.cohort_update(actor=request.user, cohort=cohort, **data),
        "Cohort changed.",
        _cohort_page(cohort),
    )


@require_http_methods(["GET", "POST"])
def place_add(request, slug, uid):
    programme = programme_for(request, slug, can_manage_accelerator)
    cohort = queries.cohort_get(programme=programme, uid=uid)
    form = PlaceForm(request.POST or None, cohort=cohort)
    intro = (
        "Innovators usually join from a call's selection. Add one here when they joined "
        "another way."
    )
    return _form_page(
        request,
        context(
            programme,
            title="Add an innovator",
            caption=cohort,
            submit="Add to the cohort",
            intro=intro,
        ),
        form,
        lambda data: services.cohort_member_add(actor=request.user, cohort=cohort, **data),
        "Innovator added to the cohort.",
        _cohort_page(cohort),
    )
