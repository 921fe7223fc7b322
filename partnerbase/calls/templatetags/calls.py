from django import template
from django.utils.html import format_html

from partnerbase.calls import deadlines, lifecycle
from partnerbase.calls.permissions import can_manage_calls

register = template.Library()

STATUS_TAGS = {
    "draft": "govuk-tag--grey",
    "submitted": "govuk-tag--green",
    "withdrawn": "govuk-tag--red",
}


@register.filter
def uk_time(moment):
    """'12pm on Friday 3 November 2017 (GMT)'."""
    return deadlines.format_uk(moment) if moment else "—"


@register.filter
def application_status_tag(application):
    return format_html(
        '<strong class="govuk-tag {}">{}</strong>',
        STATUS_TAGS.get(application.status, ""),
        application.get_status_display(),
    )


@register.filter
def may_manage_calls(user, programme):
    return can_manage_calls(user, programme)


@register.filter
def number_as_shown(question, value):
    """A number as its question shows numbers: £250,000, or 2012 for a year."""
    return question.format_number(value) if value is not None else ""


CALL_STATUS_TAGS = {
    "Open": "govuk-tag--green",
    "Not open yet": "govuk-tag--blue",
    "Closed": "govuk-tag--grey",
    "No questions": "govuk-tag--yellow",
}


@register.filter
def call_status_tag(status):
    """A call's status from calls/lifecycle.py as a GOV.UK tag."""
    return format_html(
        '<strong class="govuk-tag {}">{}</strong>', CALL_STATUS_TAGS.get(status, ""), status
    )


@register.filter
def call_status(call):
    return lifecycle.status(call)
