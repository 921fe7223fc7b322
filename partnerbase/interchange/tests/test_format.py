"""The schema agrees with the models, and the pure helpers behave; no database needed."""

import json
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from partnerbase.accelerator.models import MembershipStatus
from partnerbase.brokering.models import (
    IntroductionStatus,
    OpenStatus,
    PartnershipKind,
    Response,
    RoundMode,
    RoundStatus,
    SupportType,
)
from partnerbase.brokering.stages import Stage
from partnerbase.core.errors import DomainError
from partnerbase.directory.models import EngagementKind, OrganisationKind, SectorGroup
from partnerbase.funding.models import DisbursementKind, Instrument, RepaymentMethod
from partnerbase.impact.models import Figure
from partnerbase.interchange.checks import Problem, schema
from partnerbase.interchange.format import (
    ARRAYS,
    FORMAT_VERSION,
    READABLE_VERSIONS,
    datetime_text,
    decimal_text,
    json_value,
    parse_datetime,
)
from partnerbase.interchange.restore import partnership_path
from partnerbase.projects.models import (
    CoalitionRole,
    FundingDirection,
    ObservationQuality,
    ProjectStatus,
)


@pytest.mark.parametrize(
    ("definition", "field", "choices"),
    [
        ("organisation", "kind", OrganisationKind.values),
        ("organisation", "sector_group", SectorGroup.values),
        ("engagement", "kind", EngagementKind.values),
        ("cohort_membership", "status", MembershipStatus.values),
        ("partnership", "kind", PartnershipKind.values),
        ("partnership", "stage", [s.value for s in Stage]),
        ("funding_award", "instrument", Instrument.values),
        ("target", "figure", Figure.values),
        ("collaborative_project", "status", ProjectStatus.values),
        ("coalition_member", "role", CoalitionRole.values),
        ("funding_award", "repayment_method", [*RepaymentMethod.values, None]),
        ("disbursement", "kind", DisbursementKind.values),
        ("project_funding", "direction", FundingDirection.values),
        ("project_observation", "quality", ObservationQuality.values),
        ("need", "type", SupportType.values),
        ("offer", "type", SupportType.values),
        ("need", "status", OpenStatus.values),
        ("brokering_round", "mode", RoundMode.values),
        # A round caught running is written as it was before the run.
        ("brokering_round", "status", [s for s in RoundStatus.values if s != "running"]),
        ("introduction", "status", IntroductionStatus.values),
        ("introduction", "innovator_response", Response.values),
        ("introduction", "partner_response", Response.values),
    ],
)
def test_schema_choices_match_the_models(definition, field, choices):
    assert schema()["$defs"][definition]["properties"][field]["enum"] == list(choices)


def test_schema_lists_every_array():
    assert [k for k in schema()["properties"] if k in ARRAYS] == ARRAYS


def test_schema_reads_every_readable_version():
    assert schema()["properties"]["format_version"]["enum"] == list(READABLE_VERSIONS)
    assert FORMAT_VERSION == READABLE_VERSIONS[-1]


def test_moments_are_utc_to_the_second_and_json_keys_sorted():
    moment = datetime(2018, 3, 1, 11, 15, 7, 123456, tzinfo=timezone(timedelta(hours=1)))
    assert datetime_text(moment) == "2018-03-01T10:15:07Z"
    assert parse_datetime("2018-03-01T10:15:07Z") == moment.replace(microsecond=0)
    nested = json_value({"b": [{"z": 1, "a": 2}], "a": None})
    assert json.dumps(nested) == '{"a": null, "b": [{"a": 2, "z": 1}]}'


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("1.31670000"), "1.3167"),
        (Decimal("100.00"), "100"),
        (Decimal("0.000"), "0"),
        (None, None),
    ],
)
def test_decimal_text_is_short_and_exact(value, text):
    assert decimal_text(value) == text


def test_problem_names_array_index_id_and_field():
    problem = Problem("funding_awards", 3, "5b1", "currency", "'GBPX' is not a code")
    assert str(problem) == "funding_awards[3] (id 5b1): currency: 'GBPX' is not a code"
    assert str(Problem(None, None, None, "", "not an object")) == "file: not an object"


def _partnership(**fields) -> dict:
    return {"stage": "proposed", "proposed_on": "2018-01-01", **fields}


def test_partnership_path_replays_the_pipeline():
    path = partnership_path(
        _partnership(
            stage="completed",
            introduced_on="2018-01-08",
            confirmed_on="2018-02-01",
            ended_on="2018-06-01",
            estimated_value={"amount": "10.00", "currency": "GBP"},
        )
    )
    assert path == [
        (Stage.INTRODUCED, date(2018, 1, 8), "introduced_on"),
        (Stage.CONFIRMED, date(2018, 2, 1), "confirmed_on"),
        (Stage.COMPLETED, date(2018, 6, 1), "ended_on"),
    ]
    assert partnership_path(_partnership(stage="declined", ended_on="2018-01-02")) == [
        (Stage.DECLINED, date(2018, 1, 2), "ended_on")
    ]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"stage": "introduced"}, "introduced_on"),
        ({"stage": "active", "introduced_on": "2018-01-08"}, "confirmed_on"),
        ({"stage": "lapsed", "introduced_on": "2018-01-08"}, "ended_on"),
        (
            {"stage": "introduced", "introduced_on": "2018-01-08", "ended_on": "2018-02-01"},
            "ended_on",
        ),
        ({"estimated_value": {"amount": "1", "currency": "GBP"}}, "estimated_value"),
    ],
)
def test_partnership_path_names_the_field_that_does_not_fit(fields, field):
    with pytest.raises(DomainError) as caught:
        partnership_path(_partnership(**fields))
    assert caught.value.field == field
