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
    illustrative: bool = False,
    uid=None,
) -> CohortMembership:
    programme = cohort.accelerator.programme
    same_programme(programme, organisation=organisation, challenge_area=challenge_area)
    membership = CohortMembership(
        cohort=cohort,
        organisation=organisation,
        joined_on=joined_on,
        challenge_area=challenge_area,
        status=status,
        withdrawn_on=withdrawn_on,
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
def cohort_member_graduate(*, actor, membership: CohortMembership) -> CohortMembership:
    if membership.status != MembershipStatus.ACTIVE:
        raise DomainError(
            f"Only an active innovator can graduate; {membership.organisation} is "
            f"{membership.get_status_display().lower()}.",
            field="status",
        )
    membership.status = MembershipStatus.GRADUATED
    return record_save(membership, actor=actor, reason="Graduated from cohort")
