"""An innovator's story in one paragraph, written from its records. Pure Python.

It takes plain data (funding awards, partners' names, outcomes before and after) and says
what the records say: money in the reference currency with the display currencies beside
("£80,500 ($105,994)"), as the dashboard shows it, and each outcome marked "(estimate)" or
"(verified)". Nothing is invented: a story with no records says so.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from partnerbase.core.currencies import SYMBOLS
from partnerbase.core.money import format_money, format_with_display
from partnerbase.outcomes.change import BeforeAfter, amount, number, ratio_words

# What each instrument is called in a sentence; in-kind support is valued, not cash.
INSTRUMENT_WORDS = {
    "grant": "grant",
    "social_loan": "social loan",
    "equity": "equity investment",
    "prize": "prize",
    "match_funding": "match funding",
    "in_kind": "in-kind support",
}
# Read without an article: "£5,000 match funding", not "a £5,000 match funding".
_UNCOUNTED = {"match_funding", "in_kind"}


@dataclass(frozen=True)
class Award:
    funder: str
    instrument: str  # funding.models.Instrument's value
    amount: Decimal  # in `currency`: the reference currency when it could be converted
    currency: str
    intermediary: str = ""


@dataclass(frozen=True)
class Outcome:
    name: str  # "Participants served"
    unit: str  # "participants", or a currency code for revenue
    result: BeforeAfter


@dataclass(frozen=True)
class Money:
    """The reference currency and each display currency's multiplier at the report date."""

    currency: str
    display: Sequence[tuple[str, Decimal]] = field(default_factory=tuple)

    def words(self, value: Decimal, currency: str) -> str:
        if currency != self.currency:  # no rate to convert it: its own currency, alone
            return format_money(value, currency, whole=True)
        return format_with_display(value, currency, list(self.display), whole=True)


def article(money_words: str) -> str:
    """ "a" or "an" before an amount, as it is read aloud: "an £80,500" (eighty), "a £25,000",
    "an £18,000" (eighteen), "an £8 million"."""
    digits = ""
    for char in money_words.lstrip("-").lstrip("".join(SYMBOLS.values())):
        if char.isdigit():
            digits += char
        elif char != "," or not digits:
            break
        else:
            digits += ","
    if not digits:
        return "a"
    lead = int(digits.split(",")[0])
    return "an" if str(lead).startswith("8") or lead in (11, 18) else "a"


def join_words(items: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C" (GOV.UK style: no serial comma)."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def award_words(award: Award, money: Money) -> str:
    value = money.words(award.amount, award.currency)
    kind = INSTRUMENT_WORDS.get(award.instrument, award.instrument.replace("_", " "))
    if award.instrument == "in_kind":
        words = f"in-kind support worth {value}"
    elif award.instrument in _UNCOUNTED:
        words = f"{value} {kind}"
    else:
        words = f"{article(value)} {value} {kind}"
    words += f" from {award.funder}"
    if award.intermediary and award.intermediary != award.funder:
        words += f" through {award.intermediary}"
    return words


def _another(difference: Decimal, unit: str) -> str:
    """ "another 15,000 people", "another city", "another £48,000"."""
    if unit in SYMBOLS:
        return f"another {amount(difference, unit)}"
    if difference == 1 and unit:
        return "another " + amount(difference, unit).split(" ", 1)[1]
    return f"another {amount(difference, unit)}"


# A name that ends in one of these ("Cities operating in") is not a subject a verb can
# follow: "cities operating in doubled" reads as nonsense.
_DANGLING = {"in", "at", "on", "to", "with", "for", "from", "of", "by", "into", "across"}


def _subject(name: str) -> str:
    """The indicator's name as the subject of a change: "people reached", "the number of
    cities operating in"."""
    name = name[:1].lower() + name[1:]
    last = name.rsplit(" ", 1)[-1].casefold()
    return f"the number of {name}" if last in _DANGLING else name


def outcome_words(outcome: Outcome) -> str | None:
    """The change since joining in words, marked by the quality of the latest observation
    (the value the change reaches); None when nothing was observed since joining."""
    result, unit = outcome.result, outcome.unit
    latest, baseline = result.latest, result.baseline
    if latest is None:
        return None
    name = _subject(outcome.name)
    after = amount(latest.value, unit)
    if baseline is None:
        phrase = f"{name} stood at {after}, with no value at joining"
    elif baseline.value == 0:
        phrase = f"{name} rose from none to {after}"
    elif latest.value == baseline.value:
        phrase = f"{name} held at {after}"
    else:
        # "from 120 to 360 participants" reads better than "from 120 participants to ...".
        before = amount(baseline.value, unit) if unit in SYMBOLS else number(baseline.value)
        phrase = f"{name} {ratio_words(result.ratio)} from {before} to {after}"
        if latest.value > baseline.value:
            phrase += f", {_another(latest.value - baseline.value, unit)}"
    return f"{phrase} ({'verified' if latest.quality == 'verified' else 'estimate'})"


def paragraph(
    *,
    name: str,
    awards: Sequence[Award] = (),
    partners: Sequence[str] = (),
    outcomes: Sequence[Outcome] = (),
    money: Money,
) -> str:
    """The story of `name` in sentences: its funding, its partners, its outcomes."""
    sentences = []
    if awards:
        sentence = f"{name} received {join_words([award_words(a, money) for a in awards])}"
        cash = [a for a in awards if a.instrument != "in_kind"]
        currencies = {a.currency for a in cash}
        if len(cash) > 1 and currencies == {money.currency}:
            total = sum((a.amount for a in cash), Decimal(0))
            sentence += f": {money.words(total, money.currency)} in all"
        sentences.append(sentence + ".")
    names = list(dict.fromkeys(p for p in partners if p))
    if names:
        subject = "It" if sentences else name
        sentences.append(f"{subject} works in partnership with {join_words(names)}.")
    changes = [w for w in (outcome_words(o) for o in outcomes) if w]
    if changes:
        sentences.append(f"Since joining the cohort, {'; '.join(changes)}.")
    if not sentences:
        return f"{name} has no funding, partnerships or outcomes recorded yet."
    return " ".join(sentences)
