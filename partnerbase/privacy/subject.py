"""Finding a person by their email address and gathering everything held about them, for a
subject access request (UK GDPR article 15): the JSON download, the readable page and
`partnerbase personal-data export` all show this one dict."""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.utils import timezone

from partnerbase.core.history import history_rows_entries
from partnerbase.directory.models import Person

from . import register

FORMAT = "partnerbase-personal-data"
VERSION = 1


@dataclass
class Subject:
    """A person as the installation knows them: their account, if any, and the directory
    people (one per programme, perhaps) with their email address."""

    email: str
    user: object | None = None
    people: list = field(default_factory=list)

    @property
    def found(self) -> bool:
        return bool(self.user or self.people or self.programme_ids)

    @property
    def programme_ids(self) -> set[int]:
        return self.__dict__.setdefault("_programmes", subject_programme_ids(self))

    def ids_for(self, model) -> list[int]:
        return (
            [p.pk for p in self.people]
            if model is Person
            else ([self.user.pk] if self.user else [])
        )


def subject_find(*, email: str) -> Subject:
    """The account and directory people with this address, in any programme (case ignored)."""
    email = email.strip()
    user = get_user_model().objects.filter(email__iexact=email).first()
    people = (
        list(Person.objects.filter(email__iexact=email).order_by("programme_id", "pk"))
        if email
        else []
    )
    return Subject(email=email, user=user, people=people)


def _model(label):
    return apps.get_model(label)


def _link_rows(subject: Subject, link: register.Link):
    model = _model(link.model)
    target = model._meta.get_field(link.field).related_model
    ids = subject.ids_for(target)
    return model.objects.filter(**{f"{link.field}__in": ids}) if ids else model.objects.none()


def _email_rows(subject: Subject, label: str):
    model = _model(label)
    column, _ = register.BY_EMAIL[label]
    if not subject.email:
        return model.objects.none()
    return model.objects.filter(**{f"{column}__iexact": subject.email})


def _quoting_rows(subject: Subject, label: str):
    """Records whose free text quotes the person's address (register.QUOTED)."""
    model = _model(label)
    fields, _ = register.QUOTED[label]
    if not subject.email:
        return model.objects.none()
    quoting = models.Q()
    for name in fields:
        quoting |= models.Q(**{f"{name}__icontains": subject.email})
    return model.objects.filter(quoting)


def subject_programme_ids(subject: Subject) -> set[int]:
    """Every programme the person is in: a role, an application, a directory entry, an
    invitation, a working group, an assessment, a notification…"""
    found = {person.programme_id for person in subject.people}
    for link in register.LINKS:
        if link.programme not in ("", "*"):
            found |= set(_link_rows(subject, link).values_list(link.programme, flat=True))
    for label, (_, path) in register.BY_EMAIL.items():
        found |= set(_email_rows(subject, label).values_list(path, flat=True))
    found.discard(None)
    return found


def _in_scope(rows, path: str, scope: set[int] | None, whole: bool):
    """Rows of the programmes in `scope` (None: every programme, the administrator's)."""
    if scope is None:
        return rows
    if path == "*":
        return rows
    if path == "":
        return rows if whole else rows.none()
    return rows.filter(**{f"{path}__in": scope})


def value(v):
    """A field's value as JSON: dates in ISO 8601, ids as strings."""
    if isinstance(v, (datetime, date)):
        return v.isoformat()
    if isinstance(v, (UUID, Decimal)):
        return str(v)
    if isinstance(v, models.Model):
        return str(v)
    if hasattr(v, "name") and hasattr(v, "storage"):  # a file field
        return v.name or ""
    return v


SKIPPED = {"password", "token_hash", "key_hash", "session_data"}


def row(obj) -> dict:
    """Every field of a record but secrets, with related records by their name."""
    out = {}
    for f in obj._meta.concrete_fields:
        if f.name in SKIPPED:
            continue
        if f.is_relation:
            related = getattr(obj, f.name)
            out[f.name] = str(related) if related is not None else None
        else:
            out[f.name] = value(getattr(obj, f.attname))
    return out


def personal_data(*, subject: Subject, scope: set[int] | None) -> dict:
    """Everything held about `subject` in the programmes of `scope` (None: all).

    When every programme the person is in lies in the scope, records that belong to no
    programme (their sign-in attempts, their changes to such records) are theirs alone and
    come too; otherwise only the scope's records."""
    whole = scope is None or subject.programme_ids <= scope
    records: dict[tuple[str, int], dict] = {}
    objects = []

    def add(obj, via: str):
        key = (obj._meta.label, obj.pk)
        if key in records:
            records[key]["via"].append(via)
            return
        records[key] = {
            "model": obj._meta.label,
            "kind": str(obj._meta.verbose_name),
            "id": obj.pk,
            "description": str(obj),
            "via": [via],
            "fields": row(obj),
        }
        objects.append(obj)

    for person in subject.people:
        if scope is None or person.programme_id in scope:
            add(person, "directory entry with this email address")
    for link in register.LINKS:
        for obj in _in_scope(_link_rows(subject, link), link.programme, scope, whole):
            add(obj, f"{link.field}")
    for label, (column, path) in register.BY_EMAIL.items():
        for obj in _in_scope(_email_rows(subject, label), path, scope, whole):
            add(obj, f"{column} is this address")
    for label, (fields, path) in register.QUOTED.items():
        for obj in _in_scope(_quoting_rows(subject, label), path, scope, whole):
            add(obj, f"{' or '.join(fields)} quotes this address")

    history = []
    about = ([subject.user] if subject.user and whole else []) + objects
    for obj in about:
        if hasattr(type(obj), "history"):
            for entry in history_rows_entries(obj.history.all(), limit=1000):
                history.append(
                    {
                        "model": obj._meta.label,
                        "id": obj.pk,
                        "when": entry["when"].isoformat(),
                        "who": str(entry["who"]) if entry["who"] else "",
                        "action": entry["action"],
                        "reason": entry["reason"],
                        "changes": [
                            {k: value(v) for k, v in change.items()} for change in entry["changes"]
                        ],
                    }
                )
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().isoformat(),
        "email": subject.email,
        "account": _account(subject.user) if subject.user else None,
        "records": sorted(records.values(), key=lambda r: (r["model"], r["id"])),
        "history": history,
        "changes_made": _changes_made(subject, scope, whole),
        "sign_in_attempts": _sign_ins(subject) if whole else [],
    }


def _account(user) -> dict:
    fields = ["email", "full_name", "first_name", "last_name", "is_active", "is_superuser"]
    out = {name: getattr(user, name) for name in fields}
    out |= {"date_joined": value(user.date_joined), "last_login": value(user.last_login)}
    return out


def _changes_made(subject: Subject, scope, whole: bool) -> list[dict]:
    """Who changed what: each history row the person's account wrote, in the scope."""
    if not subject.user:
        return []
    out = []
    for model in apps.get_models():
        history = getattr(model, "history", None)
        if history is None or not hasattr(history, "model"):
            continue
        rows = history.model.objects.filter(history_user=subject.user)
        names = {f.name for f in history.model._meta.concrete_fields}
        if scope is not None and "programme" in names:
            rows = rows.filter(programme__in=scope)
        elif scope is not None and not whole:
            continue
        for h in rows.order_by("history_date"):
            out.append(
                {
                    "model": model._meta.label,
                    "id": h.id,
                    "when": h.history_date.isoformat(),
                    "action": {"+": "created", "~": "changed", "-": "deleted"}[h.history_type],
                    "reason": h.history_change_reason or "",
                }
            )
    return out


def _sign_ins(subject: Subject) -> list[dict]:
    out = []
    for label, column in register.DELETED.items():
        if not label.startswith("axes."):
            continue
        model = _model(label)
        for obj in model.objects.filter(**{f"{column}__iexact": subject.email}):
            out.append({"model": label, **row(obj)})
    return out
