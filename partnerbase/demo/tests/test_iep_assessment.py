"""The demo's assessment: two assessors per application without conflicts, balanced
loads, the demo assessor with work, and the cohort ranked above the unsuccessful."""

import pytest

from partnerbase.assessment import queries
from partnerbase.assessment.models import Assignment
from partnerbase.assessment.services import conflict_of
from partnerbase.calls.models import Call
from partnerbase.demo import iep_data as data
from partnerbase.demo.iep_assessment import PER_APPLICATION

pytestmark = pytest.mark.django_db


def test_the_demo_call_is_assessed(iep_restored):
    iep = iep_restored()
    call = Call.objects.get(programme=iep)
    applications = list(queries.submitted_applications(call))
    assignments = list(queries.assignments_of_call(call))

    assert len(queries.criteria_of(call)) == 4
    for app in applications:
        mine = [a for a in assignments if a.application_id == app.pk]
        assert len(mine) == PER_APPLICATION
        assert not any(conflict_of(a.assessor, app) for a in mine)
    loads = {}
    for a in assignments:
        loads[a.assessor.email] = loads.get(a.assessor.email, 0) + 1
    assert max(loads.values()) - min(loads.values()) <= 1
    asha = Assignment.objects.filter(application__call=call, assessor__email="assessor@example.org")
    assert asha.filter(submitted_at__isnull=False).exists()
    assert asha.filter(submitted_at__isnull=True).count() == 1

    rows, apps = queries.ranking(call, normalised=False)
    assert all(r.rank is not None for r in rows)
    cohort = {name for _, name, *_ in data.INNOVATORS}
    selected = cohort | {data.WITHDRAWN_INNOVATOR[1]}
    rank = {apps[r.application].organisation.name: r.rank for r in rows}
    unsuccessful = [rank[name] for name in rank if name not in selected]
    assert len(unsuccessful) >= 10
    assert max(rank[name] for name in cohort) < min(unsuccessful)
