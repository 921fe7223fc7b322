"""Choosing, ordering, editing and publishing innovators' stories."""

from django.db import transaction
from django.db.models import Max

from partnerbase.accelerator.models import CohortMembership, MembershipStatus
from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_delete, record_save
from partnerbase.core.services import same_programme

from .models import Story

UP, DOWN = "up", "down"
SENTENCE_LIMIT = 600


def innovators_with_places(programme):
    """Organisations that hold a cohort place in the programme, withdrawn places aside."""
    return (
        CohortMembership.objects.filter(cohort__accelerator__programme=programme)
        .exclude(status=MembershipStatus.WITHDRAWN)
        .values_list("organisation_id", flat=True)
    )


@transaction.atomic
def story_add(
    *,
    actor,
    programme,
    organisation,
    own_sentence: str = "",
    published: bool = False,
    position: int | None = None,
    illustrative: bool = False,
    uid=None,
) -> Story:
    """Choose an innovator (one with a cohort place) for a story, told last unless placed."""
    same_programme(programme, organisation=organisation)
    if organisation.pk not in set(innovators_with_places(programme)):
        raise DomainError(
            f"{organisation} has no cohort place: choose an innovator.", field="organisation"
        )
    if Story.objects.filter(programme=programme, organisation=organisation).exists():
        raise DomainError(f"{organisation} already has a story.", field="organisation")
    if position is None:
        last = Story.objects.filter(programme=programme).aggregate(n=Max("position"))["n"]
        position = 0 if last is None else last + 1
    story = Story(
        programme=programme,
        organisation=organisation,
        own_sentence=_sentence(own_sentence),
        published=published,
        position=position,
        illustrative=illustrative,
    )
    return record_save(story, uid=uid, actor=actor, reason="Story chosen")


@transaction.atomic
def story_move(*, actor, story: Story, direction: str) -> Story:
    """Swap the story with the one before (up) or after (down) it; at an end, nothing moves."""
    if direction not in (UP, DOWN):
        raise DomainError("Move a story up or down.", field="direction")
    stories = list(
        Story.objects.select_for_update()
        .filter(programme_id=story.programme_id)
        .order_by("position", "id")
    )
    index = next(i for i, s in enumerate(stories) if s.pk == story.pk)
    other = index - 1 if direction == UP else index + 1
    if not 0 <= other < len(stories):
        return stories[index]
    stories[index], stories[other] = stories[other], stories[index]
    # Renumber all: equal positions (from an import) would otherwise not swap.
    back = DOWN if direction == UP else UP
    for position, s in enumerate(stories):
        if s.position != position:
            s.position = position
            moved = direction if s.pk == story.pk else back
            record_save(s, actor=actor, reason=f"Story moved {moved}")
    return stories[other]


def _sentence(text: str) -> str:
    # A TextField's max_length is not checked by full_clean: check it here.
    text = text.strip()
    if len(text) > SENTENCE_LIMIT:
        raise DomainError(
            f"Your sentence must be {SENTENCE_LIMIT} characters or fewer.", field="own_sentence"
        )
    return text


@transaction.atomic
def story_edit(*, actor, story: Story, own_sentence: str) -> Story:
    story.own_sentence = _sentence(own_sentence)
    return record_save(story, actor=actor, reason="Own sentence changed")


@transaction.atomic
def story_publish(*, actor, story: Story, published: bool) -> Story:
    story.published = published
    return record_save(
        story, actor=actor, reason="Story published" if published else "Story unpublished"
    )


@transaction.atomic
def story_remove(*, actor, story: Story) -> None:
    record_delete(story, actor=actor, reason="Story removed")
