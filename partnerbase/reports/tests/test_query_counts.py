"""Pages run a fixed number of queries, however big the programme (no N+1)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnerbase.accelerator import services as accelerator
from partnerbase.accounts.models import Role
from partnerbase.accounts.services import membership_grant, user_create
from partnerbase.brokering import services as brokering
from partnerbase.directory.services import engagement_record, organisation_create
from partnerbase.funding.services import exchange_rate_add, funding_award_record
from partnerbase.impact.models import Figure
from partnerbase.programmes.services import programme_create

pytestmark = pytest.mark.django_db

START = date(2020, 1, 1)


def _grow(programme, cohort, funder, n: int, offset: int = 0):
    """Add n innovators, each with an engagement, an award and a confirmed partnership."""
    for i in range(offset, offset + n):
        org = organisation_create(
            actor=None, programme=programme, name=f"Innovator {i}", kind="charity"
        )
        partner = organisation_create(
            actor=None, programme=programme, name=f"Partner {i}", kind="business"
        )
        engagement_record(
            actor=None,
            programme=programme,
            organisation=partner,
            kind="call",
            occurred_on=START + timedelta(days=i),
            summary="Call",
        )
        accelerator.cohort_member_add(actor=None, cohort=cohort, organisation=org, joined_on=START)
        funding_award_record(
            actor=None,
            programme=programme,
            title=f"Award {i}",
            instrument="grant",
            amount=Decimal("1000.50"),
            currency="USD" if i % 2 else "GBP",
            award_date=START + timedelta(i),
            funder=funder,
            recipient=org,
        )
        p = brokering.partnership_create(
            actor=None,
            programme=programme,
            name=f"P{i}",
            kind="mentoring",
            proposed_on=START,
            innovator=org,
            partners=[partner],
        )
        brokering.partnership_move(actor=None, partnership=p, stage="introduced", on=START)
        brokering.partnership_move(
            actor=None,
            partnership=p,
            stage="confirmed",
            on=START + timedelta(i),
            estimated_value=Decimal("500"),
        )


@pytest.fixture
def setup(client):
    programme = programme_create(
        actor=None, name="Counted", slug="counted", starts_on=START, ends_on=date(2020, 12, 31)
    )
    exchange_rate_add(
        actor=None,
        programme=programme,
        base="GBP",
        quote="USD",
        rate_date=date(2019, 12, 1),
        rate=Decimal("1.3"),
        source="test",
    )
    acc = accelerator.accelerator_create(
        actor=None, programme=programme, name="Acc", starts_on=START
    )
    cohort = accelerator.cohort_create(actor=None, accelerator=acc, name="C1", starts_on=START)
    funder = organisation_create(actor=None, programme=programme, name="Funder", kind="funder")
    user = user_create(email="team@example.org", password="x" * 16)
    membership_grant(actor=None, user=user, programme=programme, role=Role.TEAM)
    client.force_login(user)
    return programme, cohort, funder


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


PAGES = [
    ("reports:dashboard", []),
    *[("reports:figure_detail", [key]) for key in Figure.values],
    ("directory:organisation_list", []),
]


@pytest.mark.parametrize("name,args", PAGES)
def test_page_query_count_does_not_grow_with_data(client, setup, name, args):
    programme, cohort, funder = setup
    url = reverse(name, args=[programme.slug, *args])
    _grow(programme, cohort, funder, 3)
    small = _count(client, url)
    _grow(programme, cohort, funder, 12, offset=3)
    assert _count(client, url) == small


def test_team_changes_a_target_and_bad_input_saves_nothing(client, setup):
    from partnerbase.impact.models import Target

    programme, _, _ = setup
    url = reverse("reports:targets_edit", args=[programme.slug])
    response = client.post(url, {"partnerships_confirmed": "9", "additional_funding": "500000"})
    assert response.status_code == 302
    saved = dict(Target.objects.filter(programme=programme).values_list("figure", "value"))
    assert saved == {
        "partnerships_confirmed": Decimal("9"),
        "additional_funding": Decimal("500000"),
    }
    bad = client.post(url, {"partnerships_confirmed": "12", "new_projects": "2.5"})
    assert 'href="#id_new_projects"' in bad.content.decode()
    assert Target.objects.get(programme=programme, figure="partnerships_confirmed").value == 9
