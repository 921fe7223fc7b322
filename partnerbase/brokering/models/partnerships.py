from decimal import Decimal

from django.db import models

from partnerbase.core.currencies import from_minor
from partnerbase.core.models import DomainModel, ProgrammeRecord
from partnerbase.core.validators import minor_units_max
from partnerbase.programmes.models import currency_code

from ..stages import Stage


class PartnershipKind(models.TextChoices):
    FUNDING = "funding", "Funding"
    MENTORING = "mentoring", "Mentoring or expertise"
    DISTRIBUTION = "distribution", "Distribution to customers"
    SKILLS = "skills", "Skills and volunteering"
    EMPLOYMENT = "employment_pathways", "Employment pathways"
    PROCUREMENT = "procurement", "Procurement"
    IN_KIND = "in_kind", "Products, services or premises"
    OTHER = "other", "Other"


class Partnership(ProgrammeRecord):
    """Between an innovator (or a project) and one or more partner organisations."""

    name = models.CharField(max_length=300)
    innovator = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="innovator_partnerships",
    )
    project = models.ForeignKey(
        "projects.CollaborativeProject",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="partnerships",
    )
    kind = models.CharField(max_length=24, choices=PartnershipKind.choices)
    stage = models.CharField(
        max_length=16, choices=Stage.choices_list(), default=Stage.PROPOSED.value
    )
    proposed_on = models.DateField()
    introduced_on = models.DateField(null=True, blank=True)
    confirmed_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    # Estimated value to the innovator over the 12 months after confirmation.
    estimated_value_minor = models.BigIntegerField(
        null=True, blank=True, validators=[minor_units_max]
    )
    estimated_value_currency = models.CharField(
        max_length=3, default="GBP", validators=[currency_code]
    )
    brokered_by = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="partnerships_brokered",
    )
    description = models.TextField(blank=True)

    class Meta(ProgrammeRecord.Meta):
        ordering = ["-confirmed_on", "name"]
        indexes = [models.Index(fields=["programme", "confirmed_on"])]

    def __str__(self):
        return self.name

    @property
    def estimated_value(self) -> Decimal | None:
        if self.estimated_value_minor is None:
            return None
        return from_minor(self.estimated_value_minor, self.estimated_value_currency)


class PartnershipPartner(DomainModel):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="partner_in"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "organisation"], name="partnership_partner_unique"
            )
        ]

    def __str__(self):
        return f"{self.organisation} in {self.partnership}"
