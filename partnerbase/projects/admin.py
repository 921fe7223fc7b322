from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import CoalitionMember, CollaborativeProject


class CoalitionInline(admin.TabularInline):
    model = CoalitionMember
    extra = 0
    autocomplete_fields = ["organisation"]
    fields = ["organisation", "role", "joined_on"]


@admin.register(CollaborativeProject)
class CollaborativeProjectAdmin(SimpleHistoryAdmin):
    list_display = ["name", "programme", "status", "launch_date", "region"]
    list_filter = ["programme", "status"]
    inlines = [CoalitionInline]
