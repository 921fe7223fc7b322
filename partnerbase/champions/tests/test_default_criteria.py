"""A programme that has saved no criteria is shown the four defaults, and opening a page
saves nothing: the team's first save of weights, scores or a criterion saves them."""

import pytest
from django.urls import reverse

from partnerbase.accounts.models import Role
from partnerbase.champions.models import Criterion, Score
from partnerbase.champions.ranking import DEFAULT_CRITERIA
from tests.factories import make_programme

from .factories import World

pytestmark = pytest.mark.django_db
NAMES = [name for name, _ in DEFAULT_CRITERIA]


@pytest.fixture
def fresh(actor, client):
    """A programme with a prospect and no criteria, and its team signed in."""
    world = World(actor, make_programme(actor, name="Fresh Programme", slug="fresh"))
    world.first = world.prospect()
    client.force_login(world.user(Role.TEAM))
    return world


def url(world, name, prospect=False):
    return reverse(
        f"champions:{name}", args=[world.programme.slug, *([world.first.uid] if prospect else [])]
    )


def test_pages_show_the_defaults_and_save_nothing(client, fresh):
    for page in (url(fresh, "prospect_list"), url(fresh, "prospect_detail", prospect=True)):
        body = client.get(page).content.decode()
        assert all(name in body for name in NAMES), page
    assert client.get(url(fresh, "criterion_add")).status_code == 200
    assert not Criterion.objects.exists()


def test_the_first_weights_saved_save_the_defaults(client, fresh):
    data = {f"weight_default-{i}": w for i, w in enumerate(["3", "1", "1", "0"])}
    response = client.post(url(fresh, "weights_edit"), data)
    assert response.status_code == 302
    assert list(Criterion.objects.values_list("name", "weight")) == list(
        zip(NAMES, [3, 1, 1, 0], strict=True)
    )


def test_the_first_scores_saved_save_the_defaults(client, fresh):
    data = {f"criterion_default-{i}": s for i, s in enumerate(["5", "4", "", "2"])}
    response = client.post(url(fresh, "scores_edit", prospect=True), data)
    assert response.status_code == 302
    assert [c.name for c in Criterion.objects.all()] == NAMES
    assert sorted(Score.objects.values_list("criterion__name", "value")) == [
        ("Customer base", 4),
        ("Employee base", 5),
        ("Responsible-business agenda", 2),
    ]


def test_a_criterion_added_first_joins_the_defaults(client, fresh):
    response = client.post(url(fresh, "criterion_add"), {"name": "Regions", "weight": "2"})
    assert response.status_code == 302
    assert [c.name for c in Criterion.objects.all()] == [*NAMES, "Regions"]
    # A refused one saves nothing, the defaults included.
    Criterion.objects.all().delete()
    refused = client.post(url(fresh, "criterion_add"), {"name": "Employee base", "weight": "1"})
    assert refused.status_code == 200 and not Criterion.objects.exists()


def test_weights_refused_save_no_defaults(client, fresh):
    data = {f"weight_default-{i}": "0" for i in range(4)}
    response = client.post(url(fresh, "weights_edit"), data)
    assert response.status_code == 200
    assert "At least one criterion must have a weight above 0" in response.content.decode()
    assert not Criterion.objects.exists()
