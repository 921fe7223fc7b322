"""A figure's status as a GOV.UK tag colour."""

from django import template

from partnerbase.impact import status as st

register = template.Library()

STATUS_TAGS = {
    st.EXCEEDED: "govuk-tag--green",
    st.MET: "govuk-tag--green",
    st.ON_TRACK: "govuk-tag--blue",
    st.BEHIND: "govuk-tag--red",
    st.NO_TARGET: "govuk-tag--grey",
    st.UNAVAILABLE: "govuk-tag--red",
}


@register.filter
def status_tag(status):
    return STATUS_TAGS.get(status, "govuk-tag--grey")
