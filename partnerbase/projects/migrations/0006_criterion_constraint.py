"""After 0005 repointed the judges' scores: their foreign key's constraint back, and the
old criterion model gone. Not reversible (see rubrics 0002)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("projects", "0005_criterion_moved")]

    operations = [
        migrations.AlterField(
            model_name="judgescore",
            name="criterion",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="rubrics.criterion",
            ),
        ),
        migrations.DeleteModel(name="HistoricalRubricCriterion"),
        migrations.DeleteModel(name="RubricCriterion"),
    ]
