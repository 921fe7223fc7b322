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


def referring_counts(
    target: models.Model, *, ignore: tuple[type[models.Model], ...] = ()
) -> list[tuple[type[models.Model], int]]:
    """How many records of each model point at `target` (a record linking twice, like an
    award from and to the same organisation, counts once), leaving out `ignore`d models."""
    by_model: dict[type[models.Model], models.Q] = {}
    for link in links_to(type(target)):
        if link.model in ignore:
            continue
        condition = models.Q(**{link.field.name: target})
        by_model[link.model] = by_model.get(link.model, models.Q()) | condition
    counts = []
    for model, condition in by_model.items():
        count = model._default_manager.filter(condition).distinct().count()
        if count:
            counts.append((model, count))
    return sorted(counts, key=lambda item: item[0]._meta.verbose_name)


def count_phrases(counts: list[tuple[type[models.Model], int]]) -> list[str]:
    """["2 funding awards", "1 partnership"] for referring_counts' answer."""
    return [
        f"{count} {model._meta.verbose_name if count == 1 else model._meta.verbose_name_plural}"
        for model, count in counts
    ]


def counts_in_words(counts: list[tuple[type[models.Model], int]]) -> str:
    """ "2 funding awards, 1 partnership" for referring_counts' answer."""
    return ", ".join(count_phrases(counts))
