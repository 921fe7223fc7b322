"""ISO 4217 minor units. Pure Python: money is held as whole minor units (pence, cents)."""

from decimal import Decimal

from .limits import MAX_MINOR

# Currencies whose minor unit is not the usual 1/100 (ISO 4217).
_EXPONENTS = {
    "BHD": 3, "BIF": 0, "CLF": 4, "CLP": 0, "DJF": 0, "GNF": 0, "IQD": 3, "ISK": 0, "JOD": 3,
    "JPY": 0, "KMF": 0, "KRW": 0, "KWD": 3, "LYD": 3, "OMR": 3, "PYG": 0, "RWF": 0, "TND": 3,
    "UGX": 0, "UYI": 0, "UYW": 4, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
}  # fmt: skip

SYMBOLS = {"GBP": "£", "USD": "$", "EUR": "€"}

# ISO 4217's currencies in circulation (list one, 2025), without its codes for precious
# metals, bond-market units, testing (XTS) and "no currency" (XXX): none of them is money
# a programme gives or receives.
ISO_4217 = frozenset(
    """
    AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD
    BTN BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP
    DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR
    IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD
    MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB
    PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD
    SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS
    VED VES VND VUV WST XAF XCD XCG XDR XOF XPF YER ZAR ZMW ZWG ZWL
    """.split()
)


def is_currency(code) -> bool:
    return isinstance(code, str) and code in ISO_4217


def exponent(currency: str) -> int:
    return _EXPONENTS.get(currency, 2)


def to_minor(amount: Decimal, currency: str) -> int:
    """Decimal amount to whole minor units; refuses amounts finer than the currency allows,
    and amounts beyond the maximum (core/limits.py), before making a huge int of them."""
    amount = Decimal(amount)
    if not amount.is_finite():
        raise ValueError(f"{amount} is not an amount of money.")
    biggest = from_minor(MAX_MINOR, currency)
    if amount.copy_abs() > biggest:  # exact, before any arithmetic can overflow the context
        shown = f"{amount:,f}" if amount.adjusted() < 30 else f"{amount:.2E}"
        raise ValueError(
            f"{shown} {currency} is more than the most Partnerbase records in one amount, "
            f"{biggest:,f} {currency}."
        )
    scaled = amount.scaleb(exponent(currency))
    if scaled != scaled.to_integral_value():
        raise ValueError(
            f"{amount} {currency} has more decimal places than {currency} allows "
            f"({exponent(currency)})."
        )
    return int(scaled)


def from_minor(minor: int, currency: str) -> Decimal:
    e = exponent(currency)
    return Decimal(minor).scaleb(-e).quantize(Decimal(1).scaleb(-e))
