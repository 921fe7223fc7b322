"""The headline figures with the ids of the records that make each one: the dashboard's
numbers and the figure pages' lists, from the same definitions (impact/figures.py,
impact/records.py), for those who may open the dashboard."""

from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from partnerbase.accounts.permissions import can_view_figure_records
from partnerbase.core.period import Period, programme_period
from partnerbase.impact.figures import headline_figures
from partnerbase.impact.records import figure_records

from .access import LoginFree, programme_for
from .reads import _iso

_record = inline_serializer(
    "FigureRecord",
    many=True,
    fields={
        "kind": serializers.CharField(help_text="app_label.model, e.g. directory.organisation"),
        "id": serializers.IntegerField(),
        "uid": serializers.UUIDField(),
    },
)
_figure = inline_serializer(
    "Figure",
    {
        "label": serializers.CharField(),
        "value": serializers.CharField(allow_null=True, help_text="A count, or money as text"),
        "target": serializers.CharField(allow_null=True),
        "status": serializers.CharField(),
        "display": serializers.CharField(),
        "currency": serializers.CharField(allow_null=True),
        "problem": serializers.CharField(),
        "records": _record,
    },
)
_figures = inline_serializer(
    "Figures",
    {
        "programme": serializers.CharField(),
        "from": serializers.DateField(),
        "to": serializers.DateField(),
        "figures": serializers.DictField(child=_figure),
    },
)


def _value(value, is_money: bool):
    if value is None:
        return None
    return format(value, "f") if is_money else int(value)


class Figures(LoginFree, APIView):
    @extend_schema(
        parameters=[
            OpenApiParameter("from", str, description="Start of the period, YYYY-MM-DD"),
            OpenApiParameter("to", str, description="End of the period, YYYY-MM-DD"),
        ],
        responses={200: _figures},
    )
    def get(self, request, slug):
        """The six headline figures for a period (the programme's whole run by default),
        each with its target, status and the records that make it."""
        programme = programme_for(request, slug, can_view_figure_records)
        period = programme_period(programme)
        start, end = _iso(request.query_params, "from"), _iso(request.query_params, "to")
        if start or end:
            period = Period(start or period.start, end or period.end)
            if period.end < period.start:
                return Response({"to": ["The end must be on or after the start."]}, status=400)
        results = headline_figures(programme, period)
        figures = {}
        for key, result in results.figures.items():
            records = figure_records(programme, key, period)
            figures[key] = {
                "label": result.label,
                "value": _value(result.value, result.is_money),
                "target": _value(result.target, result.is_money),
                "status": result.status,
                "display": result.display,
                "currency": results.currency if result.is_money else None,
                "problem": result.problem or records.problem,
                "records": [
                    {
                        "kind": row["record"]._meta.label_lower,
                        "id": row["record"].pk,
                        "uid": row["record"].uid,
                    }
                    for row in records.rows
                ],
            }
        return Response(
            {
                "programme": programme.slug,
                "from": period.start,
                "to": period.end,
                "figures": figures,
            }
        )
