"""The team's people pages: who holds which role, invitations, giving and taking roles."""

from functools import partial

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from partnerbase.accounts import invitations, lockout, queries, services
from partnerbase.accounts.forms import InvitationForm, RoleForm
from partnerbase.accounts.models import User
from partnerbase.accounts.permissions import can_manage_people
from partnerbase.core.errors import DomainError
from partnerbase.core.forms import add_service_error, opened
from partnerbase.programmes.access import programme_for

NAV = "people"


_programme = partial(programme_for, allowed=can_manage_people)


def _site_url(request) -> str:
    return request.build_absolute_uri("/")


def _after_own_change(request, programme, target):
    """Where to go after a role changed: `target`, unless the team member just gave up
    their own convening-team role and may no longer manage people here."""
    fresh = User.objects.get(pk=request.user.pk)  # the role cache starts empty
    if can_manage_people(fresh, programme):
        return redirect(*target)
    messages.success(request, f"You are no longer on {programme.name}’s convening team.")
    return redirect("home")


def _people_page(request, programme, *, errors=(), status=200):
    return render(
        request,
        "accounts/people.html",
        {
            "programme": programme,
            "people": queries.people_list(programme=programme),
            "invitations": queries.invitation_list(programme=programme),
            "errors": list(errors),
            "nav_current": NAV,
        },
        status=status,
    )


@require_GET
def people(request, slug):
    return _people_page(request, _programme(request, slug))


@require_http_methods(["GET", "POST"])
def invite(request, slug):
    programme = _programme(request, slug)
    form = InvitationForm(
        request.POST or None, organisations=queries.organisation_choices(programme=programme)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            invitation = invitations.invitation_send(
                actor=request.user,
                programme=programme,
                email=data["email"],
                full_name=data["full_name"],
                roles=data["roles"],
                organisation=data["organisation"],
                site_url=_site_url(request),
            )
        except (DomainError, ValidationError) as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, f"Invitation sent to {invitation.email}.")
            return redirect("people:list", programme.slug)
    return render(
        request,
        "accounts/invite.html",
        {
            "programme": programme,
            "form": form,
            "expiry_days": settings.INVITATION_EXPIRY_DAYS,
            "nav_current": NAV,
        },
    )


def _invitation_action(request, slug, uid, act, done):
    programme = _programme(request, slug)
    invitation = queries.invitation_get(programme=programme, uid=uid)
    try:
        act(invitation)
    except DomainError as exc:
        return _people_page(
            request, programme, errors=[{"href": "#invitations", "text": exc.message}]
        )
    messages.success(request, done.format(email=invitation.email))
    return redirect("people:list", programme.slug)


@require_POST
def invitation_resend(request, slug, uid):
    def resend(invitation):
        invitations.invitation_resend(
            actor=request.user, invitation=invitation, site_url=_site_url(request)
        )

    done = "A new invitation link was sent to {email}. The old link no longer works."
    return _invitation_action(request, slug, uid, resend, done)


@require_POST
def invitation_revoke(request, slug, uid):
    def revoke(invitation):
        invitations.invitation_revoke(actor=request.user, invitation=invitation)

    done = "The invitation to {email} was withdrawn. Its link no longer works."
    return _invitation_action(request, slug, uid, revoke, done)


def _person_page(request, programme, user_id, *, errors=(), failed=None):
    person, memberships = queries.person_get(programme=programme, user_id=user_id)
    return render(
        request,
        "accounts/person.html",
        {
            "programme": programme,
            "person": person,
            "memberships": memberships,
            "locked": lockout.is_locked(person),
            "errors": list(errors),
            # The role whose removal was refused, to show the message in its row too.
            "failed": failed,
            "failed_errors": [e["text"] for e in errors],
            "nav_current": NAV,
        },
    )


@require_GET
def person(request, slug, user_id):
    return _person_page(request, _programme(request, slug), user_id)


@require_http_methods(["GET", "POST"])
def role_form(request, slug, user_id, pk=None):
    """Give a person another role (no pk), or change one of theirs."""
    programme = _programme(request, slug)
    person, _ = queries.person_get(programme=programme, user_id=user_id)
    membership = None
    initial = {}
    if pk is not None:
        membership = queries.membership_get(programme=programme, user_id=user_id, pk=pk)
        initial = {"role": membership.role, "organisation": membership.organisation}
    form = RoleForm(
        request.POST or None,
        initial=initial,
        organisations=queries.organisation_choices(programme=programme),
    )
    if membership is not None:
        opened(form, membership)
    if request.method == "POST" and form.is_valid():
        role, organisation = form.cleaned_data["role"], form.cleaned_data["organisation"]
        try:
            if membership is None:
                services.membership_grant(
                    actor=request.user,
                    user=person,
                    programme=programme,
                    role=role,
                    organisation=organisation,
                )
            else:
                services.membership_change(
                    actor=request.user, membership=membership, role=role, organisation=organisation
                )
        except (DomainError, ValidationError) as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, f"{person}’s roles were updated.")
            return _after_own_change(
                request, programme, ("people:person", programme.slug, person.pk)
            )
    return render(
        request,
        "accounts/role_form.html",
        {
            "programme": programme,
            "person": person,
            "membership": membership,
            "form": form,
            "nav_current": NAV,
        },
    )


@require_POST
def role_remove(request, slug, user_id, pk):
    programme = _programme(request, slug)
    membership = queries.membership_get(programme=programme, user_id=user_id, pk=pk)
    try:
        services.membership_remove(actor=request.user, membership=membership)
    except DomainError as exc:
        error = {"href": f"#role-{membership.pk}", "text": exc.message}
        return _person_page(request, programme, user_id, errors=[error], failed=membership.pk)
    person = membership.user
    messages.success(request, f"{person} no longer has the role {membership.get_role_display()}.")
    if programme.memberships.filter(user=person).exists():
        target = ("people:person", programme.slug, person.pk)
    else:
        # No role left here: they are no longer among the programme's people.
        target = ("people:list", programme.slug)
    return _after_own_change(request, programme, target)


@require_POST
def sign_in_unlock(request, slug, user_id):
    """Let a person of the programme who is locked out after wrong passwords sign in again."""
    programme = _programme(request, slug)
    person, _ = queries.person_get(programme=programme, user_id=user_id)
    lockout.sign_in_unlock(actor=request.user, user=person)
    messages.success(request, f"{person} can sign in again.")
    return redirect("people:person", programme.slug, person.pk)
