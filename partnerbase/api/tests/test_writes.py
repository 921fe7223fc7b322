"""Writes go through the pages' forms and services: the record is made as the page makes
it, its history row names the token's holder, bad input answers 400 next to the field with
nothing saved, and the pages' permission functions refuse the same people."""

import pytest
from django.urls import reverse

from partnerbase.accounts.models import Role
from partnerbase.brokering.models import Introduction, Need, Offer, Partnership, Response
from partnerbase.directory.models import Engagement, Organisation
from partnerbase.funding.models import FundingAward
from partnerbase.outcomes.models import OutcomeIndicator, OutcomeObservation

from .conftest import Caller

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"api:{name}", args=["alpha", *args])


def made_by(record, user, reason: str) -> None:
    row = record.history.order_by("history_id").first()
    assert row.history_user == user
    assert row.history_change_reason == reason


def test_organisations_and_engagements(world):
    team = world.users[Role.TEAM]
    api = Caller(team)
    answer = api.post(
        url("organisations-list"),
        {"name": "Acme Ltd", "kind": "business", "identifiers": ["GB-COH-09506232"]},
    )
    assert answer.status_code == 201, answer.json()
    acme = Organisation.objects.get(programme=world.alpha, name="Acme Ltd")
    assert answer.json()["uid"] == str(acme.uid) and answer.json()["identifiers"]
    assert acme.sector_group == "business"  # the service's default for the kind
    made_by(acme, team, "Organisation added")
    # The form's messages, next to the field; nothing saved.
    before = Organisation.objects.count()
    bad = api.post(url("organisations-list"), {"kind": "castle", "employee_count": -1})
    assert bad.status_code == 400
    assert bad.json()["name"] == ["Enter the organisation's name"]
    assert bad.json()["kind"] == ["Select the kind of organisation"]
    assert "whole number, 0 or more" in bad.json()["employee_count"][0]
    assert Organisation.objects.count() == before
    met = api.post(
        url("engagement-record", acme.uid),
        {"kind": "meeting", "occurred_on": "2018-03-27", "summary": "First meeting"},
    )
    assert met.status_code == 201, met.json()
    engagement = Engagement.objects.get(organisation=acme)
    assert str(engagement.occurred_on) == "2018-03-27"
    made_by(engagement, team, "Engagement recorded")
    impossible = api.post(
        url("engagement-record", acme.uid),
        {"kind": "meeting", "occurred_on": "2018-02-30", "summary": "x"},
    )
    assert impossible.status_code == 400 and "real date" in impossible.json()["occurred_on"][0]
    # An innovator may not add organisations, as on the page.
    innovator = Caller(world.users[Role.INNOVATOR])
    refused = innovator.post(url("organisations-list"), {"name": "Mine", "kind": "business"})
    assert refused.status_code == 403
    assert not Organisation.objects.filter(name="Mine").exists()


def test_needs_of_ones_own_organisation_only(world):
    innovator = world.users[Role.INNOVATOR]
    toolshed, bank = world.org("Toolshed — Ltd"), world.org("Barclays")
    api = Caller(innovator)
    made = api.post(
        url("needs-list"),
        {"innovator": toolshed.pk, "type": "mentoring", "description": "A mentor", "amount": ""},
    )
    assert made.status_code == 201, made.json()
    need = Need.objects.get(uid=made.json()["uid"])
    made_by(need, innovator, "Need recorded")
    # Another organisation is not among the form's choices.
    other = api.post(url("needs-list"), {"innovator": bank.pk, "type": "mentoring"})
    assert other.status_code == 400 and "innovator" in other.json()
    changed = api.put(
        url("needs-detail", need.uid),
        {"type": "funding", "amount": "5000", "description": "Money"},
    )
    assert changed.status_code == 200, changed.json()
    need.refresh_from_db()
    assert (need.type, need.amount_minor, need.innovator) == ("funding", 500000, toolshed)
    assert need.history.first().history_user == innovator
    # Someone else's need is not there for them (404); a partner may not use needs (403).
    theirs = Need.objects.filter(programme=world.alpha).exclude(innovator=toolshed).first()
    if theirs is not None:
        assert api.put(url("needs-detail", theirs.uid), {"type": "funding"}).status_code == 404
    partner = Caller(world.users[Role.PARTNER_CONTACT])
    assert partner.put(url("needs-detail", need.uid), {"type": "funding"}).status_code == 403


def test_offers(world):
    contact = world.users[Role.PARTNER_CONTACT]
    bank = world.org("Barclays")
    answer = Caller(contact).post(
        url("offers-list"),
        {"partner": bank.pk, "type": "mentoring", "capacity": 2, "description": "Mentors"},
    )
    assert answer.status_code == 201, answer.json()
    offer = Offer.objects.get(uid=answer.json()["uid"])
    assert (offer.partner, offer.capacity) == (bank, 2)
    made_by(offer, contact, "Offer recorded")


def test_answering_an_introduction(world):
    # A sent introduction still waiting for the world's innovator or partner contact.
    waiting = None
    for introduction in Introduction.objects.filter(
        programme=world.alpha, status="sent", partnership__isnull=False
    ):
        for side, role in (("innovator", Role.INNOVATOR), ("partner", Role.PARTNER_CONTACT)):
            user = world.users[role]
            speaks = getattr(introduction, f"{side}_id") in {
                m.organisation_id for m in user.memberships.all()
            }
            if speaks and getattr(introduction, f"{side}_response") == Response.PENDING:
                waiting = (introduction, side, user)
    if waiting is None:
        # The small programme's introduction was answered: wind it back to waiting.
        introduction = Introduction.objects.get(
            programme=world.alpha, innovator=world.org("Toolshed — Ltd"), sent_on__isnull=False
        )
        Introduction.objects.filter(pk=introduction.pk).update(
            status="sent", innovator_response=Response.PENDING, partner_response=Response.PENDING
        )
        Partnership.objects.filter(pk=introduction.partnership_id).update(stage="introduced")
        introduction.refresh_from_db()
        waiting = (introduction, "innovator", world.users[Role.INNOVATOR])
    introduction, side, user = waiting
    api = Caller(user)
    path = url("introduction-answer", introduction.uid)
    declined = api.post(path, {"answer": "decline", "side": side})
    assert declined.json() == {"reason": ["Say why you are declining the introduction"]}
    answered = api.post(path, {"answer": "accept", "side": side})
    assert answered.status_code == 200, answered.json()
    introduction.refresh_from_db()
    assert getattr(introduction, f"{side}_response") == Response.ACCEPTED
    assert introduction.history.first().history_user == user
    # The service's own rule, as a 400 with its message.
    again = api.post(path, {"answer": "accept", "side": side})
    assert again.status_code == 400
    assert again.json() == {"non_field_errors": ["This side has already answered."]}
    # The team brokers it but speaks for neither side: 403, as the page.
    assert Caller(world.users[Role.TEAM]).post(path, {"answer": "accept"}).status_code == 403


def test_moving_a_partnership(world):
    team = world.users[Role.TEAM]
    partnership = (
        Partnership.objects.filter(programme=world.alpha, stage="in_discussion").first()
        or Partnership.objects.filter(programme=world.alpha, stage="introduced").first()
    )
    assert partnership is not None
    path = url("partnership-stage", partnership.uid)
    missing = Caller(team).post(path, {"stage": "confirmed", "on": "2018-05-01"})
    assert missing.status_code == 400
    assert missing.json()["estimated_value"] == [
        "Enter the estimated value over the next 12 months"
    ]
    refused = Caller(world.users[Role.INNOVATOR]).post(
        path, {"stage": "confirmed", "on": "2018-05-01", "estimated_value": "1000"}
    )
    assert refused.status_code in (403, 404)
    moved = Caller(team).post(
        path, {"stage": "confirmed", "on": "2018-05-01", "estimated_value": "12000.50"}
    )
    assert moved.status_code == 200, moved.json()
    partnership.refresh_from_db()
    assert (partnership.stage, str(partnership.confirmed_on)) == ("confirmed", "2018-05-01")
    assert partnership.estimated_value_minor == 1200050
    assert partnership.history.first().history_user == team


def test_funding_awards(world):
    team = world.users[Role.TEAM]
    funder, recipient = world.org("Barclays"), world.org("Toolshed — Ltd")
    body = {
        "title": "Grant",
        "instrument": "grant",
        "funder": funder.pk,
        "recipient": recipient.pk,
        "amount": "25000",
        "currency": "GBP",
        "award_date": "2018-04-01",
        "confirmed": True,
    }
    answer = Caller(team).post(url("funding-awards-list"), body)
    assert answer.status_code == 201, answer.json()
    award = FundingAward.objects.get(uid=answer.json()["uid"])
    assert (award.amount_minor, award.currency, award.confirmed) == (2500000, "GBP", True)
    made_by(award, team, award.history.order_by("history_id").first().history_change_reason)
    assert award.history.order_by("history_id").first().history_user == team
    before = FundingAward.objects.count()
    bad = Caller(team).post(url("funding-awards-list"), {**body, "currency": "pounds"})
    assert bad.status_code == 400 and "currency" in bad.json()
    innovator = Caller(world.users[Role.INNOVATOR])
    assert innovator.post(url("funding-awards-list"), body).status_code == 403
    assert FundingAward.objects.count() == before


def test_outcome_observations(world):
    innovator = world.users[Role.INNOVATOR]
    indicator = OutcomeIndicator.objects.get(
        programme=world.alpha, organisation=world.org("Toolshed — Ltd")
    )
    path = url("observation-record", indicator.uid)
    body = {"observed_on": "2018-06-01", "value": "42", "quality": "verified"}
    answer = Caller(innovator).post(path, body)
    assert answer.status_code == 201, answer.json()
    observation = OutcomeObservation.objects.get(uid=answer.json()["uid"])
    # An innovator's own figures are estimates until the team verifies them.
    assert (observation.value, observation.quality) == (42, "estimate")
    assert observation.history.first().history_user == innovator
    # Someone who may not see this innovator's outcomes does not learn the indicator exists.
    assert Caller(world.users[Role.PARTNER_CONTACT]).post(path, body).status_code == 404
