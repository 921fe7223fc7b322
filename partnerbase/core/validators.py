"""Model validators for the bounds in core/limits.py, so every service's full_clean
refuses what no form, import or API may save."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.utils.deconstruct import deconstructible

from .currencies import is_currency
from .limits import MAX_MINOR

# Amounts in whole minor units: a negative amount is refused by each model's own rule.
minor_units_max = MaxValueValidator(
    MAX_MINOR,
    message=f"The amount is more than the most Partnerbase records, {MAX_MINOR:,} minor units "
    f"(£{MAX_MINOR // 100:,} in pounds).",
)


@deconstructible(path="partnerbase.core.validators.CurrencyCode")
class CurrencyCode:
    """An ISO 4217 currency in circulation, like GBP."""

    message = "Use a three-letter ISO 4217 currency code, like GBP."

    def __call__(self, value):
        if not is_currency(value):
            raise ValidationError(
                f"{value!r} is not an ISO 4217 currency code, like GBP." if value else self.message,
                code="invalid",
            )

    def __eq__(self, other):
        return isinstance(other, CurrencyCode)

    def __hash__(self):
        return hash(CurrencyCode)


currency_code = CurrencyCode()
