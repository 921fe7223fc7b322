from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from partnerbase.impact.models import Target

from .models import Programme


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0
    fields = ["figure", "value", "set_on", "notes"]


@admin.register(Programme)
class ProgrammeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug", "starts_on", "ends_on", "figures_published"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]
    inlines = [TargetInline]
