"""Creating the records of format version 1.0 that other arrays refer to."""

from decimal import Decimal

from partnerbase.accelerator import services as accelerator
from partnerbase.brokering import services as brokering
from partnerbase.challenges.services import challenge_area_create
from partnerbase.directory import services as directory
from partnerbase.funding import services as funding
from partnerbase.impact.services import target_set
from partnerbase.programmes.models import Programme
from partnerbase.programmes.services import programme_create

from ..restore import partnership_path, partnership_replay
from .base import file_date as _date


class CoreSteps:
    """Builders for the programme, directory, accelerator and partnerships."""

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
            department_contact=r.get("department_contact", ""),
            accessibility_statement=r.get("accessibility_statement", ""),
            privacy_notice=r.get("privacy_notice", ""),
            phase_banner=r.get("phase_banner", ""),
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
            graduated_on=_date(r, "graduated_on"),
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
