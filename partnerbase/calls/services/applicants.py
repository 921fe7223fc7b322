"""An applicant creates an account for their organisation: a user, the organisation and
the user's innovator role for it, in one transaction."""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from partnerbase.accounts.models import Role, User
from partnerbase.accounts.services import membership_grant, user_create
from partnerbase.core.errors import DomainError
from partnerbase.directory.services import organisation_create

# Kinds an applicant may choose: the organisations an accelerator call is for.
APPLICANT_KINDS = ("charity", "social_enterprise", "community_interest_company", "business")


@transaction.atomic
def applicant_register(
    *,
    programme,
    email: str,
    full_name: str,
    password: str,
    organisation_name: str,
    kind: str,
    region: str = "",
):
    """Return (user, organisation); the new user is the actor of their own records."""
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise DomainError(
            "An account with this email address already exists: sign in instead.", field="email"
        )
    if kind not in APPLICANT_KINDS:
        raise DomainError("Select the kind of organisation.", field="kind")
    try:
        validate_password(password, User(email=email, full_name=full_name))
    except ValidationError as exc:
        raise DomainError(" ".join(exc.messages), field="password") from exc
    user = user_create(email=email, password=password, full_name=full_name.strip())
    organisation = organisation_create(
        actor=user,
        programme=programme,
        name=organisation_name,
        kind=kind,
        regions=region.strip(),
    )
    membership_grant(
        actor=user, user=user, programme=programme, role=Role.INNOVATOR, organisation=organisation
    )
    return user, organisation
