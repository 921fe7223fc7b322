"""Tokens: kept only as their hash, refused once revoked, limited to a programme and to
reading when made so, made and revoked on the account page and on the command line, and
rate-limited."""

import hashlib
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from rest_framework.throttling import UserRateThrottle

from partnerbase.accounts.api_tokens import api_token_create
from partnerbase.accounts.models import ApiToken, Role
from partnerbase.accounts.services import membership_grant
from tests.factories import Make, make_programme, make_user

from .conftest import Caller

pytestmark = pytest.mark.django_db


@pytest.fixture
def two():
    actor = make_user()
    alpha = Make(actor, make_programme(actor, slug="alpha"))
    bravo = Make(actor, make_programme(actor, slug="bravo"))
    team = alpha.user(Role.TEAM)
    return alpha, bravo, team


def _bearer(token: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_only_the_hash_is_kept(two):
    _, _, team = two
    record, token = api_token_create(actor=team, user=team, name="Sheet")
    stored = ApiToken.objects.get(pk=record.pk)
    assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token.startswith(stored.prefix) and len(stored.prefix) < len(token) // 3
    assert not any(token in str(v) for v in ApiToken.objects.values_list().get(pk=record.pk))
    # Its making is in the history, by its holder.
    assert stored.history.get().history_user == team


def test_a_valid_token_reads_and_a_revoked_or_wrong_one_is_refused(client, two):
    alpha, _, team = two
    record, token = api_token_create(actor=team, user=team, name="Sheet")
    url = reverse("api:programme_list")
    ok = client.get(url, **_bearer(token))
    assert ok.status_code == 200 and [p["slug"] for p in ok.json()["results"]] == ["alpha"]
    assert ApiToken.objects.get(pk=record.pk).last_used_at is not None
    wrong = client.get(url, **_bearer(token + "x"))
    assert wrong.status_code == 401 and wrong["WWW-Authenticate"] == "Bearer"
    assert client.get(url).status_code == 401  # no token, no session
    client.force_login(team)
    client.post(reverse("accounts:api_token_revoke", args=[record.uid]))
    client.logout()
    assert ApiToken.objects.get(pk=record.pk).revoked_at is not None
    assert client.get(url, **_bearer(token)).status_code == 401


def test_a_read_only_token_reads_but_may_not_write(two):
    alpha, _, team = two
    url = reverse("api:organisations-list", args=["alpha"])
    reader = Caller(team, read_only=True)
    assert reader.get(url).status_code == 200
    refused = reader.post(url, {"name": "Acme", "kind": "business"})
    assert refused.status_code == 403 and "only read" in refused.json()["detail"]
    writer = Caller(team)
    assert writer.post(url, {"name": "Acme", "kind": "business"}).status_code == 201
    assert alpha.programme.pk and reader.get(url).json()["count"] == 1


def test_a_programme_token_sees_only_its_programme(two):
    alpha, bravo, _ = two
    both = make_user()
    for make in (alpha, bravo):
        membership_grant(actor=both, user=both, programme=make.programme, role=Role.TEAM)
    limited = Caller(both, programme=alpha.programme)
    assert [p["slug"] for p in limited.get(reverse("api:programme_list")).json()["results"]] == [
        "alpha"
    ]
    assert limited.get(reverse("api:organisations-list", args=["alpha"])).status_code == 200
    assert limited.get(reverse("api:organisations-list", args=["bravo"])).status_code == 404
    everywhere = Caller(both)
    assert everywhere.get(reverse("api:organisations-list", args=["bravo"])).status_code == 200


def test_no_token_for_a_programme_one_has_no_role_in(two):
    _, bravo, team = two
    with pytest.raises(Exception, match="has no role"):
        api_token_create(actor=team, user=team, name="x", programme=bravo.programme)


def test_the_account_page_makes_shows_once_lists_and_revokes(client, two):
    alpha, _, team = two
    client.force_login(team)
    page = client.get(reverse("accounts:api_tokens"))
    assert page.status_code == 200 and b"You have no tokens" in page.content
    empty = client.post(reverse("accounts:api_tokens"), {"name": ""})
    assert b"Enter a name for the token" in empty.content and not ApiToken.objects.exists()
    made = client.post(
        reverse("accounts:api_tokens"),
        {"name": "Reporting", "programme": alpha.programme.pk, "read_only": "on"},
    )
    token = made.context["made"]["token"]
    record = ApiToken.objects.get()
    assert (record.name, record.programme, record.read_only) == ("Reporting", alpha.programme, True)
    assert token.encode() in made.content and made["Cache-Control"].startswith("max-age=0")
    again = client.get(reverse("accounts:api_tokens"))
    assert token.encode() not in again.content and record.prefix.encode() in again.content
    assert b"1 in use" in client.get(reverse("accounts:account")).content
    # Another person's token cannot be revoked from this account.
    other = make_user()
    theirs, _ = api_token_create(actor=other, user=other, name="Theirs")
    assert client.post(reverse("accounts:api_token_revoke", args=[theirs.uid])).status_code == 404
    assert ApiToken.objects.get(pk=theirs.pk).revoked_at is None
    client.post(reverse("accounts:api_token_revoke", args=[record.uid]))
    record.refresh_from_db()
    assert record.revoked_at is not None
    assert [h.history_change_reason for h in record.history.order_by("history_id")] == [
        "API token made",
        "API token revoked",
    ]


def test_the_command_prints_the_token_last_lists_and_revokes(two):
    alpha, _, team = two
    out = StringIO()
    call_command("tokens", "create", team.email, "--programme", "alpha", "--read-only", stdout=out)
    token = out.getvalue().strip().splitlines()[-1]
    record = ApiToken.objects.get()
    assert record.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert (record.programme, record.read_only) == (alpha.programme, True)
    assert Caller().client.get(reverse("api:programme_list"), **_bearer(token)).status_code == 200
    listed = StringIO()
    call_command("tokens", "list", stdout=listed)
    assert record.prefix in listed.getvalue() and token not in listed.getvalue()
    call_command("tokens", "revoke", record.prefix, stdout=StringIO())
    record.refresh_from_db()
    assert record.revoked_at is not None
    for bad in (["create", "nobody@example.org"], ["create", team.email, "--programme", "zz"]):
        with pytest.raises(CommandError) as raised:
            call_command("tokens", *bad, stdout=StringIO())
        assert raised.value.returncode == 2
    assert ApiToken.objects.count() == 1


def test_calls_are_rate_limited(monkeypatch, two):
    _, _, team = two
    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", {"user": "3/minute"})
    caller = Caller(team)
    codes = [caller.get(reverse("api:programme_list")).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
