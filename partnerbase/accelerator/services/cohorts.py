from datetime import date

from django.db import transaction

from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_save
from partnerbase.core.services import same_programme

from ..models import Accelerator, Cohort, CohortMembership, MembershipStatus


@transaction.atomic
def accelerator_create(
    *,
    actor,
    programme,
    name: str,
    starts_on: date,
    ends_on: date | None = None,
    delivery_partner=None,
    description: str = "",
    illustrative: bool = False,
    uid=None,
) -> Accelerator:
    same_programme(programme, delivery_partner=delivery_partner)
    _need_name(name, "accelerator")
    accelerator = Accelerator(
        programme=programme,
        name=name,
        starts_on=starts_on,
        ends_on=ends_on,
        delivery_partner=delivery_partner,
        description=description,
        illustrative=illustrative,
    )
    return record_save(accelerator, uid=uid, actor=actor, reason="Accelerator created")


@transaction.atomic
def cohort_create(
    *,
    actor,
    accelerator: Accelerator,
    name: str,
    starts_on: date,
    ends_on: date | None = None,
    illustrative: bool = False,
    uid=None,
) -> Cohort:
    _need_name(name, "cohort")
    cohort = Cohort(
        accelerator=accelerator,
        name=name,
        starts_on=starts_on,
        ends_on=ends_on,
        illustrative=illustrative,
    )
    return record_save(cohort, uid=uid, actor=actor, reason="Cohort created")


@transaction.atomic
def cohort_member_add(
    *,
    actor,
    cohort: Cohort,
    organisation,
    joined_on: date,
    challenge_area=None,
    status: str = MembershipStatus.ACTIVE,
    withdrawn_on: date | None = None,
    graduated_on: date | None = None,
    illustrative: bool = False,
    uid=None,
) -> CohortMembership:
    programme = cohort.accelerator.programme
    same_programme(programme, organisation=organisation, challenge_area=challenge_area)
    if cohort.memberships.filter(organisation=organisation).exists():
        raise DomainError(f"{organisation} already has a place in {cohort}.", field="organisation")
    membership = CohortMembership(
        cohort=cohort,
        organisation=organisation,
        joined_on=joined_on,
        challenge_area=challenge_area,
        status=status,
        withdrawn_on=withdrawn_on,
        graduated_on=graduated_on,
        illustrative=illustrative,
    )
    return record_save(membership, uid=uid, actor=actor, reason="Joined cohort")


@transaction.atomic
def cohort_member_withdraw(*, actor, membership: CohortMembership, on: date) -> CohortMembership:
    if membership.status == MembershipStatus.WITHDRAWN:
        raise DomainError(f"{membership.organisation} has already withdrawn.", field="status")
    if on < membership.joined_on:
        raise DomainError("An innovator cannot withdraw before joining.", field="withdrawn_on")
    membership.status, membership.withdrawn_on = MembershipStatus.WITHDRAWN, on
    return record_save(membership, actor=actor, reason="Withdrew from cohort")


@transaction.atomic
def cohort_member_graduate(*, actor, membership: CohortMembership, on: date) -> CohortMembership:
    """The innovator completed the cohort on `on`."""
    if membership.status != MembershipStatus.ACTIVE:
        raise DomainError(
            f"Only an active innovator can graduate; {membership.organisation} is "
            f"{membership.get_status_display().lower()}.",
            field="status",
        )
    if on < membership.joined_on:
        raise DomainError("An innovator cannot graduate before joining.", field="graduated_on")
    membership.status, membership.graduated_on = MembershipStatus.GRADUATED, on
    return record_save(membership, actor=actor, reason="Graduated from cohort")


def _need_name(name: str, what: str) -> None:
    if not name.strip():
        raise DomainError(f"Enter the {what}'s name.", field="name")


@transaction.atomic
def accelerator_update(
    *,
    actor,
    accelerator: Accelerator,
    name: str,
    starts_on: date,
    ends_on: date | None = None,
    delivery_partner=None,
    description: str = "",
) -> Accelerator:
    """Change the accelerator's name, delivery partner, dates or description."""
    same_programme(accelerator.programme, delivery_partner=delivery_partner)
    _need_name(name, "accelerator")
    accelerator.name, accelerator.delivery_partner = name.strip(), delivery_partner
    accelerator.starts_on, accelerator.ends_on = starts_on, ends_on
    accelerator.description = description.strip()
    return record_save(accelerator, actor=actor, reason="Accelerator changed")


@transaction.atomic
def cohort_update(
    *, actor, cohort: Cohort, name: str, starts_on: date, ends_on: date | None = None
) -> Cohort:
    """Rename the cohort or change its dates; its places keep their own join dates."""
    _need_name(name, "cohort")
    cohort.name, cohort.starts_on, cohort.ends_on = name.strip(), starts_on, ends_on
    return record_save(cohort, actor=actor, reason="Cohort changed")
