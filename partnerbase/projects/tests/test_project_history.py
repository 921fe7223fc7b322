"""A project's whole history: the project's own changes and its coalition's, indicators'
and observations', in one list from the project's page, and another project's left out."""

from datetime import date

import pytest
from django.urls import reverse

from partnerbase.accounts.models import Role
from partnerbase.projects.services import projects as services
from tests.factories import Make, make_programme, make_user
from tests.factories.lists import csv_download, listed_count

pytestmark = pytest.mark.django_db


def test_a_projects_history_holds_its_coalition_indicators_and_observations(client):
    actor = make_user(full_name="Tess Team")
    make = Make(actor, make_programme(actor))
    project = make.project(coalition=[(make.org("Lead org"), "lead")])
    other = make.project(coalition=[(make.org("Elsewhere org"), "lead")])
    services.coalition_member_add(
        actor=actor, project=project, organisation=make.org("Funder org"), role="funder"
    )
    indicator = services.project_indicator_add(
        actor=actor, project=project, name="Young people into work", unit="people"
    )
    services.project_observation_record(
        actor=actor, indicator=indicator, observed_on=date(2018, 3, 1), value=12, quality="estimate"
    )
    services.project_indicator_add(actor=actor, project=other, name="Cities", unit="cities")
    client.force_login(make.user(Role.TEAM))
    detail = client.get(reverse("projects:project_detail", args=[make.programme.slug, project.uid]))
    address = reverse("projects:project_history", args=[make.programme.slug, project.uid])
    assert f'href="{address}" data-history-link' in detail.content.decode()
    rows = csv_download(client.get(address, {"format": "csv"}))
    assert sorted(r["Kind of record"] for r in rows) == [
        "Coalition member",
        "Coalition member",
        "Collaborative project",
        "Project indicator",
        "Project observation",
    ]
    assert "Cities" not in {r["Record"] for r in rows}
    only = client.get(address, {"kind": "projects.projectobservation"}).content.decode()
    assert listed_count(only) == 1
