"""A submitted application gives its organisation a role: "organisations engaged"."""

import sys
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from django.db import connection

from partnerbase.calls import deadlines, services
from partnerbase.core.period import Period
from partnerbase.impact.figures import engaged_organisations
from tests.factories.calls import good_answers, make_call

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "benchmarks"))
from figures_sql import ROLES_SQL  # noqa: E402


def sql_ids(programme, period):
    """The benchmark's hand-written SQL for the same role (benchmarks/figures_sql.py)."""
    column, rest = next(entry for entry in ROLES_SQL if "calls_application" in entry[1])
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {column} {rest}", {"p": programme.pk, "start": period.start, "end": period.end}
        )
        return {row[0] for row in cursor.fetchall()}


CLOSES = deadlines.uk_local(date(2017, 11, 3), time(12))


def test_submitted_in_the_period_counts_drafts_do_not(make):
    call = make_call(make, opens_at=CLOSES - timedelta(days=90), closes_at=CLOSES)
    submitted = make.org("Submitted", kind="charity")
    draft = make.org("Draft only", kind="charity")
    for organisation in (submitted, draft):
        services.application_start(actor=make.actor, call=call, organisation=organisation)
    application = call.applications.get(organisation=submitted)
    # 00:30 BST on 1 September is 23:30 UTC on 31 August: the UK day is what counts.
    services.application_submit(
        actor=make.actor,
        application=application,
        answers=good_answers(call),
        challenge_area=call.area,
        now=datetime(2017, 8, 31, 23, 30, tzinfo=UTC),
    )
    autumn = Period(date(2017, 9, 1), date(2017, 12, 31))
    summer = Period(date(2017, 1, 1), date(2017, 8, 31))
    assert list(engaged_organisations(make.programme, autumn)) == [submitted]
    assert list(engaged_organisations(make.programme, summer)) == []
    assert sql_ids(make.programme, autumn) == {submitted.pk}
    assert sql_ids(make.programme, summer) == set()
    # Withdrawing later does not undo the role it held.
    services.application_withdraw(
        actor=make.actor, application=application, now=datetime(2017, 9, 2, tzinfo=UTC)
    )
    assert list(engaged_organisations(make.programme, autumn)) == [submitted]
