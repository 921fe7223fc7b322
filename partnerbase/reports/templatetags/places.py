from django import template

from ..places import SECTION_OF, navigation

register = template.Library()


@register.simple_tag(takes_context=True)
def programme_navigation(context, programme):
    """The top navigation's items for the signed-in user, and which one the page is under."""
    current = context.get("nav_current")
    return {
        "items": navigation(context["request"].user, programme),
        "section": SECTION_OF.get(current, current),
    }
