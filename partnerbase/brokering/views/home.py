from django.shortcuts import render
from django.views.decorators.http import require_GET

from partnerbase.core.period import programme_period
from partnerbase.programmes.access import programme_for

from .. import queries
from ..models import OpenStatus
from ..permissions import (
    can_add_need,
    can_add_offer,
    can_broker,
    can_use_brokering,
    can_view_my_introductions,
)
from .common import context


@require_GET
def brokering_home(request, slug):
    programme = programme_for(request, slug, can_use_brokering)
    user = request.user
    broker = can_broker(user, programme)
    extra = {
        "can_broker": broker,
        "can_add_need": can_add_need(user, programme),
        "can_add_offer": can_add_offer(user, programme),
        "can_see_introductions": can_view_my_introductions(user, programme),
    }
    if broker:
        period = programme_period(programme)
        extra.update(
            rounds=queries.round_list(programme=programme),
            open_needs=queries.need_list(user=user, programme=programme)
            .filter(status=OpenStatus.OPEN)
            .count(),
            open_offers=queries.offer_list(user=user, programme=programme)
            .filter(status=OpenStatus.OPEN)
            .count(),
            conversion=queries.conversion(programme, period),
            period=period,
        )
    return render(request, "brokering/home.html", context(programme, **extra))
