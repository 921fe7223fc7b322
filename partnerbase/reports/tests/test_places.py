"""The landing page and the top navigation link only to places the person may open."""

import pytest
from django.urls import reverse

from partnerbase.accounts.models import Role, User
from partnerbase.reports.places import ROLE_NAV, navigation, places
from tests.factories import Make, make_programme, make_user

pytestmark = pytest.mark.django_db

WHO = [*Role.values, "superuser"]


@pytest.fixture
def world(db):
    actor = make_user(full_name="Tess Team")
    return Make(actor, make_programme(actor))


def _user(make, who):
    if who == "superuser":
        return User.objects.create_superuser(email="root@example.org", password=None)
    return make.user(who)


@pytest.mark.parametrize("who", WHO)
def test_every_place_shown_opens(client, world, who):
    user = _user(world, who)
    client.force_login(user)
    links = [url for _, group in places(user, world.programme) for _, _, url in group]
    assert links, f"{who} has nowhere to go"
    for url in links + [url for _, _, url in navigation(user, world.programme)]:
        assert client.get(url, follow=True).status_code == 200, (who, url)


@pytest.mark.parametrize("who", Role.values)
def test_the_navigation_is_the_roles_own(world, who):
    user = _user(world, who)
    keys = [key for key, _, _ in navigation(user, world.programme)]
    assert set(keys) <= set(ROLE_NAV[who]) and keys, (who, keys)


def test_someone_from_another_programme_gets_no_places(world):
    other = Make(world.actor, make_programme(world.actor))
    user = other.user(Role.TEAM)
    assert places(user, world.programme) == []
    assert navigation(user, world.programme) == []


def test_the_landing_page_groups_the_places(client, world):
    client.force_login(world.user(Role.ACCELERATOR_MANAGER))
    page = client.get("/").content.decode()
    assert 'data-group="Accelerator"' in page and 'data-group="Directory"' in page
    assert ">Assessment<" in page and ">Board<" not in page and ">Champion prospects<" not in page


@pytest.mark.parametrize("who", WHO)
def test_the_navigation_reaches_every_place_through_all_areas(client, world, who):
    user = _user(world, who)
    client.force_login(user)
    page = client.get(reverse("reports:dashboard", args=[world.programme.slug]))
    if page.status_code != 200:  # roles without a dashboard: their own first page
        first = next(url for _, links in places(user, world.programme) for _, _, url in links)
        page = client.get(first, follow=True)
    html = page.content.decode()

    for _, links in places(user, world.programme):
        for _, label, url in links:
            assert f'href="{url}"' in html, f"{label} is not reachable from the navigation"
    shown = {key for key, _, _ in navigation(user, world.programme)}
    every = {key for _, links in places(user, world.programme) for key, _, _ in links}
    assert ("data-all-areas" in html) is bool(every - shown)
