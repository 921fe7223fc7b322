"""ISO 4217 minor units. Pure Python: money is held as whole minor units (pence, cents)."""

from decimal import Decimal

# Currencies whose minor unit is not the usual 1/100 (ISO 4217).
_EXPONENTS = {
    "BHD": 3, "BIF": 0, "CLF": 4, "CLP": 0, "DJF": 0, "GNF": 0, "IQD": 3, "ISK": 0, "JOD": 3,
    "JPY": 0, "KMF": 0, "KRW": 0, "KWD": 3, "LYD": 3, "OMR": 3, "PYG": 0, "RWF": 0, "TND": 3,
    "UGX": 0, "UYI": 0, "UYW": 4, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
}  # fmt: skip

SYMBOLS = {"GBP": "£", "USD": "$", "EUR": "€"}


def exponent(currency: str) -> int:
    return _EXPONENTS.get(currency, 2)


def to_minor(amount: Decimal, currency: str) -> int:
    """Decimal amount to whole minor units; refuses amounts finer than the currency allows."""
    scaled = Decimal(amount).scaleb(exponent(currency))
    if scaled != scaled.to_integral_value():
        raise ValueError(
            f"{amount} {currency} has more decimal places than {currency} allows "
            f"({exponent(currency)})."
        )
    return int(scaled)


def from_minor(minor: int, currency: str) -> Decimal:
    e = exponent(currency)
    return Decimal(minor).scaleb(-e).quantize(Decimal(1).scaleb(-e))
