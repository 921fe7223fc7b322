"""What the kept headline figures depend on: every model whose rows `headline_figures`
reads (impact/figures.py, impact/roles.py, the rate table, the targets and the programme's
own settings), each with the path from one of its rows to its programme.

A save or delete of any of them marks the programme's kept figures stale in the same
transaction and schedules their refresh once it commits (impact/kept.py). The list is
checked against the tables `headline_figures` really queries
(impact/tests/test_kept_dependencies.py), so a new role source or figure that reads a new
model fails that test until the model is added here.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save

from partnerbase.programmes.models import Programme

from .kept import figures_changed, version_start

# model label -> the path from a row to its programme's id ("pk" for the programme itself).
DEPENDENCIES = {
    "programmes.Programme": "pk",  # currencies, dates, report date: read from the instance
    "impact.Target": "programme_id",
    "funding.ExchangeRate": "programme_id",
    "funding.FundingAward": "programme_id",
    "directory.Organisation": "programme_id",  # which organisations convene the programme
    "directory.Engagement": "programme_id",
    "directory.Person": "programme_id",  # a working-group member's organisation
    "accelerator.Accelerator": "programme_id",
    "accelerator.Cohort": "accelerator__programme_id",
    "accelerator.CohortMembership": "cohort__accelerator__programme_id",
    "board.Champion": "programme_id",
    "brokering.Need": "programme_id",
    "brokering.Offer": "programme_id",
    "brokering.Introduction": "programme_id",
    "brokering.Partnership": "programme_id",
    "brokering.PartnershipPartner": "partnership__programme_id",
    "calls.Call": "programme_id",
    "calls.Application": "call__programme_id",
    "pledges.Pledge": "programme_id",
    "projects.CollaborativeProject": "programme_id",
    "projects.CoalitionMember": "project__programme_id",
    "projects.Competition": "programme_id",
    "projects.CompetitionEntry": "competition__programme_id",
    "projects.CompetitionStage": "competition__programme_id",
    "workinggroups.WorkingGroup": "programme_id",
    "workinggroups.WorkingGroupMember": "working_group__programme_id",
}


def programme_id_of(instance, path: str) -> int | None:
    """The programme of a dependency's row, through relations already loaded where it can,
    else one query; None when the row's parent is gone (a delete cascading from it)."""
    if path == "pk":
        return instance.pk
    if "__" not in path:
        return getattr(instance, path)
    first, rest = path.split("__", 1)
    field = instance._meta.get_field(first)
    if field.is_cached(instance):
        parent = field.get_cached_value(instance)
        return programme_id_of(parent, rest) if parent is not None else None
    parent_id = getattr(instance, field.attname)
    rows = field.related_model._base_manager.filter(pk=parent_id)
    return rows.values_list(rest, flat=True).first()


def _changed(sender, instance, **kwargs):
    path = DEPENDENCIES[sender._meta.label]
    # None: a row whose parent went first; every programme is marked rather than guessed.
    figures_changed(programme_id_of(instance, path))


def _programme_created(sender, instance, created, raw=False, **kwargs):
    if created:
        version_start(instance.pk)


def connect() -> None:
    """Called once, from ImpactConfig.ready()."""
    post_save.connect(_programme_created, sender=Programme, dispatch_uid="kept-start")
    for label in DEPENDENCIES:
        model = apps.get_model(label)
        uid = f"kept-{label}"
        post_save.connect(_changed, sender=model, dispatch_uid=uid, weak=False)
        post_delete.connect(_changed, sender=model, dispatch_uid=uid, weak=False)
