"""Storage limitation: unsuccessful applicants' personal data goes a set time after the
decision (the programme's `applicant_retention_months`, 12 unless the team changes it).

An applicant is due when every application their organisation made in the programme was
declined, the last decision at least that many months ago, and they hold nothing else: no
role in any programme and no other organisation's application that is not due. Their
account is erased (services.person_erase); the organisation, its applications, scores and
decisions stay, as the figures and the assessment's history need them."""

from dataclasses import dataclass
from datetime import datetime

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from partnerbase.accelerator.models import Decision, SelectionDecision
from partnerbase.accounts.models import Membership
from partnerbase.calls.models import Applicant, Application
from partnerbase.core.errors import DomainError

from .models import ActionKind
from .services import ERASED_DOMAIN, person_erase
from .subject import subject_find


@dataclass
class Due:
    applicant: Applicant
    decided_at: datetime
    due_at: datetime

    @property
    def user(self):
        return self.applicant.user

    @property
    def programme(self):
        return self.applicant.programme


def _declined_organisations(programme, now) -> dict[int, tuple[datetime, datetime]]:
    """Organisation id → (last decision, due) where every application in the programme
    was declined and the time is up."""
    cutoff = now - relativedelta(months=programme.applicant_retention_months)
    decisions = dict(
        SelectionDecision.objects.filter(application__call__programme=programme).values_list(
            "application_id", "decision"
        )
    )
    latest = dict(
        SelectionDecision.objects.filter(application__call__programme=programme).values_list(
            "application_id", "decided_at"
        )
    )
    by_org: dict[int, list[int]] = {}
    for app_id, org_id in Application.objects.filter(call__programme=programme).values_list(
        "pk", "organisation_id"
    ):
        by_org.setdefault(org_id, []).append(app_id)
    out = {}
    for org_id, app_ids in by_org.items():
        if all(decisions.get(a) == Decision.DECLINED for a in app_ids):
            last = max(latest[a] for a in app_ids)
            if last <= cutoff:
                out[org_id] = (
                    last,
                    last + relativedelta(months=programme.applicant_retention_months),
                )
    return out


def retention_due(*, programmes, now=None) -> list[Due]:
    """The applicants whose personal data is due to go, in the given programmes."""
    now = now or timezone.now()
    candidates: list[Due] = []
    due_pairs: set[tuple[int, int]] = set()
    for programme in programmes:
        declined = _declined_organisations(programme, now)
        due_pairs |= {(programme.pk, org) for org in declined}
        for applicant in (
            Applicant.objects.filter(programme=programme, organisation_id__in=declined)
            .select_related("user", "organisation", "programme")
            .order_by("organisation__name", "user__email")
        ):
            decided, due = declined[applicant.organisation_id]
            candidates.append(Due(applicant=applicant, decided_at=decided, due_at=due))
    out = []
    for item in candidates:
        user = item.user
        if user.email.endswith("@" + ERASED_DOMAIN) or user.is_staff or user.is_superuser:
            continue
        if Membership.objects.filter(user=user).exists():
            continue  # they hold a role: their data is needed for it
        others = Applicant.objects.filter(user=user).values_list("programme_id", "organisation_id")
        if set(others) <= due_pairs:
            out.append(item)
    return out


@dataclass
class Outcome:
    due: Due
    action: object | None  # the PersonalDataAction, or None when refused
    refusal: str = ""


def retention_run(*, programmes, actor, scope, programme=None, now=None) -> list[Outcome]:
    """Erase every applicant due; one logged erasure each. One that cannot be erased (in a
    programme beyond `scope`, say) is skipped with the reason."""
    outcomes = []
    seen = set()
    for item in retention_due(programmes=programmes, now=now):
        if item.user.pk in seen:
            continue
        seen.add(item.user.pk)
        months = item.programme.applicant_retention_months
        reason = (
            f"Retention: unsuccessful application to {item.programme.name}, decided "
            f"{item.decided_at:%d %B %Y}; kept {months} months"
        )
        try:
            action = person_erase(
                subject=subject_find(email=item.user.email),
                actor=actor,
                scope=scope,
                reason=reason,
                programme=programme,
                kind=ActionKind.RETENTION,
            )
        except DomainError as exc:
            outcomes.append(Outcome(due=item, action=None, refusal=exc.message))
        else:
            outcomes.append(Outcome(due=item, action=action))
    return outcomes
