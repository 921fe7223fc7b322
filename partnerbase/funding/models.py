from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models

from partnerbase.core.currencies import from_minor
from partnerbase.core.models import DomainModel, ProgrammeRecord
from partnerbase.core.validators import minor_units_max
from partnerbase.programmes.models import currency_code

from . import loans


class Instrument(models.TextChoices):
    GRANT = "grant", "Grant"
    SOCIAL_LOAN = "social_loan", "Social loan"
    EQUITY = "equity", "Equity"
    PRIZE = "prize", "Prize"
    MATCH_FUNDING = "match_funding", "Match funding"
    IN_KIND = "in_kind", "In kind"


# In-kind support is valued but never added to cash (DESIGN.md, funding award).
CASH_INSTRUMENTS = [i for i in Instrument.values if i != Instrument.IN_KIND]


class RepaymentMethod(models.TextChoices):
    ANNUITY = loans.ANNUITY, "Equal monthly instalments (annuity)"
    STRAIGHT_LINE = loans.STRAIGHT_LINE, "Equal principal each month (straight-line)"


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
    amount_minor = models.BigIntegerField(validators=[minor_units_max])
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
    repayment_method = models.CharField(
        max_length=16, choices=RepaymentMethod.choices, blank=True, default=""
    )
    # The first instalment's due date; one month after the award date when not given.
    first_repayment_on = models.DateField(null=True, blank=True)

    class Meta(ProgrammeRecord.Meta):
        ordering = ["-award_date", "id"]
        indexes = [
            # The list's order (newest first, then id): a deep page walks the index alone,
            # unfiltered or filtered by kind, without sorting a million rows (0.8 s to 0.01 s
            # at page 4,000 of a national programme's grants).
            models.Index(fields=["programme", "-award_date"], name="funding_award_by_date"),
            models.Index(
                fields=["programme", "instrument", "-award_date"], name="funding_award_by_kind"
            ),
            models.Index(fields=["recipient", "award_date"]),
            # The ledger's totals (funding.queries.award_sums) grouped from the index
            # alone, in its order, without sorting a million rows; the funder is in it
            # so the conveners' share is read from it too.
            models.Index(
                fields=[
                    "programme",
                    "instrument",
                    "currency",
                    "award_date",
                    "confirmed",
                    "amount_minor",
                    "funder",
                ],
                name="funding_award_ledger_sums",
            ),
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
            self.interest_rate_percent is not None
            or self.term_months is not None
            or self.repayment_method
            or self.first_repayment_on
        ):
            raise ValidationError(
                {"interest_rate_percent": "Only a social loan has an interest rate and term."}
            )
        if self.interest_rate_percent is not None and self.interest_rate_percent < 0:
            raise ValidationError(
                {"interest_rate_percent": "The interest rate cannot be negative."}
            )
        if self.term_months == 0:
            raise ValidationError({"term_months": "The term must be at least 1 month."})
        if (
            self.first_repayment_on
            and self.award_date
            and self.first_repayment_on < self.award_date
        ):
            raise ValidationError(
                {"first_repayment_on": "The first repayment must be on or after the award date."}
            )

    @property
    def is_loan(self) -> bool:
        return self.instrument == Instrument.SOCIAL_LOAN

    @property
    def is_cash(self) -> bool:
        return self.instrument != Instrument.IN_KIND

    @property
    def has_terms(self) -> bool:
        return self.is_loan and self.interest_rate_percent is not None and bool(self.term_months)

    def repayment_schedule(self) -> list[loans.Instalment]:
        """The loan's instalments under its terms; none for other awards or without terms."""
        if not self.has_terms:
            return []
        return loans.schedule(
            principal_minor=self.amount_minor,
            annual_rate_percent=self.interest_rate_percent,
            months=self.term_months,
            first_due_on=self.first_repayment_on or loans.add_months(self.award_date, 1),
            method=self.repayment_method or loans.ANNUITY,
        )

    def total_repayable_minor(self) -> int:
        """Principal plus the schedule's interest (just the principal without terms)."""
        rows = self.repayment_schedule()
        return loans.total_repayable_minor(rows) if rows else self.amount_minor


class DisbursementKind(models.TextChoices):
    PLANNED = "planned", "Planned"
    ACTUAL = "actual", "Actual"


class Disbursement(DomainModel):
    """A payment of an award to its recipient, planned or made, in the award's currency."""

    award = models.ForeignKey(FundingAward, on_delete=models.CASCADE, related_name="disbursements")
    kind = models.CharField(max_length=8, choices=DisbursementKind.choices)
    on = models.DateField()
    amount_minor = models.BigIntegerField(validators=[minor_units_max])
    notes = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["on", "id"]
        indexes = [
            models.Index(fields=["award", "kind"]),
            # The list's default order (newest first, then by key), either way round: a
            # page reads its 50 rows, not a million.
            models.Index(fields=["-on", "id"], name="disbursement_by_date"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} disbursement of {self.award} on {self.on}"

    @property
    def amount(self) -> Decimal:
        return from_minor(self.amount_minor, self.award.currency)

    def clean(self):
        if self.amount_minor is not None and self.amount_minor <= 0:
            raise ValidationError({"amount_minor": "The amount must be more than 0."})


class LoanRepayment(DomainModel):
    """Money a recipient paid back on a social loan, in the loan's currency."""

    award = models.ForeignKey(FundingAward, on_delete=models.CASCADE, related_name="repayments")
    paid_on = models.DateField()
    amount_minor = models.BigIntegerField(validators=[minor_units_max])
    notes = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["paid_on", "id"]

    def __str__(self):
        return f"Repayment of {self.award} on {self.paid_on}"

    @property
    def amount(self) -> Decimal:
        return from_minor(self.amount_minor, self.award.currency)

    def clean(self):
        if self.amount_minor is not None and self.amount_minor <= 0:
            raise ValidationError({"amount_minor": "The amount must be more than 0."})
