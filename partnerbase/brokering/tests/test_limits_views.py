"""The innovators' limits page: one table form, its errors, and who may use it."""

from datetime import date

import pytest
from django.urls import reverse

from partnerbase.accounts.models import Role
from partnerbase.brokering import services
from partnerbase.brokering.models import RoundInnovatorSetting

from .test_permissions import BROKERS, EVERYONE, user_for

pytestmark = pytest.mark.django_db


def page(world, round, name="round_innovators"):
    return reverse(f"brokering:{name}", args=[world.programme.slug, round.uid])


def form_data(world, **by_key):
    """Every innovator at the round's defaults (3 and 1) but those given."""
    data = {}
    for key in ("toolshed", "money-ae", "mkf"):
        most, fewest = by_key.get(key, ("3", "1"))
        pk = world.orgs[key].pk
        data |= {f"capacity_{pk}": most, f"minimum_{pk}": fewest}
    return data


def test_the_team_sets_limits_and_the_round_page_shows_them(client, world):
    client.force_login(world.user(Role.TEAM))
    round = world.round()
    body = client.get(page(world, round)).content.decode()
    assert "Most introductions for Toolshed" in body and 'value="3"' in body
    response = client.post(page(world, round), form_data(world, toolshed=("1", "0")))
    assert response.status_code == 302 and response["Location"] == page(
        world, round, "round_detail"
    )
    setting = RoundInnovatorSetting.objects.get()
    assert (setting.innovator.name, setting.capacity, setting.min_introductions) == (
        "Toolshed",
        1,
        0,
    )
    detail = client.get(page(world, round, "round_detail")).content.decode()
    assert "Innovators’ limits" in detail and "Change the innovators’ limits" in detail
    row = detail[detail.index('<th scope="row" class="govuk-table__header">Toolshed</th>') :]
    row = row[: row.index("</tr>")]
    assert ">1</td>" in row and ">0</td>" in row and "This innovator" in row


@pytest.mark.parametrize(
    "toolshed, message",
    [
        (("1", "2"), "The fewest introductions for Toolshed cannot be more than the most (1)"),
        (("-1", "0"), "The most introductions for Toolshed must be 0 or more"),
        (("two", "0"), "The most introductions for Toolshed must be a whole number"),
        (("", "0"), "Enter the most introductions for Toolshed"),
        (("51", "0"), "The most introductions for Toolshed must be 50 or fewer"),
    ],
)
def test_bad_limits_are_shown_and_nothing_is_saved(client, world, toolshed, message):
    client.force_login(world.user(Role.TEAM))
    round = world.round()
    # MyKindaFuture's change is fine, but is not saved while Toolshed's is wrong.
    response = client.post(page(world, round), form_data(world, toolshed=toolshed, mkf=("2", "2")))
    body = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in body
    assert message in body
    field = "minimum" if "fewest" in message else "capacity"
    field_id = f"id_{field}_{world.orgs['toolshed'].pk}"
    assert f'href="#{field_id}"' in body  # the summary links to the input
    assert f'aria-describedby="{field_id}-error"' in body
    assert not RoundInnovatorSetting.objects.exists()


def test_once_reviewed_or_sent_the_limits_cannot_change(client, world):
    client.force_login(world.user(Role.TEAM))
    round = services.round_run(actor=world.actor, round=world.round())
    round = services.round_review(actor=world.actor, round=round)
    for response in (
        client.get(page(world, round)),
        client.post(page(world, round), form_data(world, toolshed=("1", "0"))),
    ):
        assert response["Location"] == page(world, round, "round_detail")
    assert not RoundInnovatorSetting.objects.exists()
    services.round_send(actor=world.actor, round=round, on=date(2018, 3, 1))
    response = client.get(page(world, round), follow=True)
    assert "The round is sent: its innovators’ limits cannot change." in response.content.decode()
    detail = client.get(page(world, round, "round_detail")).content.decode()
    assert "Innovators’ limits" in detail and "Change the innovators’ limits" not in detail


@pytest.mark.parametrize("who", sorted(EVERYONE))
def test_only_brokers_may_change_the_limits(client, world, who):
    round = world.round()
    client.force_login(user_for(world, who))
    response = client.post(page(world, round), form_data(world, toolshed=("1", "0")))
    if who in BROKERS:
        assert response.status_code == 302
        assert RoundInnovatorSetting.objects.filter(round=round).count() == 1
    else:
        assert response.status_code == (404 if who == "no role" else 403)
        assert not RoundInnovatorSetting.objects.exists()


def test_signed_out_visitors_are_sent_to_sign_in(client, world):
    response = client.post(page(world, world.round()), form_data(world))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
