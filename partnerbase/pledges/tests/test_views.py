"""Who may open each pledge page and take each action; what the forms save and refuse."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from partnerbase.accounts.models import Role, User
from partnerbase.brokering.models import Offer
from partnerbase.pledges import services
from partnerbase.pledges.models import Pledge, PledgeDelivery
from tests.factories import make_user

pytestmark = pytest.mark.django_db

EVERYONE = [*Role.values, "superuser"]
READERS = {Role.TEAM, Role.CHAMPION, Role.ACCELERATOR_MANAGER, "superuser"}
MANAGERS = {Role.TEAM, "superuser"}
OWN = {Role.CHAMPION, Role.PARTNER_CONTACT}  # for their own organisation only


def who_is(world, who):
    if who == "superuser":
        return User.objects.create_superuser(email="root@example.org", password=None)
    return world.user(who)


@pytest.fixture
def pledges(world):
    """Ours (the user's organisation, for roles that have one) and theirs, both confirmed
    so every action's page can open; one pledged only, for the confirm page."""
    return {
        "ours": world.confirmed(),
        "theirs": world.confirmed(organisation=world.theirs),
        "ours pledged": world.pledge(),
        "theirs pledged": world.pledge(organisation=world.theirs),
    }


def page_url(world, name, pledge=None):
    slug = world.programme.slug
    if name == "ledger":
        return reverse("pledges:ledger", args=[slug])
    if name == "add":
        return reverse("pledges:add", args=[slug])
    if name == "organisation":
        return reverse("pledges:organisation", args=[slug, pledge.organisation.uid])
    return reverse(f"pledges:{name}", args=[slug, pledge.uid])


def expected(page, who, whose):
    """200, 403, or 404 for a pledge `who` may not see, on `page` of a pledge of `whose`
    organisation."""
    sees = who in READERS or (who == Role.PARTNER_CONTACT and whose == "ours")
    if page not in ("organisation", "add") and who == Role.PARTNER_CONTACT and not sees:
        return 404  # its existence does not show
    if page in ("organisation", "detail"):
        ok = who in READERS or (who == Role.PARTNER_CONTACT and whose == "ours")
    elif page == "add":
        ok = who in MANAGERS or who in OWN
    else:  # edit, confirm, delivery_add, lapse, offer
        ok = who in MANAGERS or (who in OWN and whose == "ours")
    return 200 if ok else 403


@pytest.mark.parametrize("who", EVERYONE)
def test_the_programme_ledger(client, world, pledges, who):
    client.force_login(who_is(world, who))
    response = client.get(page_url(world, "ledger"))
    if who in READERS:
        assert response.status_code == 200
        assert "Their Retail plc" in response.content.decode()
    elif who == Role.PARTNER_CONTACT:
        # Straight to its own organisation's pledges.
        assert response.status_code == 302
        assert response["Location"] == page_url(world, "organisation", pledges["ours"])
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("who", EVERYONE)
@pytest.mark.parametrize("whose", ["ours", "theirs"])
@pytest.mark.parametrize(
    "page", ["organisation", "detail", "add", "edit", "delivery_add", "lapse", "offer", "confirm"]
)
def test_who_may_open_each_page(client, world, pledges, who, whose, page):
    client.force_login(who_is(world, who))
    pledge = pledges[f"{whose} pledged" if page == "confirm" else whose]
    response = client.get(page_url(world, page, pledge))
    assert response.status_code == expected(page, who, whose)


def test_a_champion_cannot_change_another_organisations_pledge(client, world, pledges):
    client.force_login(world.user(Role.CHAMPION))
    theirs = pledges["theirs"]
    for page, data in [
        ("edit", {"title": "Hijacked"}),
        (
            "delivery_add",
            {
                "quantity": "1",
                "delivered_on_0": "1",
                "delivered_on_1": "2",
                "delivered_on_2": "2018",
            },
        ),
        ("lapse", {"on_0": "1", "on_1": "2", "on_2": "2018", "reason": "No"}),
        ("offer", {"type": "mentoring", "description": "x", "capacity": "1"}),
    ]:
        assert client.post(page_url(world, page, theirs), data).status_code == 403
    theirs.refresh_from_db()
    assert (theirs.title, theirs.status) == ("Work placements for young people", "confirmed")
    assert not PledgeDelivery.objects.exists() and not Offer.objects.exists()


def test_a_champion_cannot_pledge_for_another_organisation(client, world):
    client.force_login(world.user(Role.CHAMPION))
    response = client.post(page_url(world, "add"), form_data(world, organisation=world.theirs.pk))
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert not Pledge.objects.exists()


@pytest.mark.parametrize("page", ["ledger", "add", "organisation", "detail", "edit", "offer"])
def test_another_programme_is_not_found(client, world, other, page):
    theirs = other.confirmed()
    client.force_login(world.user(Role.TEAM))
    # Their programme under its own address, and their pledge under ours: both 404.
    url = page_url(other, page, theirs)
    assert client.get(url).status_code == 404
    if page not in ("ledger", "add"):
        assert client.get(page_url(world, page, theirs)).status_code == 404


def test_a_user_with_no_role_gets_404(client, world):
    client.force_login(make_user())
    assert client.get(page_url(world, "ledger")).status_code == 404


def form_data(world, **changes):
    data = {
        "organisation": world.ours.pk,
        "kind": "mentoring",
        "title": "Mentoring for founders",
        "quantity": "40",
        "unit": "hours",
        "estimated_value": "2,000",
        "currency": "GBP",
        "challenge_area": world.challenge.pk,
        "pledged_on_0": "1",
        "pledged_on_1": "11",
        "pledged_on_2": "2017",
    }
    data.update(changes)
    return data


def test_a_champion_records_its_own_pledge(client, world):
    client.force_login(world.user(Role.CHAMPION))
    response = client.post(page_url(world, "add"), form_data(world, champion=world.seat.pk))
    pledge = Pledge.objects.get()
    assert response["Location"] == page_url(world, "detail", pledge)
    assert (pledge.organisation, pledge.champion, pledge.quantity) == (world.ours, world.seat, 40)
    assert pledge.estimated_value_minor == 200_000


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"quantity": "lots"}, "quantity", "must be a number"),
        ({"quantity": "0"}, "quantity", "must be more than 0"),
        ({"title": ""}, "title", "Enter a title"),
        ({"kind": "cash", "estimated_value": ""}, "estimated_value", "amount of a cash pledge"),
        ({"pledged_on_1": "13"}, "pledged_on", "must be a real date"),
        ({"due_on_0": "1", "due_on_1": "1", "due_on_2": "2017"}, "due_on", "on or after"),
        ({"champion": "__seat__", "organisation": "__theirs__"}, "champion", "board seat"),
    ],
)
def test_bad_input_shows_the_error_summary_and_saves_nothing(
    client, world, changes, field, message
):
    client.force_login(world.team)
    subs = {"__seat__": world.seat.pk, "__theirs__": world.theirs.pk}
    changes = {k: subs.get(v, v) for k, v in changes.items()}
    response = client.post(page_url(world, "add"), form_data(world, **changes))
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body and message in body
    assert field in response.context["form"].errors
    assert not Pledge.objects.exists()


def test_recording_deliveries_through_the_pages(client, world):
    pledge = world.confirmed()
    client.force_login(world.user(Role.PARTNER_CONTACT))
    url = page_url(world, "delivery_add", pledge)
    day = {"delivered_on_0": "1", "delivered_on_1": "3", "delivered_on_2": "2018"}

    too_much = client.post(url, {**day, "quantity": "11"})
    assert "more than is left to deliver (10)" in too_much.content.decode()
    assert not PledgeDelivery.objects.exists()

    client.post(url, {**day, "quantity": "4"})
    client.post(url, {**day, "quantity": "6"})
    pledge.refresh_from_db()
    assert pledge.status == "delivered"
    assert list(pledge.deliveries.values_list("quantity", flat=True)) == [4, 6]
    detail = client.get(page_url(world, "detail", pledge)).content.decode()
    assert "10 placements" in detail and "Record a delivery" not in detail


def test_confirm_and_lapse_through_the_pages(client, world):
    pledge = world.pledge()
    client.force_login(world.user(Role.CHAMPION))
    client.post(page_url(world, "confirm", pledge), {"on_0": "2", "on_1": "11", "on_2": "2017"})
    pledge.refresh_from_db()
    assert (pledge.status, pledge.confirmed_on) == ("confirmed", date(2017, 11, 2))
    no_reason = client.post(
        page_url(world, "lapse", pledge), {"on_0": "1", "on_1": "9", "on_2": "2018"}
    )
    assert "Say why the pledge lapsed" in no_reason.content.decode()
    pledge.refresh_from_db()
    assert pledge.status == "confirmed"
    client.post(
        page_url(world, "lapse", pledge),
        {"on_0": "1", "on_1": "9", "on_2": "2018", "reason": "Budget cut"},
    )
    pledge.refresh_from_db()
    assert (pledge.status, pledge.lapse_reason) == ("lapsed", "Budget cut")
    # Final: no more changes.
    assert client.get(page_url(world, "edit", pledge)).status_code == 403


def test_offering_a_pledge_for_brokering(client, world):
    pledge = world.confirmed(challenge_area=world.challenge)
    services.pledge_delivery_record(
        actor=world.team, pledge=pledge, delivered_on=date(2018, 1, 1), quantity=Decimal(4)
    )
    world.ours.regions = "London, West Midlands"
    world.ours.save()
    client.force_login(world.user(Role.CHAMPION))
    url = page_url(world, "offer", pledge)

    form = client.get(url).context["form"]
    assert form.initial["type"] == "employment_pathways"
    assert form.initial["capacity"] == 6  # the placements left
    assert form.initial["regions"] == "London, West Midlands"
    assert form.initial["challenge_area"] == world.challenge

    response = client.post(
        url,
        {
            "type": "employment_pathways",
            "description": "Placements",
            "capacity": "5",
            "regions": "London",
            "challenge_area": world.challenge.pk,
        },
    )
    offer = Offer.objects.get()
    assert response["Location"] == page_url(world, "detail", pledge)
    assert (offer.pledge, offer.partner, offer.capacity) == (pledge, world.ours, 5)
    detail = client.get(page_url(world, "detail", pledge)).content.decode()
    assert reverse("brokering:offer_edit", args=[world.programme.slug, offer.uid]) in detail
    offer_page = client.get(reverse("brokering:offer_edit", args=[world.programme.slug, offer.uid]))
    assert page_url(world, "detail", pledge) in offer_page.content.decode()


def test_a_cash_pledge_offers_its_amount_as_the_budget(client, world):
    pledge = world.confirmed(
        kind="cash", unit="pounds", quantity=Decimal(5000), estimated_value=Decimal(5000)
    )
    client.force_login(world.team)
    form = client.get(page_url(world, "offer", pledge)).context["form"]
    assert (form.initial["type"], form.initial["budget"], form.initial["capacity"]) == (
        "funding",
        Decimal("5000.00"),
        1,
    )


def test_the_dashboard_links_to_the_ledger_for_its_readers(client, world):
    client.force_login(world.user(Role.CHAMPION))
    body = client.get(reverse("reports:dashboard", args=[world.programme.slug])).content.decode()
    assert page_url(world, "ledger") in body
