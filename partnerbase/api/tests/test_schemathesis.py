"""Schemathesis against /api/v1/schema/, in-process through Django's WSGI handler: every
operation, with bodies and parameters generated from the schema (valid ones, and invalid
ones), as the convening team, in the small world's programme with its real records' ids, so
the calls reach the forms and the services. No call may answer a server error.

It prints the number of requests and of server errors (the issue's report)."""

from collections import Counter

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from rest_framework.throttling import UserRateThrottle
from schemathesis import GenerationMode

from partnerbase.accounts.models import Role

from .conftest import token_for
from .test_matrix import ALL_KINDS, _record

pytestmark = pytest.mark.django_db
EXAMPLES = 10


@pytest.fixture
def app(monkeypatch):
    # The test's transaction must outlive each request, as Django's test client keeps it.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", {"user": "1000000/hour"})
    yield WSGIHandler()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _kind(path: str) -> str | None:
    parts = path.strip("/").split("/")
    kind = parts[4] if len(parts) > 4 else None
    return kind if kind in ALL_KINDS else None


def test_no_server_error(world, app):
    token = token_for(world.users[Role.TEAM])
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", app)
    requests, server_errors, codes = 0, [], Counter()
    for result in schema.get_all_operations():
        operation = result.ok()
        fixed = {"slug": world.alpha.slug}
        kind = _kind(operation.path)
        if "{uid}" in operation.path and kind:
            fixed["uid"] = str(_record(world, kind).uid)
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            strategy = operation.as_strategy(mode, path_parameters=fixed)

            @given(case=strategy)
            @settings(
                max_examples=EXAMPLES,
                deadline=None,
                database=None,
                derandomize=True,
                suppress_health_check=list(HealthCheck),
            )
            def call(case):
                nonlocal requests
                response = case.call(headers={"Authorization": f"Bearer {token}"})
                requests += 1
                codes[response.status_code] += 1
                if response.status_code >= 500:
                    server_errors.append(
                        f"{case.method} {case.formatted_path} {case.body!r} "
                        f"→ {response.status_code}"
                    )

            call()
    print(f"schemathesis: {requests} requests, {len(server_errors)} server errors")
    print("by status:", dict(sorted(codes.items())))
    assert requests > 300
    # The generated calls got past the permissions to the forms and services.
    assert codes[200] and codes[201] and codes[400]
    assert not server_errors, "\n".join(server_errors[:20])
