"""Public call pages: anyone may read an open (or closed) call and, while it is open,
create an account for their organisation; applying needs that account."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from partnerbase.core.errors import DomainError
from partnerbase.core.forms import add_service_error
from partnerbase.core.pages import saved

from . import deadlines, queries, services
from .application_form import ApplicationForm
from .forms import ConfirmForm, RegisterForm
from .models import ApplicationStatus
from .permissions import applicant_organisations, can_edit_application
from .wording import rules_in_words


@login_not_required
@require_GET
def call_page(request, slug, call_slug):
    call = queries.public_call_get(programme_slug=slug, slug=call_slug)
    now = timezone.now()
    return render(
        request,
        "calls/public_call.html",
        {
            "call": call,
            "is_open": deadlines.is_open(call.opens_at, call.closes_at, now),
            "questions": call.questions.all(),
            "rules": rules_in_words(call),
            "challenge_areas": call.challenge_areas.all(),
        },
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def register(request, slug, call_slug):
    call = queries.public_call_get(programme_slug=slug, slug=call_slug)
    apply_url = reverse("calls_public:apply", args=[slug, call.slug])
    if request.user.is_authenticated:
        return redirect(apply_url)
    if not services.call_takes_accounts(call):
        # Closed: no form, and a form sent anyway is refused. (Before it opens, a call is
        # not public at all: public_call_get answers 404.)
        status = 403 if request.method == "POST" else 200
        return render(request, "calls/register_not_open.html", {"call": call}, status=status)
    form = RegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if saved(
            form,
            lambda: services.applicant_register(
                call=call, site=request.build_absolute_uri("/")[:-1], **form.cleaned_data
            ),
        ):
            # The same page whether or not the address has an account: the email says which.
            return redirect("calls_public:register_sent", slug, call.slug)
    return render(
        request,
        "calls/register.html",
        {
            "call": call,
            "form": form,
            "sign_in_url": f"{reverse('accounts:login')}?next={apply_url}",
        },
    )


@login_not_required
@require_GET
def register_sent(request, slug, call_slug):
    call = queries.public_call_get(programme_slug=slug, slug=call_slug)
    return render(request, "calls/register_sent.html", {"call": call})


@login_not_required
@require_http_methods(["GET", "POST"])
def confirm(request, slug, call_slug, key):
    """The emailed link: the address's owner enters the password chosen, and the account is
    made (a GET only shows the form)."""
    call = queries.public_call_get(programme_slug=slug, slug=call_slug)
    account_request = queries.account_request_get(call=call, key=key)
    if account_request is None:
        return render(request, "calls/confirm_not_valid.html", {"call": call}, status=404)
    form = ConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            applicant = services.account_request_confirm(
                account_request=account_request, password=form.cleaned_data["password"]
            )
        except (DomainError, ValidationError) as exc:
            add_service_error(form, exc)
        else:
            login(request, applicant.user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, f"Account created for {applicant.organisation.name}.")
            return redirect("calls_public:apply", slug, call.slug)
    return render(
        request,
        "calls/confirm.html",
        {"call": call, "form": form, "email": account_request.email},
    )


def _application(request, slug, call_slug):
    """The call, the signed-in applicant's application to it (None before their first save)
    and the organisation they apply for."""
    call = queries.public_call_get(programme_slug=slug, slug=call_slug)
    organisations = applicant_organisations(request.user, call.programme)
    if not organisations:
        raise PermissionDenied
    existing = call.applications.filter(organisation__in=[o.pk for o in organisations]).first()
    return call, existing, organisations[0]


@require_http_methods(["GET", "POST"])
def apply(request, slug, call_slug):
    call, application, organisation = _application(request, slug, call_slug)
    now = timezone.now()
    is_open = deadlines.is_open(call.opens_at, call.closes_at, now)
    if application is None:
        if not is_open:
            messages.error(request, f"This call closed at {deadlines.format_uk(call.closes_at)}.")
            return redirect("calls_public:call", slug, call.slug)
        # A new draft, saved by the first save or submission: opening the page writes nothing.
        application = queries.application_new(call=call, organisation=organisation)
    if not can_edit_application(request.user, application):
        raise PermissionDenied
    form = None
    if application.status == ApplicationStatus.DRAFT:
        form = ApplicationForm(request.POST or None, request.FILES or None, application=application)
        if request.method == "POST" and form.is_valid():
            submitting = request.POST.get("action") == "submit"
            action = services.application_submit if submitting else services.application_save
            if saved(
                form,
                lambda: action(
                    actor=request.user,
                    application=application,
                    answers=form.answers(),
                    challenge_area=form.cleaned_data.get("challenge_area"),
                ),
            ):
                if submitting:
                    messages.success(request, "Application submitted.")
                else:
                    messages.success(
                        request,
                        "Your draft has been saved. You can come back to it at any time "
                        "before the call closes.",
                    )
                return redirect("calls_public:apply", slug, call.slug)
    answers = {a.question_id: a for a in application.answers.all()} if application.pk else {}
    return render(
        request,
        "calls/apply.html",
        {
            "programme": call.programme,
            "call": call,
            "application": application,
            "form": form,
            "is_open": is_open,
            "rows": [(q, answers.get(q.pk)) for q in call.questions.all()],
        },
    )


@require_POST
def withdraw(request, slug, call_slug):
    call, application, _ = _application(request, slug, call_slug)
    if application is None or not can_edit_application(request.user, application):
        raise PermissionDenied
    try:
        services.application_withdraw(actor=request.user, application=application)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "Your application has been withdrawn.")
    return redirect("calls_public:apply", slug, call.slug)
