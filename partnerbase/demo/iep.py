"""Build the IEP demo programme through the same services that forms and imports use.

Deterministic: the same database comes out every time (fixed uids, fixed random seed).
"""

import random
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

from partnerbase.accelerator import services as accelerator
from partnerbase.accounts.models import Role, User
from partnerbase.accounts.services import membership_grant, user_create
from partnerbase.brokering.stages import Stage
from partnerbase.directory import services as directory
from partnerbase.funding import services as funding
from partnerbase.funding.models import FundingAward
from partnerbase.impact.services import target_set
from partnerbase.notifications.services import notifications_off
from partnerbase.programmes.deletion import programme_delete
from partnerbase.programmes.models import Programme
from partnerbase.programmes.services import programme_create

from . import iep_data as data
from .ids import DEMO_PASSWORD, uid
from .iep_assessment import build_assessment
from .iep_board import build_board
from .iep_brokering import Planned, build_brokering
from .iep_calls import build_call
from .iep_challenges import build_challenge_vote
from .iep_champions import build_champions
from .iep_cohort import build_cohort, cohort_place
from .iep_outcomes import build_outcomes
from .iep_pledges import build_pledges
from .iep_projects import build_competition, build_projects
from .iep_public import CONTACT, build_public_page
from .iep_workinggroups import build_working_groups

DEMO_USERS = [
    # (email, name, role, organisation key)
    ("team@example.org", "Tom Convenor", Role.TEAM, None),
    ("champion@example.org", "Chris Champion", Role.CHAMPION, "grant-thornton"),
    ("wg@example.org", "Wendy Group", Role.WORKING_GROUP_MEMBER, "aviva"),
    ("manager@example.org", "Maya Manager", Role.ACCELERATOR_MANAGER, "nesta"),
    ("assessor@example.org", "Asha Assessor", Role.ASSESSOR, None),
    ("innovator@example.org", "Ivan Innovator", Role.INNOVATOR, "toolshed"),
    ("partner@example.org", "Pat Partner", Role.PARTNER_CONTACT, "barclays"),
]

# Illustrative partner organisations: the public account names only some of the 120+.
_FIRST = [
    "Northbridge",
    "Kestrel",
    "Meridian",
    "Oakfield",
    "Harbourside",
    "Lumen",
    "Fenwick",
    "Castleford",
    "Greenway",
    "Ashdown",
    "Beacon",
    "Redpoint",
    "Silverdale",
    "Tamar",
    "Wrekin",
    "Pennine",
    "Solent",
    "Cotswold",
    "Humber",
    "Mersey",
]
_SECOND = [
    ("Group plc", "business"),
    ("Housing Association", "charity"),
    ("Credit Union", "social_enterprise"),
    ("Youth Trust", "charity"),
    ("Retail", "business"),
    ("Energy", "business"),
    ("Careers Hub", "intermediary"),
]
ILLUSTRATIVE_PARTNER_COUNT = 76
REGIONS = [
    "London",
    "West Midlands",
    "North West",
    "North East",
    "Yorkshire",
    "South West",
    "East Midlands",
    "Wales",
    "Scotland",
    "Northern Ireland",
]


def _date_between(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange((end - start).days + 1))


class Builder:
    def __init__(self, actor):
        self.actor = actor
        self.rng = random.Random(2017)
        self.orgs: dict[str, object] = {}
        self.projects: dict[str, object] = {}

    def org(self, key, name, kind, **extra):
        self.orgs[key] = directory.organisation_create(
            actor=self.actor,
            programme=self.programme,
            name=name,
            kind=kind,
            uid=uid("organisation", key),
            **extra,
        )
        return self.orgs[key]

    def build(self) -> Programme:
        a = self.actor
        self.programme = p = programme_create(
            actor=a,
            **data.PROGRAMME,
            display_currencies="USD",
            figures_published=True,
            department_contact=CONTACT,
            uid=uid("programme"),
        )
        for figure, value, illustrative, notes in data.TARGETS:
            target_set(
                actor=a,
                programme=p,
                figure=figure,
                value=Decimal(value),
                set_on=p.starts_on,
                notes=notes,
                illustrative=illustrative,
                uid=uid("target", figure),
            )
        for on, rate, source, illustrative in data.RATES:
            funding.exchange_rate_add(
                actor=a,
                programme=p,
                base="GBP",
                quote="USD",
                rate_date=on,
                rate=rate,
                source=source,
                illustrative=illustrative,
                uid=uid("rate", on.isoformat()),
            )
        self._organisations()
        build_champions(self)
        build_challenge_vote(self)  # creates self.challenges, the areas the board chose
        build_call(self)  # the accelerator, its call and applications
        build_assessment(self)  # rubric, assessors assigned automatically, scores
        self._accelerator()
        build_outcomes(self)
        self._funding()
        self._partnerships()
        build_projects(self)
        build_working_groups(self)
        self._engagements()
        build_competition(self)
        build_board(self)
        build_pledges(self)
        build_cohort(self)
        build_public_page(self)  # the stories need the cohort places and the records
        return p

    def _organisations(self):
        for key, name, kind, identifiers, regions, note in data.NAMED:
            self.org(
                key,
                name,
                kind,
                identifiers=identifiers,
                regions=regions,
                description=note,
                convenes_programme=key in data.CONVENORS,
                national_reach=regions == "UK",
            )
        for key, name, kind, _challenge, region, illustrative, note in (
            *data.INNOVATORS,
            data.WITHDRAWN_INNOVATOR,
        ):
            self.org(key, name, kind, regions=region, description=note, illustrative=illustrative)
        for key, name, kind in data.ILLUSTRATIVE_FUNDERS:
            self.org(key, name, kind, illustrative=True, regions="UK")
        self.partner_keys = [k for k, *_ in data.NAMED if k not in data.CONVENORS]
        for i in range(ILLUSTRATIVE_PARTNER_COUNT):
            first = _FIRST[i % len(_FIRST)]
            second, kind = _SECOND[(i * 3 + i // len(_FIRST)) % len(_SECOND)]
            key = f"partner-{i:02d}"
            self.org(
                key,
                f"{first} {second}",
                kind,
                illustrative=True,
                regions=REGIONS[i % len(REGIONS)],
                employee_count=self.rng.randrange(50, 20000),
            )
            self.partner_keys.append(key)

    def _accelerator(self):
        a, p = self.actor, self.programme
        acc = getattr(self, "accelerator", None) or accelerator.accelerator_create(
            actor=a,
            programme=p,
            delivery_partner=self.orgs["nesta"],
            uid=uid("accelerator"),
            **data.ACCELERATOR,
        )  # build_call made it already: a call belongs to its accelerator
        self.cohort = cohort = accelerator.cohort_create(
            actor=a, accelerator=acc, uid=uid("cohort"), **data.COHORT
        )
        for key, _, _, challenge, *_ in data.INNOVATORS:
            cohort_place(self, key, joined_on=cohort.starts_on, challenge=challenge)
            # The programme's own £20,000 grant: DCMS convenes, so it is not additional.
            funding.funding_award_record(
                actor=a,
                programme=p,
                title=f"IEP accelerator grant to {self.orgs[key].name}",
                instrument="grant",
                amount=Decimal("20000"),
                currency="GBP",
                award_date=cohort.starts_on,
                funder=self.orgs["dcms"],
                recipient=self.orgs[key],
                via_intermediary=self.orgs["nesta"],
                uid=uid("award", "accelerator-grant", key),
            )
        key, _, _, challenge, *_ = data.WITHDRAWN_INNOVATOR
        place = cohort_place(
            self, key, joined_on=date(2018, 1, 10), challenge=challenge, illustrative=True
        )
        accelerator.cohort_member_withdraw(actor=a, membership=place, on=date(2018, 1, 25))

    def _award(
        self,
        recipient,
        funder,
        instrument,
        amount,
        currency,
        on,
        via,
        illustrative,
        title,
        confirmed=True,
        **terms,
    ):
        return funding.funding_award_record(
            actor=self.actor,
            programme=self.programme,
            title=title
            or f"{self.orgs[funder].name} {instrument.replace('_', ' ')} to "
            f"{self.orgs[recipient].name}",
            instrument=instrument,
            amount=Decimal(amount),
            currency=currency,
            award_date=on,
            funder=self.orgs[funder],
            recipient=self.orgs[recipient],
            via_intermediary=self.orgs[via] if via else None,
            confirmed=confirmed,
            illustrative=illustrative,
            uid=uid("award", recipient, funder, on.isoformat()),
            **terms,
        )

    def _funding(self):
        loans = {}
        for row in (*data.ADDITIONAL_AWARDS, *data.OTHER_AWARDS):
            terms = data.LOAN_TERMS.get((row[0], row[1]))
            extra = {}
            if terms:
                rate, months, method, first_due = terms
                extra = dict(
                    interest_rate_percent=Decimal(rate),
                    term_months=months,
                    repayment_method=method,
                    first_repayment_on=first_due,
                )
            award = self._award(*row, **extra)
            if terms:
                loans[(row[0], row[1])] = award
        for recipient, funder, paid_on, amount in data.LOAN_REPAYMENTS:
            funding.loan_repayment_record(
                actor=self.actor,
                award=loans[(recipient, funder)],
                paid_on=paid_on,
                amount=Decimal(amount),
                illustrative=True,
                uid=uid("repayment", recipient, funder, paid_on.isoformat()),
            )
        # The DCMS accelerator grants (recorded with the cohort) are paid in two halves.
        for key, *_ in data.INNOVATORS:
            grant = FundingAward.objects.get(
                programme=self.programme, uid=uid("award", "accelerator-grant", key)
            )
            for kind, on, amount in data.ACCELERATOR_GRANT_DISBURSEMENTS:
                funding.disbursement_record(
                    actor=self.actor,
                    award=grant,
                    kind=kind,
                    on=on,
                    amount=Decimal(amount),
                    illustrative=True,
                    uid=uid("disbursement", key, kind, on.isoformat()),
                )

    def _fresh_pair(self, innovators, partners, used) -> tuple[str, str]:
        """An innovator and partner not yet introduced to each other."""
        while True:
            pair = (self.rng.choice(innovators), self.rng.choice(partners))
            if pair not in used:
                used.add(pair)
                return pair

    def _partnerships(self):
        """The 230 introductions and what became of them: drawn here, recorded as a
        brokering round by iep_brokering (the same draws as ever, so the same figures)."""
        rng = self.rng
        innovators = [k for k, *_ in data.INNOVATORS]
        corporate = [k for k in self.partner_keys if k not in ("beis", "dwp", "hmt")]
        start, end = date(2018, 2, 5), date(2018, 9, 28)
        kinds = [
            "mentoring",
            "distribution",
            "skills",
            "employment_pathways",
            "procurement",
            "in_kind",
            "funding",
        ]
        plan = [  # (innovator, partners, kind, name, value, confirmed_on, illustrative)
            (innovator, partners, kind, name, Decimal(value), on, False)
            for innovator, partners, kind, name, value, on in data.NAMED_PARTNERSHIPS
        ]
        used = {(innovator, partners[0]) for innovator, partners, *_ in plan}
        # Illustrative estimates, in proportion to random weights, add up to the reported total.
        weights = [rng.randrange(5, 40) for _ in range(data.CONFIRMED_PARTNERSHIPS - len(plan))]
        budget = data.ESTIMATED_VALUE_TOTAL - sum(row[4] for row in plan)
        values = [(budget * w / sum(weights)).quantize(Decimal(1)) for w in weights]
        values[-1] += budget - sum(values)
        for value in values:
            innovator, partner = self._fresh_pair(innovators, corporate, used)
            name = f"{self.orgs[innovator].name} and {self.orgs[partner].name}"
            plan.append(
                (
                    innovator,
                    [partner],
                    rng.choice(kinds),
                    name,
                    value,
                    _date_between(rng, start, end),
                    True,
                )
            )
        planned = []
        for n, (innovator, partners, kind, name, value, confirmed_on, illustrative) in enumerate(
            plan
        ):
            introduced = confirmed_on - timedelta(days=rng.randrange(14, 60))
            planned.append(
                Planned(
                    n,
                    innovator,
                    partners[0],
                    kind,
                    name,
                    introduced,
                    illustrative,
                    Stage.CONFIRMED,
                    confirmed_on,
                    value,
                )
            )
        # Introductions that did not (yet) become partnerships: 230 introductions in all.
        outcomes = [Stage.DECLINED] * 60 + [Stage.LAPSED] * 40 + [Stage.IN_DISCUSSION] * 30
        assert len(plan) + len(outcomes) == data.INTRODUCTIONS
        for n, outcome in enumerate(outcomes, start=len(plan)):
            innovator, partner = self._fresh_pair(innovators, corporate, used)
            introduced = _date_between(rng, start, date(2018, 8, 31))
            name = f"{self.orgs[innovator].name} and {self.orgs[partner].name}"
            planned.append(
                Planned(n, innovator, partner, rng.choice(kinds), name, introduced, True, outcome)
            )
        build_brokering(self, planned, uid)

    def _engagements(self):
        a, p, rng = self.actor, self.programme, self.rng
        kinds = ["meeting", "call", "event", "workshop"]
        directory.engagement_record(
            actor=a,
            programme=p,
            organisation=self.orgs["dcms"],
            kind="event",
            occurred_on=date(2017, 11, 21),
            summary="First Partnership meeting, chaired by the Culture Secretary",
            uid=uid("engagement", "first-meeting"),
        )
        for n, key in enumerate(sorted(self.orgs)):
            org = self.orgs[key]
            if org.kind == "funder" and key not in ("esmee-fairbairn", "tnlcf"):
                continue  # illustrative funders are known only through their awards
            for m in range(1 + n % 3):
                on = _date_between(rng, date(2017, 9, 11), date(2018, 9, 21))
                directory.engagement_record(
                    actor=a,
                    programme=p,
                    organisation=org,
                    kind=kinds[(n + m) % 4],
                    occurred_on=on,
                    summary=f"{kinds[(n + m) % 4].capitalize()} with {org.name}",
                    illustrative=True,
                    uid=uid("engagement", key, str(m)),
                )

    def users(self):
        for email, name, role, org_key in DEMO_USERS:
            user = User.objects.filter(email=email).first() or user_create(
                email=email, password=DEMO_PASSWORD, full_name=name
            )
            membership_grant(
                actor=self.actor,
                user=user,
                programme=self.programme,
                role=role,
                organisation=self.orgs.get(org_key) if org_key else None,
            )


@transaction.atomic
def build_iep() -> Programme:
    """(Re)build the IEP demo programme and its demo users."""
    actor = User.objects.filter(email=DEMO_USERS[0][0]).first() or user_create(
        email=DEMO_USERS[0][0], password=DEMO_PASSWORD, full_name=DEMO_USERS[0][1]
    )
    existing = Programme.objects.filter(slug=data.PROGRAMME["slug"]).first()
    if existing:
        programme_delete(actor=actor, programme=existing)
    builder = Builder(actor)
    # The demo's records are history (2017–2018), not news: nobody is notified or emailed.
    with notifications_off():
        programme = builder.build()
        builder.users()
    if not User.objects.filter(email="admin@example.org").exists():
        User.objects.create_superuser(
            email="admin@example.org", password=DEMO_PASSWORD, full_name="Demo administrator"
        )
    return programme
