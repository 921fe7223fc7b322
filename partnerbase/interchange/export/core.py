"""The records of format version 1.0 that other arrays refer to: programme, directory,
accelerator and partnerships."""

from collections.abc import Iterator

from partnerbase.accelerator.models import Accelerator, Cohort, CohortMembership
from partnerbase.brokering.models import Partnership
from partnerbase.challenges.models import ChallengeArea
from partnerbase.core.currencies import from_minor
from partnerbase.directory.models import Engagement, Organisation, Person
from partnerbase.funding.models import ExchangeRate
from partnerbase.impact.models import Target
from partnerbase.programmes.models import Programme

from ..format import date_text, decimal_text, id_text, sorted_by_id, split_list
from .rows import by_id


def money(minor: int | None, currency: str) -> dict | None:
    """Money as a decimal string with its currency: never a float."""
    if minor is None:
        return None
    return {"amount": format(from_minor(minor, currency), "f"), "currency": currency}


def programme_record(p: Programme) -> dict:
    return {
        "id": str(p.uid),
        "name": p.name,
        "slug": p.slug,
        "description": p.description,
        "starts_on": date_text(p.starts_on),
        "ends_on": date_text(p.ends_on),
        "reference_currency": p.reference_currency,
        "display_currencies": split_list(p.display_currencies),
        "report_date": date_text(p.report_date),
        "figures_published": p.figures_published,
        "department_contact": p.department_contact,
        "accessibility_statement": p.accessibility_statement,
        "privacy_notice": p.privacy_notice,
        "phase_banner": p.phase_banner,
        "illustrative": p.illustrative,
    }


def targets(p: Programme) -> list[dict]:
    return sorted_by_id(
        {
            "id": str(t.uid),
            "figure": t.figure,
            "value": decimal_text(t.value),
            "set_on": date_text(t.set_on),
            "notes": t.notes,
            "illustrative": t.illustrative,
        }
        for t in Target.objects.filter(programme=p)
    )


def exchange_rates(p: Programme) -> Iterator[dict]:
    return (  # in id order: see rows.by_id
        {
            "id": str(r.uid),
            "base": r.base,
            "quote": r.quote,
            "rate_date": date_text(r.rate_date),
            "rate": decimal_text(r.rate),
            "source": r.source,
            "illustrative": r.illustrative,
        }
        for r in by_id(ExchangeRate.objects.filter(programme=p))
    )


def challenge_areas(p: Programme) -> list[dict]:
    return sorted_by_id(
        {
            "id": str(c.uid),
            "name": c.name,
            "slug": c.slug,
            "description": c.description,
            "illustrative": c.illustrative,
        }
        for c in ChallengeArea.objects.filter(programme=p)
    )


def organisations(p: Programme) -> Iterator[dict]:
    return (  # in id order: see rows.by_id
        {
            "id": str(o.uid),
            "name": o.name,
            "kind": o.kind,
            "sector_group": o.sector_group,
            "identifiers": sorted(str(i) for i in o.identifiers.all()),
            "convenes_programme": o.convenes_programme,
            "regions": split_list(o.regions),
            "employee_count": o.employee_count,
            "customer_count": o.customer_count,
            "national_reach": o.national_reach,
            "responsible_business_notes": o.responsible_business_notes,
            "website": o.website,
            "description": o.description,
            "illustrative": o.illustrative,
        }
        for o in by_id(Organisation.objects.filter(programme=p).prefetch_related("identifiers"))
    )


def people(p: Programme) -> Iterator[dict]:
    return (  # in id order: see rows.by_id
        {
            "id": str(x.uid),
            "name": x.name,
            "job_title": x.job_title,
            "organisation": id_text(x.organisation),
            "email": x.email,
            "phone": x.phone,
            "illustrative": x.illustrative,
        }
        for x in by_id(Person.objects.filter(programme=p).select_related("organisation"))
    )


def engagements(p: Programme) -> Iterator[dict]:
    rows = (
        Engagement.objects.filter(programme=p)
        .select_related("organisation")
        .prefetch_related("participants__person")
    )
    return (  # in id order: see rows.by_id
        {
            "id": str(e.uid),
            "organisation": id_text(e.organisation),
            "kind": e.kind,
            "occurred_on": date_text(e.occurred_on),
            "summary": e.summary,
            "notes": e.notes,
            "participants": sorted(str(x.person.uid) for x in e.participants.all()),
            "illustrative": e.illustrative,
        }
        for e in by_id(rows)
    )


def accelerators(p: Programme) -> list[dict]:
    return sorted_by_id(
        {
            "id": str(a.uid),
            "name": a.name,
            "delivery_partner": id_text(a.delivery_partner),
            "starts_on": date_text(a.starts_on),
            "ends_on": date_text(a.ends_on),
            "description": a.description,
            "illustrative": a.illustrative,
        }
        for a in Accelerator.objects.filter(programme=p).select_related("delivery_partner")
    )


def cohorts(p: Programme) -> list[dict]:
    return sorted_by_id(
        {
            "id": str(c.uid),
            "accelerator": id_text(c.accelerator),
            "name": c.name,
            "starts_on": date_text(c.starts_on),
            "ends_on": date_text(c.ends_on),
            "illustrative": c.illustrative,
        }
        for c in Cohort.objects.filter(accelerator__programme=p).select_related("accelerator")
    )


def cohort_memberships(p: Programme) -> Iterator[dict]:
    rows = CohortMembership.objects.filter(cohort__accelerator__programme=p).select_related(
        "cohort", "organisation", "challenge_area"
    )
    return (  # in id order: see rows.by_id
        {
            "id": str(m.uid),
            "cohort": id_text(m.cohort),
            "organisation": id_text(m.organisation),
            "challenge_area": id_text(m.challenge_area),
            "joined_on": date_text(m.joined_on),
            "status": m.status,
            "withdrawn_on": date_text(m.withdrawn_on),
            "graduated_on": date_text(m.graduated_on),
            "illustrative": m.illustrative,
        }
        for m in by_id(rows)
    )


def partnerships(p: Programme) -> Iterator[dict]:
    rows = (
        Partnership.objects.filter(programme=p)
        .select_related("innovator", "project", "brokered_by")
        .prefetch_related("partners__organisation")
    )
    return (  # in id order: see rows.by_id
        {
            "id": str(x.uid),
            "name": x.name,
            "kind": x.kind,
            "innovator": id_text(x.innovator),
            "project": id_text(x.project),
            "partners": sorted(str(pp.organisation.uid) for pp in x.partners.all()),
            "stage": x.stage,
            "proposed_on": date_text(x.proposed_on),
            "introduced_on": date_text(x.introduced_on),
            "confirmed_on": date_text(x.confirmed_on),
            "ended_on": date_text(x.ended_on),
            "estimated_value": money(x.estimated_value_minor, x.estimated_value_currency),
            "brokered_by": id_text(x.brokered_by),
            "description": x.description,
            "illustrative": x.illustrative,
        }
        for x in by_id(rows)
    )
