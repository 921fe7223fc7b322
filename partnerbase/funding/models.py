from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models

from partnerbase.core.models import ProgrammeRecord
from partnerbase.programmes.models import currency_code

from .currencies import from_minor


class Instrument(models.TextChoices):
    GRANT = "grant", "Grant"
    SOCIAL_LOAN = "social_loan", "Social loan"
    EQUITY = "equity", "Equity"
    PRIZE = "prize", "Prize"
    MATCH_FUNDING = "match_funding", "Match funding"
    IN_KIND = "in_kind", "In kind"


# In-kind support is valued but never added to cash (DESIGN.md, funding award).
CASH_INSTRUMENTS = [i for i in Instrument.values if i != Instrument.IN_KIND]


class ExchangeRate(ProgrammeRecord):
    """1 `base` = `rate` `quote` on `rate_date`, from `source`."""

    base = models.CharField(max_length=3, validators=[currency_code])
    quote = models.CharField(max_length=3, validators=[currency_code])
    rate_date = models.DateField()
    rate = models.DecimalField(max_digits=18, decimal_places=8)
    source = models.CharField(max_length=300)

    class Meta(ProgrammeRecord.Meta):
        ordering = ["base", "quote", "rate_date"]
        constraints = ProgrammeRecord.Meta.constraints + [
            models.UniqueConstraint(
                fields=["programme", "base", "quote", "rate_date"], name="exchange_rate_unique"
            )
        ]

    def __str__(self):
        return f"1 {self.base} = {self.rate} {self.quote} on {self.rate_date}"

    def clean(self):
        if self.base == self.quote:
            raise ValidationError({"quote": "A rate converts between two different currencies."})
        if self.rate is not None and self.rate <= 0:
            raise ValidationError({"rate": "The rate must be more than 0."})


class FundingAward(ProgrammeRecord):
    """Money (or valued in-kind support) from a funder to a recipient."""

    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    instrument = models.CharField(max_length=16, choices=Instrument.choices)
    # Whole minor units (pence, cents) so sums are exact on every database.
    amount_minor = models.BigIntegerField()
    currency = models.CharField(max_length=3, validators=[currency_code])
    award_date = models.DateField()
    confirmed = models.BooleanField(default=True)
    funder = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="awards_made"
    )
    recipient = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="awards_received"
    )
    via_partnership = models.ForeignKey(
        "brokering.Partnership",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="funding_awards",
    )
    via_intermediary = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="awards_arranged",
    )
    # Social loans only.
    interest_rate_percent = models.DecimalField(
        max_digits=6, decimal_places=3, null=True, blank=True
    )
    term_months = models.PositiveIntegerField(null=True, blank=True)

    class Meta(ProgrammeRecord.Meta):
        ordering = ["-award_date", "id"]
        indexes = [
            models.Index(fields=["programme", "award_date"]),
            models.Index(fields=["recipient", "award_date"]),
        ]

    def __str__(self):
        return self.title

    @property
    def amount(self) -> Decimal:
        return from_minor(self.amount_minor, self.currency)

    def clean(self):
        if self.amount_minor is not None and self.amount_minor <= 0:
            raise ValidationError({"amount_minor": "The amount must be more than 0."})
        if self.funder_id and self.funder_id == self.recipient_id:
            raise ValidationError({"recipient": "The funder cannot fund itself."})
        if self.instrument != Instrument.SOCIAL_LOAN and (
            self.interest_rate_percent is not None or self.term_months is not None
        ):
            raise ValidationError(
                {"interest_rate_percent": "Only a social loan has an interest rate and term."}
            )
