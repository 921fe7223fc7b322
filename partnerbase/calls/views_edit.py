"""Manager pages that change a call after it was created: its details, its questions' and
rules' order, removing a question, closing it early and deleting it. Every write is a POST
by the convening team or an accelerator manager (calls/permissions.py)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from partnerbase.core.errors import DomainError
from partnerbase.core.forms import ConfirmForm, add_service_error, opened, posted
from partnerbase.core.pages import saved

from . import deadlines, lifecycle, queries, services
from .forms import CallForm, RuleForm, rule_fields
from .models import EligibilityRule, Question
from .views import _ctx, _managed
from .wording import rule_in_words


def _call(request, slug, call_slug):
    programme = _managed(request, slug)
    return programme, queries.call_get(programme=programme, slug=call_slug)


def _back(programme, call):
    return redirect("calls:call_detail", programme.slug, call.slug)


def call_initial(call) -> dict:
    opens, closes = call.opens_at.astimezone(deadlines.UK), call.closes_at.astimezone(deadlines.UK)
    return {
        "accelerator": call.accelerator_id,
        "title": call.title,
        "slug": call.slug,
        "summary": call.summary,
        "opens_on": opens.date(),
        "opens_time": deadlines.format_time(opens),
        "closes_on": closes.date(),
        "closes_time": deadlines.format_time(closes),
        "challenge_areas": list(call.challenge_areas.values_list("pk", flat=True)),
    }


@require_http_methods(["GET", "POST"])
def call_change(request, slug, call_slug):
    programme, call = _call(request, slug, call_slug)
    form = opened(CallForm(posted(request), programme=programme, initial=call_initial(call)), call)
    has_opened = lifecycle.has_opened(call)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if saved(
            form,
            lambda: services.call_update(
                actor=request.user,
                call=call,
                accelerator=data["accelerator"],
                title=data["title"],
                slug=data["slug"],
                summary=data["summary"],
                opens_at=data["opens_at"],
                closes_at=data["closes_at"],
                challenge_areas=data["challenge_areas"],
            ),
        ):
            messages.success(request, f"{call.title} saved.")
            return _back(programme, call)
    return render(
        request, "calls/call_form.html", _ctx(programme, form=form, call=call, opened=has_opened)
    )


@require_http_methods(["GET", "POST"])
def call_close(request, slug, call_slug):
    programme, call = _call(request, slug, call_slug)
    form = _confirm_form(request)
    if request.method == "POST" and form.is_valid():
        try:
            services.call_close(actor=request.user, call=call)
        except DomainError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, f"{call.title} is closed.")
            return _back(programme, call)
    return render(
        request,
        "calls/call_close.html",
        _ctx(
            programme,
            call=call,
            form=form,
            is_live=lifecycle.is_live(call),
            drafts=services.editing.draft_count(call),
        ),
    )


@require_http_methods(["GET", "POST"])
def call_delete(request, slug, call_slug):
    programme, call = _call(request, slug, call_slug)
    form = _confirm_form(request)
    if request.method == "POST" and form.is_valid():
        title = call.title
        try:
            services.call_delete(actor=request.user, call=call)
        except DomainError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, f"{title} deleted.")
            return redirect("calls:call_list", programme.slug)
    return render(
        request,
        "calls/call_delete.html",
        _ctx(
            programme,
            call=call,
            form=form,
            refusal=services.call_delete_refusal(call),
            is_live=lifecycle.is_live(call),
            drafts=call.applications.count(),
        ),
    )


def _question(call, uid) -> Question:
    question = Question.objects.filter(call=call, uid=uid).first()
    if question is None:
        raise Http404("No such question")
    return question


def _rule(call, uid) -> EligibilityRule:
    rule = EligibilityRule.objects.filter(call=call, uid=uid).select_related("question").first()
    if rule is None:
        raise Http404("No such rule")
    return rule


@require_http_methods(["GET", "POST"])
def question_remove(request, slug, call_slug, uid):
    programme, call = _call(request, slug, call_slug)
    question = _question(call, uid)
    form = _confirm_form(request)
    if request.method == "POST" and form.is_valid():
        try:
            services.question_remove(actor=request.user, question=question)
        except DomainError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, "Question removed.")
            return _back(programme, call)
    return render(
        request,
        "calls/question_remove.html",
        _ctx(
            programme,
            call=call,
            question=question,
            form=form,
            lock_reason=lifecycle.setup_lock_reason(call),
            rules=[rule_in_words(r) for r in question.rules.select_related("call")],
            answers=question.answers.count(),
            last=call.questions.count() == 1,
            is_live=lifecycle.is_live(call),
        ),
    )


def _moved(request, programme, call, move, **record) -> object:
    try:
        move(actor=request.user, direction=request.POST.get("direction", ""), **record)
    except DomainError as exc:
        messages.error(request, exc.message)
    return _back(programme, call)


@require_POST
def question_move(request, slug, call_slug, uid):
    programme, call = _call(request, slug, call_slug)
    question = _question(call, uid)
    return _moved(request, programme, call, services.question_move, question=question)


@require_POST
def rule_move(request, slug, call_slug, uid):
    programme, call = _call(request, slug, call_slug)
    rule = _rule(call, uid)
    return _moved(request, programme, call, services.rule_move, rule=rule)


@require_http_methods(["GET", "POST"])
def rule_change(request, slug, call_slug, uid):
    programme, call = _call(request, slug, call_slug)
    rule = _rule(call, uid)
    initial = {
        "kind": rule.kind,
        "values": rule.values,
        "amount": rule.amount,
        "question": rule.question_id,
    }
    form = opened(RuleForm(posted(request), call=call, initial=initial), rule)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if saved(
            form, lambda: services.rule_update(actor=request.user, rule=rule, **rule_fields(data))
        ):
            messages.success(request, "Eligibility rule saved.")
            return _back(programme, call)
    return render(
        request,
        "calls/rule_form.html",
        _ctx(
            programme,
            call=call,
            form=form,
            rule=rule,
            lock_reason=lifecycle.setup_lock_reason(call),
        ),
    )


def _confirm_form(request):
    return ConfirmForm(posted(request))
