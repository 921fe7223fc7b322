"""A small brokering programme: a cohort of three innovators with needs, four partners with
offers, a delivery partner, and a user for each role."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import pytest

from partnerbase.accounts.models import Role
from partnerbase.accounts.services import membership_grant
from partnerbase.brokering import services
from partnerbase.challenges.services import challenge_area_create
from tests.factories import Make, make_programme, make_user


@dataclass
class World:
    make: Make
    programme: object
    orgs: dict = field(default_factory=dict)
    needs: dict = field(default_factory=dict)
    offers: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)
    challenges: dict = field(default_factory=dict)

    @property
    def actor(self):
        return self.make.actor

    def round(self, **kw):
        return services.round_create(
            actor=self.actor, programme=self.programme, name=kw.pop("name", "Spring round"), **kw
        )

    def user(self, role, org_key=None):
        user = make_user()
        membership_grant(
            actor=self.actor,
            user=user,
            programme=self.programme,
            role=role,
            organisation=self.orgs[org_key] if org_key else None,
        )
        return user


def build_world(actor, slug="brk", ends_on=date(2018, 12, 31)) -> World:
    programme = make_programme(actor, slug=slug, starts_on=date(2018, 1, 1), ends_on=ends_on)
    make = Make(actor, programme)
    w = World(make, programme)
    for s, name in [("fi", "Financial inclusion"), ("work", "Transition to work")]:
        w.challenges[s] = challenge_area_create(
            actor=actor, programme=programme, name=name, slug=s, description=""
        )
    w.orgs["nesta"] = make.org("Nesta", kind="charity")
    accelerator = make.accelerator(starts_on=date(2018, 1, 1), delivery_partner=w.orgs["nesta"])
    cohort = make.cohort(date(2018, 2, 1), of=accelerator)
    for key, name, region in [
        ("toolshed", "Toolshed", "West Midlands"),
        ("money-ae", "Money A+E", "London"),
        ("mkf", "MyKindaFuture", "UK"),
    ]:
        w.orgs[key] = make.org(name, regions=region)
        make.member(cohort, w.orgs[key], date(2018, 2, 1))
    for key, name, region in [
        ("barclays", "Barclays", "UK"),
        ("unltd", "UnLtd", "UK"),
        ("gt", "Grant Thornton", "London"),
        ("ms", "Marks & Spencer", "UK"),
    ]:
        w.orgs[key] = make.org(name, kind="business", regions=region)

    def need(key, innovator, type, challenge, description, amount=None):
        w.needs[key] = services.need_create(
            actor=actor,
            programme=programme,
            innovator=w.orgs[innovator],
            type=type,
            challenge_area=w.challenges[challenge],
            description=description,
            amount=amount,
            recorded_on=date(2018, 1, 15),
        )

    def offer(key, partner, type, capacity, description, budget=None, challenge=None):
        w.offers[key] = services.offer_create(
            actor=actor,
            programme=programme,
            partner=w.orgs[partner],
            type=type,
            capacity=capacity,
            description=description,
            budget=budget,
            challenge_area=w.challenges[challenge] if challenge else None,
            recorded_on=date(2018, 1, 15),
        )

    need(
        "toolshed-funding",
        "toolshed",
        "funding",
        "work",
        "Working capital for training young people in construction",
        Decimal("80000"),
    )  # noqa: E501
    need("toolshed-mentoring", "toolshed", "mentoring", "work", "Mentoring on finance")
    need("money-ae-mentoring", "money-ae", "mentoring", "fi", "Mentoring on finance and growth")
    need("money-ae-distribution", "money-ae", "distribution", "fi", "Reach customers in debt")
    need("mkf-employment", "mkf", "employment_pathways", "work", "Work experience placements")
    offer(
        "barclays-funding",
        "barclays",
        "funding",
        2,
        "Grants for young people's training",
        Decimal("25000"),
    )  # noqa: E501
    offer(
        "unltd-funding",
        "unltd",
        "funding",
        2,
        "Social loans for social enterprises",
        Decimal("100000"),
    )  # noqa: E501
    offer(
        "gt-mentoring",
        "gt",
        "mentoring",
        2,
        "Mentoring on finance from our partners",
        challenge="fi",
    )  # noqa: E501
    offer("ms-employment", "ms", "employment_pathways", 1, "Work experience placements in stores")
    return w


@pytest.fixture
def actor(db):
    return make_user(full_name="Tess Team")


@pytest.fixture
def world(actor) -> World:
    return build_world(actor)


@pytest.fixture
def inline_runs(tasks_run_inline):
    """The round's run happens in the request (the queue's immediate backend)."""


ROLE_ORGS = {
    Role.INNOVATOR: "toolshed",
    Role.PARTNER_CONTACT: "barclays",
    Role.CHAMPION: "gt",
}
