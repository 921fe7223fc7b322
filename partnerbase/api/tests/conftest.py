import pytest
from django.core.cache import cache
from rest_framework.test import APIClient
from rest_framework.throttling import UserRateThrottle

from partnerbase.accounts.api_tokens import api_token_create
from tests.factories import make_user
from tests.page_world import build_world


@pytest.fixture(autouse=True)
def fresh_rate_counts():
    """The rate limit counts calls in the cache, which outlives each test's database."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return build_world(make_user(full_name="Tess Team"))


def token_for(user, **options) -> str:
    return api_token_create(actor=user, user=user, name="test", **options)[1]


class Caller:
    """An API client carrying a user's bearer token (none for someone signed out)."""

    def __init__(self, user=None, **options):
        self.client = APIClient()
        self.user = user
        if user is not None:
            self.client.credentials(HTTP_AUTHORIZATION=f"Bearer {token_for(user, **options)}")

    def get(self, url, **params):
        return self.client.get(url, params)

    def post(self, url, data=None):
        return self.client.post(url, data if data is not None else {}, format="json")

    def put(self, url, data=None):
        return self.client.put(url, data if data is not None else {}, format="json")


@pytest.fixture
def caller():
    return Caller


@pytest.fixture
def many_calls(monkeypatch):
    """Past the rate limit: the walks make hundreds of calls per person."""
    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", {"user": "100000/hour"})
