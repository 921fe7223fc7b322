from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Programme


@admin.register(Programme)
class ProgrammeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug", "starts_on", "ends_on", "figures_published"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]
