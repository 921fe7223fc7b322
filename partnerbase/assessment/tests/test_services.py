"""Assessment services: conflicts of interest, assignments, scores and the ranking."""

import pytest

from partnerbase.assessment import queries, services
from partnerbase.assessment.models import Assignment, Score
from partnerbase.calls.models import ApplicationStatus
from partnerbase.core.errors import DomainError

from .factories import make_application

pytestmark = pytest.mark.django_db


# --- conflict of interest ---------------------------------------------------------------


def test_an_assessor_acting_for_the_applicant_is_refused(world):
    app = world.applications[0]
    assessor = world.assessor(app.organisation)

    with pytest.raises(DomainError) as refused:
        world.assign(app, assessor)

    assert "conflict of interest" in refused.value.message
    assert f"acts for {app.organisation.name}, the applicant" in refused.value.message
    assert refused.value.field == "assessor"
    assert not Assignment.objects.exists()


def test_a_partner_of_the_applicant_is_refused(world):
    app = world.applications[0]
    bank = world.make.org("Big Bank", kind="business")
    world.make.partnership(innovator=app.organisation, partners=[bank], stage="declined")

    with pytest.raises(DomainError) as refused:
        world.assign(app, world.assessor(bank))

    assert "Big Bank is linked to" in refused.value.message
    assert "partnership" in refused.value.message


def test_two_partners_of_one_partnership_are_linked(world):
    app = world.applications[0]
    bank, shop = world.make.org("Bank"), world.make.org("Shop")
    world.make.partnership(partners=[bank, app.organisation, shop])

    with pytest.raises(DomainError):
        world.assign(app, world.assessor(shop))


def test_a_member_of_the_same_coalition_is_refused(world):
    app = world.applications[0]
    council = world.make.org("Council", kind="local_authority")
    world.make.project(coalition=[(council, "lead"), (app.organisation, "delivery")])

    with pytest.raises(DomainError) as refused:
        world.assign(app, world.assessor(council))

    assert "coalition" in refused.value.message


def test_an_unlinked_assessor_is_assigned(world):
    app = world.applications[0]
    other = world.make.org("Unrelated")
    world.make.partnership(innovator=world.applications[1].organisation, partners=[other])

    assignment = world.assign(app, world.assessor(other))

    assert assignment.application == app
    assert assignment.history.first().history_change_reason == "Assigned"


def test_only_submitted_applications_and_only_assessors(world):
    draft = make_application(world.make, world.call, status=ApplicationStatus.DRAFT)
    with pytest.raises(DomainError, match="submitted"):
        world.assign(draft, world.assessor())
    with pytest.raises(DomainError, match="not an assessor"):
        world.assign(world.applications[0], world.user(None))


def test_the_same_assessor_twice_is_refused(world):
    assessor = world.assessor()
    world.assign(world.applications[0], assessor)

    with pytest.raises(DomainError, match="already"):
        world.assign(world.applications[0], assessor)


# --- automatic assignment ---------------------------------------------------------------


def test_automatic_assignment_gives_n_each_balanced_and_without_conflicts(actor, world):
    apps = world.applications + [make_application(world.make, world.call) for _ in range(2)]
    conflicted = world.assessor(apps[0].organisation)
    others = [world.assessor() for _ in range(2)]

    result = services.assignments_auto(actor=actor, call=world.call, per_application=2)

    assert result.short == {}
    rows = list(Assignment.objects.filter(application__call=world.call))
    assert len(rows) == 10
    for app in apps:
        assert sum(1 for a in rows if a.application_id == app.pk) == 2
    assert not any(a.assessor == conflicted and a.application == apps[0] for a in rows)
    loads = [sum(1 for a in rows if a.assessor == u) for u in [conflicted, *others]]
    assert max(loads) - min(loads) <= 1


def test_automatic_assignment_reports_what_it_cannot_fill(actor, world):
    app = world.applications[0]
    world.assessor(app.organisation)
    world.assessor()

    result = services.assignments_auto(actor=actor, call=world.call, per_application=2)

    assert result.short == {app: 1}
    assert Assignment.objects.filter(application__call=world.call).count() == 5


def test_automatic_assignment_keeps_assignments_made_by_hand(actor, world):
    first = world.assessor()
    world.assessor()
    kept = world.assign(world.applications[0], first)

    services.assignments_auto(actor=actor, call=world.call, per_application=1)

    assert list(world.applications[0].assessments.all()) == [kept]
    assert Assignment.objects.filter(application__call=world.call).count() == 3


def test_automatic_assignment_needs_assessors(actor, world):
    with pytest.raises(DomainError, match="no assessors"):
        services.assignments_auto(actor=actor, call=world.call, per_application=2)


# --- scores -----------------------------------------------------------------------------


def _scores(world, impact, fit, comment=""):
    impact_c, fit_c = world.criteria
    return {impact_c.pk: (impact, comment), fit_c.pk: (fit, "")}


def test_an_out_of_range_score_saves_nothing(world):
    assessor = world.assessor()
    assignment = world.assign(world.applications[0], assessor)

    with pytest.raises(DomainError) as refused:
        services.scores_save(
            actor=assessor, assignment=assignment, scores=_scores(world, 5, 11), submit=True
        )

    assert refused.value.field == f"score_{world.criteria[1].pk}"
    assert not Score.objects.exists()
    assignment.refresh_from_db()
    assert assignment.submitted_at is None


def test_a_draft_may_be_partial_and_submission_needs_every_score(world):
    assessor = world.assessor()
    assignment = world.assign(world.applications[0], assessor)

    services.scores_save(actor=assessor, assignment=assignment, scores=_scores(world, 7, None))
    assert list(assignment.scores.values_list("score", flat=True)) == [7]

    with pytest.raises(DomainError, match="Enter a score for Fit"):
        services.scores_save(
            actor=assessor, assignment=assignment, scores=_scores(world, 7, None), submit=True
        )
    services.scores_save(
        actor=assessor, assignment=assignment, scores=_scores(world, 7, 3, "Strong"), submit=True
    )
    assignment.refresh_from_db()
    assert assignment.submitted_at is not None
    assert assignment.scores.get(criterion=world.criteria[0]).comment == "Strong"


def test_submitted_scores_are_final(world):
    assessor = world.assessor()
    assignment = world.assign(world.applications[0], assessor)
    services.scores_save(
        actor=assessor, assignment=assignment, scores=_scores(world, 7, 3), submit=True
    )

    with pytest.raises(DomainError, match="already submitted"):
        services.scores_save(actor=assessor, assignment=assignment, scores=_scores(world, 1, 1))
    with pytest.raises(DomainError, match="submitted scores"):
        services.assignment_remove(actor=assessor, assignment=assignment)


def test_the_rubric_is_frozen_once_scoring_starts(actor, world):
    assessor = world.assessor()
    assignment = world.assign(world.applications[0], assessor)
    services.scores_save(actor=assessor, assignment=assignment, scores=_scores(world, 7, None))

    with pytest.raises(DomainError, match="Scoring has started"):
        services.criterion_add(actor=actor, rubric=world.rubric, name="Team")
    with pytest.raises(DomainError, match="Scoring has started"):
        services.criterion_remove(actor=actor, criterion=world.criteria[0])


def test_the_ranking_counts_only_submitted_sheets(world):
    p, q, r = world.applications
    ann, ben = world.assessor(), world.assessor()
    sheets = [
        (ann, p, 8, 0, True),
        (ann, q, 4, 4, True),
        (ben, p, 10, 6, True),
        (ben, r, 6, 10, False),
    ]
    for assessor, app, impact, fit, submit in sheets:
        assignment = world.assign(app, assessor)
        services.scores_save(
            actor=assessor,
            assignment=assignment,
            scores=_scores(world, impact, fit),
            submit=submit,
        )

    rows, apps = queries.ranking(world.call, normalised=False)

    assert [(apps[x.application], x.raw, x.rank) for x in rows] == [
        (p, 75, 1),
        (q, 40, 2),
        (r, None, None),
    ]
    assert rows[0].spread == 30 and not rows[0].flagged  # threshold 35
