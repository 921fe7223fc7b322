from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from partnerbase.core.currencies import is_currency
from partnerbase.core.models import DomainModel
from partnerbase.core.validators import currency_code


class PhaseBanner(models.TextChoices):
    NONE = "", "None"
    ALPHA = "alpha", "Alpha"
    BETA = "beta", "Beta"


class Programme(DomainModel):
    """A partnership programme: the unit every other record belongs to."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(blank=True)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    reference_currency = models.CharField(max_length=3, default="GBP", validators=[currency_code])
    # Shown beside the reference currency, e.g. "USD" or "USD,EUR".
    display_currencies = models.CharField(max_length=60, default="USD", blank=True)
    report_date = models.DateField(
        null=True,
        blank=True,
        help_text="The date figures are reported at; display currencies use the rate on it.",
    )
    figures_published = models.BooleanField(
        default=False, help_text="Show the headline figures on a public page."
    )
    # The public page: whom to contact, its statements (blank: the standard text in
    # programmes/statements.py) and its phase banner (none unless the team sets one).
    department_contact = models.CharField(max_length=300, blank=True)
    accessibility_statement = models.TextField(blank=True)
    privacy_notice = models.TextField(blank=True)
    phase_banner = models.CharField(max_length=8, choices=PhaseBanner.choices, blank=True)
    # UK GDPR storage limitation: unsuccessful applicants' personal data is erased this many
    # months after the decision (privacy/retention.py; docs/personal-data.md).
    applicant_retention_months = models.PositiveSmallIntegerField(
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text="Months after the decision that unsuccessful applicants' personal data is kept.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def display_currency_list(self) -> list[str]:
        return [c.strip() for c in self.display_currencies.split(",") if c.strip()]

    def clean(self):
        if self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": "The end date must be on or after the start date."})
        for code in self.display_currency_list:
            if not is_currency(code):
                raise ValidationError(
                    {"display_currencies": f"{code!r} is not an ISO 4217 currency code."}
                )
