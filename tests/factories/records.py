"""Build small programmes through the services, with defaults a test can override.

Every app's tests build their worlds from these; every record goes through the same
service a form would use, so the tests exercise the real validation and history.
"""

import itertools
from datetime import date, timedelta
from decimal import Decimal

from partnerbase.accelerator import services as accelerator
from partnerbase.accounts.models import Role
from partnerbase.accounts.services import membership_grant, user_create
from partnerbase.brokering import services as brokering
from partnerbase.brokering.stages import Stage
from partnerbase.directory import services as directory
from partnerbase.funding import services as funding
from partnerbase.impact.services import target_set
from partnerbase.programmes.services import programme_create
from partnerbase.projects import services as projects

# The day the typical test innovator joins its cohort.
JOINED = date(2017, 6, 1)

_serial = itertools.count(1)

# The path each final stage is reached by (after proposed → introduced).
STAGE_PATHS = {
    Stage.PROPOSED: [],
    Stage.INTRODUCED: [Stage.INTRODUCED],
    Stage.IN_DISCUSSION: [Stage.INTRODUCED, Stage.IN_DISCUSSION],
    Stage.CONFIRMED: [Stage.INTRODUCED, Stage.CONFIRMED],
    Stage.ACTIVE: [Stage.INTRODUCED, Stage.CONFIRMED, Stage.ACTIVE],
    Stage.COMPLETED: [Stage.INTRODUCED, Stage.CONFIRMED, Stage.COMPLETED],
    Stage.DECLINED: [Stage.INTRODUCED, Stage.DECLINED],
    Stage.LAPSED: [Stage.INTRODUCED, Stage.CONFIRMED, Stage.LAPSED],
}
# Roles that must name the organisation they act for.
ORGANISATION_ROLES = {Role.CHAMPION, Role.INNOVATOR, Role.PARTNER_CONTACT}


def make_programme(
    actor, *, name=None, slug=None, starts_on=date(2017, 1, 1), ends_on=date(2018, 12, 31), **extra
):
    n = next(_serial)
    return programme_create(
        actor=actor,
        name=name or f"Programme {n}",
        slug=slug or f"prog-{n}",
        starts_on=starts_on,
        ends_on=ends_on,
        **extra,
    )


def make_user(*, email=None, **extra):
    # No password: hashing one would slow every test, and tests sign in with force_login.
    return user_create(email=email or f"user{next(_serial)}@example.org", password=None, **extra)


class Make:
    """Records in one programme, made by one actor."""

    def __init__(self, actor, programme):
        self.actor, self.programme = actor, programme

    def _kw(self):
        return {"actor": self.actor, "programme": self.programme}

    def org(self, name=None, *, kind="social_enterprise", **extra):
        return directory.organisation_create(
            **self._kw(), name=name or f"Organisation {next(_serial)}", kind=kind, **extra
        )

    def convener(self, name=None):
        return self.org(
            name or f"Department {next(_serial)}",
            kind="government_department",
            convenes_programme=True,
        )

    def engagement(self, organisation, on, *, kind="meeting"):
        return directory.engagement_record(
            **self._kw(), organisation=organisation, kind=kind, occurred_on=on, summary="Met"
        )

    def accelerator(self, *, starts_on=date(2017, 1, 1), ends_on=None, delivery_partner=None):
        return accelerator.accelerator_create(
            **self._kw(),
            name=f"Accelerator {next(_serial)}",
            starts_on=starts_on,
            ends_on=ends_on,
            delivery_partner=delivery_partner,
        )

    def cohort(self, starts_on, ends_on=None, *, of=None):
        return accelerator.cohort_create(
            actor=self.actor,
            accelerator=of or self.accelerator(starts_on=starts_on),
            name=f"Cohort {next(_serial)}",
            starts_on=starts_on,
            ends_on=ends_on,
        )

    def member(self, cohort, organisation, joined_on, *, withdrawn_on=None):
        place = accelerator.cohort_member_add(
            actor=self.actor, cohort=cohort, organisation=organisation, joined_on=joined_on
        )
        if withdrawn_on:
            place = accelerator.cohort_member_withdraw(
                actor=self.actor, membership=place, on=withdrawn_on
            )
        return place

    def innovator(self, cohort, joined_on, name=None, **kw):
        organisation = self.org(name)
        self.member(cohort, organisation, joined_on, **kw)
        return organisation

    def partnership(
        self,
        *,
        stage=Stage.CONFIRMED,
        on=date(2017, 6, 1),
        innovator=None,
        partners=None,
        value=None,
        currency=None,
        project=None,
    ):
        """A partnership proposed 30 days before `on`, reaching `stage` on `on`; the value
        estimate goes with the move to confirmed."""
        if innovator is None and project is None:
            innovator = self.org()
        p = brokering.partnership_create(
            **self._kw(),
            name=f"Partnership {next(_serial)}",
            kind="funding",
            proposed_on=on - timedelta(days=30),
            partners=partners or [self.org(kind="business")],
            innovator=innovator,
            project=project,
        )
        for step in STAGE_PATHS[Stage(stage)]:
            estimate = (
                {"estimated_value": Decimal(value), "currency": currency}
                if (step == Stage.CONFIRMED and value is not None)
                else {}
            )
            p = brokering.partnership_move(
                actor=self.actor, partnership=p, stage=step, on=on, **estimate
            )
        return p

    def award(
        self, *, funder, recipient, amount, on, currency="GBP", instrument="grant", confirmed=True
    ):
        return funding.funding_award_record(
            **self._kw(),
            title=f"Award {next(_serial)}",
            instrument=instrument,
            amount=Decimal(amount),
            currency=currency,
            award_date=on,
            funder=funder,
            recipient=recipient,
            confirmed=confirmed,
        )

    def rate(self, base, quote, on, rate):
        return funding.exchange_rate_add(
            **self._kw(), base=base, quote=quote, rate_date=on, rate=Decimal(rate), source="test"
        )

    def project(self, *, status="launched", launch_date=date(2017, 6, 1), coalition=()):
        return projects.project_create(
            **self._kw(),
            name=f"Project {next(_serial)}",
            status=status,
            launch_date=launch_date,
            coalition=coalition,
        )

    def target(self, figure, value):
        return target_set(
            actor=self.actor, programme=self.programme, figure=figure, value=Decimal(value)
        )

    def user(self, role=None, organisation=None, **extra):
        """A user holding `role` here (none: a user with no role in this programme), acting
        for `organisation`, or for a new one if the role needs one."""
        user = make_user(**extra)
        if role is not None:
            if organisation is None and role in ORGANISATION_ROLES:
                organisation = self.org()
            membership_grant(
                actor=self.actor,
                user=user,
                programme=self.programme,
                role=role,
                organisation=organisation,
            )
        return user
