"""The kept figures' dependencies (impact/dependencies.py): the list is what the figures
read, and a save or delete of a row of each listed model marks its programme's kept
figures stale. On the IEP demo, which holds rows of every kind."""

import re

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from partnerbase.core.history import record_delete
from partnerbase.core.period import programme_period
from partnerbase.impact import kept as k
from partnerbase.impact.dependencies import DEPENDENCIES, programme_id_of
from partnerbase.impact.figures import headline_figures
from partnerbase.interchange.export import programme_export
from partnerbase.interchange.importer import programme_import

pytestmark = pytest.mark.django_db
# Deleting one of these is an ordinary correction (nothing protects it).
DELETED = [
    "directory.Engagement",
    "impact.Target",
    "funding.ExchangeRate",
    "projects.CompetitionStage",
    "brokering.PartnershipPartner",
    "accelerator.CohortMembership",
]


def test_the_list_is_every_model_the_figures_query(iep_for_module):
    programme = iep_for_module
    with CaptureQueriesContext(connection) as queries:
        headline_figures(programme, programme_period(programme))
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    named = set(re.findall(r'"(\w+)"', sql))  # tables, aliased in subqueries, and columns
    tables = {m._meta.db_table: m._meta.label for m in apps.get_models()}
    read = {tables[t] for t in named if t in tables}

    # The programme's settings come from the instance the caller holds, not a query.
    assert read == set(DEPENDENCIES) - {"programmes.Programme"}


def _a_row(label, programme):
    model = apps.get_model(label)
    path = DEPENDENCIES[label]
    lookup = "pk" if path == "pk" else path
    row = model._default_manager.filter(**{lookup: programme.pk}).order_by("pk").first()
    assert row is not None, f"the demo has no {label}"
    return row


@pytest.mark.parametrize("label", sorted(DEPENDENCIES))
def test_saving_a_row_of_each_dependency_marks_the_kept_figures_stale(iep_for_module, label):
    programme = iep_for_module
    period = programme_period(programme)
    assert k.kept_figures(programme, period).as_of is not None
    assert k.fresh_sets(programme).count() == 1
    row = _a_row(label, programme)
    assert programme_id_of(row, DEPENDENCIES[label]) == programme.pk

    with transaction.atomic():
        row.save()

    assert k.fresh_sets(programme).count() == 0
    assert k.kept_figures(programme, period).as_of is None  # computed afresh


@pytest.mark.parametrize("label", DELETED)
def test_deleting_a_row_marks_the_kept_figures_stale(iep_for_module, label):
    programme = iep_for_module
    k.kept_figures(programme, programme_period(programme))
    row = _a_row(label, programme)

    with transaction.atomic():
        record_delete(row, actor=None)

    assert k.fresh_sets(programme).count() == 0


def test_an_imported_programme_is_kept_like_any_other(iep_for_module):
    """The interchange importer writes thousands of records in one transaction: they mark
    the new programme's figures once, and its kept figures are the live ones."""
    data = programme_export(programme=iep_for_module)
    with CaptureQueriesContext(connection) as queries:
        copy = programme_import(data=data, slug="iep-copy")
    marks = [q for q in queries.captured_queries if "impact_figuresversion" in q["sql"]]
    assert len(marks) <= 3  # made, then raised once: not once per record
    period = programme_period(copy)

    kept = k.kept_figures(copy, period)

    assert k.figure_set_json(kept) == k.figure_set_json(headline_figures(copy, period))
