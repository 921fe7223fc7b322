"""Merging two records of one organisation into one, in one transaction: all or nothing.

Every link to the removed record moves to the kept one. The links are found from the
models' _meta (core/references.py), so a foreign key or many-to-many added to any app later
moves too. A link the kept record already has (the same identifier, the same partner in the
same partnership, the same account's role) is a duplicate: it is removed, if it is the same
in every other field and nothing refers to it. Any other clash (both applied to one call,
both hold a place in one cohort) refuses the merge, naming each, so that nothing a figure
counts is lost or changed without a person deciding.

The kept record's history gets a "Merged with X" row. The removed record's history stays
in the history table; its last row, "Merged into Y (record N)", names the kept record's
id, so the kept record's page can list the records merged into it (`merged_records`).
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_delete, record_save
from partnerbase.core.references import Link, links_to

from .models import Organisation

REASON_LIMIT = 100  # django-simple-history's change reason is 100 characters
BOOKKEEPING = {"uid", "illustrative", "created_at", "updated_at"}
# Details the kept record takes from the removed one when it has none of its own.
FILLED_FIELDS = (
    "employee_count",
    "customer_count",
    "responsible_business_notes",
    "website",
    "description",
)


@dataclass
class MergePlan:
    moves: list[tuple[Link, int]] = field(default_factory=list)  # (link, records to move)
    duplicates: list[models.Model] = field(default_factory=list)  # removed, not moved
    conflicts: list[str] = field(default_factory=list)

    @property
    def moving(self) -> list[tuple[str, int]]:
        """(kind of record, count) of what moves, for the confirmation page."""
        totals: dict[str, int] = {}
        for link, count in self.moves:
            meta = link.model._meta
            name = str(meta.verbose_name_plural)
            totals[name] = totals.get(name, 0) + count
        return sorted(totals.items())


def _reason(template: str, name: str, suffix: str = "") -> str:
    room = REASON_LIMIT - len(template.format(name="")) - len(suffix)
    short = name if len(name) <= room else name[: room - 1] + "…"
    return template.format(name=short) + suffix


def removed_reason(kept: Organisation) -> str:
    return _reason("Merged into {name}", kept.name, f" (record {kept.pk})")


def merged_records(organisation: Organisation) -> models.QuerySet:
    """The last history rows of the records merged into `organisation`."""
    return Organisation.history.filter(
        programme_id=organisation.programme_id,
        history_type="-",
        history_change_reason__startswith="Merged into ",
        history_change_reason__endswith=f" (record {organisation.pk})",
    ).order_by("-history_date")


def merged_into(last_row) -> Organisation | None:
    """The record a removed organisation was merged into, from its last history row."""
    match = re.search(r"^Merged into .* \(record (\d+)\)$", last_row.history_change_reason or "")
    if last_row.history_type != "-" or match is None:
        return None
    return Organisation.objects.filter(
        pk=int(match.group(1)), programme_id=last_row.programme_id
    ).first()


def _unique_sets(model, name: str) -> list[tuple[tuple[str, ...], models.Q | None]]:
    """The unique field sets of `model` that include the field `name`."""
    sets = [
        (tuple(c.fields), c.condition)
        for c in model._meta.constraints
        if isinstance(c, models.UniqueConstraint) and name in c.fields
    ]
    sets += [(tuple(u), None) for u in model._meta.unique_together if name in u]
    if model._meta.get_field(name).unique:
        sets.append(((name,), None))
    return sets


def _same(row, other, skip: str) -> bool:
    """Whether two records say the same thing, apart from ids, timestamps and `skip`."""
    for f in row._meta.concrete_fields:
        if f.primary_key or f.name in BOOKKEEPING or f.name == skip:
            continue
        if getattr(row, f.attname) != getattr(other, f.attname):
            return False
    return True


def _referred_to(row) -> bool:
    return any(link.rows(row).exists() for link in links_to(type(row)))


def _article(noun: str) -> str:
    return "an" if noun[:1].lower() in "aeiou" else "a"


def _clash(link: Link, row, kept):
    """The record of the kept organisation that `row`, moved, would duplicate."""
    name, model = link.field.name, link.model
    for fields, condition in _unique_sets(model, name):
        key = {f: getattr(row, model._meta.get_field(f).attname) for f in fields}
        key[name] = kept
        if condition is not None:
            if not model._default_manager.filter(condition, pk=row.pk).exists():
                continue
            key = models.Q(condition, **key)
        else:
            key = models.Q(**key)
        other = model._default_manager.filter(key).exclude(pk=row.pk).first()
        if other is not None:
            return other, [f for f in fields if f != name]
    return None, []


def merge_plan(*, kept: Organisation, removed: Organisation) -> MergePlan:
    """What merging `removed` into `kept` would move, drop as duplicate, or clash on."""
    plan = MergePlan()
    for link in links_to(Organisation):
        rows = list(link.rows(removed))
        if not rows:
            continue
        moving = 0
        for row in rows:
            if link.many:
                moving += 1  # adding a member already there is a no-op
                continue
            other, fields = _clash(link, row, kept)
            if other is None:
                moving += 1
            elif _same(row, other, link.field.name) and not _referred_to(row):
                plan.duplicates.append(row)
            else:
                noun = str(link.model._meta.verbose_name)
                same = " and ".join(str(link.model._meta.get_field(f).verbose_name) for f in fields)
                plan.conflicts.append(
                    f"both records have {_article(noun)} {noun} with the same {same} "
                    f"(“{other}” and “{row}”)"
                )
        if moving:
            plan.moves.append((link, moving))
    return plan


def _fill_details(kept: Organisation, removed: Organisation) -> None:
    for name in FILLED_FIELDS:
        if getattr(kept, name) in (None, "") and getattr(removed, name) not in (None, ""):
            setattr(kept, name, getattr(removed, name))
    regions = [r.strip() for r in f"{kept.regions},{removed.regions}".split(",") if r.strip()]
    kept.regions = ", ".join(dict.fromkeys(regions))[:300]
    kept.national_reach = kept.national_reach or removed.national_reach
    kept.convenes_programme = kept.convenes_programme or removed.convenes_programme


def _move(link: Link, kept, removed) -> list:
    """Point the link's records at `kept`; the records moved."""
    if link.many:
        owners = list(link.rows(removed))
        for owner in owners:
            related = getattr(owner, link.field.name)
            related.remove(removed)
            related.add(kept)
        return owners
    pks = list(link.rows(removed).values_list("pk", flat=True))
    link.rows(removed).update(**{link.field.name: kept})
    return list(link.model._default_manager.filter(pk__in=pks))


@transaction.atomic
def organisation_merge(*, actor, kept: Organisation, removed: Organisation) -> Organisation:
    """Merge `removed` into `kept`: every link moves, the kept record's empty details are
    filled from the removed one's, and the removed record is deleted. All or nothing."""
    if kept.pk == removed.pk:
        raise DomainError("Choose a different record to merge with.", field="other")
    if kept.programme_id != removed.programme_id:
        raise DomainError("Records of different programmes cannot be merged.", field="other")
    # Lock both rows (PostgreSQL) so nothing links to the removed one while it goes.
    list(Organisation.objects.select_for_update().filter(pk__in=[kept.pk, removed.pk]))
    plan = merge_plan(kept=kept, removed=removed)
    if plan.conflicts:
        raise DomainError(
            "Cannot merge: " + "; ".join(plan.conflicts) + ". Change or remove one of each first."
        )
    reason = _reason("Moved by merging into {name}", kept.name)
    for row in plan.duplicates:
        record_delete(row, actor=actor, reason=reason)
    moved: dict[type, dict] = {}
    try:
        # All links move before any record is checked, so no check sees a half-moved state.
        for link in links_to(Organisation):
            for record in _move(link, kept, removed):
                moved.setdefault(type(record), {})[record.pk] = record
        for records in moved.values():
            for record in records.values():
                record_save(record, actor=actor, reason=reason)
    except ValidationError as exc:
        problem = " ".join(exc.messages)
        raise DomainError(f"Cannot merge: “{record}” would be invalid: {problem}") from exc
    except IntegrityError as exc:
        raise DomainError(f"Cannot merge: a record would clash with another ({exc}).") from exc
    _fill_details(kept, removed)
    record_save(kept, actor=actor, reason=_reason("Merged with {name}", removed.name))
    removed.refresh_from_db()
    record_delete(removed, actor=actor, reason=removed_reason(kept))
    return kept
