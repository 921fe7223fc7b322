"""The team's stories page: who may read it, who may change it, and what it shows."""

import pytest
from django.urls import reverse

from partnerbase.accounts.models import Role
from partnerbase.stories import services
from partnerbase.stories.models import Story
from tests.factories import Make, make_programme

pytestmark = pytest.mark.django_db

READERS = {Role.TEAM, Role.CHAMPION, Role.ACCELERATOR_MANAGER}


def url(name, *args):
    return reverse(f"stories:{name}", args=["alpha", *args])


@pytest.fixture
def story(make, innovators):
    return services.story_add(
        actor=make.actor, programme=make.programme, organisation=innovators[0]
    )


@pytest.mark.parametrize("role", Role.values)
def test_the_team_champions_and_accelerator_managers_read_the_stories(client, make, story, role):
    client.force_login(make.user(role))
    response = client.get(url("story_list"))
    assert response.status_code == (200 if role in READERS else 403)
    if role in READERS:
        page = response.content.decode()
        assert "Ada has no funding, partnerships or outcomes recorded yet." in page
        # Only the team sees the buttons that change them.
        assert ("Add the story" in page) == (role == Role.TEAM)


def posts(story, innovators):
    return [
        (url("story_add"), {"organisation": innovators[1].pk}),
        (url("story_move", story.uid), {"direction": "down"}),
        (url("story_publish", story.uid), {"publish": "yes"}),
        (url("story_edit", story.uid), {"own_sentence": "Changed"}),
        (url("story_remove", story.uid), {}),
    ]


@pytest.mark.parametrize("role", [r for r in Role.values if r != Role.TEAM])
def test_only_the_team_changes_them(client, make, innovators, story, role):
    client.force_login(make.user(role))
    for address, data in posts(story, innovators):
        assert client.post(address, data).status_code == 403, address
    story.refresh_from_db()
    assert (Story.objects.count(), story.published, story.own_sentence) == (1, False, "")


def test_another_programmes_team_is_told_they_do_not_exist(client, make, innovators, story):
    other = Make(make.actor, make_programme(make.actor, slug="bravo"))
    client.force_login(other.user(Role.TEAM))
    assert client.get(url("story_list")).status_code == 404
    for address, data in posts(story, innovators):
        assert client.post(address, data).status_code == 404, address
    # Nor may a programme's team reach another programme's story through its own address.
    own = reverse("stories:story_publish", args=["bravo", story.uid])
    assert client.post(own, {"publish": "yes"}).status_code == 404
    assert not Story.objects.get(pk=story.pk).published


def test_actions_change_nothing_on_get(client, make, story):
    client.force_login(make.user(Role.TEAM))
    for name in ("story_add", "story_move", "story_publish", "story_remove"):
        args = [] if name == "story_add" else [story.uid]
        assert client.get(url(name, *args)).status_code == 405
    assert Story.objects.count() == 1


def test_the_team_adds_orders_edits_publishes_and_removes(client, make, innovators, story):
    client.force_login(make.user(Role.TEAM))

    response = client.post(url("story_add"), {"organisation": innovators[2].pk})
    assert response.status_code == 302
    cy = Story.objects.get(organisation=innovators[2])
    client.post(url("story_move", cy.uid), {"direction": "up"})
    client.post(url("story_edit", cy.uid), {"own_sentence": "Cy mends bikes."})
    client.post(url("story_publish", cy.uid), {"publish": "yes"})

    page = client.get(url("story_list")).content.decode()
    assert page.index("Cy mends bikes.") < page.index("Ada has no funding")
    assert "Not published" in page and "Published" in page
    cy.refresh_from_db()
    assert (cy.position, cy.published, cy.own_sentence) == (0, True, "Cy mends bikes.")

    client.post(url("story_remove", cy.uid))
    assert list(Story.objects.values_list("organisation__name", flat=True)) == ["Ada"]


def test_bad_input_is_named_next_to_the_field_and_nothing_is_saved(client, make, story):
    client.force_login(make.user(Role.TEAM))

    response = client.post(url("story_add"), {"organisation": ""})
    assert response.status_code == 400
    assert "Choose the innovator whose story to tell" in response.content.decode()

    response = client.post(url("story_edit", story.uid), {"own_sentence": "x" * 601})
    assert response.status_code == 200
    assert "The sentence must be 600 characters or fewer" in response.content.decode()
    assert client.post(url("story_move", story.uid), {"direction": "sideways"}).status_code == 400
    story.refresh_from_db()
    assert story.own_sentence == ""
    assert Story.objects.count() == 1
