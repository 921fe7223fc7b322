from django.core.exceptions import ValidationError
from django.db import models

from partnerbase.core.models import DomainModel, ProgrammeRecord

from . import orgid


class OrganisationKind(models.TextChoices):
    BUSINESS = "business", "Business"
    CHARITY = "charity", "Charity"
    SOCIAL_ENTERPRISE = "social_enterprise", "Social enterprise"
    CIC = "community_interest_company", "Community interest company"
    GOVERNMENT_DEPARTMENT = "government_department", "Government department"
    LOCAL_AUTHORITY = "local_authority", "Local or combined authority"
    FUNDER = "funder", "Funder or foundation"
    INTERMEDIARY = "intermediary", "Intermediary"


class SectorGroup(models.TextChoices):
    BUSINESS = "business", "Business"
    CIVIL_SOCIETY = "civil_society", "Civil society"
    PUBLIC = "public", "Public sector"


# The sector group an organisation of each kind usually belongs to.
DEFAULT_SECTOR = {
    OrganisationKind.BUSINESS: SectorGroup.BUSINESS,
    OrganisationKind.CHARITY: SectorGroup.CIVIL_SOCIETY,
    OrganisationKind.SOCIAL_ENTERPRISE: SectorGroup.CIVIL_SOCIETY,
    OrganisationKind.CIC: SectorGroup.CIVIL_SOCIETY,
    OrganisationKind.GOVERNMENT_DEPARTMENT: SectorGroup.PUBLIC,
    OrganisationKind.LOCAL_AUTHORITY: SectorGroup.PUBLIC,
    OrganisationKind.FUNDER: SectorGroup.CIVIL_SOCIETY,
    OrganisationKind.INTERMEDIARY: SectorGroup.CIVIL_SOCIETY,
}


class Organisation(ProgrammeRecord):
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=32, choices=OrganisationKind.choices)
    sector_group = models.CharField(max_length=16, choices=SectorGroup.choices)
    convenes_programme = models.BooleanField(
        default=False,
        help_text="One of the programme's convening organisations (not counted as engaged).",
    )
    regions = models.CharField(max_length=300, blank=True, help_text="Comma-separated.")
    employee_count = models.PositiveIntegerField(null=True, blank=True)
    customer_count = models.PositiveBigIntegerField(null=True, blank=True)
    national_reach = models.BooleanField(default=False)
    responsible_business_notes = models.TextField(blank=True)
    website = models.URLField(blank=True)
    description = models.TextField(blank=True)

    class Meta(ProgrammeRecord.Meta):
        ordering = ["name"]
        indexes = [models.Index(fields=["programme", "name"])]

    def __str__(self):
        return self.name


class OrganisationIdentifier(DomainModel):
    """An org-id identifier, e.g. GB-CHC-1090393, stored as list code and identifier."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="identifiers"
    )
    scheme = models.CharField(max_length=16)
    identifier = models.CharField(max_length=64)

    class Meta:
        ordering = ["scheme", "identifier"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "scheme", "identifier"], name="orgidentifier_unique"
            )
        ]

    def __str__(self):
        return f"{self.scheme}-{self.identifier}"

    def clean(self):
        try:
            orgid.parse(str(self))
        except orgid.InvalidOrgId as exc:
            raise ValidationError({"identifier": str(exc)}) from exc


class Person(ProgrammeRecord):
    """Personal data: kept to what the programme needs, exportable and erasable on request."""

    name = models.CharField(max_length=200)
    job_title = models.CharField(max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="people"
    )
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)

    class Meta(ProgrammeRecord.Meta):
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name


class EngagementKind(models.TextChoices):
    MEETING = "meeting", "Meeting"
    CALL = "call", "Call"
    EVENT = "event", "Event"
    WORKSHOP = "workshop", "Workshop"


class Engagement(ProgrammeRecord):
    """A dated two-way contact with an organisation."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="engagements"
    )
    kind = models.CharField(max_length=16, choices=EngagementKind.choices)
    occurred_on = models.DateField()
    summary = models.CharField(max_length=300)
    notes = models.TextField(blank=True)

    class Meta(ProgrammeRecord.Meta):
        ordering = ["-occurred_on", "id"]
        indexes = [models.Index(fields=["programme", "occurred_on"])]

    def __str__(self):
        return f"{self.get_kind_display()} with {self.organisation} on {self.occurred_on}"


class EngagementParticipant(DomainModel):
    engagement = models.ForeignKey(
        Engagement, on_delete=models.CASCADE, related_name="participants"
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="engagements")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["engagement", "person"], name="participant_unique")
        ]

    def __str__(self):
        return f"{self.person} at {self.engagement}"
