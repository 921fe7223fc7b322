from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import OutcomeIndicator, OutcomeObservation


class OutcomeObservationInline(admin.TabularInline):
    model = OutcomeObservation
    extra = 0
    fields = ["observed_on", "value", "quality", "evidence", "evidence_url"]


@admin.register(OutcomeIndicator)
class OutcomeIndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "organisation", "kind", "unit", "programme"]
    list_filter = ["programme", "kind"]
    autocomplete_fields = ["organisation"]
    inlines = [OutcomeObservationInline]


@admin.register(OutcomeObservation)
class OutcomeObservationAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "observed_on", "value", "quality"]
    list_filter = ["quality"]
