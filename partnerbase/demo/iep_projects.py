"""The IEP's collaborative projects and Nationwide's Open Banking for Good competition,
recorded through the projects services (a step of `iep.Builder`)."""

from datetime import date
from decimal import Decimal

from partnerbase.accounts.models import Role, User
from partnerbase.accounts.services import membership_grant, user_create
from partnerbase.funding import services as funding
from partnerbase.projects import services as projects

from . import iep_data as data
from .ids import DEMO_PASSWORD, uid


def build_projects(b) -> None:
    """The collaborative projects, the money linked to them and their outcomes."""
    for (
        key,
        name,
        status,
        launched,
        region,
        challenge,
        coalition,
        illustrative,
        note,
    ) in data.PROJECTS:
        b.projects[key] = projects.project_create(
            actor=b.actor,
            programme=b.programme,
            name=name,
            status=status,
            launch_date=launched,
            region=region,
            challenge_area=b.challenges[challenge],
            description=note,
            illustrative=illustrative,
            uid=uid("project", key),
            coalition=[(b.orgs[org], role) for org, role in coalition],
            origin=data.PROJECT_ORIGINS.get(key, ""),
        )
    a, p = b.actor, b.programme
    for (
        key,
        direction,
        funder,
        recipient,
        instrument,
        amount,
        on,
        title,
    ) in data.PROJECT_FUNDING:
        award = funding.funding_award_record(
            actor=a,
            programme=p,
            title=title,
            instrument=instrument,
            amount=Decimal(amount),
            currency="GBP",
            award_date=on,
            funder=b.orgs[funder],
            recipient=b.orgs[recipient],
            illustrative=True,
            uid=uid("award", "project", key, funder, recipient, on.isoformat()),
        )
        projects.project_funding_link(
            actor=a,
            project=b.projects[key],
            award=award,
            direction=direction,
            uid=uid("project-funding", key, str(award.uid)),
        )
    for key, indicators in data.PROJECT_INDICATORS.items():
        for name, unit, observations in indicators:
            indicator = projects.project_indicator_add(
                actor=a,
                project=b.projects[key],
                name=name,
                unit=unit,
                illustrative=True,
                uid=uid("indicator", key, name),
            )
            for on, value, quality, evidence in observations:
                projects.project_observation_record(
                    actor=a,
                    indicator=indicator,
                    observed_on=on,
                    value=Decimal(value),
                    quality=quality,
                    evidence=evidence,
                    illustrative=True,
                    uid=uid("observation", key, name, on.isoformat()),
                )


def build_competition(b) -> None:
    """Nationwide's Open Banking for Good: entrants already engaged, prizes in 2019 to
    organisations outside the cohort, so every headline figure is unchanged."""
    a, p, c = b.actor, b.programme, data.COMPETITION
    competition = projects.competition_create(
        actor=a,
        programme=p,
        name=c["name"],
        sponsor=b.orgs[c["sponsor"]],
        prize_fund=Decimal(c["prize_fund"]),
        currency=c["currency"],
        launch_date=c["launch_date"],
        challenge_area=b.challenges[c["challenge"]],
        description=c["description"],
        uid=uid("competition", "ob4g"),
    )
    for name, starts_on, ends_on in data.COMPETITION_STAGES:
        projects.competition_stage_add(
            actor=a,
            competition=competition,
            name=name,
            starts_on=starts_on,
            ends_on=ends_on,
            illustrative=True,
            uid=uid("competition-stage", name),
        )
    criteria = [
        projects.rubric_criterion_add(
            actor=a,
            competition=competition,
            name=name,
            weight=weight,
            min_score=low,
            max_score=high,
            illustrative=True,
            uid=uid("criterion", name),
        )
        for name, weight, low, high in data.COMPETITION_CRITERIA
    ]
    entries = {
        key: projects.competition_entry_record(
            actor=a,
            competition=competition,
            organisation=b.orgs[key],
            title=title,
            entered_on=on,
            illustrative=True,
            uid=uid("competition-entry", key),
        )
        for key, title, on in data.COMPETITION_ENTRIES
    }
    for email, name, org_key in data.COMPETITION_JUDGES:
        user = User.objects.filter(email=email).first() or user_create(
            email=email, password=DEMO_PASSWORD, full_name=name
        )
        membership_grant(actor=a, user=user, programme=p, role=Role.ASSESSOR)
        judge = projects.competition_judge_add(
            actor=a,
            competition=competition,
            user=user,
            organisation=b.orgs[org_key],
            illustrative=True,
            uid=uid("judge", email),
        )
        for key, entry in entries.items():
            if projects.judge_conflict(judge, entry):
                continue  # the conflict-of-interest rule keeps this entry from them
            assignment = projects.judge_assign(
                actor=a, judge=judge, entry=entry, uid=uid("assignment", email, key)
            )
            scores = data.COMPETITION_SCORES[(email, key)]
            projects.judge_scores_submit(
                actor=a,
                assignment=assignment,
                scores=dict(zip(criteria, scores, strict=True)),
                submitted_on=date(2018, 10, 12),
            )
    for key, amount, on in data.COMPETITION_PRIZES:
        projects.competition_award_make(
            actor=a,
            entry=entries[key],
            amount=Decimal(amount),
            award_date=on,
            illustrative=True,
            uid=uid("competition-award", key),
            funding_award_uid=uid("award", key, c["sponsor"], on.isoformat()),
        )
