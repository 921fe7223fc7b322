"""Eligibility rules of a call, checked against an applicant: pure Python, no Django.

`check(rules, applicant)` returns every rule the applicant fails, each with its reason in
words for the applicant ("Your organisation is a business; this call is open to charities
and social enterprises"). An empty list means eligible. A rule about an answer that has not
been given fails with a reason asking for the answer, so nobody passes by leaving it blank.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

ORGANISATION_KIND = "organisation_kind"
REGION = "region"
INCOME_AT_MOST = "income_at_most"
FOUNDED_YEARS = "founded_years"
ANSWER_IS = "answer_is"
KINDS = (ORGANISATION_KIND, REGION, INCOME_AT_MOST, FOUNDED_YEARS, ANSWER_IS)


@dataclass(frozen=True)
class Rule:
    kind: str
    values: tuple[str, ...] = ()
    amount: int | None = None
    question: str | None = None  # the key of the question whose answer the rule checks
    question_text: str = ""
    prefix: str = ""  # shown before amounts, e.g. "£"


@dataclass(frozen=True)
class Applicant:
    kind: str
    regions: tuple[str, ...] = ()
    answers: Mapping[str, object] = field(default_factory=dict)
    # The year the call closes: "founded at least N years before" counts back from it.
    reference_year: int = 0


@dataclass(frozen=True)
class Failure:
    rule: Rule
    reason: str


def _join(words: Sequence[str], last: str = "or") -> str:
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {last} {words[-1]}"


def _amount(rule: Rule, value: int) -> str:
    return f"{rule.prefix}{value:,}"


def _missing(rule: Rule) -> Failure:
    return Failure(rule, f"Answer “{rule.question_text}” so that we can check you are eligible")


def _number(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    try:
        return int(str(value).replace(",", "").strip())
    except (TypeError, ValueError):
        return None


def check_rule(rule: Rule, applicant: Applicant, labels: Mapping[str, str]) -> Failure | None:
    """The failure of one rule, or None if the applicant meets it."""

    def label(value: str) -> str:
        return labels.get(value, value).lower()

    if rule.kind == ORGANISATION_KIND:
        if applicant.kind in rule.values:
            return None
        allowed = _join([label(v) for v in rule.values])
        return Failure(
            rule,
            f"Your organisation is a {label(applicant.kind)}; "
            f"this call is open only to a {allowed}",
        )
    if rule.kind == REGION:
        wanted = {v.strip().lower() for v in rule.values}
        if wanted & {r.strip().lower() for r in applicant.regions}:
            return None
        return Failure(rule, f"Your organisation must operate in {_join(list(rule.values))}")
    answer = applicant.answers.get(rule.question or "")
    if answer is None or (isinstance(answer, str) and not answer.strip()):
        return _missing(rule)
    if rule.kind == INCOME_AT_MOST:
        income = _number(answer)
        if income is None:
            return _missing(rule)
        if income <= (rule.amount or 0):
            return None
        return Failure(
            rule,
            f"Your annual income must be {_amount(rule, rule.amount or 0)} or less; "
            f"you said {_amount(rule, income)}",
        )
    if rule.kind == FOUNDED_YEARS:
        year = _number(answer)
        if year is None:
            return _missing(rule)
        latest = applicant.reference_year - (rule.amount or 0)
        if year <= latest:
            return None
        return Failure(
            rule,
            f"Your organisation must have been founded in {latest} or earlier; you said {year}",
        )
    if rule.kind == ANSWER_IS:
        if str(answer).strip() in rule.values:
            return None
        return Failure(
            rule,
            f"Your answer to “{rule.question_text}” must be {_join(list(rule.values))}",
        )
    raise ValueError(f"Unknown rule kind: {rule.kind}")


def check(
    rules: Sequence[Rule], applicant: Applicant, labels: Mapping[str, str] | None = None
) -> list[Failure]:
    """Every rule the applicant fails, in the rules' order; empty means eligible.

    `labels` turns stored values (organisation kinds) into words for the reasons."""
    labels = labels or {}
    return [f for rule in rules if (f := check_rule(rule, applicant, labels)) is not None]
