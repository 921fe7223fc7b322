"""The records behind each headline figure, as rows a page or a CSV can show.

Each list is the figure's own queryset from `figures.py`, so it adds up to the figure.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, QuerySet

from partnerbase.accelerator.models import CohortMembership
from partnerbase.brokering.models import PartnershipPartner
from partnerbase.core.lists import Sort
from partnerbase.core.money import NoRate, dated_total, format_money, format_rate, round_money
from partnerbase.core.period import Period
from partnerbase.directory.models import Organisation

from . import figures as f
from .models import Figure
from .roles import ROLE_SOURCES


@dataclass(frozen=True)
class Records:
    """A figure's records as a query, so a page reads one page of them and a download
    streams them: `rows(records)` gives the rows of any slice of `queryset`."""

    figure: str
    label: str
    columns: list[str]
    queryset: QuerySet
    rows: Callable[[list], list[dict]]
    is_money: bool = False
    # Searched by the page's ?q=; the orders it offers, the first the figure's own (each
    # labelled with its column's heading).
    search_fields: tuple[str, ...] = ()
    sorts: list[Sort] = field(default_factory=list)


@dataclass
class RecordList:
    figure: str
    label: str
    columns: list[str]
    rows: list[dict]  # each: {"cells": [...], "record": model instance}
    count: int
    total: Decimal | None = None  # money figures: the exact sum, rounded once
    problem: str = ""


ORGANISATION_SORTS = [
    Sort("name", "Organisation", ("name",)),
    Sort("kind", "Kind", ("kind", "name")),
    Sort("sector", "Sector", ("sector_group", "name")),
]
PARTNERSHIP_SEARCH = ("name", "innovator__name", "project__name")
PARTNERSHIP_SORTS = [
    Sort("confirmed", "Confirmed", ("confirmed_on",)),
    Sort("name", "Partnership", ("name", "confirmed_on")),
    Sort("stage", "Stage", ("stage", "confirmed_on")),
]


def _organisation_roles(programme, period: Period, ids: list[int]) -> dict[int, list[str]]:
    """For each of the organisations `ids`, the kinds of role that make it count, in
    ROLE_SOURCES order."""
    roles: dict[int, list[str]] = {}
    for source in ROLE_SOURCES:
        found = source.organisation_ids(programme, period).order_by()
        (column,) = found.query.values_select
        for row in found.filter(**{f"{column}__in": ids}).distinct():
            roles.setdefault(next(iter(row.values())), []).append(source.label)
    return roles


def _engaged(programme, period) -> Records:
    def rows(orgs):
        roles = _organisation_roles(programme, period, [o.pk for o in orgs])
        return [
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

    return Records(
        Figure.ORGANISATIONS_ENGAGED,
        Figure.ORGANISATIONS_ENGAGED.label,
        ["Organisation", "Kind", "Sector", "Roles in the period"],
        f.engaged_organisations(programme, period).order_by("name", "pk"),
        rows,
        search_fields=("name",),
        sorts=ORGANISATION_SORTS,
    )


def _new_projects(programme, period) -> Records:
    def rows(projects):
        return [
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

    return Records(
        Figure.NEW_PROJECTS,
        Figure.NEW_PROJECTS.label,
        ["Project", "Challenge area", "Region", "Launched", "Status"],
        f.new_projects(programme, period)
        .select_related("challenge_area")
        .order_by("launch_date", "name", "pk"),
        rows,
        search_fields=("name", "region", "challenge_area__name"),
        sorts=[
            Sort("launched", "Launched", ("launch_date", "name")),
            Sort("name", "Project", ("name",)),
            Sort("area", "Challenge area", ("challenge_area__name", "name")),
            Sort("region", "Region", ("region", "name")),
            Sort("status", "Status", ("status", "name")),
        ],
    )


def _innovators(programme, period) -> Records:
    places = f.supporting_memberships(programme, period)

    def rows(orgs):
        first: dict[int, CohortMembership] = {}
        held = (
            places.filter(organisation__in=orgs)
            .select_related("organisation", "cohort", "challenge_area")
            .order_by("organisation__name", "joined_on")
        )
        for place in held:
            first.setdefault(place.organisation_id, place)  # earliest place per innovator
        return [
            {
                "record": o,
                "cells": [
                    o.name,
                    first[o.pk].cohort.name,
                    first[o.pk].challenge_area.name if first[o.pk].challenge_area else "",
                    first[o.pk].joined_on,
                    first[o.pk].get_status_display(),
                ],
            }
            for o in orgs
        ]

    return Records(
        Figure.INNOVATORS_SUPPORTED,
        Figure.INNOVATORS_SUPPORTED.label,
        ["Innovator", "Cohort", "Challenge area", "Joined", "Status"],
        Organisation.objects.filter(pk__in=places.values("organisation_id")).order_by("name", "pk"),
        rows,
        search_fields=("name",),
        sorts=[Sort("name", "Innovator", ("name",))],
    )


def _converted_rows(items, programme, amount_of, cells_of):
    """Rows with each amount in its own currency and in the reference currency; each row
    keeps its exact converted amount (`exact`, with its date) or why it has none."""
    currency, rates = programme.reference_currency, f.rate_table(programme)
    rows = []
    for item in items:
        amount, own_currency, on = amount_of(item)
        try:
            multiplier, used = rates.lookup(own_currency, currency, on)
            problem = ""
        except NoRate as exc:
            problem = str(exc)
            multiplier, used = None, None
        converted = amount * multiplier if multiplier is not None else None
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
                "exact": (on, converted),
                "problem": problem,
            }
        )
    return rows


def _funding(programme, period) -> Records:
    def rows(awards):
        return _converted_rows(
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

    return Records(
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
        f.additional_funding_awards(programme, period)
        .select_related("funder", "recipient", "via_intermediary")
        .order_by("award_date", "id"),
        rows,
        is_money=True,
        search_fields=("title", "recipient__name", "funder__name"),
        sorts=[
            Sort("awarded", "Awarded", ("award_date",)),
            Sort("recipient", "Recipient", ("recipient__name", "award_date")),
            Sort("funder", "Funder", ("funder__name", "award_date")),
            Sort("instrument", "Instrument", ("instrument", "award_date")),
            Sort("amount", "Amount", ("-amount_minor", "award_date")),
        ],
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


def _confirmed(programme, period) -> Records:
    return Records(
        Figure.PARTNERSHIPS_CONFIRMED,
        Figure.PARTNERSHIPS_CONFIRMED.label,
        ["Confirmed", "Partnership", "Innovator or project", "Partners", "Stage"],
        _partnerships(programme, period),
        lambda partnerships: [{"record": p, "cells": _partnership_cells(p)} for p in partnerships],
        search_fields=PARTNERSHIP_SEARCH,
        sorts=PARTNERSHIP_SORTS,
    )


def _estimated(programme, period) -> Records:
    def rows(partnerships):
        return _converted_rows(
            partnerships,
            programme,
            lambda p: (p.estimated_value, p.estimated_value_currency, p.confirmed_on),
            _partnership_cells,
        )

    return Records(
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
        _partnerships(programme, period).filter(estimated_value_minor__isnull=False),
        rows,
        is_money=True,
        search_fields=PARTNERSHIP_SEARCH,
        sorts=[
            *PARTNERSHIP_SORTS,
            Sort("estimate", "12-month estimate", ("-estimated_value_minor", "confirmed_on")),
        ],
    )


RECORDS = {
    Figure.ORGANISATIONS_ENGAGED: _engaged,
    Figure.NEW_PROJECTS: _new_projects,
    Figure.INNOVATORS_SUPPORTED: _innovators,
    Figure.ADDITIONAL_FUNDING: _funding,
    Figure.PARTNERSHIPS_CONFIRMED: _confirmed,
    Figure.ESTIMATED_PARTNERSHIP_VALUE: _estimated,
}


def figure_query(programme, key: str, period: Period) -> Records:
    """A figure's records as a query: for a page of them, or a download of them all."""
    return RECORDS[Figure(key)](programme, period)


def figure_records(programme, key: str, period: Period) -> RecordList:
    """All of a figure's records, read at once, with the exact total of money figures (for
    the API, the report and small programmes; pages read `figure_query` a page at a time)."""
    records = figure_query(programme, key, period)
    rows = records.rows(list(records.queryset))
    total, problem = None, ""
    if records.is_money:
        problem = next((r["problem"] for r in rows if r["problem"]), "")
        if not problem:
            total = dated_total([r["exact"] for r in rows], programme.reference_currency)
    return RecordList(
        records.figure, records.label, records.columns, rows, len(rows), total, problem
    )
