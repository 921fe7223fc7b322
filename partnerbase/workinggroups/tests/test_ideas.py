"""The idea pipeline on its own: no database."""

import pytest

from partnerbase.workinggroups import ideas
from partnerbase.workinggroups.ideas import (
    BECAME_PROJECT,
    IDEA,
    PARKED,
    SHORTLISTED,
    InvalidMove,
    check_move,
    next_statuses,
)

ALLOWED = {
    (IDEA, SHORTLISTED),
    (IDEA, PARKED),
    (SHORTLISTED, BECAME_PROJECT),
    (SHORTLISTED, PARKED),
    (SHORTLISTED, IDEA),
    (PARKED, IDEA),
}


@pytest.mark.parametrize("current", ideas.ORDER)
@pytest.mark.parametrize("new", ideas.ORDER)
def test_each_move_is_allowed_or_refused(current, new):
    has_project = new == BECAME_PROJECT
    if (current, new) in ALLOWED:
        check_move(current, new, has_project=has_project)
    else:
        with pytest.raises(InvalidMove) as refused:
            check_move(current, new, has_project=has_project)
        assert refused.value.field == "status"


def test_an_idea_cannot_become_a_project_before_it_is_shortlisted():
    with pytest.raises(InvalidMove, match="cannot move to “became a project”"):
        check_move(IDEA, BECAME_PROJECT, has_project=True)


def test_becoming_a_project_needs_the_project():
    with pytest.raises(InvalidMove, match="Choose the project") as refused:
        check_move(SHORTLISTED, BECAME_PROJECT, has_project=False)
    assert refused.value.field == "project"


def test_only_an_idea_that_became_a_project_links_to_one():
    with pytest.raises(InvalidMove, match="Only an idea that became a project") as refused:
        check_move(IDEA, SHORTLISTED, has_project=True)
    assert refused.value.field == "project"


def test_became_a_project_is_final():
    assert next_statuses(BECAME_PROJECT) == []
    with pytest.raises(InvalidMove, match="cannot move again"):
        check_move(BECAME_PROJECT, PARKED, has_project=False)


def test_next_statuses_in_display_order():
    assert next_statuses(IDEA) == [SHORTLISTED, PARKED]
    assert next_statuses(SHORTLISTED) == [IDEA, BECAME_PROJECT, PARKED]
    assert next_statuses(PARKED) == [IDEA]


def test_unknown_statuses_are_refused():
    with pytest.raises(InvalidMove):
        next_statuses("dreamt")
    with pytest.raises(InvalidMove):
        check_move(IDEA, "dreamt", has_project=False)
