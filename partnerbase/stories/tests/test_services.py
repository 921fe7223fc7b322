"""Choosing, ordering, editing, publishing and removing stories, each kept in history."""

from datetime import date

import pytest

from partnerbase.core.errors import DomainError
from partnerbase.stories import services
from partnerbase.stories.models import Story
from partnerbase.stories.queries import report_stories, story_candidates
from tests.factories import Make, make_programme

pytestmark = pytest.mark.django_db


def names(programme, **kw):
    return [s.organisation.name for s in report_stories(programme, published_only=False, **kw)]


def add_all(make, innovators):
    return [
        services.story_add(actor=make.actor, programme=make.programme, organisation=o)
        for o in innovators
    ]


def test_stories_are_told_in_the_order_chosen_and_moved(make, innovators):
    ada, bea, cy = add_all(make, innovators)
    assert names(make.programme) == ["Ada", "Bea", "Cy"]

    services.story_move(actor=make.actor, story=cy, direction="up")
    assert names(make.programme) == ["Ada", "Cy", "Bea"]
    assert cy.history.first().history_change_reason == "Story moved up"
    assert bea.history.first().history_change_reason == "Story moved down"
    services.story_move(actor=make.actor, story=ada, direction="down")
    assert names(make.programme) == ["Cy", "Ada", "Bea"]
    # At an end, nothing moves.
    before = cy.history.count()
    services.story_move(actor=make.actor, story=cy, direction="up")
    assert names(make.programme) == ["Cy", "Ada", "Bea"]
    assert cy.history.count() == before


def test_equal_positions_from_an_import_still_move(make, innovators):
    stories = [
        services.story_add(actor=make.actor, programme=make.programme, organisation=o, position=0)
        for o in innovators
    ]
    services.story_move(actor=make.actor, story=stories[2], direction="up")
    assert names(make.programme) == ["Ada", "Cy", "Bea"]


def test_only_an_innovator_with_a_cohort_place_gets_a_story_and_only_once(make, cohort):
    bank = make.org("Barclays", kind="business")
    gone = make.innovator(cohort, date(2017, 3, 1), "Gone", withdrawn_on=date(2017, 4, 1))
    ada = make.innovator(cohort, date(2017, 3, 1), "Ada")

    for organisation in (bank, gone):
        with pytest.raises(DomainError, match="has no cohort place") as refused:
            services.story_add(
                actor=make.actor, programme=make.programme, organisation=organisation
            )
        assert refused.value.field == "organisation"
    services.story_add(actor=make.actor, programme=make.programme, organisation=ada)
    with pytest.raises(DomainError, match="already has a story"):
        services.story_add(actor=make.actor, programme=make.programme, organisation=ada)
    assert Story.objects.count() == 1
    assert list(story_candidates(programme=make.programme)) == []


def test_an_organisation_of_another_programme_is_refused(make, innovators):
    other = Make(make.actor, make_programme(make.actor, slug="bravo"))
    with pytest.raises(DomainError, match="another programme"):
        services.story_add(actor=make.actor, programme=other.programme, organisation=innovators[0])


def test_the_own_sentence_publishing_and_removal_are_kept_in_history(make, innovators):
    story, _, _ = add_all(make, innovators)

    services.story_edit(actor=make.actor, story=story, own_sentence="  Ada builds.  ")
    services.story_publish(actor=make.actor, story=story, published=True)

    published = report_stories(make.programme, published_only=True)
    assert [(s.organisation.name, s.own_sentence) for s in published] == [("Ada", "Ada builds.")]
    reasons = list(story.history.values_list("history_change_reason", flat=True))
    assert reasons == ["Story published", "Own sentence changed", "Story chosen"]
    assert story.history.first().history_user == make.actor

    services.story_remove(actor=make.actor, story=story)
    assert names(make.programme) == ["Bea", "Cy"]
    gone = Story.history.filter(uid=story.uid).first()
    assert (gone.history_type, gone.history_change_reason) == ("-", "Story removed")


def test_a_sentence_too_long_is_refused_and_nothing_changes(make, innovators):
    story, *_ = add_all(make, innovators)
    with pytest.raises(DomainError, match="600 characters or fewer"):
        services.story_edit(actor=make.actor, story=story, own_sentence="x" * 601)
    assert Story.objects.get(pk=story.pk).own_sentence == ""


def test_the_paragraph_comes_from_the_records(make, cohort):
    ada = make.innovator(cohort, date(2017, 3, 1), "Ada")
    bank = make.org("Barclays", kind="business")
    make.award(funder=bank, recipient=ada, amount="25000", on=date(2017, 6, 1))
    make.award(funder=bank, recipient=ada, amount="9000", on=date(2017, 7, 1), confirmed=False)
    make.partnership(innovator=ada, partners=[bank], on=date(2017, 6, 1))
    make.partnership(innovator=ada, partners=[make.org("Declined plc")], stage="declined")
    services.story_add(actor=make.actor, programme=make.programme, organisation=ada)

    [story] = report_stories(make.programme, published_only=False)

    # The unconfirmed award and the declined partnership are left out.
    assert story.paragraph == (
        "Ada received a £25,000 grant from Barclays. It works in partnership with Barclays."
    )
