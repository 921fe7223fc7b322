"""Read an interchange document into a new programme, all or nothing, through the services.

The same service functions that forms and the demo use create every record, with the file's
ids as `uid`, so imported data obeys the same rules and leaves the same history.
"""

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from partnerbase.accelerator import services as accelerator
from partnerbase.brokering import services as brokering
from partnerbase.challenges.services import challenge_area_create
from partnerbase.core.errors import DomainError
from partnerbase.directory import services as directory
from partnerbase.funding import services as funding
from partnerbase.programmes.models import Programme
from partnerbase.programmes.services import programme_create, target_set
from partnerbase.projects import services as projects

from .checks import ImportFailed, Problem, document_problems
from .format import parse_date
from .restore import partnership_path, partnership_replay, service_problems


class _Skipped(Exception):
    """A record refers to one that failed; that failure is already reported."""


def _date(record: dict, key: str):
    return parse_date(record.get(key))


class _Importer:
    def __init__(self, *, data: dict, slug: str | None, actor):
        self.data, self.slug, self.actor = data, slug, actor
        self.made: dict[str, Any] = {}  # file id -> created record; ids are unique per file
        self.problems: list[Problem] = []

    def ref(self, value: str | None):
        if value is None:
            return None
        if value not in self.made:
            raise _Skipped
        return self.made[value]

    def run(self) -> Programme | None:
        self.programme = self.step("programme", None, self.data["programme"], self.programme_)
        if self.programme is None:
            return None  # nothing else can be created without it
        for array, build in self.steps():
            for n, record in enumerate(self.data.get(array, [])):
                made = self.step(array, n, record, build)
                if made is not None:
                    self.made[record["id"]] = made
        return self.programme

    def step(self, array: str, index: int | None, record: dict, build: Callable):
        try:
            with transaction.atomic():  # a failed record leaves no half behind
                return build(record)
        except _Skipped:
            return None
        except (DomainError, ValidationError) as exc:
            self.problems += service_problems(array, index, record, exc)
            return None

    def steps(self) -> list[tuple[str, Callable]]:
        """Import order: each array only refers to arrays before it."""
        return [
            ("targets", self.target),
            ("exchange_rates", self.exchange_rate),
            ("challenge_areas", self.challenge_area),
            ("organisations", self.organisation),
            ("people", self.person),
            ("engagements", self.engagement),
            ("accelerators", self.accelerator),
            ("cohorts", self.cohort),
            ("cohort_memberships", self.cohort_membership),
            ("collaborative_projects", self.project),
            ("partnerships", self.partnership),
            ("funding_awards", self.funding_award),
        ]

    def common(self, r: dict) -> dict:
        return {"actor": self.actor, "uid": r["id"], "illustrative": r.get("illustrative", False)}

    def programme_(self, r: dict) -> Programme:
        # A second copy of a programme in one database gets its own id.
        taken = Programme.objects.filter(uid=r["id"]).exists()
        return programme_create(
            **{**self.common(r), "uid": None if taken else r["id"]},
            name=r["name"],
            slug=self.slug or r["slug"],
            starts_on=_date(r, "starts_on"),
            ends_on=_date(r, "ends_on"),
            description=r.get("description", ""),
            reference_currency=r.get("reference_currency", "GBP"),
            display_currencies=",".join(r.get("display_currencies", ["USD"])),
            report_date=_date(r, "report_date"),
            figures_published=r.get("figures_published", False),
        )

    def target(self, r: dict):
        return target_set(
            **self.common(r),
            programme=self.programme,
            figure=r["figure"],
            value=Decimal(r["value"]),
            set_on=_date(r, "set_on"),
            notes=r.get("notes", ""),
        )

    def exchange_rate(self, r: dict):
        return funding.exchange_rate_add(
            **self.common(r),
            programme=self.programme,
            base=r["base"],
            quote=r["quote"],
            rate_date=_date(r, "rate_date"),
            rate=Decimal(r["rate"]),
            source=r["source"],
        )

    def challenge_area(self, r: dict):
        return challenge_area_create(
            **self.common(r),
            programme=self.programme,
            name=r["name"],
            slug=r.get("slug", ""),
            description=r.get("description", ""),
        )

    def organisation(self, r: dict):
        return directory.organisation_create(
            **self.common(r),
            programme=self.programme,
            name=r["name"],
            kind=r["kind"],
            sector_group=r.get("sector_group", ""),
            identifiers=r.get("identifiers", []),
            convenes_programme=r.get("convenes_programme", False),
            regions=", ".join(r.get("regions", [])),
            employee_count=r.get("employee_count"),
            customer_count=r.get("customer_count"),
            national_reach=r.get("national_reach", False),
            responsible_business_notes=r.get("responsible_business_notes", ""),
            website=r.get("website", ""),
            description=r.get("description", ""),
        )

    def person(self, r: dict):
        return directory.person_create(
            **self.common(r),
            programme=self.programme,
            name=r["name"],
            organisation=self.ref(r.get("organisation")),
            job_title=r.get("job_title", ""),
            email=r.get("email", ""),
            phone=r.get("phone", ""),
        )

    def engagement(self, r: dict):
        return directory.engagement_record(
            **self.common(r),
            programme=self.programme,
            organisation=self.ref(r["organisation"]),
            kind=r["kind"],
            occurred_on=_date(r, "occurred_on"),
            summary=r["summary"],
            notes=r.get("notes", ""),
            participants=[self.ref(x) for x in r.get("participants", [])],
        )

    def accelerator(self, r: dict):
        return accelerator.accelerator_create(
            **self.common(r),
            programme=self.programme,
            name=r["name"],
            starts_on=_date(r, "starts_on"),
            ends_on=_date(r, "ends_on"),
            delivery_partner=self.ref(r.get("delivery_partner")),
            description=r.get("description", ""),
        )

    def cohort(self, r: dict):
        return accelerator.cohort_create(
            **self.common(r),
            accelerator=self.ref(r["accelerator"]),
            name=r["name"],
            starts_on=_date(r, "starts_on"),
            ends_on=_date(r, "ends_on"),
        )

    def cohort_membership(self, r: dict):
        return accelerator.cohort_member_add(
            **self.common(r),
            cohort=self.ref(r["cohort"]),
            organisation=self.ref(r["organisation"]),
            challenge_area=self.ref(r.get("challenge_area")),
            joined_on=_date(r, "joined_on"),
            status=r.get("status", "active"),
            withdrawn_on=_date(r, "withdrawn_on"),
        )

    def project(self, r: dict):
        coalition = [
            (self.ref(m["organisation"]), m["role"], _date(m, "joined_on"))
            for m in r.get("coalition", [])
        ]
        return projects.project_create(
            **self.common(r),
            programme=self.programme,
            name=r["name"],
            status=r.get("status", "proposed"),
            launch_date=_date(r, "launch_date"),
            region=r.get("region", ""),
            challenge_area=self.ref(r.get("challenge_area")),
            description=r.get("description", ""),
            coalition=coalition,
        )

    def partnership(self, r: dict):
        steps = partnership_path(r)
        partnership = brokering.partnership_create(
            **self.common(r),
            programme=self.programme,
            name=r["name"],
            kind=r["kind"],
            proposed_on=_date(r, "proposed_on"),
            partners=[self.ref(x) for x in r["partners"]],
            innovator=self.ref(r.get("innovator")),
            project=self.ref(r.get("project")),
            brokered_by=self.ref(r.get("brokered_by")),
            description=r.get("description", ""),
        )
        return partnership_replay(actor=self.actor, partnership=partnership, record=r, steps=steps)

    def funding_award(self, r: dict):
        rate = r.get("interest_rate_percent")
        return funding.funding_award_record(
            **self.common(r),
            programme=self.programme,
            title=r["title"],
            instrument=r["instrument"],
            amount=Decimal(r["amount"]["amount"]),
            currency=r["amount"]["currency"],
            award_date=_date(r, "award_date"),
            funder=self.ref(r["funder"]),
            recipient=self.ref(r["recipient"]),
            confirmed=r.get("confirmed", True),
            description=r.get("description", ""),
            via_partnership=self.ref(r.get("via_partnership")),
            via_intermediary=self.ref(r.get("via_intermediary")),
            interest_rate_percent=Decimal(rate) if rate is not None else None,
            term_months=r.get("term_months"),
        )


def programme_import(*, data: Any, slug: str | None = None, actor=None) -> Programme:
    """Create the document's programme and every record in it, or nothing at all.

    Raises ImportFailed with every problem found: first the file's shape and references,
    then whatever the services refuse.
    """
    problems = document_problems(data)
    if problems:
        raise ImportFailed(problems)
    with transaction.atomic():
        importer = _Importer(data=data, slug=slug, actor=actor)
        programme = importer.run()
        if importer.problems:
            raise ImportFailed(importer.problems)  # inside the atomic block: rolls it all back
    return programme
