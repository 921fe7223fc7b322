"""Every page carries a Content-Security-Policy that allows no inline script, and a
Permissions-Policy; uploaded files keep their stricter policy."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def directives(header: str) -> dict[str, list[str]]:
    parts = (part.strip().split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parts}


@pytest.mark.parametrize("path", ["accounts:login", "accounts:password_reset"])
def test_a_page_allows_scripts_from_this_site_only(client, path):
    response = client.get(reverse(path))

    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
    assert "camera=()" in response["Permissions-Policy"]
    # Nothing inline for the policy to refuse: every script is a file of this site's.
    body = response.content.decode()
    assert "<script>" not in body and '<script type="module">' not in body
    assert body.count("<script") == body.count('<script src="/static/') + body.count(
        '<script type="module" src="/static/'
    )


def test_the_admin_sign_in_carries_the_policy_too(client):
    response = client.get(reverse("admin:login"))
    assert "script-src 'self'" in response["Content-Security-Policy"]
