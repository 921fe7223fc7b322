"""Manager pages: calls, their questions and rules, and the applications received;
and an applicant's or innovator's own applications."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from partnerbase.core.errors import DomainError
from partnerbase.core.forms import add_service_error, opened
from partnerbase.core.lists import Column, Sort, list_view
from partnerbase.core.pages import saved
from partnerbase.core.uploads import download_response
from partnerbase.programmes.access import programme_for

from . import lifecycle, queries, services
from .filters import ApplicationFilter
from .forms import CallForm, QuestionForm, RuleForm, rule_fields
from .models import EligibilityRule, Question, QuestionKind
from .permissions import (
    applicant_organisations,
    can_download_answer_file,
    can_manage_calls,
    can_view_application,
    can_view_own_applications,
)
from .wording import rule_in_words

NAV = "calls"


def _managed(request, slug):
    programme = programme_for(request, slug, can_manage_calls)
    return programme


def _ctx(programme, **extra):
    return {"programme": programme, "nav_current": NAV, **extra}


@require_GET
def call_index(request, slug):
    programme = _managed(request, slug)
    return render(
        request,
        "calls/call_list.html",
        _ctx(programme, calls=queries.call_list(programme=programme)),
    )


@require_http_methods(["GET", "POST"])
def call_add(request, slug):
    programme = _managed(request, slug)
    form = CallForm(request.POST or None, programme=programme)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            call = services.call_create(
                actor=request.user,
                accelerator=data["accelerator"],
                title=data["title"],
                slug=data["slug"],
                summary=data["summary"],
                opens_at=data["opens_at"],
                closes_at=data["closes_at"],
                challenge_areas=data["challenge_areas"],
            )
        except (DomainError, ValidationError) as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, f"{call.title} created. Now add its questions.")
            return redirect("calls:call_detail", programme.slug, call.slug)
    return render(request, "calls/call_form.html", _ctx(programme, form=form))


@require_GET
def call_detail(request, slug, call_slug):
    programme = _managed(request, slug)
    call = queries.call_get(programme=programme, slug=call_slug)
    now = timezone.now()
    lock_reason = lifecycle.setup_lock_reason(call)
    return render(
        request,
        "calls/call_detail.html",
        _ctx(
            programme,
            call=call,
            questions=call.questions.all(),
            rules=[(r, rule_in_words(r)) for r in call.rules.select_related("question", "call")],
            editable=not lock_reason,
            lock_reason=lock_reason,
            opened=lifecycle.has_opened(call, now),
            live=lifecycle.is_live(call, now),
            status=lifecycle.status(call, now),
            opening_passed=now >= call.opens_at,
            closed=now >= call.closes_at,
            applications=queries.application_list(call=call),
        ),
    )


def _question_page(request, programme, call, question=None):
    initial = None
    if question is not None:
        initial = {f: getattr(question, f) for f in services.setup.QUESTION_FIELDS}
    form = QuestionForm(request.POST or None, initial=initial or {"required": True})
    if question is not None:
        form = opened(form, question)
    if request.method == "POST" and form.is_valid():
        try:
            if question is None:
                services.question_add(actor=request.user, call=call, **form.cleaned_data)
            else:
                services.question_update(actor=request.user, question=question, **form.cleaned_data)
        except (DomainError, ValidationError) as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, "Question saved.")
            return redirect("calls:call_detail", programme.slug, call.slug)
    return render(
        request,
        "calls/question_form.html",
        _ctx(
            programme,
            call=call,
            form=form,
            question=question,
            lock_reason=lifecycle.setup_lock_reason(call),
        ),
    )


@require_http_methods(["GET", "POST"])
def question_add(request, slug, call_slug):
    programme = _managed(request, slug)
    call = queries.call_get(programme=programme, slug=call_slug)
    return _question_page(request, programme, call)


@require_http_methods(["GET", "POST"])
def question_edit(request, slug, call_slug, uid):
    programme = _managed(request, slug)
    call = queries.call_get(programme=programme, slug=call_slug)
    question = Question.objects.filter(call=call, uid=uid).first()
    if question is None:
        raise Http404("No such question")
    return _question_page(request, programme, call, question)


@require_http_methods(["GET", "POST"])
def rule_add(request, slug, call_slug):
    programme = _managed(request, slug)
    call = queries.call_get(programme=programme, slug=call_slug)
    form = RuleForm(request.POST or None, call=call)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if saved(
            form, lambda: services.rule_add(actor=request.user, call=call, **rule_fields(data))
        ):
            messages.success(request, "Eligibility rule added.")
            return redirect("calls:call_detail", programme.slug, call.slug)
    return render(
        request,
        "calls/rule_form.html",
        _ctx(programme, call=call, form=form, lock_reason=lifecycle.setup_lock_reason(call)),
    )


@require_POST
def rule_remove(request, slug, call_slug, uid):
    programme = _managed(request, slug)
    call = queries.call_get(programme=programme, slug=call_slug)
    rule = EligibilityRule.objects.filter(call=call, uid=uid).first()
    if rule is None:
        raise Http404("No such rule")
    try:
        services.rule_remove(actor=request.user, rule=rule)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "Eligibility rule removed.")
    return redirect("calls:call_detail", programme.slug, call.slug)


APPLICATION_SORTS = [
    Sort("organisation", "Organisation", ("organisation__name",)),
    Sort("status", "Status", ("status", "organisation__name")),
    Sort("submitted", "Submitted", ("-submitted_at", "organisation__name")),
]
APPLICATION_COLUMNS = [
    Column("Organisation", lambda a: a.organisation.name),
    Column("Challenge area", lambda a: a.challenge_area.name if a.challenge_area else ""),
    Column("Status", lambda a: a.get_status_display()),
    Column("Submitted", lambda a: a.submitted_on),
    Column("Id", lambda a: a.uid),
]


@require_GET
def application_index(request, slug, call_slug):
    programme = _managed(request, slug)
    call = queries.call_get(programme=programme, slug=call_slug)
    return list_view(
        request,
        "calls/application_list.html",
        _ctx(programme, call=call),
        queries.application_list(call=call),
        filterset_class=ApplicationFilter,
        sorts=APPLICATION_SORTS,
        columns=APPLICATION_COLUMNS,
        filename=f"{programme.slug}-{call.slug}-applications.csv",
    )


def _viewable_application(request, slug, call_slug, uid):
    programme = queries.applying_programme_get(user=request.user, slug=slug)
    call = queries.call_get(programme=programme, slug=call_slug)
    application = queries.application_get(call=call, uid=uid)
    if not can_view_application(request.user, application):
        raise Http404("No such application")  # another's: its existence stays hidden
    return programme, call, application


@require_GET
def application_detail(request, slug, call_slug, uid):
    programme, call, application = _viewable_application(request, slug, call_slug, uid)
    answers = {a.question_id: a for a in application.answers.all()}
    return render(
        request,
        "calls/application_detail.html",
        _ctx(
            programme,
            call=call,
            application=application,
            rows=[(q, answers.get(q.pk)) for q in call.questions.all()],
            can_manage=can_manage_calls(request.user, programme),
        ),
    )


@require_GET
def answer_download(request, slug, call_slug, uid, question_uid):
    _, _, application = _viewable_application(request, slug, call_slug, uid)
    if not can_download_answer_file(request.user, application):
        raise PermissionDenied
    answer = application.answers.filter(
        question__uid=question_uid, question__kind=QuestionKind.FILE
    ).first()
    if answer is None or not answer.file:
        raise Http404("No such file")
    return download_response(answer.file, filename=answer.file_name)


@require_GET
def my_applications(request, slug):
    programme = queries.applying_programme_get(user=request.user, slug=slug)
    if not can_view_own_applications(request.user, programme):
        raise PermissionDenied
    organisations = applicant_organisations(request.user, programme)
    return render(
        request,
        "calls/my_applications.html",
        _ctx(programme, applications=queries.applications_of(organisations=organisations)),
    )
