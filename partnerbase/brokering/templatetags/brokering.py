from django import template

from ..permissions import can_use_brokering
from ..queries import conversion

register = template.Library()


@register.filter
def part_label(name: str) -> str:
    """An engine score part as words: "type_fit" -> "Type fit"."""
    return str(name).replace("_", " ").capitalize()


@register.inclusion_tag("brokering/partials/conversion_line.html")
def conversion_line(programme, period, kept=None):
    """The dashboard's line under the figures: introductions that became partnerships
    (`kept`: the Conversion kept with the figures, else counted now)."""
    found = kept if kept is not None else conversion(programme, period)
    return {"programme": programme, "period": period, "conversion": found}


@register.filter
def may_broker(user, programme) -> bool:
    return can_use_brokering(user, programme)
