"""A competition's rubric criteria are `rubrics.Criterion` now (rubrics 0002 moved them,
renumbered): the judges' scores, and their history rows, point at the new ids, found by
(competition, uid); 0006 puts the constraint back and removes the old model (PostgreSQL
alters no table with updates pending in the same transaction). Not reversible (see
rubrics 0002)."""

import django.db.models.deletion
from django.db import migrations, models


def repoint(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, competition_id, uid FROM projects_rubriccriterion UNION"
            " SELECT id, competition_id, uid FROM projects_historicalrubriccriterion"
        )
        old = {row[0]: (row[1], str(row[2])) for row in cursor.fetchall()}
        cursor.execute(
            "SELECT id, competition_id, uid FROM rubrics_criterion"
            " WHERE competition_id IS NOT NULL UNION"
            " SELECT id, competition_id, uid FROM rubrics_historicalcriterion"
            " WHERE competition_id IS NOT NULL"
        )
        new = {}
        for new_id, competition_id, uid in cursor.fetchall():
            key = (competition_id, str(uid))
            if new.setdefault(key, new_id) != new_id:
                raise RuntimeError(f"Two criteria of competition {key[0]} share uid {key[1]}.")
        # Negative first, so no score collides with another's old id on the unique
        # (assignment, criterion) on the way.
        for table in ("projects_judgescore", "projects_historicaljudgescore"):
            for old_id, key in old.items():
                cursor.execute(
                    f"UPDATE {table} SET criterion_id = %s WHERE criterion_id = %s",
                    [-new[key], old_id],
                )
            cursor.execute(f"UPDATE {table} SET criterion_id = -criterion_id")


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0004_bounded_money_and_currency"),
        ("rubrics", "0002_criteria_moved"),
    ]

    operations = [
        # No constraint while the ids change.
        migrations.AlterField(
            model_name="judgescore",
            name="criterion",
            field=models.ForeignKey(
                db_constraint=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="rubrics.criterion",
            ),
        ),
        migrations.AlterField(
            model_name="historicaljudgescore",
            name="criterion",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="rubrics.criterion",
            ),
        ),
        migrations.RunPython(repoint, elidable=False),
    ]
