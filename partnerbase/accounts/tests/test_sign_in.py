"""Sign-in protection: wrong passwords lock an account and an address (django-axes), on the
sign-in page and /admin/; the cool-off, the convening team or the administrator unlocks it;
a sign-in writes no history row; sessions end when idle."""

import time
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from partnerbase.accounts import lockout
from partnerbase.accounts.middleware import LAST_SEEN
from partnerbase.accounts.models import Role, User

PASSWORD = "a long enough passphrase"
LOGIN = "accounts:login"


@pytest.fixture
def pat(make):
    user = make.user(Role.PARTNER_CONTACT, email="pat@example.org", full_name="Pat Partner")
    user.set_password(PASSWORD)
    user.save()
    return user


def sign_in(client, email, password, *, address="192.0.2.1", path=None):
    return client.post(
        path or reverse(LOGIN), {"username": email, "password": password}, REMOTE_ADDR=address
    )


def fail(client, email, times, *, address="192.0.2.1"):
    """Wrong passwords: the form again each time, and the lock page for the one that locks."""
    limit = settings.AXES_FAILURE_LIMIT
    for n in range(1, times + 1):
        status = sign_in(client, email, "wrong password", address=address).status_code
        assert status == (429 if n >= limit else 200)


def test_the_right_password_is_refused_after_too_many_wrong_ones(client, pat):
    fail(client, pat.email, settings.AXES_FAILURE_LIMIT - 1)
    assert sign_in(client, pat.email, PASSWORD).status_code == 302  # one short: still in
    client.logout()

    fail(client, pat.email, settings.AXES_FAILURE_LIMIT)
    locked = sign_in(client, pat.email, PASSWORD)

    assert locked.status_code == 429
    body = locked.content.decode()
    assert "Sign-in is locked for now" in body
    assert f"Try again in {settings.AXES_COOLOFF_TIME.seconds // 60} minutes" in body
    assert "_auth_user_id" not in client.session
    assert lockout.is_locked(pat)


def test_an_account_is_locked_from_every_address(client, pat):
    fail(client, pat.email.upper(), settings.AXES_FAILURE_LIMIT, address="192.0.2.1")
    assert sign_in(client, pat.email, PASSWORD, address="198.51.100.7").status_code == 429


def test_an_address_is_locked_for_every_account(client, pat, make):
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"guess{n}@example.org", "wrong password", address="203.0.113.9")
    assert sign_in(client, pat.email, PASSWORD, address="203.0.113.9").status_code == 429
    assert sign_in(client, pat.email, PASSWORD, address="192.0.2.1").status_code == 302


def test_the_admin_sign_in_is_throttled_too(client, db):
    root = User.objects.create_superuser(email="root@example.org", password=PASSWORD)
    admin_login = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, root.email, "wrong password", path=admin_login)
    assert sign_in(client, root.email, PASSWORD, path=admin_login).status_code == 429


def test_the_lock_ends_after_the_cool_off(client, pat):
    fail(client, pat.email, settings.AXES_FAILURE_LIMIT)
    assert sign_in(client, pat.email, PASSWORD).status_code == 429
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(seconds=1)
    )
    assert not lockout.is_locked(pat)
    assert sign_in(client, pat.email, PASSWORD).status_code == 302


def test_the_team_unlocks_a_person_of_its_programme(client, pat, make, team):
    fail(client, pat.email, settings.AXES_FAILURE_LIMIT)
    page = reverse("people:person", args=[make.programme.slug, pat.pk])
    unlock = reverse("people:sign_in_unlock", args=[make.programme.slug, pat.pk])

    client.force_login(team)
    assert "Unlock sign-in" in client.get(page).content.decode()
    assert client.post(unlock).status_code == 302
    assert "Not locked" in client.get(page).content.decode()
    assert pat.history.first().history_change_reason == "Sign-in unlocked"
    assert pat.history.first().history_user == team
    client.logout()

    assert sign_in(client, pat.email, PASSWORD).status_code == 302


def test_only_the_team_of_the_persons_programme_may_unlock(client, pat, make):
    fail(client, pat.email, settings.AXES_FAILURE_LIMIT)
    unlock = reverse("people:sign_in_unlock", args=[make.programme.slug, pat.pk])
    for role in (Role.PARTNER_CONTACT, Role.CHAMPION, Role.INNOVATOR):
        client.force_login(make.user(role))
        assert client.post(unlock).status_code == 403
    client.force_login(make.user())  # no role in the programme
    assert client.post(unlock).status_code == 404
    assert lockout.is_locked(pat)


def test_a_sign_in_writes_no_history_row_but_records_the_time(client, pat):
    rows = pat.history.count()
    assert sign_in(client, pat.email, PASSWORD).status_code == 302
    pat.refresh_from_db()
    assert pat.last_login is not None
    assert pat.history.count() == rows


def test_a_session_ends_after_the_idle_time_and_each_request_starts_it_again(client, pat):
    assert sign_in(client, pat.email, PASSWORD).status_code == 302
    home = reverse("home")
    idle = settings.SESSION_IDLE_MINUTES * 60

    def seen_ago(seconds):
        session = client.session
        session[LAST_SEEN] = int(time.time()) - seconds
        session.save()

    seen_ago(idle - 5)  # just inside: the request goes through and starts the clock again
    assert client.get(home).status_code == 200
    assert time.time() - client.session[LAST_SEEN] < 5

    seen_ago(idle + 5)
    response = client.get(home, follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse(LOGIN))
    assert f"signed out after {settings.SESSION_IDLE_MINUTES} minutes" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_session_is_written_at_most_once_a_minute(client, pat):
    assert sign_in(client, pat.email, PASSWORD).status_code == 302
    session = client.session
    session[LAST_SEEN] = recent = int(time.time()) - 30
    session.save()
    client.get(reverse("home"))
    assert client.session[LAST_SEEN] == recent
