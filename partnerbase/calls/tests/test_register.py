"""Creating an account on a call's page: only while the call is open; the same answer
whether or not the address has an account (the email says which); nothing made until the
address's owner confirms; a password hint that states the configured validators' rules."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.password_validation import password_validators_help_texts
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from partnerbase.accounts.models import User
from partnerbase.accounts.services import user_create
from partnerbase.calls import services
from partnerbase.calls.models import AccountRequest, Applicant
from partnerbase.core.errors import DomainError
from partnerbase.directory.models import Organisation
from tests.factories.calls import make_call

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


SITE = "http://testserver"


def nothing_made():
    return not (
        User.objects.filter(email="ada@example.org").exists()
        or Organisation.objects.filter(name="Ada's Enterprise").exists()
        or Applicant.objects.exists()
        or AccountRequest.objects.exists()
    )


def confirm_link(message) -> str:
    return re.search(r"http://testserver(/public/\S+/confirm/\S+/)", message.body)[1]


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
        services.applicant_register(call=closed_call, site=SITE, **form_data())
    opening = closed_call.opens_at
    with pytest.raises(DomainError, match="not open"):
        services.applicant_register(
            call=closed_call, site=SITE, now=opening - timedelta(seconds=1), **form_data()
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


def test_a_new_address_gets_a_link_and_nothing_is_made_until_its_owner_confirms(client, call):
    response = client.post(register_url(call), form_data())
    sent = reverse("calls_public:register_sent", args=[call.programme.slug, call.slug])
    assert response.status_code == 302 and response["Location"] == sent
    assert "Check your email" in client.get(sent).content.decode()
    assert not User.objects.filter(email="ada@example.org").exists()
    assert not Organisation.objects.filter(name="Ada's Enterprise").exists()
    [message] = mail.outbox
    assert message.to == ["ada@example.org"]
    assert message.subject == f"Confirm your email address to apply to {call.title}"
    link = confirm_link(message)
    # Opening the link shows a form and changes nothing.
    page = client.get(link)
    assert page.status_code == 200 and "ada@example.org" in page.content.decode()
    assert not User.objects.filter(email="ada@example.org").exists()
    # The wrong password makes nothing.
    wrong = client.post(link, {"password": "not the password chosen"})
    assert "Enter the password you chose when you created the account" in wrong.content.decode()
    assert not User.objects.filter(email="ada@example.org").exists()
    # The password chosen makes the account, signed in, for the organisation.
    done = client.post(link, {"password": PASSWORD})
    apply = reverse("calls_public:apply", args=[call.programme.slug, call.slug])
    assert done.status_code == 302 and done["Location"] == apply
    user = User.objects.get(email="ada@example.org")
    assert user.is_active and user.check_password(PASSWORD) and user.full_name == "Ada Applicant"
    organisation = Organisation.objects.get(name="Ada's Enterprise")
    assert organisation.programme == call.programme and organisation.regions == "North West"
    assert organisation.kind == "social_enterprise"
    # An applicant for the organisation, holding no role in the programme.
    assert not user.memberships.exists()
    assert [(a.organisation, a.programme) for a in user.applicant_records.all()] == [
        (organisation, call.programme)
    ]
    assert client.get(apply).status_code == 200
    assert not AccountRequest.objects.exists()
    # The link works once.
    client.logout()
    again = client.get(link)
    assert again.status_code == 404 and "This link does not work" in again.content.decode()


def test_an_address_with_an_account_gets_the_same_page_and_an_email_instead(client, call):
    owner = user_create(email="ada@example.org", password="the owner's own passphrase")
    users, organisations = User.objects.count(), Organisation.objects.count()
    existing = client.post(register_url(call), form_data(email="Ada@Example.org"))
    new = client.post(register_url(call), form_data(email="new@example.org"))
    assert (existing.status_code, existing["Location"]) == (new.status_code, new["Location"])
    assert existing.content == new.content and not client.cookies
    # The owner is told by email; nothing is made or changed for them.
    owners = [m for m in mail.outbox if m.to == ["ada@example.org"]]
    [message] = owners
    assert (
        message.subject == "Someone tried to create a Partnerbase account with your email address"
    )
    assert f"{SITE}{reverse('accounts:login')}" in message.body
    assert f"{SITE}{reverse('accounts:password_reset')}" in message.body
    assert "/confirm/" not in message.body
    assert User.objects.count() == users and Organisation.objects.count() == organisations
    assert not AccountRequest.objects.filter(email="ada@example.org").exists()
    assert not Applicant.objects.exists()
    owner.refresh_from_db()
    assert owner.check_password("the owner's own passphrase")


def test_bad_input_gets_the_same_errors_for_any_address(client, call):
    user_create(email="ada@example.org", password=None)
    summaries = []
    for email in ("ada@example.org", "new@example.org"):
        response = client.post(register_url(call), form_data(email=email, password="short"))
        body = response.content.decode()
        assert response.status_code == 200 and "This password is too short" in body
        summaries.append(re.search(r'<div class="govuk-error-summary".*?</ul>', body, re.S)[0])
    assert summaries[0] == summaries[1]
    assert not mail.outbox and not AccountRequest.objects.exists()


def test_someone_elses_request_for_your_address_cannot_be_confirmed_by_you(client, call):
    """A request planted with another's password fails with yours; your own works, and then
    the planted one is gone."""
    client.post(register_url(call), form_data(password="an intruder's passphrase 1"))
    client.post(register_url(call), form_data())
    planted, own = (confirm_link(m) for m in mail.outbox)
    assert client.post(planted, {"password": PASSWORD}).status_code == 200
    assert not User.objects.filter(email="ada@example.org").exists()
    assert client.post(own, {"password": PASSWORD}).status_code == 302
    client.logout()
    assert client.get(planted).status_code == 404


def test_a_link_older_than_three_days_does_not_work(client, call):
    client.post(register_url(call), form_data())
    AccountRequest.objects.update(created_at=timezone.now() - timedelta(days=3, seconds=1))
    link = confirm_link(mail.outbox[0])
    assert client.get(link).status_code == 404
    assert client.post(link, {"password": PASSWORD}).status_code == 404
    assert not User.objects.filter(email="ada@example.org").exists()
    # The next request forgets it: it holds personal data for nothing.
    client.post(register_url(call), form_data(email="next@example.org"))
    assert list(AccountRequest.objects.values_list("email", flat=True)) == ["next@example.org"]
