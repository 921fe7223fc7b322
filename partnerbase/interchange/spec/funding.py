"""Partnerships, the funding ledger (awards, disbursements, repayments) and
collaborative projects with their funding and indicators."""

from datetime import date

from .fields import (
    OBSERVED,
    Spec,
    by_date,
    day,
    decimal,
    money,
    nested,
    ref,
    refs,
    rows,
    text,
    value,
)


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


SPECS = [
    Spec(
        # Its stage and dates are replayed through the pipeline (restore.partnership_path).
        "partnerships",
        "partnership",
        (
            text("name"),
            text("kind"),
            ref("innovator", "organisations"),
            ref("project", "collaborative_projects"),
            refs("partners", "organisations", through="organisation"),
            text("stage", arg=None),
            day("proposed_on"),
            day("introduced_on", arg=None),
            day("confirmed_on", arg=None),
            day("ended_on", arg=None),
            money(
                "estimated_value",
                "estimated_value_minor",
                "estimated_value_currency",
                arg=None,
            ),
            ref("brokered_by", "organisations"),
            text("description"),
        ),
        model="brokering.Partnership",
        service="brokering.services:partnership_create",
        programme=True,
        build="core:partnership",
        batched=True,
    ),
    Spec(
        # A competition prize makes its own funding award (competition_awards).
        "funding_awards",
        "funding award",
        (
            text("title"),
            text("description"),
            text("instrument"),
            money("amount", "amount_minor", "currency"),
            day("award_date"),
            value("confirmed", True),
            ref("funder", "organisations"),
            ref("recipient", "organisations"),
            ref("via_partnership", "partnerships"),
            ref("via_intermediary", "organisations"),
            decimal("interest_rate_percent"),
            value("term_months"),
            text(
                "repayment_method",
                None,
                write=lambda a: a.repayment_method or None,
                read=lambda ref, v: v or "",
            ),
            day("first_repayment_on"),
            # Kept inside the award; its fields are opendata.services.DETAIL_FIELDS.
            nested(
                "grant_details",
                Spec("grant_details", "set of 360Giving details", (), related="grant_details"),
                arg=None,
                write="funding:grant_details",
            ),
        ),
        model="funding.FundingAward",
        select=("grant_details",),
        service="funding.services:funding_award_record",
        programme=True,
        build="funding:funding_award",
        batched=True,
    ),
    Spec(
        "disbursements",
        "disbursement",
        (
            ref("award", "funding_awards"),
            text("kind"),
            day("on"),
            money("amount", "amount_minor", "award.currency", currency_arg=None),
            text("notes"),
        ),
        model="funding.Disbursement",
        scope="award__programme",
        service="funding.services:disbursement_record",
        build="funding:disbursement",
    ),
    Spec(
        "loan_repayments",
        "loan repayment",
        (
            ref("award", "funding_awards"),
            day("paid_on"),
            money("amount", "amount_minor", "award.currency", currency_arg=None),
            text("notes"),
        ),
        model="funding.LoanRepayment",
        scope="award__programme",
        service="funding.services:loan_repayment_record",
        build="funding:loan_repayment",
    ),
    Spec(
        "collaborative_projects",
        "collaborative project",
        (
            text("name"),
            ref("challenge_area", "challenge_areas"),
            text("region"),
            day("launch_date"),
            text("status", "proposed"),
            text("description"),
            text("origin"),
            value("published", False),
            # A member has no id: the organisation and role identify it.
            rows(
                "coalition",
                refs=(("organisation", "organisations"),),
                write=lambda x: sorted(
                    (
                        {
                            "organisation": str(m.organisation.uid),
                            "role": m.role,
                            "joined_on": m.joined_on.isoformat() if m.joined_on else None,
                        }
                        for m in x.coalition.all()
                    ),
                    key=lambda m: (m["organisation"], m["role"]),
                ),
                read=lambda ref, members: [
                    (ref(m["organisation"]), m["role"], _date(m.get("joined_on"))) for m in members
                ],
            ),
        ),
        model="projects.CollaborativeProject",
        prefetch=("coalition__organisation",),
        service="projects.services:project_create",
        programme=True,
    ),
    Spec(
        "project_funding",
        "project funding link",
        (
            ref("project", "collaborative_projects"),
            ref("award", "funding_awards"),
            text("direction"),
        ),
        model="projects.ProjectFunding",
        scope="project__programme",
        service="projects.services:project_funding_link",
    ),
    Spec(
        "project_indicators",
        "project indicator",
        (
            ref("project", "collaborative_projects"),
            text("name"),
            text("unit"),
            nested(
                "observations",
                Spec(
                    "project_observations",
                    "project observation",
                    OBSERVED,
                    related="observations",
                    order=by_date,
                    service="projects.services:project_observation_record",
                ),
                arg="indicator",
            ),
        ),
        model="projects.ProjectIndicator",
        scope="project__programme",
        service="projects.services:project_indicator_add",
    ),
]
