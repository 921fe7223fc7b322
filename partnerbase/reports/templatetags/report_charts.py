"""`{% public_figure_charts programme figures as charts %}`: the headline figures' charts for
the public page and the team's preview of it (built here, in the reports app, for both),
from the figures the page has computed already."""

from django import template

from partnerbase.reports.report.build import public_figure_charts as build_charts

register = template.Library()


@register.simple_tag
def public_figure_charts(programme, figures=None):
    return build_charts(programme, figures)
