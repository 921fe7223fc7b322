"""The pieces of a long list's page: sortable column headings.

{% load lists %}
{% sort_header sort_links "date" %}
"""

from django import template

register = template.Library()


@register.inclusion_tag("includes/list_sort_header.html")
def sort_header(sort_links, key, numeric=False):
    """A column heading that orders the list by `key` (aria-sort says the current order)."""
    return {"link": sort_links[key], "numeric": numeric}
