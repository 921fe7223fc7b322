"""Format 1.1's and 1.2's records for the small programme, built by services: the funding
ledger, 360Giving details, brokering (a round the engine ran, and innovators' own limits),
project money and indicators, and a competition with a judge, scores and a prize."""

from datetime import date
from decimal import Decimal

from partnerbase.accounts.models import Role, User
from partnerbase.accounts.services import membership_grant, user_create
from partnerbase.brokering import services as brokering
from partnerbase.brokering.models import Introduction
from partnerbase.funding import services as funding
from partnerbase.opendata.services import grant_details_set
from partnerbase.projects import services as projects


def ledger(actor, grant, loan) -> None:
    funding.disbursement_record(
        actor=actor, award=grant, kind="planned", on=date(2018, 4, 10), amount=Decimal("80500")
    )
    funding.disbursement_record(
        actor=actor,
        award=grant,
        kind="actual",
        on=date(2018, 4, 20),
        amount=Decimal("40250.50"),
        notes="First half",
        illustrative=True,
    )
    funding.loan_repayment_record(
        actor=actor, award=loan, paid_on=date(2018, 7, 1), amount=Decimal("300.25")
    )
    grant_details_set(
        actor=actor,
        award=grant,
        original_id="360G-unltd-0001",
        recipient_org_id="GB-COH-09999999",
        funding_org_id="GB-CHC-1090393",
        # Keys out of order on purpose: PostgreSQL's jsonb sorts them, so export does too.
        recipient_fields={"name": "Toolshed", "charityNumber": "", "postalCode": "B1 1AA"},
        beneficiary_locations=[{"name": "Birmingham", "geoCodeType": "MD", "geoCode": "E08"}],
        classifications=[{"vocabulary": "x", "code": "1", "title": "Young people"}],
        grant_programmes=[{"title": "Star", "code": "S1"}],
        planned_dates=[{"startDate": "2018-04-02", "duration": 12}],
        extra={"dataSource": "https://example.org/grants", "amountAppliedFor": 90000},
        illustrative=True,
    )


def brokering_round(actor, p, o, area) -> None:
    """Two needs and two offers; the engine proposes Toolshed and Gone CIC, which is sent
    and accepted by the innovator; a second round stays a draft."""
    toolshed, gone = o["toolshed"], o["gone"]
    brokering.need_create(
        actor=actor,
        programme=p,
        innovator=toolshed,
        type="mentoring",
        quantity=2,
        regions="West Midlands, Wales",
        challenge_area=area,
        recorded_on=date(2018, 2, 1),
        description="Mentors for the “Build” course",
    )
    closed = brokering.need_create(
        actor=actor,
        programme=p,
        innovator=toolshed,
        type="funding",
        amount=Decimal("5000.5"),
        currency="GBP",
        recorded_on=date(2018, 2, 1),
        illustrative=True,
    )
    brokering.want_close(actor=actor, record=closed, on=date(2018, 4, 2))
    brokering.offer_create(
        actor=actor,
        programme=p,
        partner=gone,
        type="mentoring",
        capacity=2,
        budget=Decimal("1200"),
        currency="USD",
        preferred_challenge_area=area,
        preferred_regions="West Midlands",
        pledge_reference="Pledge 7",
        recorded_on=date(2018, 1, 15),
    )
    used = brokering.offer_create(
        actor=actor, programme=p, partner=o["dcms"], type="skills", recorded_on=date(2018, 1, 15)
    )
    brokering.want_close(actor=actor, record=used, on=date(2018, 3, 1))
    round = brokering.round_create(
        actor=actor,
        programme=p,
        name="Spring round",
        mode="stable",
        weights={"type_fit": 50, "preference": 0},
        innovator_capacity=2,
    )
    # Toolshed's own limits, set before the run; the round is sent by the end.
    brokering.round_innovator_setting_set(
        actor=actor, round=round, innovator=toolshed, capacity=1, min_introductions=1
    )
    brokering.round_start(actor=actor, round=round)
    round = brokering.round_run(actor=actor, round=round)
    round = brokering.round_review(actor=actor, round=round)
    introduction = Introduction.objects.get(round=round)
    introduction = brokering.introduction_send(
        actor=actor, introduction=introduction, on=date(2018, 4, 3), name="Toolshed and Gone"
    )
    brokering.introduction_respond(
        actor=actor,
        introduction=introduction,
        side="innovator",
        accept=True,
        reason="Just right",
        on=date(2018, 4, 5),
    )
    brokering.round_send(actor=actor, round=round, on=date(2018, 4, 3))
    autumn = brokering.round_create(
        actor=actor, programme=p, name="Autumn round", illustrative=True
    )
    brokering.round_innovator_setting_set(
        actor=actor,
        round=autumn,
        innovator=toolshed,
        capacity=0,
        min_introductions=0,
        illustrative=True,
    )


def project_records(actor, project, grant) -> None:
    projects.project_funding_link(
        actor=actor, project=project, award=grant, direction="out", illustrative=True
    )
    indicator = projects.project_indicator_add(
        actor=actor, project=project, name="Young people into work", unit="people"
    )
    projects.project_observation_record(
        actor=actor,
        indicator=indicator,
        observed_on=date(2018, 7, 1),
        value=Decimal("12"),
        quality="estimate",
        illustrative=True,
    )
    projects.project_observation_record(
        actor=actor,
        indicator=indicator,
        observed_on=date(2018, 9, 1),
        value=Decimal("15.5"),
        quality="verified",
        evidence="Payroll records",
    )


def competition(actor, p, o, area) -> None:
    """A competition whose prize to Toolshed is a funding award, disbursed and described
    beyond what the prize service writes."""
    c = projects.competition_create(
        actor=actor,
        programme=p,
        name="Open Banking for Good",
        sponsor=o["bank"],
        prize_fund=Decimal("10000"),
        currency="GBP",
        launch_date=date(2018, 6, 1),
        challenge_area=area,
        description="Apps for people in debt",
    )
    projects.competition_stage_add(
        actor=actor, competition=c, name="Final", starts_on=date(2018, 7, 15), illustrative=True
    )
    projects.competition_stage_add(
        actor=actor,
        competition=c,
        name="Open call",
        starts_on=date(2018, 6, 1),
        ends_on=date(2018, 7, 1),
    )
    # Added "Impact" first: rubric order is the order added, not by name or id.
    criteria = [
        projects.rubric_criterion_add(
            actor=actor, competition=c, name=name, weight=w, min_score=lo, max_score=hi
        )
        for name, w, lo, hi in (("Impact", 2, 0, 5), ("Feasibility", 1, 1, 10))
    ]
    entries = [
        projects.competition_entry_record(
            actor=actor, competition=c, organisation=o[key], title=title, entered_on=on
        )
        for key, title, on in (
            ("toolshed", "Budget buddy", date(2018, 6, 10)),
            ("gone", "Debt map", date(2018, 6, 12)),
        )
    ]
    judge_user = User.objects.filter(email="judge@example.org").first() or user_create(
        email="judge@example.org", password="x", full_name="Jo Judge"
    )
    membership_grant(actor=actor, user=judge_user, programme=p, role=Role.ASSESSOR)
    judge = projects.competition_judge_add(
        actor=actor, competition=c, user=judge_user, organisation=o["dcms"], illustrative=True
    )
    for entry, scores in zip(entries, ((5, 7), (2, 3)), strict=True):
        assignment = projects.judge_assign(actor=actor, judge=judge, entry=entry)
        projects.judge_scores_submit(
            actor=actor,
            assignment=assignment,
            scores=dict(zip(criteria, scores, strict=True)),
            submitted_on=date(2018, 7, 20),
        )
    prize = projects.competition_award_make(
        actor=actor, entry=entries[0], amount=Decimal("6000"), award_date=date(2018, 7, 30)
    )
    award = prize.funding_award
    award.description, award.confirmed = "Paid in two parts", False
    award.save()
    funding.disbursement_record(
        actor=actor, award=award, kind="planned", on=date(2018, 8, 1), amount=Decimal("3000")
    )
    grant_details_set(actor=actor, award=award, original_id="360G-bank-prize-1")
