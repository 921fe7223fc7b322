"""The schema is OpenAPI 3 JSON; the documentation page runs under the site's
Content-Security-Policy: no inline script, every script a static file of this site."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_schema_is_openapi_3_json(client):
    answer = client.get(reverse("api:schema"))
    assert answer.status_code == 200 and answer["Content-Type"].startswith("application/")
    schema = answer.json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/programmes/{slug}/needs/" in schema["paths"]
    assert schema["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"


def test_the_explorer_needs_no_inline_script(client):
    answer = client.get(reverse("api:explore"))
    assert answer.status_code == 200
    policy = answer["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("style-src")[0]
    html = answer.content.decode()
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert len(scripts) == 3
    for attributes, body in scripts:
        assert not body.strip(), "an inline script would be refused"
        src = re.search(r'src="/static/([^"]+)"', attributes)[1]
        assert finders.find(src), f"{src} is not among the static files"
    assert 'data-schema-url="/api/v1/schema/"' in html
