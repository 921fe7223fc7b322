"""The pages' permission matrix: every URL name of the URL configuration × every caller
(tests/page_access.py: signed out, each role, the judge, an applicant, someone with no role,
the other programme's team, the superuser) × the programme the small world's records are in
and the other programme, compared with the rule tests/page_access.py gives the URL name.

Each page is opened with GET, or posted to (empty, rolled back) if it takes only POST, with
the parameters tests/test_no_get_writes.py fills from page_world.py; with a programme's slug,
again with the other programme's. A URL name without a rule fails, naming it. The REST API's
endpoints have their own matrix (partnerbase/api/tests/test_matrix.py).

The pages that build the progress report or the public page's charts take seconds each;
they are asked of everyone their rule refuses, and of the first caller it lets in (for each
programme), not of every caller it lets in (SAMPLED).
"""

import os
import time

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import make_user

from . import page_access as access
from .page_world import build_world
from .test_no_get_writes import record_params
from .test_not_found import ask_url, record_param
from .url_walk import fill, patterns

pytestmark = pytest.mark.django_db
TIMES = {}  # URL name → seconds, over every caller

SAMPLED = {
    "reports:report",
    "reports:report_pdf",
    "reports:report_chart_csv",
    "public_figures",
    "public_chart_csv",
    "public_report_pdf",
    "setup:public_page",
}
SIGN_IN_URL = reverse("accounts:login")
ADMIN_SIGN_IN_URL = reverse("admin:login")


def answer(response):
    """The response as the table names it: OK, a sign-in page, sent elsewhere, or its code.
    A POST-only action is OK when done (a redirect) or answered with its form's errors."""
    code = response.status_code
    posted = response.request["REQUEST_METHOD"] == "POST"
    if code in (301, 302, 303):
        where = response["Location"].split("?")[0]
        if where == SIGN_IN_URL:
            return access.SIGN_IN
        if where == ADMIN_SIGN_IN_URL:
            return access.ADMIN_SIGN_IN
        return access.OK if posted else access.ELSEWHERE
    if code == 200 or (posted and code == 400):
        return access.OK
    return code


def pages(world):
    """(URL name, its rule, kwargs, in the other programme?, names a record?) for every URL
    pattern: each filled in the world's first programme and, with a slug, in the other."""
    tables = record_params(world)
    found, unruled, unfilled = [], [], []
    alpha, bravo = world.alpha.slug, world.bravo.slug
    for name, names in patterns():
        rule = access.rule_of(name)
        if rule is access.MISSING:
            unruled.append(name)
            continue
        if rule is None:
            continue  # the API's matrix
        filled = fill(name, names, world, tables)
        if filled is None:
            unfilled.append(name)
            continue
        names_record = record_param(names) is not None
        seen = []
        for kwargs in filled:
            if kwargs.get("slug") == bravo and names_record:
                continue  # the other programme's own record: asked through this programme
            if "slug" in kwargs:
                kwargs = {**kwargs, "slug": alpha}  # each page once per programme
            if kwargs not in seen:
                seen.append(kwargs)
        for kwargs in seen:
            found.append((name, rule, kwargs, False, names_record))
            if "slug" in kwargs:
                found.append((name, rule, {**kwargs, "slug": bravo}, True, names_record))
    # Signing out last: it ends the caller's session (the admin's first, still signed in).
    last = {"admin:logout": 1, "accounts:logout": 2}
    found.sort(key=lambda page: last.get(page[0], 0))
    return found, unruled, unfilled


def test_every_rule_names_a_url():
    names = {name for name, _ in patterns()}
    gone = set(access.RULES) - names
    gone |= set(access.ADMIN_EXCEPTIONS) - names
    assert not gone, f"rules for URL names that are gone: {sorted(gone)}"


def test_every_page_answers_every_caller_as_its_rule_says(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    world = build_world(make_user(full_name="Tess Team"))
    found, unruled, unfilled = pages(world)
    assert not unruled, (
        "give these URL names a rule in tests/page_access.py (who may open them, and what "
        f"the others get): {unruled}"
    )
    assert not unfilled, f"give these pages' parameters in record_params: {unfilled}"
    assert set(world.users) == set(access.CALLERS)
    started, cpu = time.perf_counter(), time.process_time()
    wrong, asked, sampled, refused_posts = [], 0, set(), 0
    for who in access.CALLERS:
        client = Client()
        if world.users[who] is not None:
            client.force_login(world.users[who])
        for name, rule, kwargs, other, names_record in found:
            want = access.expected(rule, who, other_programme=other, names_record=names_record)
            key = (name, tuple(sorted(kwargs.items())))
            if name in SAMPLED and want == access.OK:
                if key in sampled:
                    continue
                sampled.add(key)
            args = kwargs.pop("#args", ())
            url = reverse(name, args=args, kwargs=kwargs)
            if args:
                kwargs["#args"] = args
            t = time.perf_counter()
            response = ask_url(client, url)
            got = answer(response)
            # A forbidden write tried: a POST-only page posted to by someone it refuses.
            refused_posts += response.request["REQUEST_METHOD"] == "POST" and want != access.OK
            TIMES[name] = TIMES.get(name, 0) + time.perf_counter() - t
            asked += 1
            if got != want:
                place = "the other programme" if other else "its programme"
                wrong.append(f"{who}: {url} ({name}, {place}) answered {got}, the rule says {want}")
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    names = {page[0] for page in found}
    print(
        f"\n{len(names)} URL names, {len(found)} URLs × {len(access.CALLERS)} callers: "
        f"{asked} requests in {elapsed:.1f} s ({cpu:.1f} s of CPU); "
        f"{refused_posts} POSTs by callers the rule refuses"
    )
    if os.environ.get("PAGE_ACCESS_TIMES"):  # where the time goes: the slowest pages
        for name, seconds in sorted(TIMES.items(), key=lambda t: -t[1])[:10]:
            print(f"{seconds:6.1f} s  {name}")
    assert not wrong, f"{len(wrong)} of {asked} answers differ from tests/page_access.py:\n" + (
        "\n".join(wrong)
    )
