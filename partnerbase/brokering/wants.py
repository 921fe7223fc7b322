"""Needs and offers are one shape: a want recorded for an organisation (an innovator's
need, a partner's offer), with its form, who may add or change it, whom it may be recorded
for, and the services that save it. The pages (`views/wants.py`) and the API
(`api/writes.py`) both work from these two descriptions, so neither side is written twice."""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms

from . import queries, services
from .forms import NeedForm, OfferForm
from .permissions import can_add_need, can_add_offer, can_change_need, can_change_offer


@dataclass(frozen=True)
class Want:
    name: str  # "need" or "offer"
    owner: str  # the organisation field: "innovator" or "partner"
    form: type[forms.Form]
    may_add: Callable  # (user, programme) -> bool
    may_change: Callable  # (user, record) -> bool
    get: Callable  # (*, programme, uid) -> record, 404 if none
    owners: Callable  # (*, user, programme) -> whom the user may record it for
    create: Callable  # (*, actor, programme, **cleaned data) -> record
    update: Callable  # (*, actor, record, **cleaned data but the owner) -> record
    money: str  # the money field: "amount" or "budget"
    fields: tuple[str, ...]  # the form's fields read from a record, money aside

    def form_arguments(self, *, user, programme) -> dict:
        """The form's keywords: the programme, and whom the user may record it for."""
        return {
            "programme": programme,
            f"{self.owner}s": self.owners(user=user, programme=programme),
        }

    def initial(self, record) -> dict:
        initial = {name: getattr(record, name) for name in self.fields}
        initial[self.money] = getattr(record, self.money)
        return initial

    def changes(self, cleaned_data) -> dict:
        """What a change saves: the form's data but the owner, which never changes."""
        return {k: v for k, v in cleaned_data.items() if k != self.owner}


NEED = Want(
    name="need",
    owner="innovator",
    form=NeedForm,
    may_add=can_add_need,
    may_change=can_change_need,
    get=queries.need_get,
    owners=queries.need_innovators,
    create=services.need_create,
    update=lambda *, actor, record, **data: services.need_update(actor=actor, need=record, **data),
    money="amount",
    fields=("innovator", "type", "description", "quantity", "regions", "challenge_area"),
)

OFFER = Want(
    name="offer",
    owner="partner",
    form=OfferForm,
    may_add=can_add_offer,
    may_change=can_change_offer,
    get=queries.offer_get,
    owners=queries.offer_partners,
    create=services.offer_create,
    update=lambda *, actor, record, **data: services.offer_update(
        actor=actor, offer=record, **data
    ),
    money="budget",
    fields=(
        "partner",
        "type",
        "description",
        "capacity",
        "regions",
        "challenge_area",
        "preferred_challenge_area",
        "preferred_regions",
        "pledge_reference",
    ),
)
