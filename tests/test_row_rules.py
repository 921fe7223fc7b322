"""One row rule per kind of record: for every user of the demo (each role, the administrator,
applicants, an outsider) the rows a kind's list gives are exactly the records its
`can_view_*` check allows, one by one. Both come from the kind's `visible_*` query, so a
rule changed in one place shows in both; this proves nobody restated it beside them."""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import AnonymousUser

from partnerbase.accelerator.models import CohortMembership
from partnerbase.accelerator.permissions import can_view_innovator
from partnerbase.accelerator.queries import place_list
from partnerbase.accounts.models import User
from partnerbase.api import reads as api_reads
from partnerbase.assessment.models import Assignment
from partnerbase.assessment.permissions import can_view_assignment
from partnerbase.assessment.queries import assignment_list
from partnerbase.brokering import queries as brokering
from partnerbase.brokering.models import Introduction, Need, Offer, Partnership
from partnerbase.brokering.permissions import (
    can_change_need,
    can_change_offer,
    can_view_introduction,
    can_view_partnership,
)
from partnerbase.calls.models import Application
from partnerbase.calls.permissions import can_view_application
from partnerbase.calls.queries import visible_application_list
from partnerbase.directory.models import Engagement, Organisation
from partnerbase.directory.permissions import can_view_engagement, can_view_organisation
from partnerbase.directory.queries import engagement_list, organisation_list
from partnerbase.funding.models import FundingAward
from partnerbase.funding.permissions import can_view_award
from partnerbase.funding.queries import award_list
from partnerbase.outcomes.models import OutcomeIndicator, OutcomeObservation
from partnerbase.outcomes.permissions import can_view_outcomes, visible_indicators
from partnerbase.outcomes.queries import observation_list
from partnerbase.pledges.models import Pledge
from partnerbase.pledges.permissions import can_view_organisation_pledges, can_view_pledge
from partnerbase.pledges.queries import pledge_list
from partnerbase.projects.models import CollaborativeProject, Competition
from partnerbase.projects.permissions import can_view_competition, can_view_project
from partnerbase.projects.queries import competition_list, project_list
from partnerbase.workinggroups.models import WorkingGroup
from partnerbase.workinggroups.permissions import can_view_working_group
from partnerbase.workinggroups.queries import working_group_list


@dataclass(frozen=True)
class Kind:
    model: type
    rows: Callable  # (user, programme) -> the list's rows
    can_view: Callable  # (user, record) -> bool
    programme: str = "programme"  # the path from a record to its programme

    def __str__(self):
        return self.model.__name__


KINDS = [
    Kind(
        CohortMembership,
        lambda user, p: place_list(user=user, programme=p),
        can_view_innovator,
        programme="cohort__accelerator__programme",
    ),
    Kind(
        WorkingGroup,
        lambda user, p: working_group_list(user=user, programme=p),
        can_view_working_group,
    ),
    Kind(
        Assignment,
        lambda user, p: assignment_list(user=user, programme=p),
        can_view_assignment,
        programme="application__call__programme",
    ),
    Kind(
        CollaborativeProject,
        lambda user, p: project_list(user=user, programme=p),
        can_view_project,
    ),
    Kind(
        Competition,
        lambda user, p: competition_list(user=user, programme=p),
        can_view_competition,
    ),
    Kind(
        Organisation,
        lambda user, p: organisation_list(user=user, programme=p),
        can_view_organisation,
    ),
    Kind(Engagement, lambda user, p: engagement_list(user=user, programme=p), can_view_engagement),
    Kind(Need, lambda user, p: brokering.need_list(user=user, programme=p), can_change_need),
    Kind(Offer, lambda user, p: brokering.offer_list(user=user, programme=p), can_change_offer),
    Kind(
        Introduction,
        lambda user, p: brokering.introduction_list(user=user, programme=p),
        can_view_introduction,
    ),
    Kind(
        Partnership,
        lambda user, p: brokering.partnership_list(user=user, programme=p),
        can_view_partnership,
    ),
    Kind(
        Application,
        lambda user, p: visible_application_list(user=user, programme=p),
        can_view_application,
        programme="call__programme",
    ),
    Kind(Pledge, lambda user, p: pledge_list(user=user, programme=p), can_view_pledge),
    Kind(FundingAward, lambda user, p: award_list(user=user, programme=p), can_view_award),
    # An indicator and its observations are seen by whoever sees its organisation's outcomes.
    Kind(
        OutcomeIndicator,
        visible_indicators,
        lambda user, i: can_view_outcomes(user, i.programme, i.organisation),
    ),
    Kind(
        OutcomeObservation,
        lambda user, p: observation_list(user=user, programme=p),
        lambda user, o: can_view_outcomes(user, o.indicator.programme, o.indicator.organisation),
        programme="indicator__programme",
    ),
]


@pytest.fixture(scope="module")
def readers(iep_for_module, django_db_blocker):
    with django_db_blocker.unblock():
        outsider = User.objects.create_user(email="outsider@example.org", password="x")
        return [AnonymousUser(), outsider, *User.objects.exclude(pk=outsider.pk).order_by("email")]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS, ids=str)
def test_a_kinds_list_and_its_can_view_agree_for_every_user(kind, iep_for_module, readers):
    programme = iep_for_module
    records = list(kind.model.objects.filter(**{kind.programme: programme}))
    assert records, f"The demo has no {kind}"
    seen = {}
    for user in readers:
        listed = set(kind.rows(user, programme).values_list("pk", flat=True))
        allowed = {r.pk for r in records if kind.can_view(user, r)}
        assert listed == allowed, f"{kind} for {user}"
        seen[str(user)] = len(listed)
    # The rule restricts: someone sees them all and someone none.
    counts = set(seen.values())
    assert len(records) in counts and 0 in counts, seen


API_KINDS = [k for k in api_reads.KINDS if k.model in {kind.model for kind in KINDS}]


@pytest.mark.django_db
@pytest.mark.parametrize("api_kind", API_KINDS, ids=lambda k: k.path)
def test_the_apis_rows_are_the_same_rule(api_kind, iep_for_module, readers):
    """The API asks each kind's rule too: whoever may call it gets the rows `can_view_*`
    allows, no more and no fewer (the rest are answered 403)."""
    programme = iep_for_module
    kind = next(k for k in KINDS if k.model is api_kind.model)
    records = list(kind.model.objects.filter(**{kind.programme: programme}))
    callers = 0
    for user in readers:
        if not api_kind.allowed(user, programme):
            continue
        callers += 1
        listed = set(api_kind.rows(user, programme, {}).values_list("pk", flat=True))
        assert listed == {r.pk for r in records if kind.can_view(user, r)}, f"{kind} for {user}"
    assert callers, api_kind.path


# Pages of one organisation's records ask the same rule of the organisation.
ORGANISATION_PAGES = {
    "pledges": (
        Pledge,
        lambda user, programme: pledge_list(user=user, programme=programme),
        can_view_organisation_pledges,
    ),
    "outcomes": (OutcomeIndicator, visible_indicators, can_view_outcomes),
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", ORGANISATION_PAGES)
def test_an_organisations_page_opens_to_whoever_sees_its_records(name, iep_for_module, readers):
    model, rows, can_view = ORGANISATION_PAGES[name]
    programme = iep_for_module
    holders = Organisation.objects.filter(
        pk__in=model.objects.filter(programme=programme).values("organisation_id")
    )
    assert holders, name
    for user in readers:
        seen = set(rows(user, programme).values_list("organisation_id", flat=True))
        allowed = {o.pk for o in holders if can_view(user, programme, o)}
        assert seen == allowed, f"{name} for {user}"
