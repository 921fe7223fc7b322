"""Fixtures: the small programme (small.py) and its export."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from partnerbase.accounts.services import user_create
from partnerbase.programmes.models import Programme

from .counts import record_counts
from .small import build_small

__all__ = ["build_small", "export_text", "record_counts", "write"]


def export_text(slug: str) -> str:
    out = StringIO()
    call_command("export", "-", programme=slug, stdout=out)
    return out.getvalue()


def write(tmp_path: Path, data: dict, name: str = "programme.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def actor(db):
    return user_create(email="team@example.org", password=None, full_name="Tess Team")


@pytest.fixture
def small(actor) -> Programme:
    return build_small(actor)


@pytest.fixture
def small_data(small) -> dict:
    return json.loads(export_text(small.slug))
