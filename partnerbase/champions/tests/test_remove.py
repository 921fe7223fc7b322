"""Removing a champion prospect: the convening team only; one who took a board seat is
refused, naming the seat; history keeps the prospect and everything removed with them."""

from datetime import date

import pytest
from django.urls import reverse

from partnerbase.accounts.models import Role
from partnerbase.board.models import Champion
from partnerbase.champions import services
from partnerbase.champions.models import Contact, Prospect, Score, StageChange
from partnerbase.core.errors import DomainError
from partnerbase.directory.models import Engagement, Person

from .test_views import ALLOWED, WHO, sign_in

pytestmark = pytest.mark.django_db


def _remove_url(world, prospect=None):
    prospect = prospect or world.first
    return reverse("champions:prospect_remove", args=[world.programme.slug, prospect.uid])


@pytest.mark.parametrize("who", WHO)
def test_who_may_remove_a_prospect(client, alpha, who):
    sign_in(client, alpha, who)

    page = client.get(_remove_url(alpha))
    response = client.post(_remove_url(alpha))

    gone = not Prospect.objects.filter(pk=alpha.first.pk).exists()
    if who in ALLOWED:
        assert page.status_code == 200 and response.status_code == 302 and gone
    else:
        refused = 404 if who == "no role" else 403
        assert (page.status_code, response.status_code, gone) == (refused, refused, False)


@pytest.mark.parametrize("role", [Role.TEAM, Role.CHAMPION])
def test_another_programmes_prospect_is_not_found(client, alpha, bravo, role):
    sign_in(client, alpha, role)
    under_mine = reverse("champions:prospect_remove", args=[alpha.programme.slug, bravo.first.uid])

    assert client.post(_remove_url(bravo)).status_code == 404
    assert client.post(under_mine).status_code == (404 if role == Role.TEAM else 403)
    assert Prospect.objects.filter(pk=bravo.first.pk).exists()


def test_the_team_removes_a_prospect_and_history_keeps_it(client, alpha, actor):
    services.contact_log(
        actor=actor,
        prospect=alpha.first,
        kind="call",
        occurred_on=date(2017, 9, 6),
        summary="Rang",
    )
    alpha.walk(alpha.first, "targeted")
    team = sign_in(client, alpha, Role.TEAM)
    pk, person = alpha.first.pk, alpha.first.person

    page = client.get(_remove_url(alpha)).content.decode()
    response = client.post(_remove_url(alpha))

    assert "the 1 contact logged with them stays as an engagement with Acme plc" in page
    assert response["Location"] == reverse("champions:prospect_list", args=[alpha.programme.slug])
    assert not Prospect.objects.filter(pk=pk).exists()
    assert not (Score.objects.exists() or StageChange.objects.exists() or Contact.objects.exists())
    # The person and the engagement (it counts toward organisations engaged) stay.
    assert Person.objects.filter(pk=person.pk).exists() and Engagement.objects.count() == 1
    gone = Prospect.history.get(id=pk, history_type="-")
    assert (gone.history_user, gone.history_change_reason) == (team, "Removed from the list")
    for model in (Score, StageChange, Contact):
        rows = model.history.filter(history_type="-")
        assert rows.count() >= 1 and {r.history_user for r in rows} == {team}, model


def test_a_prospect_who_took_a_board_seat_is_not_removed(client, alpha, actor):
    alpha.met(alpha.first)
    services.prospect_commit(
        actor=actor, prospect=alpha.first, term_starts_on=date(2017, 10, 2), role="chair"
    )
    sign_in(client, alpha, Role.TEAM)

    shown = client.get(_remove_url(alpha)).content.decode()
    refused = client.post(_remove_url(alpha))

    want = (
        "Cannot remove: Ada Acme took a seat on the board as this prospect (chair from "
        "2 October 2017)"
    )
    assert want in shown and want in refused.content.decode()
    assert refused.status_code == 200 and "Remove from the list</button>" not in shown
    assert Prospect.objects.filter(pk=alpha.first.pk).exists()
    assert Champion.objects.count() == 1 and StageChange.objects.count() == 5
    with pytest.raises(DomainError, match="took a seat on the board"):
        services.prospect_remove(actor=actor, prospect=alpha.first)


def test_the_prospect_page_links_to_removal(client, alpha):
    sign_in(client, alpha, Role.TEAM)

    page = client.get(
        reverse("champions:prospect_detail", args=[alpha.programme.slug, alpha.first.uid])
    )

    assert _remove_url(alpha) in page.content.decode()
