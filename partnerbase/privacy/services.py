"""Erasure (UK GDPR article 17) and the record of every action on personal data.

Erasure replaces what identifies a person and keeps every record, so figures, history and
relations stay as they were: the name becomes "Erased person 12" (12 is the erasure's
number in the log), the email address a unique one no mail server accepts, phone numbers and
job titles are cleared; the same fields of the records' history rows get the same values;
then every text column of every table, history included, is searched for the old name and
address and they are replaced where they appear (a change's reason, a notification to
someone else, a note). The account can no longer sign in."""

import re
from dataclasses import dataclass

from django.apps import apps
from django.contrib.sessions.models import Session
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from partnerbase.accounts.api_tokens import api_token_revoke
from partnerbase.accounts.models import Membership, Role
from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_save
from partnerbase.jobs.kept import kept_drop_all

from . import register
from .models import ActionKind, PersonalDataAction
from .subject import Subject

ERASED_DOMAIN = "erased.invalid"  # .invalid is reserved: no mail is ever delivered there
# Names shorter than this are not searched for in free text: "Al" would hit every "also".
SHORTEST_NAME = 5


def action_record(
    *,
    actor,
    kind: str,
    subject: Subject,
    programme=None,
    reason: str = "",
    counts=None,
    scope: set[int] | None = None,
) -> PersonalDataAction:
    """Log an action on `subject`'s data; only the directory people of `scope` are named
    (an id from another programme would tell the team it holds someone)."""
    action = PersonalDataAction(
        kind=kind,
        programme=programme,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        subject_user=subject.user,
        subject_people=[p.pk for p in subject.people if scope is None or p.programme_id in scope],
        reason=reason,
        counts=counts or {},
        at=timezone.now(),
    )
    return record_save(action, actor=actor, reason=ActionKind(kind).label)


def is_erased(subject: Subject) -> bool:
    return bool(subject.user) and subject.user.email.endswith("@" + ERASED_DOMAIN)


def erasure_refusals(*, subject: Subject, actor, scope: set[int] | None) -> list[str]:
    """Why erasing `subject` would break something, in words for the page; [] if it may go."""
    reasons = []
    user = subject.user
    if not subject.found:
        return ["No one with this email address is held here."]
    if is_erased(subject):
        return ["This person's data has already been erased."]
    if user and actor is not None and user.pk == getattr(actor, "pk", None):
        reasons.append("You cannot erase your own account: ask another team member.")
    if user and (user.is_superuser or user.is_staff):
        reasons.append("This is an administrator's account: remove its administrator rights first.")
    if scope is not None and not subject.programme_ids <= scope:
        reasons.append(
            "This person is also in a programme you do not run: ask the installation's "
            "administrator, who can erase across programmes."
        )
    if user:
        for membership in Membership.objects.filter(user=user, role=Role.TEAM).select_related(
            "programme"
        ):
            others = Membership.objects.filter(
                programme=membership.programme, role=Role.TEAM, user__is_active=True
            ).exclude(user=user)
            if not others.exists():
                reasons.append(
                    f"This is the only convening-team member of {membership.programme.name}: "
                    "give someone else the role first."
                )
    return reasons


@dataclass(frozen=True)
class Replacements:
    name: str
    email: str

    def for_kind(self, kind: str) -> str:
        return {register.NAME: self.name, register.EMAIL: self.email, register.CLEAR: ""}[kind]


def _erased_rows(subject: Subject) -> dict[str, list[int]]:
    """Ids of the records about the person whose personal fields are replaced."""
    user = subject.user
    by_email = Q(email__iexact=subject.email) if subject.email else Q(pk__in=[])
    invitations = by_email | Q(accepted_by=user) if user else by_email
    notifications = by_email | Q(user=user) if user else by_email
    model = apps.get_model
    return {
        "accounts.User": [user.pk] if user else [],
        "directory.Person": [p.pk for p in subject.people],
        "accounts.Invitation": list(
            model("accounts.Invitation").objects.filter(invitations).values_list("pk", flat=True)
        ),
        "notifications.Notification": list(
            model("notifications.Notification")
            .objects.filter(notifications)
            .values_list("pk", flat=True)
        ),
    }


def _old_values(subject: Subject, rows: dict[str, list[int]]) -> tuple[set[str], set[str]]:
    """The names and email addresses to look for in free text, from the records and their
    history (a name changed since is still a name)."""
    names, emails = set(), {subject.email}
    for label, fields in register.FIELDS.items():
        model = apps.get_model(label)
        ids = rows.get(label) or []
        if not ids:
            continue
        for source in (model.objects, model.history.model.objects):
            for values in source.filter(id__in=ids).values(*fields):
                for name, kind in fields.items():
                    text = (values[name] or "").strip()
                    if kind == register.NAME and len(text) >= SHORTEST_NAME:
                        names.add(text)
                    elif kind == register.EMAIL and text:
                        emails.add(text)
    if subject.user:
        whole = f"{subject.user.first_name} {subject.user.last_name}".strip()
        if len(whole) >= SHORTEST_NAME:
            names.add(whole)
    emails = {e for e in emails if e and not e.endswith("@" + ERASED_DOMAIN)}
    return names, emails


def _text_columns(model) -> list[str]:
    return [
        f.attname
        for f in model._meta.concrete_fields
        if isinstance(f, (models.CharField, models.TextField)) and not f.choices
    ]


def _json_columns(model) -> list[str]:
    return [f.attname for f in model._meta.concrete_fields if isinstance(f, models.JSONField)]


def _json_replaced(value, replace):
    """`value` (JSON: lists, objects, strings) with `replace` applied to every string in it."""
    if isinstance(value, str):
        return replace(value)
    if isinstance(value, list):
        return [_json_replaced(v, replace) for v in value]
    if isinstance(value, dict):
        return {k: _json_replaced(v, replace) for k, v in value.items()}
    return value


def _pattern(values) -> re.Pattern:
    """Any of `values`, case ignored, the longest first (a name inside an address)."""
    return re.compile("|".join(re.escape(v) for v in sorted(values, key=len, reverse=True)), re.I)


def _scrub(old_to_new: dict[str, str]) -> dict[str, int]:
    """Replace each old value wherever it appears in a text or JSON column of any table
    (case ignored: a refused import's problems quote the file, register.QUOTED); the number
    of rows changed by model label."""
    if not old_to_new:
        return {}
    pattern = _pattern(old_to_new)
    lowered = {o.lower(): n for o, n in old_to_new.items()}
    counts = {}

    def replace(text: str) -> str:
        return pattern.sub(lambda m: lowered[m.group(0).lower()], text)

    for model in apps.get_models():
        columns, json_columns = _text_columns(model), _json_columns(model)
        if not (columns or json_columns) or model is Session:
            continue
        match = Q()
        for column in (*columns, *json_columns):
            for old in old_to_new:
                match |= Q(**{f"{column}__icontains": old})
        changed = 0
        for values in model._default_manager.filter(match).values("pk", *columns, *json_columns):
            update = {}
            for column in columns:
                text = values[column]
                if text and pattern.search(text):
                    update[column] = replace(text)
            for column in json_columns:
                new_value = _json_replaced(values[column], replace)
                if new_value != values[column]:
                    update[column] = new_value
            if update:
                model._default_manager.filter(pk=values["pk"]).update(**update)
                changed += 1
        if changed:
            counts[model._meta.label] = counts.get(model._meta.label, 0) + changed
    return counts


def _end_sessions(user) -> int:
    ended = 0
    for session in Session.objects.all().iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            session.delete()
            ended += 1
    return ended


@transaction.atomic
def person_erase(
    *,
    subject: Subject,
    actor,
    scope: set[int] | None,
    reason: str,
    programme=None,
    kind: str = ActionKind.ERASURE,
) -> PersonalDataAction:
    """Erase `subject`'s identifying details everywhere, keeping the records; the erasure
    is logged (who, when, why, how many rows) under its number, without the old details."""
    refusals = erasure_refusals(subject=subject, actor=actor, scope=scope)
    if refusals:
        raise DomainError(" ".join(refusals))
    if not reason.strip():
        raise DomainError(
            "Say why the data is erased (for example, “Erasure request of 3 May”).", field="reason"
        )
    rows = _erased_rows(subject)
    names, emails = _old_values(subject, rows)
    # The log keeps why, never who: a name or address typed in the reason is left out.
    said = _pattern(names | emails).sub("(erased)", reason.strip()) if names | emails else reason
    action = action_record(
        actor=actor, kind=kind, subject=subject, programme=programme, reason=said.strip()
    )
    new = Replacements(name=action.erased_label, email=f"erased-{action.pk}@{ERASED_DOMAIN}")
    counts: dict[str, int] = {}
    history_reason = f"Personal data erased (erasure {action.pk})"
    for label, fields in register.FIELDS.items():
        model = apps.get_model(label)
        ids = rows[label]
        if not ids:
            continue
        values = {name: new.for_kind(kind) for name, kind in fields.items()}
        # The person's own records get a history row naming who erased them; the rest
        # (notifications, invitations) are changed in place, with their history.
        if label in ("accounts.User", "directory.Person"):
            for obj in model.objects.filter(pk__in=ids):
                for name, v in values.items():
                    setattr(obj, name, v)
                if label == "accounts.User":
                    obj.set_unusable_password()
                    obj.is_active = False
                record_save(obj, actor=actor, reason=history_reason)
        else:
            model.objects.filter(pk__in=ids).update(**values)
        history_rows = model.history.model.objects.filter(id__in=ids).update(**values)
        counts[label] = len(ids)
        counts[f"{label} history"] = history_rows
    for label, column in register.DELETED.items():
        model = apps.get_model(label)
        deleted = 0
        for email in emails:
            deleted += model.objects.filter(**{f"{column}__iexact": email}).delete()[0]
        if deleted:
            counts[f"{label} deleted"] = deleted
    if subject.user:
        counts["sessions ended"] = _end_sessions(subject.user)
        # An inactive account's tokens are refused anyway; revoked, they say so on the record.
        tokens = subject.user.api_tokens.filter(revoked_at__isnull=True)
        for token in tokens:
            api_token_revoke(actor=actor, token=token)
        if tokens:
            counts["API tokens revoked"] = len(tokens)
    old_to_new = {e: new.email for e in emails} | {n: new.name for n in names}
    for label, changed in _scrub(old_to_new).items():
        counts[f"{label} text"] = changed
    # What pages keep built (the report, the 360Giving file) may quote the old details.
    dropped = kept_drop_all()
    if dropped:
        counts["kept outputs dropped"] = dropped
    # An update, not a save: a save would add a history row, and the counts need none.
    PersonalDataAction.objects.filter(pk=action.pk).update(counts=counts)
    action.counts = counts
    return action
