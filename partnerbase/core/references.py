"""Which records point at a record, found from the models' _meta: a link added to any app
later is covered without a list kept by hand (deleting and merging rely on it)."""

from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.db import models
from simple_history.models import HistoricalChanges


@dataclass(frozen=True)
class Link:
    """A foreign key, one-to-one or many-to-many field of `model` that points at a target."""

    model: type[models.Model]
    field: models.Field

    @property
    def many(self) -> bool:
        return self.field.many_to_many

    @property
    def label(self) -> str:
        return f"{self.model._meta.label}.{self.field.name}"

    def rows(self, target: models.Model) -> models.QuerySet:
        """The records of `model` that point at `target` through this field."""
        return self.model._default_manager.filter(**{self.field.name: target})


@cache  # the app registry does not change once Django has started
def links_to(target_model: type[models.Model]) -> tuple[Link, ...]:
    """Every link in the project to `target_model`.

    History tables are left out (they keep what was, and point at nothing real), and so are
    auto-created many-to-many tables: their many-to-many field stands for them. A
    many-to-many field with its own `through` model is left out too, because that model's
    foreign key is a link of its own."""
    found = []
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or issubclass(model, HistoricalChanges):
            continue
        for field in meta.local_fields:
            if field.is_relation and field.related_model is target_model:
                found.append(Link(model, field))
        for field in meta.local_many_to_many:
            own_table = field.remote_field.through._meta.auto_created
            if field.related_model is target_model and own_table:
                found.append(Link(model, field))
    return tuple(sorted(found, key=lambda link: link.label))


@dataclass(frozen=True)
class Dependents:
    """Records of one kind that depend on a record: how many, and the first few by name."""

    singular: str
    plural: str
    count: int
    names: tuple[str, ...] = ()

    @classmethod
    def named(cls, singular: str, plural: str, names: list[str], shown: int = 3):
        return cls(singular, plural, len(names), tuple(names[:shown]))

    def phrase(self) -> str:
        """ "2 members (Ann, Bo)", "5 ideas (A, B, C and 2 more)", "1 partnership"."""
        words = f"{self.count} {self.singular if self.count == 1 else self.plural}"
        if not self.names:
            return words
        more = self.count - len(self.names)
        return f"{words} ({', '.join(self.names)}{f' and {more} more' if more > 0 else ''})"


def referring_records(
    target: models.Model, *, ignore: tuple[type[models.Model], ...] = (), shown: int = 3
) -> list[Dependents]:
    """Each kind of record that points at `target`, counted (a record linking twice, like an
    award from and to the same organisation, counts once) and its first `shown` named,
    leaving out `ignore`d models."""
    by_model: dict[type[models.Model], models.Q] = {}
    for link in links_to(type(target)):
        if link.model in ignore:
            continue
        condition = models.Q(**{link.field.name: target})
        by_model[link.model] = by_model.get(link.model, models.Q()) | condition
    found = []
    for model, condition in by_model.items():
        rows = model._default_manager.filter(condition).distinct().order_by("pk")
        count = rows.count()
        if count:
            meta = model._meta
            names = tuple(str(row) for row in rows[:shown])
            found.append(Dependents(meta.verbose_name, meta.verbose_name_plural, count, names))
    return sorted(found, key=lambda d: d.singular)


def refusal(action: str, dependents: list[Dependents], *, relation: str, whom: str) -> str:
    """The one wording of a refused delete: "Cannot remove: 2 members (Ann, Bo) and 1 idea
    (Peer support) belong to this working group." ("" when nothing depends on it)."""
    parts = [d for d in dependents if d.count]
    if not parts:
        return ""
    phrases = [d.phrase() for d in parts]
    listed = phrases[0] if len(phrases) == 1 else ", ".join(phrases[:-1]) + " and " + phrases[-1]
    verb, _, rest = relation.partition(" ")
    if len(parts) == 1 and parts[0].count == 1:
        verb += "es" if verb.endswith("s") else "s"
    return f"Cannot {action}: {listed} {' '.join(filter(None, [verb, rest]))} {whom}."
