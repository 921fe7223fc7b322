"""No lost writes: every edit form refuses a save over a record changed since it was opened.

The walk opens every page of the project (tests/test_no_get_writes.py's URLs, in its small
world) as the convening team and, where the team may not, as the role that may; each form
on a page that carries a record's version (core.forms.opened) is an edit form. For each
one, the record is changed behind the user's back by someone else, then the form is posted
as the page gave it: the answer names who changed it, shows both versions, and nothing at
all is saved; posting the refusal page's form again saves, on purpose.
"""

import re
from datetime import date
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.urls import resolve
from django.utils import timezone

from partnerbase.accounts.models import Role
from partnerbase.board.models import BoardMeeting
from partnerbase.champions import services as champions
from partnerbase.champions.models import Criterion
from partnerbase.champions.queries import criteria_shown, scores_version
from partnerbase.core.history import record_save
from partnerbase.core.versions import VERSION_FIELD, StaleRecord
from partnerbase.impact.models import Target
from partnerbase.impact.services import target_set
from tests.factories import Make, make_programme, make_user

from .page_world import build_world
from .test_no_get_writes import targets
from .url_walk import counter

pytestmark = pytest.mark.django_db

# The edit forms the walk must find (a form that loses its version fails here); a page
# named like an edit page must carry one too (EDIT_WORDS), so a new one cannot forget it.
EDIT_FORMS = {
    "board:meeting_edit",
    "board:decision_edit",
    "board:action_edit",
    "board:champion_role",
    # Several records in one form (core.versions.version_of_rows), and a person's role.
    "champions:scores_edit",
    "champions:weights_edit",
    "reports:targets_edit",
    "people:role_change",
}
EDIT_WORDS = ("_edit", "_change", "_rename", "status", "stage")
# Pages named like edit pages that the walk leaves out, and why.
NOT_WALKED = {
    "accounts:password_change": "a person's own password, not a shared record",
    "accounts:password_change_done": "a confirmation page",
    "projects:stage_add": "adds a competition's stage: nothing to be stale",
    # Carries a version (calls/views_edit.py), but the world's call has opened: no form.
    "calls:call_change": "the world's call has opened",
}
# Who opens the pages, in order: the first who gets the page and its form.
# "Alex Smith changed this at …", or "… changed the targets at …" for several records.
STALE = re.compile(r"Alex Smith changed (this|the \w+) at")
TEXT_AREAS = re.compile(r'<textarea[^>]*name="([^"]+)"')
ERRORS = re.compile(r'<li><a href="[^"]*">([^<]+)</a></li>')
OPENERS = [
    Role.TEAM,
    "superuser",
    Role.ACCELERATOR_MANAGER,
    Role.CHAMPION,
    Role.PARTNER_CONTACT,
    Role.INNOVATOR,
    Role.WORKING_GROUP_MEMBER,
    Role.ASSESSOR,
    "judge",
    "applicant",
]


class Forms(HTMLParser):
    """The POST forms of a page, each as (action, [(name, value)]) as a browser sends it."""

    def __init__(self):
        super().__init__()
        self.forms, self._form, self._select, self._textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("method", "").lower() == "post":
            self._form = (a.get("action") or "", [], {"selects": {}, "radios": {}})
            self.forms.append(self._form)
        if self._form is None or "name" not in a and tag != "option":
            return
        fields = self._form[1]
        if tag == "input":
            kind = a.get("type", "text")
            if kind == "radio":
                self._form[2]["radios"].setdefault(a["name"], a.get("value", "on"))
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    fields.append((a["name"], a.get("value", "on")))
            elif kind not in ("submit", "file", "button"):
                fields.append((a["name"], a.get("value") or ""))
        elif tag == "select":
            self._select = a["name"]
            self._form[2]["selects"][a["name"]] = None
        elif tag == "option" and self._select:
            chosen = self._form[2]["selects"]
            if "selected" in a or chosen[self._select] is None:
                chosen[self._select] = a.get("value", "")
        elif tag == "textarea":
            self._textarea = [a["name"], ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None:
            self._form[1].append(tuple(self._textarea))
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form" and self._form is not None:
            self._form[1].extend(self._form[2]["selects"].items())
            self._form = None


def post_forms(html: str) -> list[tuple[str, dict]]:
    parser = Forms()
    parser.feed(html)
    result = []
    for action, fields, _extra in parser.forms:
        data = {}
        for name, value in fields:
            data.setdefault(name, []).append(value)
        result.append((action, data))
    return result


def as_a_person_would(html: str, action: str, page: str) -> dict:
    """The edit form as the page gave it, with what an action form leaves to the person
    filled in: the first choice where none is chosen, today in an empty date, a word in an
    empty text area."""
    parser = Forms()
    parser.feed(html)
    for form_action, fields, extra in parser.forms:
        data = {}
        for name, value in fields:
            data.setdefault(name, []).append(value)
        if (form_action or page) != action or VERSION_FIELD not in data:
            continue
        for name, first in extra["radios"].items():
            data.setdefault(name, [first])
        today = timezone.localdate()
        for name in list(data):
            if name.endswith("_0") and data[name] == [""]:
                stem = name[:-2]
                if data.get(f"{stem}_1") == [""] and data.get(f"{stem}_2") == [""]:
                    data[name], data[f"{stem}_1"] = [str(today.day)], [str(today.month)]
                    data[f"{stem}_2"] = [str(today.year)]
        for name, value in fields:
            if not value.strip() and name in TEXT_AREAS.findall(html):
                data[name] = ["Written by the test"]
        return data
    raise AssertionError(f"no edit form posting to {action} on {page}")


def record_of(version: str, url_kwargs: dict):
    """The record a form's version names: the row updated at that moment (the URL's uid
    tells apart rows saved in the same microsecond). A form of several records carries the
    latest of their times and their number ("<time>/<n>", core.versions.version_of_rows):
    the row updated last is the one changed behind the user's back."""
    version = version.split("/")[0]
    assert version, "the form's records are none: the world needs one to change"
    found = []
    for model in apps.get_models():
        versioned = any(f.name == "updated_at" for f in model._meta.fields)
        if versioned and hasattr(model, "history"):  # not a history row's model
            found += list(model._default_manager.filter(updated_at=version))
    uids = {str(v) for v in url_kwargs.values()}
    if len(found) > 1:
        found = [r for r in found if str(r.uid) in uids or str(r.pk) in uids] or found
    assert len(found) == 1, f"version {version} names {found}"
    return found[0]


def edit_forms(client, world):
    """(URL name, page, action, data, who) for every edit form the walk finds."""
    pages, missing = targets(world)
    assert not missing
    found, seen = [], set()
    for name, url, headers in pages:
        if name.startswith("admin:") or headers:
            continue
        for who in OPENERS:
            client.force_login(world.users[who])
            response = client.get(url)
            if response.status_code != 200 or "text/html" not in response["Content-Type"]:
                continue  # not theirs to open: the next role may
            forms = [
                (action or url, data)
                for action, data in post_forms(response.content.decode())
                if VERSION_FIELD in data
            ]
            for action, data in forms:
                if action not in seen:
                    seen.add(action)
                    found.append((resolve(urlsplit(action).path), url, action, data, who))
            break
    return found


def test_every_edit_form_refuses_a_stale_save(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    world = build_world(make_user(full_name="Tess Team"))
    alex = make_user(full_name="Alex Smith")
    counts = counter()
    # A form of several records where there are none yet (the other programme's targets)
    # has nothing to be stale against: its first save makes them.
    forms = [form for form in edit_forms(client, world) if form[3][VERSION_FIELD] != ["/0"]]
    names = {match.view_name for match, *_ in forms}
    assert EDIT_FORMS <= names, f"edit forms without a version: {EDIT_FORMS - names}"
    refused, saved_again, failures = [], [], []
    for match, page, action, _data, who in forms:
        # Opened afresh: an earlier form's save may have moved this record on.
        client.force_login(world.users[who])
        html = client.get(page).content.decode()
        data = next(d for a, d in post_forms(html) if (a or page) == action and VERSION_FIELD in d)
        record = record_of(data[VERSION_FIELD][0], match.kwargs)
        record_save(record, actor=alex, reason="Changed meanwhile")
        changed_at = record.updated_at
        before = counts()
        response = client.post(action, data)
        body = response.content.decode()
        if not STALE.search(body):
            # An action form leaves choices to the person: make them, and post again.
            response = client.post(action, as_a_person_would(html, action, page))
            body = response.content.decode()
        record.refresh_from_db()
        found = {
            "answer": response.status_code,
            "named": bool(STALE.search(body)),
            "both versions": 'id="versions"' in body,
            "nothing saved": counts() == before and record.updated_at == changed_at,
        }
        if found != {"answer": 200, "named": True, "both versions": True, "nothing saved": True}:
            errors = ERRORS.findall(body)
            failures.append(f"{match.view_name} ({action}, as {who}): {found} {errors}")
            continue
        refused.append(match.view_name)
        # The refusal page's form carries the saved version now: sent again, it saves.
        # Sent again as the refusal page gives it, the version is the saved one: no longer
        # refused as stale (saved, or refused by another rule, such as "already decided").
        resent = next(
            d for a, d in post_forms(body) if (a or action) == action and VERSION_FIELD in d
        )
        again = client.post(action, resent)
        if again.status_code == 302 or "changed this at" not in again.content.decode():
            saved_again.append(match.view_name)
    assert not failures, "\n".join(failures)
    assert refused
    not_again = sorted(set(refused) - set(saved_again))
    assert not not_again, f"refused, then refused again as stale: {not_again}"
    edit_like = {
        name
        for name, _url, _headers in targets(world)[0]
        # The administrator's pages are Django's; the API's are JSON, without a form.
        if not name.startswith(("admin:", "api:")) and any(w in name for w in EDIT_WORDS)
    } - set(NOT_WALKED)
    assert not edit_like - names, f"edit pages without a version: {sorted(edit_like - names)}"


def test_a_stale_save_names_who_changed_it_and_when(client, settings, tmp_path):
    """Tess opens the meeting; Alex changes its title; Tess's save is refused."""
    settings.MEDIA_ROOT = tmp_path
    world = build_world(make_user(full_name="Tess Team"))
    tess = world.users[Role.TEAM]
    alex = make_user(full_name="Alex Smith")
    meeting = BoardMeeting.objects.get(programme=world.alpha)
    url = f"/programmes/alpha/board/meetings/{meeting.uid}/edit/"
    client.force_login(tess)
    page = client.get(url).content.decode()
    opened_form = next(d for a, d in post_forms(page) if VERSION_FIELD in d)

    meeting.title = "Alex's title"
    record_save(meeting, actor=alex, reason="Title changed")
    mine = {**opened_form, "title": ["Tess's title"]}
    response = client.post(url, mine)

    meeting.refresh_from_db()
    assert meeting.title == "Alex's title"
    page = response.content.decode()
    at = timezone.localtime(meeting.history.first().history_date)
    assert f"Alex Smith changed this at {at:%H:%M}" in page
    assert "Tess&#x27;s title" in page and "Alex&#x27;s title" in page  # both versions
    assert 'value="Tess&#x27;s title"' in page  # her input is kept
    # Having seen Alex's version, Tess saves hers again, on purpose: it is saved.
    again = next(d for a, d in post_forms(page) if VERSION_FIELD in d)
    assert client.post(url, again).status_code == 302
    meeting.refresh_from_db()
    assert meeting.title == "Tess's title"


def test_a_stale_save_of_several_records_names_who_changed_them(client):
    """Tess opens the targets; Alex sets one of them; Tess's save of all of them is refused,
    her figures kept, both versions shown; saved again on purpose, hers replace Alex's."""
    tess = make_user(full_name="Tess Team")
    make = Make(tess, make_programme(tess))
    make.target("new_projects", 4)
    tess = make.user(Role.TEAM, full_name="Tess Team")
    alex = make_user(full_name="Alex Smith")
    url = f"/programmes/{make.programme.slug}/targets/"
    client.force_login(tess)
    page = client.get(url).content.decode()
    opened_form = next(d for a, d in post_forms(page) if VERSION_FIELD in d)
    targets = Target.objects.filter(programme=make.programme)
    assert opened_form[VERSION_FIELD][0].endswith(f"/{targets.count()}")

    target_set(actor=alex, programme=make.programme, figure="new_projects", value=5)
    before = dict(targets.values_list("figure", "value"))
    mine = {"new_projects": ["6"], "partnerships_confirmed": ["90"]}
    response = client.post(url, {**opened_form, **mine})

    page = response.content.decode()
    assert response.status_code == 200
    assert dict(targets.values_list("figure", "value")) == before  # nothing of Tess's saved
    at = timezone.localtime(Target.history.order_by("-history_date").first().history_date)
    assert f"Alex Smith changed the targets at {at:%H:%M}" in page
    assert 'id="versions"' in page
    assert 'value="6"' in page and 'value="90"' in page  # her input is kept
    again = next(d for a, d in post_forms(page) if VERSION_FIELD in d)
    assert client.post(url, again).status_code == 302
    saved = dict(targets.values_list("figure", "value"))
    assert saved == {**before, "new_projects": 6, "partnerships_confirmed": 90}


def test_a_removed_row_makes_a_form_of_several_records_stale():
    """A score cleared by someone else (a row removed) moves the scores' version too."""
    tess = make_user(full_name="Tess Team")
    make = Make(tess, make_programme(tess))
    prospect = champions.prospect_add(
        actor=tess,
        programme=make.programme,
        organisation_name="Acme plc",
        person_name="Ada Acme",
        added_on=date(2017, 9, 4),
    )
    criteria = criteria_shown(make.programme)
    champions.prospect_score(actor=tess, prospect=prospect, scores=[(criteria[0], 3)])
    opened_at = scores_version(prospect)
    criterion = Criterion.objects.get(programme=make.programme, name=criteria[0].name)
    alex = make_user(full_name="Alex Smith")
    champions.prospect_score(actor=alex, prospect=prospect, scores=[(criterion, None)])
    assert scores_version(prospect) != opened_at
    with pytest.raises(StaleRecord, match="Alex Smith changed the scores at"):
        champions.prospect_score(
            actor=tess, prospect=prospect, scores=[(criterion, 4)], version=opened_at
        )
    assert not prospect.scores.exists()


def test_your_own_newer_save_of_several_records_is_no_conflict():
    """The weights save on each change: the next save can carry the version from before the
    last one. The same person's newer change is theirs, not someone else's."""
    tess = make_user(full_name="Tess Team")
    make = Make(tess, make_programme(tess))
    prospect = champions.prospect_add(
        actor=tess,
        programme=make.programme,
        organisation_name="Acme plc",
        person_name="Ada Acme",
        added_on=date(2017, 9, 4),
    )
    criteria = criteria_shown(make.programme)
    champions.prospect_score(actor=tess, prospect=prospect, scores=[(criteria[0], 3)])
    opened_at = scores_version(prospect)
    criterion = Criterion.objects.get(programme=make.programme, name=criteria[0].name)
    champions.prospect_score(actor=tess, prospect=prospect, scores=[(criterion, 4)])
    champions.prospect_score(
        actor=tess, prospect=prospect, scores=[(criterion, 5)], version=opened_at
    )
    assert prospect.scores.get().value == 5
