"""Who may open each champion-targeting page and post each action (the convening team
only), and what the pages do: re-rank on a weight change (htmx and plain POST), refuse bad
input with the error summary and save nothing, commit to the board in one step."""

from datetime import date
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from partnerbase.accounts.models import Role
from partnerbase.board.models import Champion
from partnerbase.champions.models import Contact, Criterion, Prospect, Score, StageChange
from partnerbase.directory.models import Engagement
from tests.factories import roles

pytestmark = pytest.mark.django_db

ALLOWED = {Role.TEAM, "superuser"}
WHO = roles.WHO


def _url(name, world, with_prospect=False):
    args = [world.programme.slug] + ([world.first.uid] if with_prospect else [])
    return reverse(f"champions:{name}", args=args)


PAGES = {
    "long list": lambda w: _url("prospect_list", w),
    "long list by stage": lambda w: _url("prospect_list", w) + "?stage=long_list",
    "add prospect": lambda w: _url("prospect_add", w),
    "add criterion": lambda w: _url("criterion_add", w),
    "prospect": lambda w: _url("prospect_detail", w, True),
}


def _weights(world, *values):
    return {f"weight_{c.pk}": v for c, v in zip(world.criteria(), values, strict=True)}


def _date(name, d, m, y):
    return {f"{name}_0": d, f"{name}_1": m, f"{name}_2": y}


# action → (url, valid data, what a successful post changes)
ACTIONS = {
    "weights": (
        lambda w: _url("weights_edit", w),
        lambda w: _weights(w, "3", "1", "1", "1"),
        lambda: sorted(Criterion.objects.values_list("weight", flat=True)),
    ),
    "add prospect": (
        lambda w: _url("prospect_add", w),
        lambda w: {
            "organisation_name": "New plc",
            "organisation_kind": "business",
            "person_name": "Nina New",
            **_date("added_on", "5", "9", "2017"),
        },
        lambda: Prospect.objects.count(),
    ),
    "add criterion": (
        lambda w: _url("criterion_add", w),
        lambda w: {"name": "Regional presence", "weight": "2"},
        lambda: Criterion.objects.count(),
    ),
    "scores": (
        lambda w: _url("scores_edit", w, True),
        lambda w: {f"criterion_{c.pk}": "1" for c in w.criteria()},
        lambda: sorted(Score.objects.values_list("value", flat=True)),
    ),
    "stage": (
        lambda w: _url("stage_move", w, True),
        lambda w: {"to_stage": "targeted", **_date("changed_on", "6", "9", "2017")},
        lambda: StageChange.objects.count(),
    ),
    "contact": (
        lambda w: _url("contact_add", w, True),
        lambda w: {"kind": "call", "summary": "Rang", **_date("occurred_on", "7", "9", "2017")},
        lambda: (Engagement.objects.count(), Contact.objects.count()),
    ),
    "commit": (
        lambda w: _url("commit", w, True),
        lambda w: {"role": "member", **_date("term_starts_on", "2", "10", "2017")},
        lambda: Champion.objects.count(),
    ),
}


def sign_in(client, world, who):
    return roles.sign_in(client, who, world.user)


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("page", PAGES)
def test_who_may_open_each_page(client, alpha, page, who):
    sign_in(client, alpha, who)

    response = client.get(PAGES[page](alpha))

    if who in ALLOWED:
        assert response.status_code == 200
    else:
        assert response.status_code == (404 if who == "no role" else 403)


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("action", ACTIONS)
def test_who_may_post_each_action(client, alpha, action, who):
    url, data, changed = ACTIONS[action]
    if action == "commit":
        alpha.met(alpha.first)
    sign_in(client, alpha, who)
    before = changed()

    response = client.post(url(alpha), data(alpha))

    if who in ALLOWED:
        assert response.status_code == 302, getattr(response, "context", {}) and [
            f.errors for f in (response.context.get("form"),) if f
        ]
        assert changed() != before
    else:
        assert response.status_code == (404 if who == "no role" else 403)
        assert changed() == before


@pytest.mark.parametrize("page", PAGES)
def test_signed_out_visitors_are_sent_to_sign_in(client, alpha, page):
    response = client.get(PAGES[page](alpha))

    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == reverse("accounts:login")


@pytest.mark.parametrize("role", Role.values)
def test_another_programmes_pages_and_actions_are_not_found(client, alpha, bravo, role):
    sign_in(client, alpha, role)

    for page, url in PAGES.items():
        assert client.get(url(bravo)).status_code == 404, page
    for action, (url, data, changed) in ACTIONS.items():
        before = changed()
        assert client.post(url(bravo), data(bravo)).status_code == 404, action
        assert changed() == before


def test_a_prospect_of_another_programme_is_not_found_under_your_own(client, alpha, bravo):
    sign_in(client, alpha, Role.TEAM)
    url = reverse("champions:prospect_detail", args=[alpha.programme.slug, bravo.first.uid])
    assert client.get(url).status_code == 404


# --- what the pages do -------------------------------------------------------------------


@pytest.fixture
def two(alpha):
    """Acme (5, 4, 3, 2) and Zed (0, 5, 5, 3): Acme leads on equal weights."""
    alpha.second = alpha.prospect("Zed Ltd", "Zoe Zed")
    alpha.score(alpha.second, 0, 5, 5, 3)
    return alpha


def _order(response):
    return [r.prospect for r in response.context["rows"]]


def test_the_long_list_ranks_and_filters_by_stage(client, two):
    two.walk(two.second, "targeted")
    sign_in(client, two, Role.TEAM)

    everyone = client.get(_url("prospect_list", two))
    targeted = client.get(_url("prospect_list", two) + "?stage=targeted")

    assert _order(everyone) == [two.first, two.second]
    assert [r.ranked.rank for r in everyone.context["rows"]] == [1, 2]
    assert _order(targeted) == [two.second]
    assert targeted.context["rows"][0].ranked.rank == 2  # its rank on the whole list
    html = everyone.content.decode()
    assert html.index("Acme plc") < html.index("Zed Ltd")


def test_a_weight_change_by_htmx_returns_the_re_ranked_partial(client, two):
    sign_in(client, two, Role.TEAM)

    response = client.post(
        _url("weights_edit", two), _weights(two, "0", "1", "1", "1"), HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="ranking"') and "<html" not in html
    assert html.index("Zed Ltd") < html.index("Acme plc")
    assert _order(response) == [two.second, two.first]


def test_a_weight_change_without_javascript_redirects_to_the_re_ranked_list(client, two):
    sign_in(client, two, Role.TEAM)

    response = client.post(
        _url("weights_edit", two), {**_weights(two, "0", "1", "1", "1"), "stage": "long_list"}
    )

    assert response.status_code == 302
    assert response["Location"] == _url("prospect_list", two) + "?stage=long_list"
    assert _order(client.get(response["Location"])) == [two.second, two.first]


@pytest.mark.parametrize("htmx", [True, False])
def test_bad_weights_show_the_error_summary_and_save_nothing(client, two, htmx):
    sign_in(client, two, Role.TEAM)
    extra = {"HTTP_HX_REQUEST": "true"} if htmx else {}

    response = client.post(_url("weights_edit", two), _weights(two, "0", "0", "0", "x"), **extra)

    assert response.status_code == 200
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert "must be a whole number" in html
    assert [c.weight for c in two.criteria()] == [1, 1, 1, 1]
    all_zero = client.post(_url("weights_edit", two), _weights(two, "0", "0", "0", "0"), **extra)
    assert "At least one criterion must have a weight above 0" in all_zero.content.decode()
    assert [c.weight for c in two.criteria()] == [1, 1, 1, 1]


def test_adding_a_prospect_with_bad_input_saves_nothing(client, alpha):
    sign_in(client, alpha, Role.TEAM)
    prospects, engagements = Prospect.objects.count(), Engagement.objects.count()

    response = client.post(
        _url("prospect_add", alpha),
        {
            "organisation_name": "Half plc",
            "organisation_kind": "business",
            **_date("added_on", "31", "2", "2017"),
        },
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert "Choose the person or enter a new person&#x27;s name" in html
    assert "must be a real date" in html
    assert Prospect.objects.count() == prospects
    assert Engagement.objects.count() == engagements


def test_an_invalid_stage_move_is_refused_on_the_page(client, alpha):
    sign_in(client, alpha, Role.TEAM)

    response = client.post(
        _url("stage_move", alpha, True),
        {"to_stage": "met", **_date("changed_on", "6", "9", "2017")},
    )

    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert response.context["stage_form"].errors["to_stage"]
    assert Prospect.objects.get(pk=alpha.first.pk).stage == "long_list"


def test_committing_from_the_page_gives_the_board_seat_and_shows_it(client, alpha):
    alpha.met(alpha.first)
    sign_in(client, alpha, Role.TEAM)

    response = client.post(
        _url("commit", alpha, True), {"role": "chair", **_date("term_starts_on", "2", "10", "2017")}
    )
    page = client.get(response["Location"])

    champion = Champion.objects.get()
    assert champion.person == alpha.first.person and champion.role == "chair"
    assert Prospect.objects.get(pk=alpha.first.pk).champion == champion
    html = page.content.decode()
    assert "Chair from 2 October 2017" in html
    assert "Commit to the board</button>" not in html


def test_the_prospect_page_lists_its_contacts_and_timeline(client, alpha):
    sign_in(client, alpha, Role.TEAM)
    client.post(
        _url("contact_add", alpha, True),
        {"kind": "meeting", "summary": "Coffee with Ada", **_date("occurred_on", "7", "9", "2017")},
    )
    alpha.walk(alpha.first, "targeted", on=date(2017, 9, 8))

    html = client.get(_url("prospect_detail", alpha, True)).content.decode()

    assert "Coffee with Ada" in html
    assert "moved from long list to targeted" in html
    assert "added to the long list" in html


def test_the_dashboard_links_to_the_long_list_for_the_team_only(client, alpha):
    link = _url("prospect_list", alpha)
    dashboard = reverse("reports:dashboard", args=[alpha.programme.slug])

    sign_in(client, alpha, Role.TEAM)
    assert link in client.get(dashboard).content.decode()
    sign_in(client, alpha, Role.CHAMPION)
    assert link not in client.get(dashboard).content.decode()
