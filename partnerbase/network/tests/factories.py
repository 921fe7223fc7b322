"""A small programme for the map's tests, made through the services."""

from datetime import date

from partnerbase.accelerator import services as accelerator
from partnerbase.brokering.stages import Stage
from partnerbase.challenges.services import challenge_area_create
from partnerbase.projects.services import project_create


class Small:
    """Two challenge areas; Toolshed (money) partners Barclays, confirmed in 2017, and gets a
    grant from Nesta; Acorn (health) has only a declined partnership with DWP; the health
    Pilot's coalition is DWP and Acorn; Zed (money) has a place and no partnership."""

    def __init__(self, make):
        self.make = make
        kw = {"actor": make.actor, "programme": make.programme}
        self.money = challenge_area_create(**kw, name="Financial inclusion")
        self.health = challenge_area_create(**kw, name="Mental health at work")
        cohort = make.cohort(date(2017, 3, 1))
        self.toolshed = make.org("Toolshed")
        self.acorn = make.org("Acorn", kind="charity")
        self.zed = make.org("Zed")
        for org, area in (
            (self.toolshed, self.money),
            (self.acorn, self.health),
            (self.zed, self.money),
        ):
            accelerator.cohort_member_add(
                actor=make.actor,
                cohort=cohort,
                organisation=org,
                joined_on=date(2017, 3, 1),
                challenge_area=area,
            )
        self.barclays = make.org("Barclays", kind="business")
        self.dwp = make.org("DWP", kind="government_department")
        self.nesta = make.org("Nesta", kind="funder")
        self.confirmed = make.partnership(
            innovator=self.toolshed, partners=[self.barclays], on=date(2017, 6, 1)
        )
        self.declined = make.partnership(
            stage=Stage.DECLINED, innovator=self.acorn, partners=[self.dwp], on=date(2018, 2, 1)
        )
        self.grant = make.award(
            funder=self.nesta, recipient=self.toolshed, amount="5000", on=date(2018, 3, 1)
        )
        self.pilot = project_create(
            **kw,
            name="Pilot",
            status="launched",
            launch_date=date(2017, 6, 1),
            challenge_area=self.health,
            coalition=[(self.dwp, "government"), (self.acorn, "delivery")],
        )

    def user(self, role):
        return self.make.user(role)
