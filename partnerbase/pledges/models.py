"""Pledges: what a champion's organisation commits of its own resources, and its deliveries."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models

from partnerbase.core.currencies import from_minor
from partnerbase.core.models import DomainModel, ProgrammeRecord
from partnerbase.core.validators import minor_units_max
from partnerbase.programmes.models import currency_code

from . import states


class PledgeKind(models.TextChoices):
    CASH = "cash", "Cash"
    STAFF_HOURS = "staff_hours", "Staff hours"
    MENTORING = "mentoring", "Mentoring or expertise"
    WORK_PLACEMENTS = "work_placements", "Work placements"
    PRODUCTS_SERVICES = "products_services", "Products or services"
    DATA = "data", "Data"
    VENUE = "venue", "Venue"
    DISTRIBUTION = "distribution", "Distribution to its customers"

    @property
    def is_cash(self) -> bool:
        return self == PledgeKind.CASH


class PledgeStatus(models.TextChoices):
    PLEDGED = states.PLEDGED, states.LABELS[states.PLEDGED]
    CONFIRMED = states.CONFIRMED, states.LABELS[states.CONFIRMED]
    DELIVERED = states.DELIVERED, states.LABELS[states.DELIVERED]
    LAPSED = states.LAPSED, states.LABELS[states.LAPSED]


QUANTITY = {"max_digits": 14, "decimal_places": 2}


class Pledge(ProgrammeRecord):
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="pledges"
    )
    # The board seat it was pledged from, if any.
    champion = models.ForeignKey(
        "board.Champion", on_delete=models.SET_NULL, null=True, blank=True, related_name="pledges"
    )
    kind = models.CharField(max_length=20, choices=PledgeKind.choices)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    quantity = models.DecimalField(**QUANTITY, validators=[MinValueValidator(Decimal("0.01"))])
    unit = models.CharField(max_length=60, help_text="For example hours, placements, mentors.")
    estimated_value_minor = models.BigIntegerField(
        null=True, blank=True, validators=[minor_units_max]
    )
    estimated_value_currency = models.CharField(
        max_length=3, default="GBP", validators=[currency_code]
    )
    challenge_area = models.ForeignKey(
        "challenges.ChallengeArea",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pledges",
    )
    project = models.ForeignKey(
        "projects.CollaborativeProject",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pledges",
    )
    decision = models.ForeignKey(
        "board.Decision", on_delete=models.PROTECT, null=True, blank=True, related_name="pledges"
    )
    pledged_on = models.DateField()
    due_on = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=PledgeStatus.choices, default=PledgeStatus.PLEDGED
    )
    confirmed_on = models.DateField(null=True, blank=True)
    delivered_on = models.DateField(null=True, blank=True)
    lapsed_on = models.DateField(null=True, blank=True)
    lapse_reason = models.TextField(blank=True)

    class Meta(ProgrammeRecord.Meta):
        ordering = ["-pledged_on", "title"]
        indexes = [
            models.Index(fields=["programme", "status"]),
            models.Index(fields=["organisation", "pledged_on"]),
        ]

    def __str__(self):
        return self.title

    @property
    def is_cash(self) -> bool:
        return self.kind == PledgeKind.CASH

    @property
    def estimated_value(self) -> Decimal | None:
        if self.estimated_value_minor is None:
            return None
        return from_minor(self.estimated_value_minor, self.estimated_value_currency)

    def clean(self):
        errors = {}
        if self.due_on and self.pledged_on and self.due_on < self.pledged_on:
            errors["due_on"] = "The due date must be on or after the date pledged."
        if self.estimated_value_minor is not None and self.estimated_value_minor <= 0:
            errors["estimated_value_minor"] = "The estimated value must be more than 0."
        if self.is_cash and self.estimated_value_minor is None:
            errors["estimated_value_minor"] = "Enter the amount of a cash pledge."
        if self.champion_id and self.organisation_id:
            if self.champion.organisation_id != self.organisation_id:
                errors["champion"] = "The board seat must be the pledging organisation's."
        if self.status == PledgeStatus.LAPSED and not self.lapsed_on:
            errors["lapsed_on"] = "Enter the date the pledge lapsed."
        if errors:
            raise ValidationError(errors)


class PledgeDelivery(DomainModel):
    """A dated delivery of part (or the rest) of a pledge."""

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="deliveries")
    delivered_on = models.DateField()
    quantity = models.DecimalField(**QUANTITY, validators=[MinValueValidator(Decimal("0.01"))])
    # Its share of the pledge's estimated value, in the pledge's currency (states.py).
    value_minor = models.BigIntegerField(null=True, blank=True, validators=[minor_units_max])
    notes = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["delivered_on", "id"]

    def __str__(self):
        return f"{self.quantity} {self.pledge.unit} on {self.delivered_on}"

    @property
    def value(self) -> Decimal | None:
        if self.value_minor is None:
            return None
        return from_minor(self.value_minor, self.pledge.estimated_value_currency)

    def clean(self):
        if self.pledge_id and self.delivered_on and self.delivered_on < self.pledge.pledged_on:
            raise ValidationError(
                {"delivered_on": "A delivery cannot be dated before the pledge was made."}
            )
