"""Creating needs, offers, brokering rounds and introductions."""

from decimal import Decimal

from partnerbase.brokering import services as brokering
from partnerbase.brokering.models import OpenStatus
from partnerbase.core.errors import DomainError

from ..restore_brokering import introduction_restore, round_restore, setting_restore
from .base import file_date as _date


def _money(value: dict | None) -> tuple[Decimal | None, str | None]:
    return (Decimal(value["amount"]), value["currency"]) if value else (None, None)


class BrokeringSteps:
    def want(self, r: dict) -> dict:
        """The arguments a need and an offer share."""
        return {
            **self.common(r),
            "programme": self.programme,
            "type": r["type"],
            "regions": ", ".join(r.get("regions", [])),
            "challenge_area": self.ref(r.get("challenge_area")),
            "description": r.get("description", ""),
            "recorded_on": _date(r, "recorded_on"),
        }

    def close(self, want, r: dict):
        """Close it as the file says; only closing sets a closing date."""
        closed_on = _date(r, "closed_on")
        if r.get("status", OpenStatus.OPEN) == OpenStatus.CLOSED:
            if closed_on is None:
                raise DomainError("Enter the date it closed.", field="closed_on")
            return brokering.want_close(actor=self.actor, record=want, on=closed_on)
        if closed_on:
            raise DomainError(
                "Only a closed need or offer has the date it closed.", field="closed_on"
            )
        return want

    def need(self, r: dict):
        amount, currency = _money(r.get("amount"))
        need = brokering.need_create(
            **self.want(r),
            innovator=self.ref(r["innovator"]),
            amount=amount,
            currency=currency,
            quantity=r.get("quantity"),
        )
        return self.close(need, r)

    def offer(self, r: dict):
        budget, currency = _money(r.get("budget"))
        offer = brokering.offer_create(
            **self.want(r),
            partner=self.ref(r["partner"]),
            capacity=r.get("capacity", 1),
            budget=budget,
            currency=currency,
            preferred_challenge_area=self.ref(r.get("preferred_challenge_area")),
            preferred_regions=", ".join(r.get("preferred_regions", [])),
            pledge_reference=r.get("pledge_reference", ""),
            pledge=self.ref(r.get("pledge")),
        )
        return self.close(offer, r)

    def brokering_round(self, r: dict):
        round = brokering.round_create(
            **self.common(r),
            programme=self.programme,
            name=r["name"],
            mode=r.get("mode", "optimal"),
            weights=r.get("weights"),
            innovator_capacity=r.get("innovator_capacity", 3),
            min_introductions=r.get("min_introductions", 1),
        )
        return round_restore(actor=self.actor, round=round, record=r)

    def round_innovator_setting(self, r: dict):
        return setting_restore(
            actor=self.actor,
            round=self.ref(r["round"]),
            innovator=self.ref(r["innovator"]),
            record=r,
        )

    def introduction(self, r: dict):
        return introduction_restore(
            actor=self.actor,
            round=self.ref(r["round"]),
            record=r,
            innovator=self.ref(r["innovator"]),
            partner=self.ref(r["partner"]),
            need=self.ref(r.get("need")),
            offer=self.ref(r.get("offer")),
            partnership=self.ref(r.get("partnership")),
        )
