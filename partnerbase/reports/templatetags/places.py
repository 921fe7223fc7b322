from django import template

from ..places import SECTION_OF, navigation, places

register = template.Library()


@register.simple_tag(takes_context=True)
def programme_navigation(context, programme):
    """The top navigation's items for the signed-in user, and which one the page is under."""
    current = context.get("nav_current")
    user = context["request"].user
    items = navigation(user, programme)
    groups = places(user, programme)
    shown = {key for key, _, _ in items}
    return {
        "items": items,
        "section": SECTION_OF.get(current, current),
        # Every place the user may open, grouped, when the top row does not hold them all.
        "groups": groups if any(k not in shown for _, links in groups for k, _, _ in links) else [],
    }
