"""Projects: status, coalition, funding links, indicators and what the project page adds up."""

from datetime import date
from decimal import Decimal

import pytest

from partnerbase.core.errors import DomainError
from partnerbase.core.period import Period
from partnerbase.impact.figures import new_projects
from partnerbase.projects import services
from partnerbase.projects.models import CollaborativeProject, ProjectFunding, ProjectObservation
from partnerbase.projects.queries import project_indicators, project_money

from .factories import build_world

pytestmark = pytest.mark.django_db
YEAR = Period(date(2017, 1, 1), date(2017, 12, 31))


def proposed(world, **extra):
    return services.project_create(
        actor=world.make.actor, programme=world.programme, name="Idea", **extra
    )


def test_a_project_moves_proposed_launched_active_completed(world):
    project = proposed(world, origin="Financial inclusion working group")
    actor = world.make.actor

    services.project_status_change(
        actor=actor, project=project, status="launched", launch_date=date(2017, 8, 1)
    )
    services.project_status_change(actor=actor, project=project, status="active")
    project = services.project_status_change(actor=actor, project=project, status="completed")

    assert project.status == "completed" and project.launch_date == date(2017, 8, 1)
    assert project.origin == "Financial inclusion working group"
    assert new_projects(world.programme, YEAR).filter(pk=project.pk).exists()
    reasons = [h.history_change_reason for h in project.history.order_by("history_id")]
    assert reasons[-1] == "Status changed to completed"


def test_launching_needs_a_launch_date_and_saves_nothing_without_one(world):
    project = proposed(world)

    with pytest.raises(DomainError) as exc:
        services.project_status_change(actor=world.make.actor, project=project, status="launched")

    assert exc.value.field == "launch_date"
    assert CollaborativeProject.objects.get(pk=project.pk).status == "proposed"


@pytest.mark.parametrize(
    "start, to", [("proposed", "active"), ("proposed", "completed"), ("launched", "proposed")]
)
def test_statuses_cannot_be_skipped_or_reversed(world, start, to):
    project = proposed(world, status=start, launch_date=date(2017, 5, 1))

    with pytest.raises(DomainError):
        services.project_status_change(actor=world.make.actor, project=project, status=to)


@pytest.mark.parametrize("start", ["proposed", "launched", "active"])
def test_any_unfinished_project_can_be_cancelled_but_not_revived(world, start):
    project = proposed(world, status=start, launch_date=date(2017, 5, 1))
    actor = world.make.actor

    services.project_status_change(actor=actor, project=project, status="cancelled")

    with pytest.raises(DomainError):
        services.project_status_change(actor=actor, project=project, status="active")


def test_the_same_member_in_the_same_role_is_refused(world):
    lead = world.project.coalition.get(role="lead").organisation
    with pytest.raises(DomainError):
        services.coalition_member_add(
            actor=world.make.actor, project=world.project, organisation=lead, role="lead"
        )
    # Another role is fine.
    services.coalition_member_add(
        actor=world.make.actor, project=world.project, organisation=lead, role="delivery"
    )


def test_money_in_and_out_add_up_in_gbp_with_usd_at_the_stated_rate(world):
    make, project = world.make, world.project
    lead = project.coalition.get(role="lead").organisation
    bank = project.coalition.get(role="funder").organisation
    outsider = make.org("Youth Trust", kind="charity")
    link = lambda award, d: services.project_funding_link(  # noqa: E731
        actor=make.actor, project=project, award=award, direction=d
    )
    link(make.award(funder=bank, recipient=lead, amount="1000", on=date(2017, 7, 1)), "in")
    link(
        make.award(
            funder=make.org("US Fund"),
            recipient=lead,
            amount="500",
            currency="USD",
            on=date(2017, 7, 2),
        ),
        "in",
    )
    link(
        make.award(
            funder=bank, recipient=lead, amount="9999", on=date(2017, 7, 3), instrument="in_kind"
        ),
        "in",
    )
    link(make.award(funder=lead, recipient=outsider, amount="300", on=date(2017, 8, 1)), "out")

    money = project_money(project)

    # $500 at 1.25 is £400; the in-kind award is listed but kept out of the total.
    assert money["in"]["total"].amount == Decimal("1400.00")
    assert money["in"]["total"].display == "£1,400 ($1,750)"
    assert len(money["in"]["rows"]) == 3
    assert money["out"]["total"].display == "£300 ($375)"
    assert [r.rate for r in money["in"]["total"].rates] == [Decimal("1.25")]


def test_money_in_must_reach_a_coalition_member_and_money_out_come_from_one(world):
    make, project = world.make, world.project
    lead = project.coalition.get(role="lead").organisation
    outsider, other = make.org("Outsider"), make.org("Other")
    to_outsider = make.award(funder=lead, recipient=outsider, amount="10", on=date(2017, 7, 1))
    between_outsiders = make.award(
        funder=other, recipient=outsider, amount="10", on=date(2017, 7, 1)
    )

    with pytest.raises(DomainError):
        services.project_funding_link(
            actor=make.actor, project=project, award=to_outsider, direction="in"
        )
    with pytest.raises(DomainError):
        services.project_funding_link(
            actor=make.actor, project=project, award=between_outsiders, direction="out"
        )
    services.project_funding_link(
        actor=make.actor, project=project, award=to_outsider, direction="out"
    )
    with pytest.raises(DomainError):  # once only
        services.project_funding_link(
            actor=make.actor, project=project, award=to_outsider, direction="out"
        )
    assert ProjectFunding.objects.filter(project=project).count() == 1


def test_an_award_of_another_programme_cannot_be_linked(world, actor):
    elsewhere = build_world(actor)
    lead = elsewhere.project.coalition.get(role="lead").organisation
    award = elsewhere.make.award(
        funder=elsewhere.sponsor, recipient=lead, amount="5", on=date(2017, 7, 1)
    )
    with pytest.raises(DomainError):
        services.project_funding_link(
            actor=actor, project=world.project, award=award, direction="in"
        )


def test_outcomes_show_each_indicator_with_its_latest_observation(world):
    actor = world.make.actor
    people = services.project_indicator_add(
        actor=actor, project=world.project, name="People into work", unit="people"
    )
    services.project_indicator_add(actor=actor, project=world.project, name="Cities", unit="cities")
    for on, value in ((date(2017, 7, 1), "10"), (date(2017, 9, 1), "25"), (date(2017, 8, 1), "20")):
        services.project_observation_record(
            actor=actor, indicator=people, observed_on=on, value=value, quality="estimate"
        )

    rows = {row["indicator"].name: row for row in project_indicators(world.project)}

    assert rows["People into work"]["latest"].value == Decimal("25")
    assert len(rows["People into work"]["observations"]) == 3
    assert rows["Cities"]["latest"] is None


def test_a_verified_observation_needs_evidence_and_a_value_must_be_a_number(world):
    actor = world.make.actor
    indicator = services.project_indicator_add(
        actor=actor, project=world.project, name="People", unit="people"
    )
    record = lambda **kw: services.project_observation_record(  # noqa: E731
        actor=actor, indicator=indicator, observed_on=date(2017, 7, 1), **kw
    )
    with pytest.raises(DomainError) as exc:
        record(value="5", quality="verified")
    assert exc.value.field == "evidence"
    with pytest.raises(DomainError) as exc:
        record(value="lots", quality="estimate")
    assert exc.value.field == "value"
    assert not ProjectObservation.objects.exists()
    record(value="5", quality="verified", evidence="Payroll records")
    assert ProjectObservation.objects.get().quality == "verified"
