"""The rubric's criteria are `rubrics.Criterion` now (rubrics 0002 moved them with their
ids): the scores' foreign key moves to it and the old model goes. Not reversible (see
rubrics 0002)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("assessment", "0001_rubrics_assignments_scores"),
        ("rubrics", "0002_criteria_moved"),
    ]

    operations = [
        migrations.AlterField(
            model_name="score",
            name="criterion",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="scores",
                to="rubrics.criterion",
            ),
        ),
        migrations.AlterField(
            model_name="historicalscore",
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
        migrations.DeleteModel(name="HistoricalCriterion"),
        migrations.DeleteModel(name="Criterion"),
    ]
