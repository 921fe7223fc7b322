"""The rubric migration (rubrics 0002, assessment 0002, projects 0005-0006) on a database
of the version before it: a call's criteria keep their ids and their assessors' scores, a
competition's criteria are renumbered after them in their old order with their judges'
scores repointed, and every history row comes along, a deleted criterion's included.

The migrations run only forwards, so the database is a fresh SQLite file migrated to the
state before in a child process (this file, run as a script), filled there through the
models of that state, then migrated to the end; the child prints what it found, and the
test compares it with what it put in.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
BEFORE = [
    ("assessment", "0001_rubrics_assignments_scores"),
    ("projects", "0004_bounded_money_and_currency"),
]


def test_the_rubric_migration_moves_criteria_scores_and_history(tmp_path):
    database = tmp_path / "before.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, __file__],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])

    call, competition = found["call"], found["competition"]
    # A call's criteria: the same rows with the same ids, and the score still on its own.
    assert call["after"] == call["before"]
    assert call["score_criterion"] == ["Impact", call["before"][0][0]]
    # A competition's: after the call's ids, in their old order, their uids kept.
    names = [row[1:] for row in competition["after"]]
    assert names == [row[1:] for row in competition["before"]]
    assert min(row[0] for row in competition["after"]) > max(int(r[0]) for r in call["after"])
    assert [row[0] for row in competition["after"]] == sorted(r[0] for r in competition["after"])
    # The judge's score on the criterion of the same uid, its history row too.
    assert competition["score_criterion_uid"] == competition["before"][1][2]
    assert competition["history_score_criterion_uid"] == competition["before"][1][2]
    # Every history row moved: the call's three, the competition's five (two live criteria
    # and one deleted: created, changed, deleted); the deleted one's id is no live one's.
    assert found["history"] == {"call": 3, "competition": 5}
    deleted = found["deleted_history_ids"]
    assert len(set(deleted)) == 1 and deleted[0] not in found["live_ids"]
    # A criterion made now draws a fresh id, past every history row's.
    assert found["new_id"] > max(found["live_ids"] + deleted)


# --- the child: runs in its own process, on its own database ------------------------------


def _maker(apps):
    """make(label, **values): a row of a model of the migration state, any required field
    not given filled with a plain value (a required foreign key with a row of its own)."""
    from datetime import UTC, date, datetime

    from django.db import models

    made, counter = {}, iter(range(1, 10**6))

    def value(field):
        n = next(counter)
        if field.choices:
            return field.choices[0][0]
        if isinstance(field, models.ForeignKey):
            key = field.related_model._meta.label
            if key not in made:
                made[key] = make(key)
            return made[key]
        if isinstance(field, models.DateTimeField):
            return datetime(2018, 1, 1, tzinfo=UTC)
        if isinstance(field, models.DateField):
            return date(2018, 1, 1)
        if isinstance(field, models.EmailField):
            return f"person{n}@example.org"
        if isinstance(field, models.CharField | models.TextField):
            return f"value-{n}"
        if isinstance(field, models.IntegerField | models.DecimalField):
            return 1
        if isinstance(field, models.BooleanField):
            return False
        raise TypeError(f"no plain value for {field}")

    def make(label, **given):
        model = apps.get_model(label)
        values = dict(given)
        for field in model._meta.concrete_fields:
            optional = field.null or field.has_default() or field.primary_key
            if field.name in values or field.attname in values or optional:
                continue
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                continue
            values[field.name] = value(field)
        return model.objects.create(**values)

    return make


def _history(apps, label, row, kind, at, **values):
    """A history row of `row` as django-simple-history writes one."""
    from datetime import UTC, datetime

    model = apps.get_model(label)
    fields = {f.attname: getattr(row, f.attname) for f in row._meta.concrete_fields}
    fields.update(values)
    model.objects.create(
        **fields, history_type=kind, history_date=datetime(2018, 1, at, tzinfo=UTC)
    )


def _child() -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerbase.settings")
    django.setup()
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    make = _maker(apps)

    # A call's rubric: two criteria and an assessor's score on the first.
    rubric = make("assessment.Rubric")
    impact = make("assessment.Criterion", rubric=rubric, name="Impact", position=0, weight=3)
    fit = make("assessment.Criterion", rubric=rubric, name="Fit", guidance="Why", position=1)
    for criterion in (impact, fit):
        _history(apps, "assessment.HistoricalCriterion", criterion, "+", 1)
    _history(apps, "assessment.HistoricalCriterion", fit, "~", 2, name="Fit")
    make("assessment.Score", criterion=impact, score=4)
    # A competition's: three criteria, the middle one since deleted, and a judge's score.
    competition = make("projects.Competition")
    reach = make("projects.RubricCriterion", competition=competition, name="Reach", weight=2)
    gone = make("projects.RubricCriterion", competition=competition, name="Gone")
    cost = make("projects.RubricCriterion", competition=competition, name="Cost", max_score=5)
    for criterion in (reach, cost):
        _history(apps, "projects.HistoricalRubricCriterion", criterion, "+", 1)
    for kind, at in (("+", 1), ("~", 2), ("-", 3)):
        _history(apps, "projects.HistoricalRubricCriterion", gone, kind, at)
    gone.delete()
    score = make("projects.JudgeScore", criterion=cost, score=3)
    _history(apps, "projects.HistoricalJudgeScore", score, "+", 4)

    def rows(queryset, *more):
        # A competition's criteria had no position nor guidance.
        fields = ("id", "name", "uid", "weight", "min_score", "max_score", "created_at", *more)
        return [[str(v) for v in row] for row in queryset.order_by("id").values_list(*fields)]

    call_before = rows(apps.get_model("assessment.Criterion").objects.all(), "position", "guidance")
    competition_before = rows(apps.get_model("projects.RubricCriterion").objects.all())

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    now = MigrationExecutor(connection).loader.project_state().apps
    Criterion = now.get_model("rubrics.Criterion")
    History = now.get_model("rubrics.HistoricalCriterion")
    JudgeScore = now.get_model("projects.JudgeScore")
    HistoricalJudgeScore = now.get_model("projects.HistoricalJudgeScore")
    Score = now.get_model("assessment.Score")
    uid_of = dict(Criterion.objects.values_list("id", "uid"))
    the_score = Score.objects.get()
    live_ids = list(Criterion.objects.values_list("id", flat=True))
    print(
        json.dumps(
            {
                "call": {
                    "before": call_before,
                    "after": rows(
                        Criterion.objects.filter(rubric__isnull=False), "position", "guidance"
                    ),
                    "score_criterion": [
                        Criterion.objects.get(pk=the_score.criterion_id).name,
                        str(the_score.criterion_id),
                    ],
                },
                "competition": {
                    # The old ids are gone: compare all but the id.
                    "before": [["", *row[1:]] for row in competition_before if row[1] != "Gone"],
                    "after": [
                        [int(row[0]), *row[1:]]
                        for row in rows(Criterion.objects.filter(competition__isnull=False))
                    ],
                    "score_criterion_uid": str(uid_of[JudgeScore.objects.get().criterion_id]),
                    "history_score_criterion_uid": str(
                        uid_of[HistoricalJudgeScore.objects.get().criterion_id]
                    ),
                },
                "history": {
                    "call": History.objects.filter(rubric__isnull=False).count(),
                    "competition": History.objects.filter(competition__isnull=False).count(),
                },
                "deleted_history_ids": list(
                    History.objects.filter(name="Gone").values_list("id", flat=True)
                ),
                "live_ids": live_ids,
                "new_id": Criterion.objects.create(competition_id=competition.pk, name="New").pk,
            }
        )
    )


if __name__ == "__main__":
    _child()
