"""Competitions' judges (and their user accounts), judges' scores and prizes (which make
their own funding awards)."""

from decimal import Decimal

from partnerbase.accounts.models import Role, User
from partnerbase.accounts.services import membership_grant, user_create
from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_save
from partnerbase.projects import services as projects

from ..restore import nested
from ..spec import by_name
from .base import file_date as _date
from .funding import grant_details
from .generic import create


def judge_user(imp, r: dict) -> User:
    """The judge's account, by email, made if missing (without a password: they reset
    it to sign in); judging needs the assessor role in this programme."""
    user = User.objects.filter(email__iexact=r["email"]).first()
    if user is None:
        user = user_create(email=r["email"], password=None, full_name=r.get("name", ""))
    membership_grant(actor=imp.actor, user=user, programme=imp.programme, role=Role.ASSESSOR)
    return user


def competition_judge(imp, r: dict):
    return create(imp, by_name("competition_judges"), r, user=judge_user(imp, r))


def judge_assignment(imp, r: dict):
    entry, judge = imp.ref(r["entry"]), imp.ref(r["judge"])
    assignment = projects.judge_assign(**imp.common(r), judge=judge, entry=entry)
    scores, submitted_on = {}, _date(r, "submitted_on")
    for n, s in enumerate(r.get("scores", [])):
        criterion = imp.ref(s["criterion"])
        if criterion.competition_id != entry.competition_id or criterion in scores:
            raise DomainError(
                "Give one score for each criterion of the entry's competition.",
                field=f"scores[{n}].criterion",
            )
        scores[criterion] = s["score"]
    if scores and submitted_on is None:
        raise DomainError("Scores have the date they were submitted.", field="submitted_on")
    if submitted_on is None:
        return assignment
    try:
        return projects.judge_scores_submit(
            actor=imp.actor, assignment=assignment, scores=scores, submitted_on=submitted_on
        )
    except DomainError as exc:  # the service names its form's fields
        raise DomainError(exc.message, field="scores") from exc


def award_records(imp) -> dict[str, tuple[int, dict]]:
    if "award_records" not in imp.cache:
        awards = imp.data.get("funding_awards", [])
        imp.cache["award_records"] = {a["id"]: (n, a) for n, a in enumerate(awards)}
    return imp.cache["award_records"]


def competition_award(imp, r: dict):
    """The prize makes its own funding award (the funding_awards pass left it out), with
    the file's id; what the file says beyond the service's defaults is then restored."""
    entry = imp.ref(r["entry"])
    n, fa = award_records(imp)[r["funding_award"]]
    prize_award_fits(entry, n, fa)
    prize = projects.competition_award_make(
        **imp.common(r),
        entry=entry,
        amount=Decimal(fa["amount"]["amount"]),
        award_date=_date(fa, "award_date"),
        title=fa["title"],
        funding_award_uid=fa["id"],
    )
    award = prize.funding_award
    restored = {
        "description": fa.get("description", ""),
        "confirmed": fa.get("confirmed", True),
        "illustrative": fa.get("illustrative", False),
        "via_partnership": imp.ref(fa.get("via_partnership")),
        "via_intermediary": imp.ref(fa.get("via_intermediary")),
    }
    if any(getattr(award, k) != v for k, v in restored.items()):
        for name, value in restored.items():
            setattr(award, name, value)
        with nested("funding_award"):
            record_save(award, actor=imp.actor, reason="Restored from an interchange file")
    with nested("funding_award"):
        grant_details(imp, award, fa)
    imp.pending[fa["id"]] = award
    return prize


def prize_award_fits(entry, n: int, fa: dict) -> None:
    """A prize's funding award is a prize from the sponsor to the entrant, in the prize
    fund's currency: the file's award must say so."""
    competition = entry.competition
    expected = {
        "instrument": "prize",
        "amount.currency": competition.prize_fund_currency,
        "funder": str(competition.sponsor.uid),
        "recipient": str(entry.organisation.uid),
        "interest_rate_percent": None,
        "term_months": None,
        "repayment_method": None,
        "first_repayment_on": None,
    }
    actual = {
        "instrument": fa["instrument"],
        "amount.currency": fa["amount"]["currency"],
        "funder": fa["funder"],
        "recipient": fa["recipient"],
        "interest_rate_percent": fa.get("interest_rate_percent"),
        "term_months": fa.get("term_months"),
        "repayment_method": fa.get("repayment_method"),
        "first_repayment_on": fa.get("first_repayment_on"),
    }
    for field, value in expected.items():
        if actual[field] != value:
            raise DomainError(
                f"funding_awards[{n}] has {field} {actual[field]!r}; a prize's funding "
                f"award has {value!r}.",
                field="funding_award",
            )
