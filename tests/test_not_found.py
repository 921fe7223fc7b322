"""404 for what you may not see: a record the caller may not see answers exactly as a
record that does not exist, on every URL pattern that names one, for every role.

The walk (tests/test_no_get_writes.py's URLs and small world) asks each URL naming a record
(the last of its parameters: a uid, a call's or area's slug, a person's or role's id) as
everyone: signed in to the programme in every role, as a judge, an applicant, someone
with no role, the other programme's team and the superuser; and again with the programme's
slug swapped for the other programme's, so another programme's records are asked for
through a programme the caller may open. A POST-only page is posted to (empty, rolled back).

An answer of 403 is allowed only where the same URL with a record that does not exist also
answers 403 (the refusal is about the page, not the record), or where the caller can see
the record (its id is on a page they may open, or they may open or act on one of its
pages); anything else tells the caller the record exists, and fails here.
"""

import re
import uuid

import pytest
from django.db import transaction
from django.urls import reverse

from tests.factories import make_user

from .page_world import build_world
from .test_no_get_writes import record_params
from .url_walk import fill, patterns

pytestmark = pytest.mark.django_db

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# Parameters that name a record; others (a format, a chart, an emailed token) do not.
RECORD_PARAMS = ("uid", "call_slug", "area_slug", "user_id", "pk")


def record_param(names) -> str | None:
    last = [n for n in names if n.endswith(RECORD_PARAMS)]
    return last[-1] if last else None


def missing(value):
    """A value of the same kind as `value` that names no record."""
    if isinstance(value, uuid.UUID) or UUID.fullmatch(str(value)):
        return uuid.uuid4()
    if isinstance(value, int) or str(value).isdigit():
        return 10**9
    return "no-such-record"


def ask(client, name, kwargs):
    return ask_url(client, reverse(name, kwargs=kwargs))


def ask_url(client, url):
    """GET the page, or POST to it (empty, rolled back) if it takes only POST."""
    response = client.get(url)
    if response.status_code == 405:
        with transaction.atomic():
            response = client.post(url, {})
            transaction.set_rollback(True)
    return response


def record_pages(world):
    """(URL name, its record parameter, kwargs) for every pattern naming a record, under
    the programme's own slug and under the other programme's."""
    tables = record_params(world)
    pages = []
    for name, names in patterns():
        param = record_param(names)
        if name.startswith("admin:") or param is None:
            continue
        for kwargs in fill(name, names, world, tables) or []:
            kwargs.pop("#args", None)
            pages.append((name, param, kwargs))
            if kwargs.get("slug") == world.alpha.slug:
                pages.append((name, param, {**kwargs, "slug": world.bravo.slug}))
    return pages


def visible(client, world) -> set[str]:
    """The record ids the signed-in caller can see: on any page of theirs, or in the URL of
    a page they may open."""
    seen = set()
    tables = record_params(world)
    for name, names in patterns():
        if name.startswith("admin:"):
            continue
        for kwargs in fill(name, names, world, tables) or []:
            kwargs.pop("#args", None)
            response = client.get(reverse(name, kwargs=kwargs))
            if response.status_code == 200:
                seen.update(str(v) for v in kwargs.values())
                if "text/html" in response.get("Content-Type", ""):
                    seen.update(UUID.findall(response.content.decode()))
    return seen


def test_what_you_may_not_see_answers_404(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    world = build_world(make_user(full_name="Tess Team"))
    pages = record_pages(world)
    assert len(pages) > 100
    leaks, asked = [], 0
    for who, user in world.users.items():
        if user is None:
            continue  # signed out: every page but the public ones asks to sign in
        client.force_login(user)
        sees = None  # what the caller can see, walked only when a refusal needs it
        for name, param, kwargs in pages:
            response = ask(client, name, kwargs)
            asked += 1
            if response.status_code != 403:
                continue
            absent = ask(client, name, {**kwargs, param: missing(kwargs[param])})
            if absent.status_code == 403:
                continue  # refused for the page, whatever the record
            sees = visible(client, world) if sees is None else sees
            if str(kwargs[param]) not in sees:
                url = reverse(name, kwargs=kwargs)
                leaks.append(f"{who}: {url} answered 403, but {absent.status_code} for none")
    assert not leaks, f"{len(leaks)} of {asked} answers show a record exists:\n" + "\n".join(leaks)
