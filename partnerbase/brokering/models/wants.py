"""What innovators need and what partners offer: the inputs of a brokering round."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models

from partnerbase.core.currencies import from_minor
from partnerbase.core.models import ProgrammeRecord
from partnerbase.core.validators import minor_units_max
from partnerbase.programmes.models import currency_code

from .partnerships import PartnershipKind


class SupportType(models.TextChoices):
    FUNDING = "funding", "Funding"
    MENTORING = "mentoring", "Mentoring or expertise"
    DISTRIBUTION = "distribution", "Distribution to customers"
    SKILLS = "skills", "Skills and volunteering"
    EMPLOYMENT = "employment_pathways", "Employment pathways"
    PROCUREMENT = "procurement", "Procurement"
    PREMISES = "premises", "Premises"
    OTHER = "other", "Other"

    @property
    def partnership_kind(self) -> str:
        """The kind of partnership an introduction for this type becomes."""
        if self == SupportType.PREMISES:
            return PartnershipKind.IN_KIND
        return PartnershipKind(self.value)


class OpenStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


def split_regions(text: str) -> list[str]:
    return [r.strip() for r in (text or "").split(",") if r.strip()]


class _Want(ProgrammeRecord):
    """The fields a need and an offer share."""

    type = models.CharField(max_length=24, choices=SupportType.choices)
    regions = models.CharField(
        max_length=300, blank=True, help_text="Comma-separated; blank: the organisation's."
    )
    challenge_area = models.ForeignKey(
        "challenges.ChallengeArea",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Blank: any challenge area.",
    )
    description = models.TextField(blank=True)
    status = models.CharField(max_length=8, choices=OpenStatus.choices, default=OpenStatus.OPEN)
    recorded_on = models.DateField(default=date.today)
    closed_on = models.DateField(null=True, blank=True)

    class Meta(ProgrammeRecord.Meta):
        abstract = True

    @property
    def region_list(self) -> list[str]:
        return split_regions(self.regions)

    def clean(self):
        if self.status == OpenStatus.CLOSED and not self.closed_on:
            raise ValidationError({"closed_on": "Enter the date it closed."})
        if self.closed_on and self.recorded_on and self.closed_on < self.recorded_on:
            raise ValidationError({"closed_on": "It must close on or after it was recorded."})


class Need(_Want):
    """What an innovator seeks: an amount of money or a quantity of something else."""

    innovator = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="needs"
    )
    amount_minor = models.BigIntegerField(null=True, blank=True, validators=[minor_units_max])
    currency = models.CharField(max_length=3, default="GBP", validators=[currency_code])
    quantity = models.PositiveIntegerField(
        null=True, blank=True, help_text="E.g. mentors, placements or square metres."
    )

    class Meta(_Want.Meta):
        ordering = ["innovator__name", "type"]
        indexes = [models.Index(fields=["programme", "status"])]

    def __str__(self):
        return f"{self.innovator}: {self.get_type_display().lower()}"

    @property
    def amount(self) -> Decimal | None:
        return None if self.amount_minor is None else from_minor(self.amount_minor, self.currency)

    def clean(self):
        super().clean()
        if self.amount_minor is not None and self.amount_minor <= 0:
            raise ValidationError({"amount_minor": "The amount must be more than 0."})


class Offer(_Want):
    """What a partner can give, and how many introductions it will take."""

    partner = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="offers"
    )
    capacity = models.PositiveIntegerField(
        default=1,
        validators=[MinValueValidator(1)],
        help_text="How many introductions the partner will take in a round.",
    )
    budget_minor = models.BigIntegerField(null=True, blank=True, validators=[minor_units_max])
    budget_currency = models.CharField(max_length=3, default="GBP", validators=[currency_code])
    preferred_challenge_area = models.ForeignKey(
        "challenges.ChallengeArea",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    preferred_regions = models.CharField(max_length=300, blank=True, help_text="Comma-separated.")
    # A board pledge offered for brokering; pledges arrive with governance (issue 3).
    pledge_reference = models.CharField(max_length=200, blank=True)
    # The pledge this offer carries out, when a pledge was offered for brokering.
    pledge = models.ForeignKey(
        "pledges.Pledge", on_delete=models.SET_NULL, null=True, blank=True, related_name="offers"
    )

    class Meta(_Want.Meta):
        ordering = ["partner__name", "type"]
        indexes = [models.Index(fields=["programme", "status"])]

    def __str__(self):
        return f"{self.partner}: {self.get_type_display().lower()}"

    @property
    def budget(self) -> Decimal | None:
        if self.budget_minor is None:
            return None
        return from_minor(self.budget_minor, self.budget_currency)

    def clean(self):
        super().clean()
        if self.budget_minor is not None and self.budget_minor <= 0:
            raise ValidationError({"budget_minor": "The budget must be more than 0."})
        if self.pledge_id and self.partner_id and self.pledge.organisation_id != self.partner_id:
            raise ValidationError({"pledge": "The pledge must be the partner's own."})
