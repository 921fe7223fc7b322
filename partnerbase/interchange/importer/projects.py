"""Creating collaborative projects (funding links, indicators) and competitions: stages
and rubric, entries, judges (and their user accounts), judges' scores and prizes."""

from decimal import Decimal
from functools import cached_property

from partnerbase.accounts.models import Role, User
from partnerbase.accounts.services import membership_grant, user_create
from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_save
from partnerbase.projects import services as projects

from ..restore import nested
from .base import file_date as _date


class ProjectSteps:
    def project(self, r: dict):
        coalition = [
            (self.ref(m["organisation"]), m["role"], _date(m, "joined_on"))
            for m in r.get("coalition", [])
        ]
        return projects.project_create(
            **self.common(r),
            programme=self.programme,
            name=r["name"],
            status=r.get("status", "proposed"),
            launch_date=_date(r, "launch_date"),
            region=r.get("region", ""),
            challenge_area=self.ref(r.get("challenge_area")),
            description=r.get("description", ""),
            origin=r.get("origin", ""),
            coalition=coalition,
            published=r.get("published", False),
        )

    def project_funding(self, r: dict):
        return projects.project_funding_link(
            **self.common(r),
            project=self.ref(r["project"]),
            award=self.ref(r["award"]),
            direction=r["direction"],
        )

    def project_indicator(self, r: dict):
        indicator = projects.project_indicator_add(
            **self.common(r), project=self.ref(r["project"]), name=r["name"], unit=r["unit"]
        )
        for n, o in enumerate(r.get("observations", [])):
            with nested(f"observations[{n}]"):
                self.pending[o["id"]] = projects.project_observation_record(
                    **self.common(o),
                    indicator=indicator,
                    observed_on=_date(o, "observed_on"),
                    value=o["value"],
                    quality=o["quality"],
                    evidence=o.get("evidence", ""),
                )
        return indicator

    def competition(self, r: dict):
        competition = projects.competition_create(
            **self.common(r),
            programme=self.programme,
            name=r["name"],
            sponsor=self.ref(r["sponsor"]),
            prize_fund=Decimal(r["prize_fund"]["amount"]),
            currency=r["prize_fund"]["currency"],
            launch_date=_date(r, "launch_date"),
            challenge_area=self.ref(r.get("challenge_area")),
            description=r.get("description", ""),
            published=r.get("published", False),
        )
        for n, s in enumerate(r.get("stages", [])):
            with nested(f"stages[{n}]"):
                self.pending[s["id"]] = projects.competition_stage_add(
                    **self.common(s),
                    competition=competition,
                    name=s["name"],
                    starts_on=_date(s, "starts_on"),
                    ends_on=_date(s, "ends_on"),
                )
        for n, c in enumerate(r.get("rubric_criteria", [])):  # in rubric order
            with nested(f"rubric_criteria[{n}]"):
                self.pending[c["id"]] = projects.rubric_criterion_add(
                    **self.common(c),
                    competition=competition,
                    name=c["name"],
                    weight=c.get("weight", 1),
                    min_score=c.get("min_score", 0),
                    max_score=c.get("max_score", 10),
                )
        return competition

    def competition_entry(self, r: dict):
        return projects.competition_entry_record(
            **self.common(r),
            competition=self.ref(r["competition"]),
            organisation=self.ref(r["organisation"]),
            title=r["title"],
            entered_on=_date(r, "entered_on"),
            summary=r.get("summary", ""),
        )

    def judge_user(self, r: dict) -> User:
        """The judge's account, by email, made if missing (without a password: they reset
        it to sign in); judging needs the assessor role in this programme."""
        user = User.objects.filter(email__iexact=r["email"]).first()
        if user is None:
            user = user_create(email=r["email"], password=None, full_name=r.get("name", ""))
        membership_grant(actor=self.actor, user=user, programme=self.programme, role=Role.ASSESSOR)
        return user

    def competition_judge(self, r: dict):
        competition = self.ref(r["competition"])
        return projects.competition_judge_add(
            **self.common(r),
            competition=competition,
            user=self.judge_user(r),
            organisation=self.ref(r.get("organisation")),
        )

    def judge_assignment(self, r: dict):
        entry, judge = self.ref(r["entry"]), self.ref(r["judge"])
        assignment = projects.judge_assign(**self.common(r), judge=judge, entry=entry)
        scores, submitted_on = {}, _date(r, "submitted_on")
        for n, s in enumerate(r.get("scores", [])):
            criterion = self.ref(s["criterion"])
            if criterion.competition_id != entry.competition_id or criterion in scores:
                raise DomainError(
                    "Give one score for each criterion of the entry's competition.",
                    field=f"scores[{n}].criterion",
                )
            scores[criterion] = s["score"]
        if scores and submitted_on is None:
            raise DomainError("Scores have the date they were submitted.", field="submitted_on")
        if submitted_on is None:
            return assignment
        try:
            return projects.judge_scores_submit(
                actor=self.actor, assignment=assignment, scores=scores, submitted_on=submitted_on
            )
        except DomainError as exc:  # the service names its form's fields
            raise DomainError(exc.message, field="scores") from exc

    @cached_property
    def award_records(self) -> dict[str, tuple[int, dict]]:
        return {a["id"]: (n, a) for n, a in enumerate(self.data.get("funding_awards", []))}

    def competition_award(self, r: dict):
        """The prize makes its own funding award (the funding_awards pass left it out), with
        the file's id; what the file says beyond the service's defaults is then restored."""
        entry = self.ref(r["entry"])
        n, fa = self.award_records[r["funding_award"]]
        self.prize_award_fits(entry, n, fa)
        prize = projects.competition_award_make(
            **self.common(r),
            entry=entry,
            amount=Decimal(fa["amount"]["amount"]),
            award_date=_date(fa, "award_date"),
            title=fa["title"],
            funding_award_uid=fa["id"],
        )
        award = prize.funding_award
        restored = {
            "description": fa.get("description", ""),
            "confirmed": fa.get("confirmed", True),
            "illustrative": fa.get("illustrative", False),
            "via_partnership": self.ref(fa.get("via_partnership")),
            "via_intermediary": self.ref(fa.get("via_intermediary")),
        }
        if any(getattr(award, k) != v for k, v in restored.items()):
            for name, value in restored.items():
                setattr(award, name, value)
            with nested("funding_award"):
                record_save(award, actor=self.actor, reason="Restored from an interchange file")
        with nested("funding_award"):
            self.grant_details(award, fa)
        self.pending[fa["id"]] = award
        return prize

    def prize_award_fits(self, entry, n: int, fa: dict) -> None:
        """A prize's funding award is a prize from the sponsor to the entrant, in the prize
        fund's currency: the file's award must say so."""
        competition = entry.competition
        expected = {
            "instrument": "prize",
            "amount.currency": competition.prize_fund_currency,
            "funder": str(competition.sponsor.uid),
            "recipient": str(entry.organisation.uid),
            "interest_rate_percent": None,
            "term_months": None,
            "repayment_method": None,
            "first_repayment_on": None,
        }
        actual = {
            "instrument": fa["instrument"],
            "amount.currency": fa["amount"]["currency"],
            "funder": fa["funder"],
            "recipient": fa["recipient"],
            "interest_rate_percent": fa.get("interest_rate_percent"),
            "term_months": fa.get("term_months"),
            "repayment_method": fa.get("repayment_method"),
            "first_repayment_on": fa.get("first_repayment_on"),
        }
        for field, value in expected.items():
            if actual[field] != value:
                raise DomainError(
                    f"funding_awards[{n}] has {field} {actual[field]!r}; a prize's funding "
                    f"award has {value!r}.",
                    field="funding_award",
                )
