"""Forgotten passwords: a link by email to the account's owner, the same answer for any
address, and a new password held to the configured validators."""

import re

import pytest
from django.contrib.auth.password_validation import password_validators_help_texts
from django.core import mail
from django.urls import reverse
from django.utils.html import escape

from partnerbase.accounts.services import user_create

pytestmark = pytest.mark.django_db
OLD, NEW = "an old and unusual passphrase", "a new and unusual passphrase"


@pytest.fixture
def owner():
    return user_create(email="owner@example.org", password=OLD, full_name="Olive Owner")


def test_the_sign_in_page_links_to_the_reset(client):
    assert (
        reverse("accounts:password_reset") in client.get(reverse("accounts:login")).content.decode()
    )


def test_any_address_gets_the_same_answer_and_only_an_owner_an_email(client, owner):
    url = reverse("accounts:password_reset")
    assert client.get(url).status_code == 200
    known = client.post(url, {"email": "owner@example.org"})
    unknown = client.post(url, {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == reverse("accounts:password_reset_done")
    assert [m.to for m in mail.outbox] == [["owner@example.org"]]
    assert mail.outbox[0].subject == "Reset your Partnerbase password"


def test_the_link_sets_a_new_password_held_to_the_validators(client, owner):
    client.post(reverse("accounts:password_reset"), {"email": "owner@example.org"})
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", mail.outbox[0].body)[1]
    form_url = client.get(link)["Location"]  # the token moves into the session
    page = client.get(form_url).content.decode()
    assert escape(" ".join(password_validators_help_texts())) in page
    short = client.post(form_url, {"new_password1": "short", "new_password2": "short"})
    assert "govuk-error-summary" in short.content.decode()
    done = client.post(form_url, {"new_password1": NEW, "new_password2": NEW})
    assert done["Location"] == reverse("accounts:password_reset_complete")
    owner.refresh_from_db()
    assert owner.check_password(NEW)
    # The link works once.
    client.logout()
    assert "This link does not work" in client.get(link).content.decode()
