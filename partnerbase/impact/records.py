"""The records behind each headline figure, as rows a page or a CSV can show.

Each list is the figure's own queryset from `figures.py`, so it adds up to the figure.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch

from partnerbase.accelerator.models import CohortMembership
from partnerbase.brokering.models import PartnershipPartner
from partnerbase.core.money import NoRate, dated_total, format_money, format_rate, round_money
from partnerbase.core.period import Period

from . import figures as f
from .models import Figure
from .roles import ROLE_SOURCES


@dataclass
class RecordList:
    figure: str
    label: str
    columns: list[str]
    rows: list[dict]  # each: {"cells": [...], "record": model instance}
    count: int
    total: Decimal | None = None  # money figures: the exact sum, rounded once
    problem: str = ""


def _organisation_roles(programme, period: Period) -> dict[int, list[str]]:
    """For each organisation, the kinds of role that make it count, in ROLE_SOURCES order."""
    roles: dict[int, list[str]] = {}
    for source in ROLE_SOURCES:
        ids = source.organisation_ids(programme, period).order_by().distinct()
        for row in ids:
            roles.setdefault(next(iter(row.values())), []).append(source.label)
    return roles


def organisations_engaged(programme, period):
    orgs = list(f.engaged_organisations(programme, period).order_by("name"))
    roles = _organisation_roles(programme, period)
    rows = [
        {
            "record": o,
            "cells": [
                o.name,
                o.get_kind_display(),
                o.get_sector_group_display(),
                ", ".join(roles.get(o.pk, [])),
            ],
        }
        for o in orgs
    ]
    return RecordList(
        Figure.ORGANISATIONS_ENGAGED,
        Figure.ORGANISATIONS_ENGAGED.label,
        ["Organisation", "Kind", "Sector", "Roles in the period"],
        rows,
        len(rows),
    )


def new_projects(programme, period):
    projects = f.new_projects(programme, period).select_related("challenge_area")
    rows = [
        {
            "record": p,
            "cells": [
                p.name,
                p.challenge_area.name if p.challenge_area else "",
                p.region,
                p.launch_date,
                p.get_status_display(),
            ],
        }
        for p in projects
    ]
    return RecordList(
        Figure.NEW_PROJECTS,
        Figure.NEW_PROJECTS.label,
        ["Project", "Challenge area", "Region", "Launched", "Status"],
        rows,
        len(rows),
    )


def innovators_supported(programme, period):
    places = (
        f.supporting_memberships(programme, period)
        .select_related("organisation", "cohort", "challenge_area")
        .order_by("organisation__name", "joined_on")
    )
    by_org: dict[int, CohortMembership] = {}
    for place in places:
        by_org.setdefault(place.organisation_id, place)  # earliest place per innovator
    rows = [
        {
            "record": p.organisation,
            "cells": [
                p.organisation.name,
                p.cohort.name,
                p.challenge_area.name if p.challenge_area else "",
                p.joined_on,
                p.get_status_display(),
            ],
        }
        for p in by_org.values()
    ]
    return RecordList(
        Figure.INNOVATORS_SUPPORTED,
        Figure.INNOVATORS_SUPPORTED.label,
        ["Innovator", "Cohort", "Challenge area", "Joined", "Status"],
        rows,
        len(rows),
    )


def _converted_rows(items, programme, amount_of, cells_of):
    """Rows with each amount in its own currency and in the reference currency."""
    currency, rates = programme.reference_currency, f.rate_table(programme)
    rows, converted_amounts, problem = [], [], ""
    for item in items:
        amount, own_currency, on = amount_of(item)
        try:
            multiplier, used = rates.lookup(own_currency, currency, on)
        except NoRate as exc:
            problem = str(exc)
            multiplier, used = None, None
        converted = amount * multiplier if multiplier is not None else None
        if converted is not None:
            converted_amounts.append((on, converted))
        rate_text = (
            f"{format_rate(used.rate)} {used.quote} per {used.base} on {used.on:%-d %b %Y}"
            if used
            else (None if multiplier is not None else "No rate")
        )
        rows.append(
            {
                "record": item,
                "cells": cells_of(item)
                + [
                    format_money(amount, own_currency),
                    rate_text,
                    round_money(converted, currency) if converted is not None else None,
                ],
            }
        )
    return rows, (None if problem else dated_total(converted_amounts, currency)), problem


def additional_funding(programme, period):
    awards = (
        f.additional_funding_awards(programme, period)
        .select_related("funder", "recipient", "via_intermediary")
        .order_by("award_date", "id")
    )
    rows, total, problem = _converted_rows(
        awards,
        programme,
        lambda a: (a.amount, a.currency, a.award_date),
        lambda a: [
            a.award_date,
            a.recipient.name,
            a.funder.name,
            a.get_instrument_display()
            + (f" via {a.via_intermediary.name}" if a.via_intermediary else ""),
        ],
    )
    return RecordList(
        Figure.ADDITIONAL_FUNDING,
        Figure.ADDITIONAL_FUNDING.label,
        [
            "Awarded",
            "Recipient",
            "Funder",
            "Instrument",
            "Amount",
            "Rate",
            f"In {programme.reference_currency}",
        ],
        rows,
        len(rows),
        total,
        problem,
    )


def _partnerships(programme, period):
    return (
        f.confirmed_partnerships(programme, period)
        .select_related("innovator", "project")
        .prefetch_related(
            Prefetch(
                "partners",
                PartnershipPartner.objects.select_related("organisation").order_by(
                    "organisation__name"
                ),
            )
        )
        .order_by("confirmed_on", "id")
    )


def _partnership_cells(p):
    return [
        p.confirmed_on,
        p.name,
        (p.innovator or p.project).name if (p.innovator or p.project) else "",
        ", ".join(pp.organisation.name for pp in p.partners.all()),
        p.get_stage_display(),
    ]


def partnerships_confirmed(programme, period):
    rows = [{"record": p, "cells": _partnership_cells(p)} for p in _partnerships(programme, period)]
    return RecordList(
        Figure.PARTNERSHIPS_CONFIRMED,
        Figure.PARTNERSHIPS_CONFIRMED.label,
        ["Confirmed", "Partnership", "Innovator or project", "Partners", "Stage"],
        rows,
        len(rows),
    )


def estimated_partnership_value(programme, period):
    partnerships = [p for p in _partnerships(programme, period) if p.estimated_value is not None]
    rows, total, problem = _converted_rows(
        partnerships,
        programme,
        lambda p: (p.estimated_value, p.estimated_value_currency, p.confirmed_on),
        _partnership_cells,
    )
    return RecordList(
        Figure.ESTIMATED_PARTNERSHIP_VALUE,
        Figure.ESTIMATED_PARTNERSHIP_VALUE.label,
        [
            "Confirmed",
            "Partnership",
            "Innovator or project",
            "Partners",
            "Stage",
            "12-month estimate",
            "Rate",
            f"In {programme.reference_currency}",
        ],
        rows,
        len(rows),
        total,
        problem,
    )


RECORDS = {
    Figure.ORGANISATIONS_ENGAGED: organisations_engaged,
    Figure.NEW_PROJECTS: new_projects,
    Figure.INNOVATORS_SUPPORTED: innovators_supported,
    Figure.ADDITIONAL_FUNDING: additional_funding,
    Figure.PARTNERSHIPS_CONFIRMED: partnerships_confirmed,
    Figure.ESTIMATED_PARTNERSHIP_VALUE: estimated_partnership_value,
}


def figure_records(programme, key: str, period: Period) -> RecordList:
    return RECORDS[Figure(key)](programme, period)
