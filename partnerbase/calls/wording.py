"""A call's eligibility rules in words, for its public page and its managers."""

from partnerbase.directory.models import OrganisationKind

from . import deadlines
from .models import EligibilityRule, RuleKind


def rule_in_words(rule: EligibilityRule) -> str:
    values = rule.value_list
    if rule.kind == RuleKind.ORGANISATION_KIND:
        kinds = dict(OrganisationKind.choices)
        return "Your organisation is a " + " or ".join(kinds.get(v, v).lower() for v in values)
    if rule.kind == RuleKind.REGION:
        return "Your organisation operates in " + " or ".join(values)
    question = rule.question
    if rule.kind == RuleKind.INCOME_AT_MOST:
        return f"Your annual income is {question.prefix}{rule.amount:,} or less"
    if rule.kind == RuleKind.FOUNDED_YEARS:
        latest = rule.call.closes_at.astimezone(deadlines.UK).year - (rule.amount or 0)
        return f"Your organisation was founded in {latest} or earlier"
    return f"Your answer to “{question.text}” is " + " or ".join(values)


def rules_in_words(call) -> list[str]:
    return [rule_in_words(r) for r in call.rules.select_related("question", "call")]
