"""Move the rows (and their history rows) of the two criterion models this one replaces:
`assessment.Criterion` (a call's rubric) and `projects.RubricCriterion` (a competition's).

A call's criteria keep their ids, so the assessors' scores point at them unchanged
(assessment 0002 only moves the foreign key). A competition's criteria are numbered after
them in their old order, so a competition's rubric reads in the same order; projects 0005
repoints the judges' scores by (competition, uid), which a competition's criteria never
share (an imported copy of a programme keeps the uids, in a competition of its own). Timestamps and history (who, when, why) are copied as they are.

Not reversible: going back means restoring a database backup or importing the programme's
export (`partnerbase export` before migrating) into the older version."""

from django.core.management.color import no_style
from django.db import migrations

COLUMNS = "uid, illustrative, created_at, updated_at, name, weight, min_score, max_score"
HISTORY = "history_date, history_change_reason, history_type, history_user_id"


def move(apps, schema_editor):
    connection = schema_editor.connection
    Criterion = apps.get_model("rubrics", "Criterion")
    HistoricalCriterion = apps.get_model("rubrics", "HistoricalCriterion")
    with connection.cursor() as cursor:
        # A call's criteria, with their ids and their history rows' ids.
        cursor.execute(
            f"INSERT INTO rubrics_criterion (id, {COLUMNS}, position, guidance, rubric_id)"
            f" SELECT id, {COLUMNS}, position, guidance, rubric_id FROM assessment_criterion"
        )
        cursor.execute(
            f"INSERT INTO rubrics_historicalcriterion"
            f" (id, history_id, {COLUMNS}, {HISTORY}, position, guidance, rubric_id)"
            f" SELECT id, history_id, {COLUMNS}, {HISTORY}, position, guidance, rubric_id"
            f" FROM assessment_historicalcriterion"
        )
        # PostgreSQL's sequences do not follow explicit ids.
        for sql in connection.ops.sequence_reset_sql(no_style(), [Criterion, HistoricalCriterion]):
            cursor.execute(sql)

        # A competition's criteria, renumbered in their old order, and those deleted since
        # (only their history rows remain) among them, so that no new criterion takes the
        # id of a deleted one's history. Each gets a row first, to draw its id from the
        # sequence; the deleted ones' rows go again at the end.
        cursor.execute(f"SELECT id, competition_id, {COLUMNS} FROM projects_rubriccriterion")
        live = {row[0]: row[1:] for row in cursor.fetchall()}
        cursor.execute(
            f"SELECT id, competition_id, {COLUMNS}, {HISTORY}"
            " FROM projects_historicalrubriccriterion ORDER BY history_id"
        )
        history = cursor.fetchall()
        owners = {row[0]: row[1] for row in history} | {k: v[0] for k, v in live.items()}
        new_ids = {}
        for old_id in sorted(owners):
            placeholder = Criterion.objects.create(
                competition_id=owners[old_id], name=f"(criterion {old_id} moving)"
            )
            new_ids[old_id] = placeholder.pk
        for old_id, (_competition, *values) in live.items():
            cursor.execute(
                "UPDATE rubrics_criterion SET uid = %s, illustrative = %s, created_at = %s,"
                " updated_at = %s, name = %s, weight = %s, min_score = %s, max_score = %s"
                " WHERE id = %s",
                [*values, new_ids[old_id]],
            )
        for old_id, competition_id, *values in history:
            cursor.execute(
                f"INSERT INTO rubrics_historicalcriterion"
                f" (id, competition_id, {COLUMNS}, {HISTORY}, position, guidance)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, 0, '')",
                [new_ids[old_id], competition_id, *values],
            )
        gone = [new_ids[old_id] for old_id in owners if old_id not in live]
        Criterion.objects.filter(pk__in=gone).delete()


class Migration(migrations.Migration):
    dependencies = [("rubrics", "0001_criterion")]

    operations = [migrations.RunPython(move, elidable=False)]
