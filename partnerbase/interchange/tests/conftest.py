"""A small programme with one of everything the interchange format carries, built by services."""

import json
from datetime import date
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from partnerbase.accelerator import services as accelerator
from partnerbase.accounts.services import user_create
from partnerbase.brokering import services as brokering
from partnerbase.brokering.models import Partnership
from partnerbase.challenges.services import challenge_area_create
from partnerbase.directory import services as directory
from partnerbase.funding import services as funding
from partnerbase.funding.models import FundingAward
from partnerbase.impact.services import target_set
from partnerbase.programmes.models import Programme
from partnerbase.programmes.services import programme_create
from partnerbase.projects import services as projects

from . import (
    builders,
    builders_1_4,
    builders_1_5,
    builders_accelerator,
    builders_assessment,
    builders_challenges,
    builders_champions,
    builders_outcomes,
    builders_pledges,
)
from .counts import record_counts

__all__ = ["build_small", "export_text", "record_counts", "write"]


def export_text(slug: str) -> str:
    out = StringIO()
    call_command("export", "-", programme=slug, stdout=out)
    return out.getvalue()


def write(tmp_path: Path, data: dict, name: str = "programme.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def actor(db):
    return user_create(email="team@example.org", password=None, full_name="Tess Team")


def _organisations(actor, p) -> dict:
    org = directory.organisation_create
    return {
        "dcms": org(
            actor=actor,
            programme=p,
            name="DCMS",
            kind="government_department",
            convenes_programme=True,
            regions="UK",
        ),
        "unltd": org(
            actor=actor,
            programme=p,
            name="UnLtd",
            kind="charity",
            identifiers=["GB-CHC-1090393"],
            regions="UK, Wales",
            national_reach=True,
        ),
        "bank": org(
            actor=actor,
            programme=p,
            name="Barclays",
            kind="business",
            identifiers=["GB-COH-00048839"],
            employee_count=80000,
            customer_count=24000000,
            website="https://home.barclays/",
        ),
        "toolshed": org(
            actor=actor,
            programme=p,
            name="Toolshed — Ltd",
            kind="social_enterprise",
            illustrative=True,
            description="Café-style “workshops”",
        ),
        "gone": org(actor=actor, programme=p, name="Gone CIC", kind="community_interest_company"),
    }


def _accelerator(actor, p, o, area) -> None:
    acc = accelerator.accelerator_create(
        actor=actor,
        programme=p,
        name="Accelerator",
        starts_on=date(2018, 2, 1),
        delivery_partner=o["unltd"],
    )
    cohort = accelerator.cohort_create(
        actor=actor,
        accelerator=acc,
        name="Cohort 1",
        starts_on=date(2018, 2, 1),
        ends_on=date(2018, 8, 1),
        illustrative=True,
    )
    accelerator.cohort_member_add(
        actor=actor,
        cohort=cohort,
        organisation=o["toolshed"],
        joined_on=date(2018, 2, 1),
        challenge_area=area,
    )
    place = accelerator.cohort_member_add(
        actor=actor, cohort=cohort, organisation=o["gone"], joined_on=date(2018, 2, 1)
    )
    accelerator.cohort_member_withdraw(actor=actor, membership=place, on=date(2018, 3, 1))


def _partnerships(actor, p, o, project) -> Partnership:
    move = brokering.partnership_move
    confirmed = brokering.partnership_create(
        actor=actor,
        programme=p,
        name="Toolshed and Barclays",
        kind="mentoring",
        proposed_on=date(2018, 3, 1),
        partners=[o["bank"], o["unltd"]],
        innovator=o["toolshed"],
        brokered_by=o["unltd"],
    )
    move(actor=actor, partnership=confirmed, stage="introduced", on=date(2018, 3, 8))
    move(
        actor=actor,
        partnership=confirmed,
        stage="confirmed",
        on=date(2018, 4, 1),
        estimated_value=Decimal("12500.50"),
    )
    move(actor=actor, partnership=confirmed, stage="active", on=date(2018, 5, 1))
    declined = brokering.partnership_create(
        actor=actor,
        programme=p,
        name="Pilot and DCMS",
        kind="other",
        proposed_on=date(2018, 3, 1),
        partners=[o["dcms"]],
        project=project,
    )
    move(actor=actor, partnership=declined, stage="declined", on=date(2018, 3, 20))
    lapsed = brokering.partnership_create(
        actor=actor,
        programme=p,
        name="Toolshed and UnLtd",
        kind="funding",
        proposed_on=date(2018, 3, 1),
        partners=[o["unltd"]],
        innovator=o["toolshed"],
    )
    move(actor=actor, partnership=lapsed, stage="introduced", on=date(2018, 3, 8))
    move(actor=actor, partnership=lapsed, stage="in_discussion", on=date(2018, 3, 9))
    return confirmed


def _awards(actor, p, o, partnership) -> tuple[FundingAward, FundingAward]:
    award = funding.funding_award_record
    grant = award(
        actor=actor,
        programme=p,
        title="Grant",
        instrument="grant",
        amount=Decimal("80500"),
        currency="GBP",
        award_date=date(2018, 4, 2),
        funder=o["unltd"],
        recipient=o["toolshed"],
        via_partnership=partnership,
    )
    loan = award(
        actor=actor,
        programme=p,
        title="Loan",
        instrument="social_loan",
        amount=Decimal("10000.25"),
        currency="USD",
        award_date=date(2018, 5, 1),
        funder=o["bank"],
        recipient=o["toolshed"],
        via_intermediary=o["unltd"],
        interest_rate_percent=Decimal("3.5"),
        term_months=36,
        repayment_method="straight_line",
        first_repayment_on=date(2018, 6, 15),
        confirmed=False,
        illustrative=True,
    )
    return grant, loan


def build_small(actor, slug: str = "small") -> Programme:
    p = programme_create(
        actor=actor,
        name="Small programme",
        slug=slug,
        starts_on=date(2017, 9, 1),
        ends_on=date(2018, 9, 30),
        display_currencies="USD,EUR",
        report_date=date(2018, 9, 30),
    )
    target_set(actor=actor, programme=p, figure="new_projects", value=Decimal(4))
    target_set(
        actor=actor,
        programme=p,
        figure="additional_funding",
        value=Decimal("500000.50"),
        set_on=date(2017, 9, 1),
        notes="Stretch",
        illustrative=True,
    )
    funding.exchange_rate_add(
        actor=actor,
        programme=p,
        base="GBP",
        quote="USD",
        rate_date=date(2018, 1, 1),
        rate=Decimal("1.3167"),
        source="ONS",
    )
    area = challenge_area_create(
        actor=actor,
        programme=p,
        name="Financial inclusion",
        description="Bad debt",
        illustrative=True,
    )
    o = _organisations(actor, p)
    person = directory.person_create(
        actor=actor,
        programme=p,
        name="Ada",
        organisation=o["bank"],
        email="ada@example.org",
        job_title="CEO",
    )
    directory.engagement_record(
        actor=actor,
        programme=p,
        organisation=o["bank"],
        kind="meeting",
        occurred_on=date(2017, 10, 2),
        summary="First meeting",
        participants=[person],
    )
    _accelerator(actor, p, o, area)
    project = projects.project_create(
        actor=actor,
        programme=p,
        name="Pilot",
        status="active",
        launch_date=date(2018, 6, 4),
        region="West Midlands",
        challenge_area=area,
        coalition=[
            (o["dcms"], "government"),
            (o["unltd"], "lead", date(2018, 5, 1)),
            (o["unltd"], "funder"),
        ],
        origin="Working group on “financial inclusion”",
    )
    grant, loan = _awards(actor, p, o, _partnerships(actor, p, o, project))
    builders.ledger(actor, grant, loan)
    builders.brokering_round(actor, p, o, area)
    builders.project_records(actor, project, grant)
    builders.competition(actor, p, o, area)
    builders_outcomes.outcome_records(actor, p, o["toolshed"])
    builders_assessment.assessment_records(actor, p, o)
    builders_accelerator.accelerator_records(actor, p, o)
    builders_challenges.challenge_records(actor, p, o)
    builders_champions.champion_records(actor, p, o)
    builders_pledges.pledge_records(actor, p, o, area, project)
    builders_1_4.version_1_4_records(actor, p, area)
    builders_1_5.version_1_5_records(actor, p, o, project)
    return p


@pytest.fixture
def small(actor) -> Programme:
    return build_small(actor)


@pytest.fixture
def small_data(small) -> dict:
    return json.loads(export_text(small.slug))
