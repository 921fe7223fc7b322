"""Creating an account on a call's page: only while the call is open, with a password
hint that states the configured validators' rules."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.password_validation import password_validators_help_texts
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from partnerbase.accounts.models import User
from partnerbase.calls import services
from partnerbase.calls.models import Applicant
from partnerbase.core.errors import DomainError
from partnerbase.directory.models import Organisation

from .factories import make_call

PASSWORD = "a long and unusual passphrase"


def form_data(**changes):
    return {
        "full_name": "Ada Applicant",
        "email": "ada@example.org",
        "password": PASSWORD,
        "organisation_name": "Ada's Enterprise",
        "kind": "social_enterprise",
        "region": "North West",
    } | changes


def register_url(call):
    return reverse("calls_public:register", args=[call.programme.slug, call.slug])


def nothing_made():
    return not (
        User.objects.filter(email="ada@example.org").exists()
        or Organisation.objects.filter(name="Ada's Enterprise").exists()
        or Applicant.objects.exists()
    )


@pytest.fixture
def closed_call(make):
    """The IEP's call: it closed in 2017."""
    return make_call(
        make,
        opens_at=datetime(2017, 8, 1, 9, tzinfo=UTC),
        closes_at=datetime(2017, 11, 3, 12, tzinfo=UTC),
        slug="closed-call",
    )


def test_a_closed_calls_create_account_page_says_so_and_has_no_form(client, closed_call):
    response = client.get(register_url(closed_call))
    body = response.content.decode()
    assert response.status_code == 200
    assert "This call is not open" in body
    assert "The call closed at 12pm on Friday 3 November 2017 (GMT)" in body
    assert "<form" not in body.split('id="main-content"')[1]
    # The public call page offers no way in either.
    call_page = client.get(
        reverse("calls_public:call", args=[closed_call.programme.slug, closed_call.slug])
    ).content.decode()
    assert register_url(closed_call) not in call_page


def test_a_closed_call_refuses_a_new_account(client, closed_call):
    response = client.post(register_url(closed_call), form_data())
    assert response.status_code == 403
    assert "This call is not open" in response.content.decode()
    assert nothing_made()


def test_a_call_not_yet_open_has_no_create_account_page(client, make):
    """Before it opens a call is not public at all: its pages answer 404, as for no call."""
    call = make_call(make, opens_at=timezone.now() + timedelta(days=1), slug="later")
    assert client.get(register_url(call)).status_code == 404
    assert client.post(register_url(call), form_data()).status_code == 404
    assert nothing_made()


def test_the_service_refuses_outside_the_call_s_dates(make, closed_call):
    with pytest.raises(DomainError, match="not open"):
        services.applicant_register(call=closed_call, **form_data())
    opening = closed_call.opens_at
    with pytest.raises(DomainError, match="not open"):
        services.applicant_register(
            call=closed_call, now=opening - timedelta(seconds=1), **form_data()
        )
    assert nothing_made()


def test_the_password_hint_states_the_configured_validators_rules(client, call):
    page = client.get(register_url(call)).content.decode()
    hint = " ".join(password_validators_help_texts())
    assert "at least 12 characters" in hint  # settings.AUTH_PASSWORD_VALIDATORS
    assert escape(hint) in page
    assert "8 characters" not in page


def test_the_password_hint_follows_the_settings(client, call, settings):
    settings.AUTH_PASSWORD_VALIDATORS = [
        {
            "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
            "OPTIONS": {"min_length": 20},
        }
    ]
    page = client.get(register_url(call)).content.decode()
    assert "at least 20 characters" in page and "at least 12 characters" not in page
    # And the same rule refuses a shorter password, next to the field.
    response = client.post(register_url(call), form_data(password="only 16 letters"))
    assert "This password is too short. It must contain at least 20 characters." in (
        response.content.decode()
    )
    assert nothing_made()
