"""The brokers record an answer to an introduction given by email, for someone without an
account: it counts as that side's answer and the history says who recorded it for whom."""

from datetime import date

import pytest
from django.urls import reverse

from partnerbase.accounts.models import Role
from partnerbase.brokering import services
from partnerbase.brokering.models import Introduction, IntroductionStatus, Response
from partnerbase.brokering.stages import Stage

from .test_permissions import BROKERS, user_for

pytestmark = pytest.mark.django_db

SENT = date(2018, 3, 1)


@pytest.fixture
def sent(world):
    round = services.round_run(actor=world.actor, round=world.round())
    services.round_review(actor=world.actor, round=round)
    services.round_send(actor=world.actor, round=round, on=SENT)
    world.sent_round = round
    world.intro = Introduction.objects.get(partner=world.orgs["barclays"])
    return world


def record_url(w):
    return reverse("brokering:introduction_record", args=[w.programme.slug, w.intro.uid])


def answer(side="partner", **extra):
    data = {"side": side, "answered_by": "Pat Jones", "answer": "accept", "reason": ""}
    data.update({"on_0": "5", "on_1": "3", "on_2": "2018"}, **extra)
    return data


def test_the_service_keeps_who_recorded_it_for_whom(sent):
    tess = sent.user(Role.TEAM)
    tess.full_name = "Tess Team"
    tess.save()

    services.introduction_answer_record(
        actor=tess,
        introduction=sent.intro,
        side="partner",
        accept=True,
        on=date(2018, 3, 5),
        answered_by="Pat Jones",
    )
    services.introduction_answer_record(
        actor=tess,
        introduction=sent.intro,
        side="innovator",
        accept=True,
        on=date(2018, 3, 6),
    )

    sent.intro.refresh_from_db()
    assert sent.intro.status == IntroductionStatus.ACCEPTED
    assert sent.intro.partnership.stage == Stage.IN_DISCUSSION
    reasons = [h.history_change_reason for h in sent.intro.history.order_by("history_id")][-2:]
    assert reasons == [
        "Recorded by Tess Team for Pat Jones of Barclays: accepted by the partner",
        "Recorded by Tess Team for Toolshed: accepted by the innovator",
    ]
    assert sent.intro.history.latest().history_user == tess


def test_the_team_records_an_answer_sent_by_email(client, sent):
    tess = sent.user(Role.TEAM)
    client.force_login(tess)
    round_page = client.get(
        reverse("brokering:round_detail", args=[sent.programme.slug, sent.sent_round.uid])
    ).content.decode()
    assert f"{record_url(sent)}?side=partner" in round_page

    form = client.get(record_url(sent) + "?side=partner").content.decode()
    assert "Toolshed, the innovator" in form and "Barclays, the partner" in form
    response = client.post(record_url(sent), answer(answer="decline", reason=""))
    assert "Say why they declined the introduction" in response.content.decode()
    response = client.post(record_url(sent), answer(answer="decline", reason="No budget"))

    assert response.status_code == 302
    sent.intro.refresh_from_db()
    assert sent.intro.partner_response == Response.DECLINED
    assert sent.intro.partner_reason == "No budget"
    assert sent.intro.partner_responded_on == date(2018, 3, 5)
    latest = sent.intro.history.latest()
    assert latest.history_user == tess
    assert latest.history_change_reason == (
        f"Recorded by {tess} for Pat Jones of Barclays: declined by the partner"
    )
    # The partnership's page shows the introduction's history with it.
    page = client.get(
        reverse(
            "brokering:partnership_detail",
            args=[sent.programme.slug, sent.intro.partnership.uid],
        )
    ).content.decode()
    assert "Answers to the introduction" in page
    assert f"Recorded by {tess} for Pat Jones of Barclays: declined by the partner" in page
    # Nothing more to record.
    again = client.get(record_url(sent)).content.decode()
    assert "This introduction is not waiting for an answer" in again


def test_an_answer_already_given_cannot_be_recorded_over(client, sent):
    services.introduction_respond(
        actor=sent.actor, introduction=sent.intro, side="partner", accept=True, on=SENT
    )
    client.force_login(sent.user(Role.TEAM))

    response = client.post(record_url(sent), answer(side="partner"))

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    sent.intro.refresh_from_db()
    assert sent.intro.history.latest().history_change_reason == "Accepted by the partner"


@pytest.mark.parametrize("who", sorted(set(Role.values) - BROKERS) + ["no role"])
def test_only_the_brokers_may_record_an_answer(client, sent, who):
    client.force_login(user_for(sent, who))

    response = client.post(record_url(sent), answer())

    assert response.status_code == (404 if who == "no role" else 403)
    sent.intro.refresh_from_db()
    assert sent.intro.partner_response == Response.PENDING


def test_nothing_to_record_once_the_partnership_has_ended(client, sent):
    services.partnership_move(
        actor=sent.actor, partnership=sent.intro.partnership, stage=Stage.LAPSED, on=SENT
    )
    client.force_login(sent.user(Role.TEAM))
    round_page = client.get(
        reverse("brokering:round_detail", args=[sent.programme.slug, sent.sent_round.uid])
    ).content.decode()

    page = client.get(record_url(sent)).content.decode()
    response = client.post(record_url(sent), answer())

    assert record_url(sent) not in round_page
    assert "not waiting for an answer: its partnership is lapsed" in page
    assert response.status_code == 200
    sent.intro.refresh_from_db()
    assert sent.intro.partner_response == Response.PENDING
